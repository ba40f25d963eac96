import { en } from '../i18n/en';
import { useT, type Lang } from '../i18n';
import type { MetricsReport, RunReport } from '../sim/meters';
import { formatCount, formatFixed, formatPercent, formatUsd } from './format';

type Metric = keyof typeof en.metrics.rows;
type Cell = (m: MetricsReport, lang: Lang) => string;

const n: (get: (m: MetricsReport) => number) => Cell = (get) => (m, lang) => formatCount(get(m), lang);
const num: (get: (m: MetricsReport) => number, digits?: number) => Cell = (get, digits = 2) => (m, lang) => formatFixed(get(m), digits, lang);
const ms: (get: (m: MetricsReport) => number | null) => Cell = (get) => (m, lang) => {
  const v = get(m);
  return v === null ? '–' : `${formatFixed(v, v < 10 ? 2 : 0, lang)} ms`;
};
const usd: (get: (m: MetricsReport) => number) => Cell = (get) => (m, lang) => formatUsd(get(m), lang, 4);

/** The table's rows, in order: which metric, and how its value is written. */
const rows: [Metric, Cell][] = [
  ['requests', n((m) => m.requests.total)],
  ['completed', n((m) => m.requests.completed)],
  ['cold', n((m) => m.requests.cold)],
  ['warm', n((m) => m.requests.warm)],
  ['coldRatio', (m, lang) => formatPercent(m.coldStartRatio, lang)],
  ['throttled', n((m) => m.requests.throttled)],
  ['timedOut', n((m) => m.requests.timedOut)],
  ['failed', n((m) => m.requests.failed)],
  ['latencyMean', ms((m) => m.latencyMs.mean)],
  ['latencyP50', ms((m) => m.latencyMs.p50)],
  ['latencyP99', ms((m) => m.latencyMs.p99)],
  ['warmP50', ms((m) => m.warmLatencyMs.p50)],
  ['coldP50', ms((m) => m.coldLatencyMs.p50)],
  ['created', n((m) => m.sandboxes.created)],
  ['avgAlive', num((m) => m.sandboxes.avgAlive)],
  ['avgBusy', num((m) => m.sandboxes.avgBusy)],
  ['avgIdle', num((m) => m.sandboxes.avgIdle)],
  ['peakAlive', n((m) => m.sandboxes.peakAlive)],
  ['lifetime', (m, lang) => (m.sandboxes.avgLifetimeMs === null ? '–' : `${formatFixed(m.sandboxes.avgLifetimeMs / 1000, 1, lang)} s`)],
  ['allocated', num((m) => m.memory.allocatedGbSeconds, 1)],
  ['idle', num((m) => m.memory.idleGbSeconds, 1)],
  ['billed', num((m) => m.cost.billedGbSeconds, 3)],
  ['costCompute', usd((m) => m.cost.computeUsd)],
  ['costRequests', usd((m) => m.cost.requestsUsd)],
  ['costTotal', usd((m) => m.cost.totalUsd)],
];

/**
 * The run's metrics, total and per function, as a plain table. Each row carries its English
 * name in `data-metric`, whatever the language shown, as a stable hook for tests and scripts.
 */
export function MetricsTable({ report }: { report: RunReport }) {
  const { t, lang } = useT();
  const fns = Object.entries(report.perFunction);
  return (
    <table className="metrics" aria-label={t('metrics.table')}>
      <thead>
        <tr>
          <th scope="col">{t('metrics.metric')}</th>
          <th scope="col">{t('metrics.allFunctions')}</th>
          {fns.length > 1 && fns.map(([name]) => <th scope="col" key={name}>{name}</th>)}
        </tr>
      </thead>
      <tbody>
        {rows.map(([metric, get]) => (
          <tr key={metric} data-metric={en.metrics.rows[metric]}>
            <th scope="row">{t(`metrics.rows.${metric}`)}</th>
            <td>{get(report, lang)}</td>
            {fns.length > 1 && fns.map(([name, m]) => <td key={name}>{get(m, lang)}</td>)}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
