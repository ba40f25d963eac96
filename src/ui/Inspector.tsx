import type { TFunction } from 'i18next';
import { pluralKey, useT, type Lang } from '../i18n';
import { formatMb } from '../render/topology';
import { phaseOf } from '../render/topology/sandboxStyle';
import { useSelection } from '../store/selection';
import type { Frame } from '../worker/frame';
import { formatCount, formatPercent, formatTime } from './format';
import { useFrame } from './useFrame';
import { appsRequestRows } from './appsRows';

type Row = [string, string];

/**
 * What the rows are written with: the language's `t` and formatters. Request states and
 * outcomes stay the machine's own names (`waitingForSandbox`, `timedOut`), as the statechart
 * view draws them, so a student can find them there in either language.
 */
interface Words {
  t: TFunction;
  lang: Lang;
}

function sandboxRows(frame: Frame, id: number, { t, lang }: Words): Row[] | null {
  const sb = frame.sandboxes.find((s) => s.id === id);
  if (!sb) return null;
  const fn = frame.functions[sb.fn]!;
  const time = (ms: number) => formatTime(ms, lang);
  const reused = Math.max(0, sb.invocations - 1);
  const rows: Row[] = [
    [t('inspector.rows.function'), fn.name],
    [t('inspector.rows.account'), fn.account],
    [t('inspector.rows.worker'), t('inspector.values.worker', { id: sb.host })],
    [t('inspector.rows.guestOs'), t(frame.isolation === 'microvm' ? 'inspector.values.microvm' : 'inspector.values.accountVm', { id: sb.guestOs })],
    [t('inspector.rows.state'), t('inspector.values.stateFor', { state: phaseOf(sb.state), duration: time(frame.t - sb.stateSince) })],
    [t('inspector.rows.memory'), formatMb(fn.memoryMb)],
    [t('inspector.rows.created'), t(sb.provisioned ? 'inspector.values.atProvisioned' : 'inspector.values.at', { time: time(sb.createdAt) })],
    [t('inspector.rows.init'), sb.initEndedAt === null ? t('inspector.values.initRunning') : t('inspector.values.initRan', { duration: time(sb.initEndedAt - sb.createdAt) })],
    [t('inspector.rows.invocations'), formatCount(sb.invocations, lang)],
    [t('inspector.rows.reusedBy'), t(pluralKey('inspector.values.warmInvocations', reused, lang), { n: formatCount(reused, lang) })],
  ];
  if (sb.state === 'idle') {
    rows.push([t('inspector.rows.idleFor'), time(frame.t - sb.stateSince)]);
    // The engine's own keep-alive timer for this sandbox: per function under the hybrid policy.
    rows.push([t('inspector.rows.reclaims'), sb.reclaimAt === null ? t('inspector.values.never') : t('inspector.values.atIn', { time: time(sb.reclaimAt), left: time(sb.reclaimAt - frame.t) })]);
  } else if (sb.stateEndsAt !== null) {
    rows.push([t('inspector.rows.stepEnds'), t('inspector.values.in', { duration: time(sb.stateEndsAt - frame.t) })]);
  }
  if (sb.currentRequest !== null) rows.push([t('inspector.rows.serving'), t('inspector.values.request', { id: sb.currentRequest })]);
  return rows;
}

function requestRows(frame: Frame, id: number, { t, lang }: Words): Row[] | null {
  const time = (ms: number) => formatTime(ms, lang);
  const rq = frame.requests.find((r) => r.id === id);
  if (rq) {
    const fn = frame.functions[rq.fn]!;
    const start =
      rq.sandbox === null
        ? t('inspector.values.notRouted')
        : t(rq.cold || rq.state === 'waitingForSandbox' ? 'inspector.values.coldOn' : 'inspector.values.warmOn', { id: rq.sandbox });
    return [
      [t('inspector.rows.function'), fn.name],
      [t('inspector.rows.state'), t('inspector.values.stateFor', { state: rq.state, duration: time(frame.t - rq.stateSince) })],
      [t('inspector.rows.arrived'), t('inspector.values.arrivedAgo', { time: time(rq.arrivedAt), ago: time(frame.t - rq.arrivedAt) })],
      [t('inspector.rows.start'), start],
      ...(rq.attempts > 0 ? ([[t('inspector.rows.retries'), formatCount(rq.attempts, lang)]] as Row[]) : []),
      ...appsRequestRows(frame, rq, t),
    ];
  }
  const ended = frame.recentlyEnded.find((e) => e.id === id);
  if (!ended) return null;
  return [
    [t('inspector.rows.function'), frame.functions[ended.fn]!.name],
    [t('inspector.rows.outcome'), ended.outcome],
    [t('inspector.rows.latency'), time(ended.endedAt - ended.arrivedAt)],
    [t('inspector.rows.start'), ended.cold ? t('inspector.values.cold') : t('inspector.values.warm')],
    ...appsRequestRows(frame, ended, t),
  ];
}

function hostRows(frame: Frame, id: number, { t, lang }: Words): Row[] | null {
  const h = frame.hosts.find((x) => x.id === id);
  if (!h) return null;
  const sbs = frame.sandboxes.filter((s) => s.host === id);
  const guests = frame.guestOses.filter((g) => g.host === id);
  const accounts = [...new Set(guests.map((g) => g.account))];
  const count = (n: number) => formatCount(n, lang);
  // Generic sandboxes are not selectable (they are no function's): their host says what they hold.
  const pool = frame.poolSandboxes.filter((p) => p.host === id);
  const poolRows: Row[] = pool.length
    ? [
        [
          t('render.topology.pool.hostRow'),
          t(pluralKey('render.topology.pool.hostValue', pool.length, lang), {
            n: count(pool.length),
            ready: count(pool.filter((p) => p.state === 'pool.ready').length),
            memory: formatMb(pool.reduce((m, p) => m + p.memoryMb, 0)),
          }),
        ],
      ]
    : [];
  return [
    [t('inspector.rows.memoryInUse'), t('inspector.values.ofTotal', { used: formatMb(h.usedMb), total: formatMb(h.memoryMb), percent: formatPercent(h.usedMb / h.memoryMb, lang, 0) })],
    [t('inspector.rows.guestOses'), t(frame.isolation === 'microvm' ? 'inspector.values.guestsMicrovm' : 'inspector.values.guestsAccountVm', { n: count(guests.length) })],
    [t('inspector.rows.accountsOn'), accounts.length ? accounts.join(', ') : t('inspector.values.none')],
    [
      t('inspector.rows.sandboxes'),
      t('inspector.values.sandboxes', { n: count(sbs.length), busy: count(sbs.filter((s) => s.state === 'invoking').length), idle: count(sbs.filter((s) => s.state === 'idle').length) }),
    ],
    ...poolRows,
  ];
}

function guestRows(frame: Frame, id: number, { t, lang }: Words): Row[] | null {
  const g = frame.guestOses.find((x) => x.id === id);
  if (!g) return null;
  const time = (ms: number) => formatTime(ms, lang);
  return [
    [t('inspector.rows.kind'), g.kind === 'microvm' ? t('inspector.values.kindMicrovm') : t('inspector.values.kindAccountVm')],
    [t('inspector.rows.account'), g.account],
    [t('inspector.rows.worker'), t('inspector.values.worker', { id: g.host })],
    [t('inspector.rows.memoryReserved'), formatMb(g.memoryMb)],
    [t('inspector.rows.usedBySandboxes'), formatMb(g.usedMb)],
    [t('inspector.rows.booted'), g.readyAt > frame.t ? t('inspector.values.booting', { time: time(g.readyAt) }) : t('inspector.values.at', { time: time(g.readyAt) })],
  ];
}

/** Details of whatever was clicked in a view. */
export function Inspector() {
  const { t, lang } = useT();
  const selected = useSelection((s) => s.selected);
  const select = useSelection((s) => s.select);
  const frame = useFrame(4);
  let body: React.ReactNode = <p className="subtle">{t('inspector.empty')}</p>;
  if (selected && frame) {
    const words = { t, lang };
    const rows =
      selected.kind === 'sandbox'
        ? sandboxRows(frame, selected.id, words)
        : selected.kind === 'request'
          ? requestRows(frame, selected.id, words)
          : selected.kind === 'host'
            ? hostRows(frame, selected.id, words)
            : guestRows(frame, selected.id, words);
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
      <p>{selected.kind === 'sandbox' ? t('inspector.goneSandbox') : selected.kind === 'request' ? t('inspector.goneRequest') : t('inspector.gone')}</p>
    );
  }
  return (
    <section className="panel inspector" aria-labelledby="inspector-title">
      <h2 id="inspector-title">
        {selected ? t('inspector.titleSelected', { kind: t(`inspector.kinds.${selected.kind}`), id: selected.id }) : t('inspector.title')}
        {selected && (
          <button type="button" className="link" onClick={() => select(null)}>
            {t('inspector.clear')}
          </button>
        )}
      </h2>
      {body}
    </section>
  );
}
