import { useCallback, useId, useMemo, useRef } from 'react';
import { useT } from '../../i18n';
import { renderMemorySweepChart } from '../../render/cost/memorySweepChart';
import { figures } from '../../sim/figures';
import { checkScenario } from '../../sim/scenario';
import { useScenarioDraft } from '../../store/scenarioDraft';
import { simWorker } from '../../worker/client';
import { EditorContext, type EditorApi } from '../editor/context';
import { NumberField } from '../editor/fields';
import { placeIssues } from '../editor/issues';
import { asArray, getIn, setIn, type DraftPath } from '../editor/paths';
import { formatCount, formatTime, formatUsd } from '../format';
import { withBold } from './BillSection';
import { useCostUi } from './costStore';
import { editDraft } from './PricesSection';
import { bestOf, functionName, sweepInputs, sweepPoint, type SweepPoint } from './sweep';
import { useChart } from './useChart';

/**
 * The memory sweep: the scenario run once per memory size of one function, one run after the
 * other in the simulation worker (between them, playback frames still get through), then cost
 * per million invocations and median latency plotted against memory, the cheapest and the
 * fastest marked. The function's CPU-bound share is a scenario field, edited here too.
 */
export function MemorySweep({ headingId }: { headingId: string }) {
  const { t, lang } = useT();
  const draft = useScenarioDraft((s) => s.draft);
  const sweep = useCostUi((s) => s.sweep);
  const setSweep = useCostUi((s) => s.setSweep);
  const cancelled = useRef(false);
  const idPrefix = `sweep${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
  const check = useMemo(() => checkScenario(draft), [draft]);
  const issues = useMemo(() => placeIssues(check.ok ? [] : check.issues, lang), [check, lang]);
  const set = useCallback((path: DraftPath, value: unknown) => editDraft((d) => setIn(d, path, value)), []);
  const api = useMemo<EditorApi>(() => ({ draft, issues, idPrefix, set, update: editDraft }), [draft, issues, idPrefix, set]);
  const fnCount = asArray(getIn(draft, ['functions'])).length;
  const fnIndex = Math.min(sweep.fnIndex, Math.max(0, fnCount - 1));
  const running = sweep.status === 'running';

  const run = async () => {
    const s = useScenarioDraft.getState().draft;
    if (!checkScenario(s).ok) return;
    const inputs = sweepInputs(s, fnIndex);
    const name = functionName(s, fnIndex);
    cancelled.current = false;
    setSweep({ status: 'running', fnIndex, fnName: name, done: 0, total: inputs.length, runningMb: null, points: [], skipped: [], draft: s });
    const points: SweepPoint[] = [];
    const skipped: { memoryMb: number; problem: string }[] = [];
    try {
      for (const [k, input] of inputs.entries()) {
        if (cancelled.current) break;
        setSweep({ runningMb: input.memoryMb, done: k });
        if ('problem' in input) skipped.push({ memoryMb: input.memoryMb, problem: input.problem });
        else {
          // A run over the worker's size limits comes back as a problem, and is listed as one.
          const result = await simWorker().run(input.input);
          if (result.ok) points.push(sweepPoint(result.report, name, input.memoryMb));
          else skipped.push({ memoryMb: input.memoryMb, problem: result.issues[0] ?? '' });
        }
        setSweep({ points: [...points], skipped: [...skipped], done: k + 1 });
      }
    } catch (e) {
      // The worker stopped (the app says so and restarts it): keep what was measured.
      skipped.push({ memoryMb: useCostUi.getState().sweep.runningMb ?? 0, problem: (e as Error).message });
      setSweep({ skipped: [...skipped] });
    } finally {
      setSweep({ status: 'done', runningMb: null });
    }
  };

  const best = bestOf(sweep.points);
  const { box, svg } = useChart(
    sweep.points.length > 0 ? (el, width) => renderMemorySweepChart(el, { points: sweep.points, cheapestMb: best.cheapest?.memoryMb ?? null, fastestMb: best.fastest?.memoryMb ?? null }, { width, height: 340 }) : null,
    [sweep.points, lang],
  );
  const vcpuMb = formatCount(figures.memoryPerVcpuMb.value, lang);
  const names = asArray(getIn(draft, ['functions'])).map((_, i) => functionName(draft, i) || t('editor.functions.unnamed', { n: i + 1 }));

  return (
    <section className="cost-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('cost.sweep.title')}</h3>
      <p className="subtle">{t('cost.sweep.intro', { vcpuMb })}</p>
      <EditorContext.Provider value={api}>
        <div className="se-grid">
          <div className="se-field">
            <label htmlFor={`${idPrefix}-fn`} className="se-label">
              {t('cost.sweep.function')}
            </label>
            <select id={`${idPrefix}-fn`} className="se-input se-select" value={fnIndex} disabled={running} onChange={(e) => setSweep({ fnIndex: Number(e.target.value) })}>
              {names.map((n, i) => (
                <option key={i} value={i}>
                  {n}
                </option>
              ))}
            </select>
          </div>
          <NumberField path={['functions', fnIndex, 'cpuBoundFraction']} label={t('cost.sweep.cpuBound')} placeholder={t('editor.notSet')} hint={t('cost.sweep.cpuBoundHint', { vcpuMb })} />
        </div>
      </EditorContext.Provider>
      <p className="cost-sweep-controls">
        {running ? (
          <button type="button" className="se-button" onClick={() => (cancelled.current = true)}>
            {t('cost.sweep.cancel')}
          </button>
        ) : (
          <button type="button" className="se-button" disabled={!check.ok} aria-describedby={check.ok ? undefined : `${idPrefix}-invalid`} onClick={() => void run()}>
            {t('cost.sweep.run')}
          </button>
        )}{' '}
        {!check.ok && (
          <span id={`${idPrefix}-invalid`} className="subtle">
            {t('cost.sweep.invalid')}
          </span>
        )}
        {sweep.total > 0 && <progress max={sweep.total} value={sweep.done} aria-label={t('cost.sweep.progress')} />}
      </p>
      <p role="status" className="cost-sweep-status">
        {running && sweep.runningMb !== null
          ? t('cost.sweep.running', { mb: formatCount(sweep.runningMb, lang), done: sweep.done + 1, total: sweep.total })
          : sweep.status === 'done'
            ? t('cost.sweep.done', { total: sweep.done })
            : ''}
      </p>
      {sweep.status === 'done' && sweep.draft !== draft && <p className="subtle">{t('cost.sweep.stale')}</p>}
      {sweep.skipped.length > 0 && (
        <ul className="cost-skipped">
          {sweep.skipped.map((s) => (
            <li key={s.memoryMb}>{t('cost.sweep.skipped', { mb: formatCount(s.memoryMb, lang), why: s.problem })}</li>
          ))}
        </ul>
      )}
      {best.cheapest && (
        <p className="cost-verdict" data-cheapest-mb={best.cheapest.memoryMb}>
          {withBold(t('cost.sweep.cheapest', { mb: formatCount(best.cheapest.memoryMb, lang), cost: formatUsd(best.cheapest.costPerMillionUsd!, lang) }))}{' '}
          {best.fastest && withBold(t('cost.sweep.fastest', { mb: formatCount(best.fastest.memoryMb, lang), ms: formatTime(best.fastest.p50Ms!, lang) }))}
        </p>
      )}
      <div ref={box} className="chart-cell cost-chart" hidden={sweep.points.length === 0}>
        <svg ref={svg} className="memory-sweep-chart" />
      </div>
      {sweep.points.length > 0 && (
        <table className="metrics cost-table" aria-label={t('cost.sweep.table')}>
          <thead>
            <tr>
              <th scope="col">{t('cost.sweep.memory')}</th>
              <th scope="col">{t('cost.sweep.costPerMillion')}</th>
              <th scope="col">{t('cost.sweep.p50')}</th>
            </tr>
          </thead>
          <tbody>
            {sweep.points.map((p) => (
              <tr key={p.memoryMb} data-mb={p.memoryMb}>
                <th scope="row">{formatCount(p.memoryMb, lang)}</th>
                <td>{p.costPerMillionUsd === null ? '–' : formatUsd(p.costPerMillionUsd, lang)}</td>
                <td>{p.p50Ms === null ? '–' : formatTime(p.p50Ms, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
