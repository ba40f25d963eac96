import { useEffect, useRef } from 'react';
import { useT } from '../../i18n';
import { hybridSupported } from '../../sim/compare';
import { defaultHybridParams, type HybridParams } from '../../sim/policies/hybridHistogram';
import { latestFrame } from '../../store/latestFrame';
import { useScenarioDraft } from '../../store/scenarioDraft';
import { useSelection } from '../../store/selection';
import type { IdleHistogram } from '../../worker/lab';
import { formatCount, formatFixed } from '../format';
import { renderHistogramChart } from './histogramChart';
import { useLab } from './labStore';
import { labWorker, stillCurrent } from './labWorker';
import { CancelButton, JobEnding, LabProgress, useWidth } from './parts';
import { readHybrid } from './policies';

const CHART_HEIGHT = 320;

/** The names of the draft's functions (the draft may be half-edited: whatever names it has). */
function functionNames(draft: unknown): string[] {
  const fns = (draft as { functions?: unknown } | null)?.functions;
  if (!Array.isArray(fns)) return [];
  return fns.map((f) => (f as { name?: unknown } | null)?.name).filter((n): n is string => typeof n === 'string' && n !== '');
}

/** The function of the sandbox or request selected in the views, if any. */
function useSelectedFunction(): string | null {
  const selected = useSelection((s) => s.selected);
  const frame = latestFrame.getState().frame;
  if (!selected || !frame) return null;
  const idx = selected.kind === 'sandbox' ? frame.sandboxes.find((s) => s.id === selected.id)?.fn : selected.kind === 'request' ? frame.requests.find((r) => r.id === selected.id)?.fn : undefined;
  return idx === undefined ? null : (frame.functions[idx]?.name ?? null);
}

/**
 * What the hybrid keep-alive policy learns of one function: its idle-time histogram, with the
 * window it keeps a sandbox loaded in (pre-warm to keep-alive end). The scenario is replayed in
 * the lab worker to collect the idle times; the parameters are the custom hybrid ones when
 * valid and ticked, else the published defaults.
 */
export function IdleHistogramPanel() {
  const { t, lang } = useT();
  const draft = useScenarioDraft((s) => s.draft);
  const names = functionNames(draft);
  const selectedFn = useSelectedFunction();
  const chosen = useLab((s) => s.histogramFn);
  const job = useLab((s) => s.histogramJob);
  const form = useLab((s) => s.policyForm);
  const set = useLab((s) => s.set);
  const fn = chosen !== null && names.includes(chosen) ? chosen : selectedFn !== null && names.includes(selectedFn) ? selectedFn : (names[0] ?? null);

  const custom = form.customHybrid || !hybridSupported() ? readHybrid(form.hybrid) : null;
  const params: HybridParams = custom && 'params' in custom ? custom.params : defaultHybridParams;
  const usingCustom = custom !== null && 'params' in custom;

  async function draw() {
    if (fn === null) return;
    set({ histogramJob: { status: 'running', progress: null } });
    const { api, generation } = labWorker();
    try {
      const r = await api.idleHistogram(draft, fn, params);
      if (!stillCurrent(generation)) return;
      set({ histogramJob: r.ok ? { status: 'done', result: r.histogram } : { status: 'failed', issues: r.issues } });
    } catch (e) {
      if (stillCurrent(generation)) set({ histogramJob: { status: 'failed', issues: [(e as Error).message] } });
    }
  }

  return (
    <section className="lab-section" aria-labelledby="lab-histogram-title">
      <h3 id="lab-histogram-title">{t('lab.histogram.title')}</h3>
      <p className="lab-hint">{t('lab.histogram.intro')}</p>
      <div className="lab-actions">
        <label className="lab-inline">
          {t('lab.histogram.function')}{' '}
          <select value={fn ?? ''} onChange={(e) => set({ histogramFn: e.target.value })} disabled={names.length === 0}>
            {names.map((n) => (
              <option key={n} value={n}>
                {n}
                {n === selectedFn ? ` ${t('lab.histogram.selectedMark')}` : ''}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => void draw()} disabled={fn === null || job.status === 'running'}>
          {t('lab.histogram.draw')}
        </button>
        {job.status === 'running' && (
          <CancelButton label={t('lab.cancel')} onCancel={() => set({ histogramJob: { status: 'cancelled' } })} />
        )}
      </div>
      <p className="lab-hint">{usingCustom ? t('lab.histogram.customParams') : t('lab.histogram.defaultParams')}</p>
      {job.status === 'running' && <LabProgress id="lab-histogram-progress" label={t('lab.histogram.replaying')} value={0} max={0} />}
      <JobEnding job={job} cancelledText={t('lab.cancelled')} />
      {job.status === 'done' && <HistogramChart h={job.result} lang={lang} />}
    </section>
  );
}

function HistogramChart({ h, lang }: { h: IdleHistogram; lang: 'en' | 'fr' }) {
  const { t } = useT();
  const [ref, width] = useWidth<HTMLDivElement>();
  const svgRef = useRef<SVGSVGElement>(null);
  const min = (ms: number) => formatFixed(ms / 60_000, ms % 60_000 === 0 ? 0 : 1, lang);
  const d = h.decision;
  const decision =
    d.mode === 'histogram'
      ? d.prewarmMs > 0
        ? t('lab.histogram.decisionPrewarm', { prewarm: min(d.prewarmMs), until: min(d.prewarmMs + d.keepAliveMs) })
        : t('lab.histogram.decisionKeep', { until: min(d.keepAliveMs) })
      : d.mode === 'forecast'
        ? t('lab.histogram.decisionForecast', { prewarm: min(d.prewarmMs), until: min(d.prewarmMs + d.keepAliveMs) })
        : t('lab.histogram.decisionFixed', { keep: min(d.keepAliveMs) });
  const prewarmText = t('lab.histogram.prewarmMark', { min: min(d.prewarmMs) });
  const untilText = t('lab.histogram.untilMark', { min: min(d.prewarmMs + d.keepAliveMs) });
  const summary = t('lab.histogram.summary', { fn: h.fn, invocations: formatCount(h.invocations, lang), idle: formatCount(h.idleTimes, lang), out: formatCount(h.view.outOfRange, lang), cv: formatFixed(h.view.cv, 2, lang) });
  useEffect(() => {
    if (!svgRef.current || width === 0) return;
    renderHistogramChart(
      svgRef.current,
      h.view,
      h.decision,
      {
        title: t('lab.histogram.chartTitle', { fn: h.fn }),
        aria: t('lab.histogram.aria', { fn: h.fn }),
        summary: `${summary} ${t(`lab.histogram.modes.${h.decision.mode}`)}: ${decision}`,
        xLabel: t('lab.histogram.xLabel'),
        yLabel: t('lab.histogram.yLabel'),
        barsLegend: t('lab.histogram.barsLegend'),
        windowLegend: t('lab.histogram.windowLegend'),
        prewarm: prewarmText,
        keepUntil: untilText,
        empty: t('lab.histogram.empty'),
        formatMinutes: (m) => formatFixed(m, m % 1 === 0 ? 0 : 1, lang),
      },
      { width: Math.min(width, 900), height: CHART_HEIGHT },
    );
  }, [h, width, t, lang, summary, decision, prewarmText, untilText]);
  return (
    <div ref={ref} className="lab-chart">
      <p className="lab-decision" role="status">
        <strong>{t(`lab.histogram.modes.${d.mode}`)}</strong> — {decision}
      </p>
      <p className="lab-hint">{h.source === 'engine' ? t('lab.histogram.sourceEngine') : t('lab.histogram.sourceReplay')}</p>
      <svg ref={svgRef} className="lab-histogram" />
    </div>
  );
}
