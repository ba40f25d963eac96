import { formatMb } from '../render/topology';
import { phaseOf } from '../render/topology/sandboxStyle';
import { useSelection } from '../store/selection';
import type { Frame } from '../worker/frame';
import { formatCount, formatTime } from './format';
import { useFrame } from './useFrame';

type Row = [string, string];

function sandboxRows(frame: Frame, id: number): Row[] | null {
  const sb = frame.sandboxes.find((s) => s.id === id);
  if (!sb) return null;
  const fn = frame.functions[sb.fn]!;
  const rows: Row[] = [
    ['Function', fn.name],
    ['Account', fn.account],
    ['Worker (host)', `Worker ${sb.host}`],
    ['Guest OS', `${frame.isolation === 'microvm' ? 'microVM' : 'account VM'} ${sb.guestOs}`],
    ['State', `${phaseOf(sb.state)}, for ${formatTime(frame.t - sb.stateSince)}`],
    ['Memory', formatMb(fn.memoryMb)],
    ['Created', `at ${formatTime(sb.createdAt)}${sb.provisioned ? ' (provisioned concurrency)' : ''}`],
    ['Init (cold start)', sb.initEndedAt === null ? 'running now' : `ran once, ${formatTime(sb.initEndedAt - sb.createdAt)} from placement to ready`],
    ['Invocations served', formatCount(sb.invocations)],
    ['Reused init by', `${formatCount(Math.max(0, sb.invocations - 1))} warm invocation${sb.invocations - 1 === 1 ? '' : 's'}`],
  ];
  if (sb.state === 'idle') {
    rows.push(['Idle for', formatTime(frame.t - sb.stateSince)]);
    rows.push(['Keep-alive reclaims it', sb.stateEndsAt === null ? 'never (provisioned)' : `at ${formatTime(sb.stateEndsAt)}, in ${formatTime(sb.stateEndsAt - frame.t)}`]);
  } else if (sb.stateEndsAt !== null) {
    rows.push(['This step ends', `in ${formatTime(sb.stateEndsAt - frame.t)}`]);
  }
  if (sb.currentRequest !== null) rows.push(['Serving request', `#${sb.currentRequest}`]);
  return rows;
}

function requestRows(frame: Frame, id: number): Row[] | null {
  const rq = frame.requests.find((r) => r.id === id);
  if (rq) {
    const fn = frame.functions[rq.fn]!;
    return [
      ['Function', fn.name],
      ['State', `${rq.state}, for ${formatTime(frame.t - rq.stateSince)}`],
      ['Arrived', `at ${formatTime(rq.arrivedAt)} (${formatTime(frame.t - rq.arrivedAt)} ago)`],
      ['Start', rq.sandbox === null ? 'not routed yet' : rq.cold || rq.state === 'waitingForSandbox' ? `cold, on new sandbox #${rq.sandbox}` : `warm, on sandbox #${rq.sandbox}`],
      ...(rq.attempts > 0 ? ([['Retries (async queue)', String(rq.attempts)]] as Row[]) : []),
    ];
  }
  const ended = frame.recentlyEnded.find((e) => e.id === id);
  if (!ended) return null;
  return [
    ['Function', frame.functions[ended.fn]!.name],
    ['Outcome', ended.outcome],
    ['Latency', formatTime(ended.endedAt - ended.arrivedAt)],
    ['Start', ended.cold ? 'cold' : 'warm'],
  ];
}

function hostRows(frame: Frame, id: number): Row[] | null {
  const h = frame.hosts.find((x) => x.id === id);
  if (!h) return null;
  const sbs = frame.sandboxes.filter((s) => s.host === id);
  const guests = frame.guestOses.filter((g) => g.host === id);
  const accounts = [...new Set(guests.map((g) => g.account))];
  return [
    ['Memory in use', `${formatMb(h.usedMb)} of ${formatMb(h.memoryMb)} (${Math.round((100 * h.usedMb) / h.memoryMb)}%)`],
    ['Guest OSes', `${guests.length} (${frame.isolation === 'microvm' ? 'microVMs' : 'account VMs'})`],
    ['Accounts on it', accounts.length ? accounts.join(', ') : 'none'],
    ['Sandboxes', `${sbs.length}: ${sbs.filter((s) => s.state === 'invoking').length} busy, ${sbs.filter((s) => s.state === 'idle').length} idle`],
  ];
}

function guestRows(frame: Frame, id: number): Row[] | null {
  const g = frame.guestOses.find((x) => x.id === id);
  if (!g) return null;
  return [
    ['Kind', g.kind === 'microvm' ? 'microVM (one sandbox)' : 'VM of one account (its containers)'],
    ['Account', g.account],
    ['Worker (host)', `Worker ${g.host}`],
    ['Memory reserved', formatMb(g.memoryMb)],
    ['Used by sandboxes', formatMb(g.usedMb)],
    ['Booted', g.readyAt > frame.t ? `booting, ready at ${formatTime(g.readyAt)}` : `at ${formatTime(g.readyAt)}`],
  ];
}

const TITLES = { sandbox: 'Sandbox', request: 'Request', host: 'Worker', guestOs: 'Guest OS' } as const;

/** Details of whatever was clicked in a view. */
export function Inspector() {
  const selected = useSelection((s) => s.selected);
  const select = useSelection((s) => s.select);
  const frame = useFrame(4);
  let body: React.ReactNode = <p className="subtle">Click a worker, a guest OS, a sandbox or a request to see its details.</p>;
  if (selected && frame) {
    const rows =
      selected.kind === 'sandbox' ? sandboxRows(frame, selected.id) : selected.kind === 'request' ? requestRows(frame, selected.id) : selected.kind === 'host' ? hostRows(frame, selected.id) : guestRows(frame, selected.id);
    body = rows ? (
      <dl className="inspector-rows">
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    ) : (
      <p>{selected.kind === 'sandbox' ? 'This sandbox is gone: keep-alive reclaimed it (or it was shut down).' : selected.kind === 'request' ? 'This request has ended.' : 'Not present at this time.'}</p>
    );
  }
  return (
    <section className="panel inspector" aria-labelledby="inspector-title">
      <h2 id="inspector-title">
        Inspector{selected ? `: ${TITLES[selected.kind]} #${selected.id}` : ''}
        {selected && (
          <button type="button" className="link" onClick={() => select(null)}>
            clear
          </button>
        )}
      </h2>
      {body}
    </section>
  );
}
