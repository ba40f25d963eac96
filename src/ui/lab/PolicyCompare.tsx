import { proxy } from 'comlink';
import { useEffect, useRef } from 'react';
import { useT } from '../../i18n';
import { BASELINE, defaultPolicies, hybridSupported } from '../../sim/compare';
import type { PolicyComparison } from '../../sim/compareTypes';
import { useScenarioDraft } from '../../store/scenarioDraft';
import { percentSign } from '../../render/locale';
import { formatCount, formatFixed } from '../format';
import { useLab, type YPercentile } from './labStore';
import { labWorker, stillCurrent } from './labWorker';
import { policyLabel, problemText } from './messages';
import { CancelButton, JobEnding, LabField, LabProgress, useWidth } from './parts';
import { checkPolicyForm, HYBRID_FIELDS, HYBRID_SOURCES, type HybridField } from './policies';
import { renderTradeoffChart, type TradeoffPoint } from './tradeoffChart';

const PERCENTILES: YPercentile[] = ['p50', 'p75', 'p90'];
const CHART_HEIGHT = 380;

/**
 * The policy comparison: which policies, Run (in the lab worker, with progress and Cancel),
 * then the paper's trade-off chart and the same numbers as a table.
 */
export function PolicyCompare() {
  const { t, lang } = useT();
  const form = useLab((s) => s.policyForm);
  const job = useLab((s) => s.compareJob);
  const yPercentile = useLab((s) => s.yPercentile);
  const set = useLab((s) => s.set);
  const draft = useScenarioDraft((s) => s.draft);
  const withHybrid = hybridSupported();
  const presets = defaultPolicies(withHybrid);
  const checked = checkPolicyForm(form, withHybrid);
  const problems = 'problems' in checked ? checked.problems : {};
  const running = job.status === 'running';
  const scenarioName = typeof draft === 'object' && draft !== null && typeof (draft as { name?: unknown }).name === 'string' ? (draft as { name: string }).name : t('lab.compare.untitled');

  async function run() {
    if (!('policies' in checked)) return;
    const total = checked.policies.length;
    set({ compareJob: { status: 'running', progress: { done: 0, total, label: '' } } });
    const { api, generation } = labWorker();
    // Progress comes on a port of its own: a last report may arrive after the answer.
    let finished = false;
    try {
      const r = await api.comparePolicies(
        draft,
        checked.policies,
        proxy((p: { done: number; total: number; label: string }) => {
          if (!finished && stillCurrent(generation)) set({ compareJob: { status: 'running', progress: p } });
        }),
      );
      finished = true;
      if (!stillCurrent(generation)) return;
      set({ compareJob: r.ok ? { status: 'done', result: r.comparison } : { status: 'failed', issues: r.issues } });
    } catch (e) {
      finished = true;
      if (stillCurrent(generation)) set({ compareJob: { status: 'failed', issues: [(e as Error).message] } });
    }
  }

  const hybridLabel = (f: HybridField) => t(`lab.hybrid.${f}`);
  const progress = job.status === 'running' ? job.progress : null;
  const runningPolicy = progress && progress.done < progress.total && checked && 'policies' in checked ? checked.policies[progress.done] : undefined;

  return (
    <section className="lab-section" aria-labelledby="lab-compare-title">
      <h3 id="lab-compare-title">{t('lab.compare.title')}</h3>
      <p className="lab-hint">{t('lab.compare.intro', { name: scenarioName })}</p>
      <fieldset className="lab-policies" aria-describedby={problems.nothingChosen ? 'lab-nothing-chosen' : undefined}>
        <legend>{t('lab.compare.policies')}</legend>
        {presets.map((p) => {
          const baseline = p.id === BASELINE.id;
          return (
            <label key={p.id} className="lab-check">
              <input
                type="checkbox"
                checked={baseline || form.chosen.includes(p.id)}
                disabled={baseline}
                onChange={(e) => set({ policyForm: { ...form, chosen: e.target.checked ? [...form.chosen, p.id] : form.chosen.filter((id) => id !== p.id) } })}
              />
              {policyLabel(t, p.id, p.label)}
              {baseline && <span className="lab-hint"> {t('lab.compare.baselineNote')}</span>}
            </label>
          );
        })}
        <div className="lab-custom">
          <label className="lab-check">
            <input type="checkbox" checked={form.customFixed} onChange={(e) => set({ policyForm: { ...form, customFixed: e.target.checked } })} />
            {t('lab.compare.customFixed')}
          </label>
          {form.customFixed && (
            <LabField
              id="lab-custom-fixed"
              label={t('lab.compare.customFixedMin')}
              value={form.customFixedMin}
              problem={problems.customFixedMin && problemText(t, lang, t('lab.compare.customFixedMin'), problems.customFixedMin, form.customFixedMin)}
              onChange={(v) => set({ policyForm: { ...form, customFixedMin: v } })}
            />
          )}
        </div>
        {withHybrid ? (
          <div className="lab-custom">
            <label className="lab-check">
              <input type="checkbox" checked={form.customHybrid} onChange={(e) => set({ policyForm: { ...form, customHybrid: e.target.checked } })} />
              {t('lab.compare.customHybrid')}
            </label>
          </div>
        ) : (
          <p className="lab-hint">{t('lab.compare.noHybrid')}</p>
        )}
        {problems.nothingChosen && (
          <p id="lab-nothing-chosen" className="lab-problem">
            <span aria-hidden="true">⚠ </span>
            {t('lab.compare.nothingChosen')}
          </p>
        )}
      </fieldset>
      {(form.customHybrid || !withHybrid) && (
        <fieldset className="lab-options lab-hybrid">
          <legend>{withHybrid ? t('lab.hybrid.legend') : t('lab.hybrid.legendHistogramOnly')}</legend>
          {HYBRID_FIELDS.map((f) => (
            <LabField
              key={f}
              id={`lab-hybrid-${f}`}
              label={hybridLabel(f)}
              value={form.hybrid[f]}
              inputMode={f === 'minSamples' ? 'numeric' : 'decimal'}
              problem={problems.hybrid?.[f] && problemText(t, lang, hybridLabel(f), problems.hybrid[f], form.hybrid[f])}
              hint={HYBRID_SOURCES[f]}
              onChange={(v) => set({ policyForm: { ...form, hybrid: { ...form.hybrid, [f]: v } } })}
            />
          ))}
        </fieldset>
      )}
      <div className="lab-actions">
        <button type="button" className="primary" onClick={() => void run()} disabled={running || !('policies' in checked)}>
          {t('lab.compare.run')}
        </button>
        {running && (
          <CancelButton label={t('lab.cancel')} onCancel={() => set({ compareJob: { status: 'cancelled' } })} />
        )}
      </div>
      {progress && (
        <LabProgress
          id="lab-compare-progress"
          label={runningPolicy ? t('lab.compare.running', { policy: policyLabel(t, runningPolicy.id, runningPolicy.label), n: progress.done + 1, total: progress.total }) : t('lab.compare.finishing')}
          value={progress.done}
          max={progress.total}
        />
      )}
      <JobEnding job={job} cancelledText={t('lab.cancelled')} />
      {job.status === 'done' && (
        <>
          <label className="lab-inline">
            {t('lab.compare.percentile')}{' '}
            <select value={yPercentile} onChange={(e) => set({ yPercentile: e.target.value as YPercentile })}>
              {PERCENTILES.map((p) => (
                <option key={p} value={p}>
                  {t(`lab.compare.percentiles.${p}`)}
                </option>
              ))}
            </select>
          </label>
          <TradeoffChart comparison={job.result} percentile={yPercentile} />
          <ComparisonTable comparison={job.result} />
        </>
      )}
    </section>
  );
}

function pointKind(id: string): TradeoffPoint['kind'] {
  return id === 'none' ? 'none' : id.startsWith('hybrid') ? 'hybrid' : 'fixed';
}

function TradeoffChart({ comparison, percentile }: { comparison: PolicyComparison; percentile: YPercentile }) {
  const { t, lang } = useT();
  const [ref, width] = useWidth<HTMLDivElement>();
  const svgRef = useRef<SVGSVGElement>(null);
  useEffect(() => {
    if (!svgRef.current || width === 0) return;
    const points: TradeoffPoint[] = comparison.policies.map((p) => ({
      id: p.id,
      label: policyLabel(t, p.id, p.label),
      x: p.idleMemoryNormalised,
      y: p.coldStartPct[percentile],
      kind: pointKind(p.id),
      baseline: p.id === comparison.baselineId,
    }));
    const best = [...comparison.policies].sort((a, b) => a.coldStarts - b.coldStarts || a.idleMemoryNormalised - b.idleMemoryNormalised)[0];
    renderTradeoffChart(
      svgRef.current,
      points,
      {
        title: t('lab.chart.title'),
        aria: t('lab.chart.aria', { percentile: t(`lab.compare.percentiles.${percentile}`) }),
        summary: best ? t('lab.chart.summary', { apps: formatCount(comparison.policies[0]!.apps.filter((a) => a.invocations > 0).length, lang), policy: policyLabel(t, best.id, best.label), cold: formatCount(best.coldStarts, lang) }) : '',
        xLabel: t('lab.chart.xLabel'),
        yLabel: t('lab.chart.yLabel', { percentile: t(`lab.compare.percentiles.${percentile}`) }),
        legendFixed: t('lab.chart.legendFixed'),
        legendHybrid: t('lab.chart.legendHybrid'),
        legendNone: t('lab.chart.legendNone'),
        empty: t('lab.chart.empty'),
        formatX: (v) => `${formatFixed(v, v % 1 === 0 ? 0 : 1, lang)}×`,
        formatY: (v) => `${formatCount(v, lang)}${percentSign()}`,
      },
      { width: Math.min(width, 900), height: CHART_HEIGHT },
    );
  }, [comparison, percentile, width, t, lang]);
  return (
    <div ref={ref} className="lab-chart">
      <svg ref={svgRef} className="lab-tradeoff" />
    </div>
  );
}

function ComparisonTable({ comparison }: { comparison: PolicyComparison }) {
  const { t, lang } = useT();
  const pct = (v: number) => formatFixed(v, 1, lang);
  return (
    <div className="lab-table-wrap">
      <table className="metrics lab-table" aria-label={t('lab.table.caption')}>
        <caption>{t('lab.table.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('lab.table.policy')}</th>
            <th scope="col">{t('lab.table.invocations')}</th>
            <th scope="col">{t('lab.table.coldStarts')}</th>
            <th scope="col">{t('lab.table.p50')}</th>
            <th scope="col">{t('lab.table.p75')}</th>
            <th scope="col">{t('lab.table.p90')}</th>
            <th scope="col">{t('lab.table.idle')}</th>
            <th scope="col">{t('lab.table.normalised')}</th>
          </tr>
        </thead>
        <tbody>
          {comparison.policies.map((p) => (
            <tr key={p.id} data-policy={p.id} className={p.id === comparison.baselineId ? 'lab-baseline' : undefined}>
              <th scope="row">
                {policyLabel(t, p.id, p.label)}
                {p.id === comparison.baselineId && <span className="lab-hint"> {t('lab.table.baseline')}</span>}
              </th>
              <td>{formatCount(p.invocations, lang)}</td>
              <td>{formatCount(p.coldStarts, lang)}</td>
              <td>{pct(p.coldStartPct.p50)}</td>
              <td>{pct(p.coldStartPct.p75)}</td>
              <td>{pct(p.coldStartPct.p90)}</td>
              <td>{formatCount(p.idleGbSeconds, lang)}</td>
              <td data-column="normalised">{formatFixed(p.idleMemoryNormalised, 2, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
