import type { ReactNode } from 'react';
import { useT } from '../../i18n';
import type { CostBreakdown, MetricsReport, RunReport } from '../../sim/meters';
import { formatCount, formatFixed, formatPercent, formatUsd } from '../format';
import { useCostUi, type Granularity } from './costStore';

export function withBold(text: string): ReactNode[] {
  return text.split(/<b>(.*?)<\/b>/).map((part, i) => (i % 2 === 1 ? <b key={i}>{part}</b> : part));
}

/** The bill at a granularity: the report carries all three, so switching needs no rerun. */
export function costAt(m: MetricsReport, g: Granularity): CostBreakdown {
  return g === '1' ? m.billing.at1Ms : g === '100' ? m.billing.at100Ms : m.cost;
}

/**
 * The bill of the run so far, per function and in total, at the granularity chosen, and what
 * 100 ms billing adds over 1 ms. `scenarioGranularityMs`: the scenario's own (null if unknown).
 */
export function BillSection({ report, scenarioGranularityMs, headingId }: { report: RunReport; scenarioGranularityMs: number | null; headingId: string }) {
  const { t, lang } = useT();
  const granularity = useCostUi((s) => s.granularity);
  const setGranularity = useCostUi((s) => s.setGranularity);
  const options: [Granularity, string][] = [
    ['1', t('cost.bill.g1')],
    ['100', t('cost.bill.g100')],
    ['scenario', t('cost.bill.gScenario', { ms: scenarioGranularityMs === null ? '?' : formatCount(scenarioGranularityMs, lang) })],
  ];
  const at1 = report.billing.at1Ms.totalUsd;
  const diff = report.billing.at100Ms.totalUsd - at1;
  const fns = Object.entries(report.perFunction);
  const usd = (v: number) => formatUsd(v, lang);
  const row = (name: string, m: MetricsReport, total: boolean) => {
    const c = costAt(m, granularity);
    const Cell = total ? 'th' : 'td';
    return (
      <tr key={name} data-fn={total ? undefined : name} className={total ? 'cost-total' : undefined}>
        <th scope="row">{name}</th>
        <Cell>{formatCount(m.billing.invocations, lang)}</Cell>
        <Cell>{formatFixed(c.billedGbSeconds, 3, lang)}</Cell>
        <Cell>{usd(c.computeUsd)}</Cell>
        <Cell>{usd(c.requestsUsd)}</Cell>
        <Cell>{usd(c.provisionedUsd)}</Cell>
        <Cell data-usd={c.totalUsd} className="cost-total-usd">
          {usd(c.totalUsd)}
        </Cell>
      </tr>
    );
  };
  return (
    <section className="cost-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('cost.bill.title')}</h3>
      <div className="cost-switch">
        <span id={`${headingId}-g`}>{t('cost.bill.granularity')}</span>
        <span className="segmented" role="group" aria-labelledby={`${headingId}-g`}>
          {options.map(([g, label]) => (
            <button key={g} type="button" aria-pressed={granularity === g} data-granularity={g} onClick={() => setGranularity(g)}>
              {label}
            </button>
          ))}
        </span>
      </div>
      <p className="cost-diff" data-diff-usd={diff} role="status">
        {report.billing.invocations === 0 ? t('cost.bill.diffNone') : withBold(t('cost.bill.diff', { diff: usd(diff), percent: formatPercent(at1 > 0 ? diff / at1 : 0, lang) }))}
      </p>
      <table className="metrics cost-table" aria-label={t('cost.bill.table')}>
        <thead>
          <tr>
            <th scope="col">{t('cost.bill.function')}</th>
            <th scope="col">{t('cost.bill.invocations')}</th>
            <th scope="col">{t('cost.bill.gbSeconds')}</th>
            <th scope="col">{t('cost.bill.compute')}</th>
            <th scope="col">{t('cost.bill.requests')}</th>
            <th scope="col">{t('cost.bill.provisioned')}</th>
            <th scope="col">{t('cost.bill.total')}</th>
          </tr>
        </thead>
        <tbody>{fns.map(([name, m]) => row(name, m, false))}</tbody>
        <tfoot>{row(t('cost.bill.allFunctions'), report, true)}</tfoot>
      </table>
      <p className="subtle cost-note">{t('cost.bill.note')}</p>
    </section>
  );
}
