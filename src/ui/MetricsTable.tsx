import type { MetricsReport, RunReport } from '../sim/meters';

const n = (v: number) => v.toLocaleString('en-US');
const pct = (v: number | null) => (v === null ? '–' : `${(v * 100).toFixed(1)} %`);
const ms = (v: number | null) => (v === null ? '–' : `${v < 10 ? v.toFixed(2) : v.toFixed(0)} ms`);
const num = (v: number, digits = 2) => v.toFixed(digits);
const usd = (v: number) => `$${v < 0.01 ? v.toPrecision(3) : v.toFixed(4)}`;

const rows: [string, (m: MetricsReport) => string][] = [
  ['Requests', (m) => n(m.requests.total)],
  ['Completed', (m) => n(m.requests.completed)],
  ['Cold starts', (m) => n(m.requests.cold)],
  ['Warm starts', (m) => n(m.requests.warm)],
  ['Cold-start ratio', (m) => pct(m.coldStartRatio)],
  ['Throttled (429)', (m) => n(m.requests.throttled)],
  ['Timed out', (m) => n(m.requests.timedOut)],
  ['Failed', (m) => n(m.requests.failed)],
  ['Latency, mean', (m) => ms(m.latencyMs.mean)],
  ['Latency, p50', (m) => ms(m.latencyMs.p50)],
  ['Latency, p99', (m) => ms(m.latencyMs.p99)],
  ['Warm latency, p50', (m) => ms(m.warmLatencyMs.p50)],
  ['Cold latency, p50', (m) => ms(m.coldLatencyMs.p50)],
  ['Sandboxes created', (m) => n(m.sandboxes.created)],
  ['Sandboxes alive, average', (m) => num(m.sandboxes.avgAlive)],
  ['Sandboxes busy, average', (m) => num(m.sandboxes.avgBusy)],
  ['Sandboxes idle, average', (m) => num(m.sandboxes.avgIdle)],
  ['Sandboxes alive, peak', (m) => n(m.sandboxes.peakAlive)],
  ['Sandbox lifetime, average', (m) => (m.sandboxes.avgLifetimeMs === null ? '–' : `${(m.sandboxes.avgLifetimeMs / 1000).toFixed(1)} s`)],
  ['Memory allocated (GB-s)', (m) => num(m.memory.allocatedGbSeconds, 1)],
  ['Memory idle (GB-s)', (m) => num(m.memory.idleGbSeconds, 1)],
  ['Billed GB-s', (m) => num(m.cost.billedGbSeconds, 3)],
  ['Cost, compute', (m) => usd(m.cost.computeUsd)],
  ['Cost, requests', (m) => usd(m.cost.requestsUsd)],
  ['Cost, total', (m) => usd(m.cost.totalUsd)],
];

/** The run's metrics, total and per function, as a plain table. */
export function MetricsTable({ report }: { report: RunReport }) {
  const fns = Object.entries(report.perFunction);
  return (
    <table className="metrics" aria-label="Run metrics">
      <thead>
        <tr>
          <th scope="col">Metric</th>
          <th scope="col">All functions</th>
          {fns.length > 1 && fns.map(([name]) => <th scope="col" key={name}>{name}</th>)}
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, get]) => (
          <tr key={label} data-metric={label}>
            <th scope="row">{label}</th>
            <td>{get(report)}</td>
            {fns.length > 1 && fns.map(([name, m]) => <td key={name}>{get(m)}</td>)}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
