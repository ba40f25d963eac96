import { pluralKey, useT } from '../../i18n';
import { renderBreakEvenChart } from '../../render/cost/breakEvenChart';
import { breakEvenRate, functionsMonthlyUsd, peakFactor, vmCapacityGb, vmMonthlyUsd, vmsNeeded, workloadFromReport } from '../../sim/breakEven';
import { figures, type FigureName } from '../../sim/figures';
import type { RunReport } from '../../sim/meters';
import type { Frame } from '../../worker/frame';
import { Problems } from '../editor/fields';
import { parseNumberText } from '../editor/numberText';
import { formatCount, formatFixed, formatUsd } from '../format';
import { costAt, withBold } from './BillSection';
import { readVm, useCostUi, type VmField } from './costStore';
import { useChart } from './useChart';

const VM_FIELDS: [VmField, FigureName, 'cost.vm.price' | 'cost.vm.vcpus' | 'cost.vm.memory'][] = [
  ['pricePerHour', 'vmPricePerHour', 'cost.vm.price'],
  ['vcpus', 'vmVcpus', 'cost.vm.vcpus'],
  ['memoryMb', 'vmMemoryMb', 'cost.vm.memory'],
];

/** Serverless against serverful for this run's workload: the numbers, the VM's fields and the chart. */
export function BreakEvenSection({ report, frame, headingId }: { report: RunReport; frame: Frame; headingId: string }) {
  const { t, lang } = useT();
  const granularity = useCostUi((s) => s.granularity);
  const vmText = useCostUi((s) => s.vmText);
  const setVmText = useCostUi((s) => s.setVmText);
  const resetVm = useCostUi((s) => s.resetVm);
  // While a field is being fixed the chart keeps the last valid VM rather than blanking.
  const vm = useCostUi((s) => s.vm);
  const { bad } = readVm(vmText);

  const peakText = useCostUi((s) => s.peakText);
  const setPeakText = useCostUi((s) => s.setPeakText);
  const measuredPeak = peakFactor(frame.series.series.sandboxesBusy, frame.series.filled, report.sandboxes.avgBusy, frame.series.bucketMs);
  const typedPeak = parseNumberText(peakText);
  const peakBad = typedPeak !== undefined && !(typeof typedPeak === 'number' && typedPeak >= 1);
  const peak = typeof typedPeak === 'number' && typedPeak >= 1 ? typedPeak : measuredPeak;
  const workload = workloadFromReport(report, report.simulatedMs, costAt(report, granularity), peak);
  const breakEven = workload ? breakEvenRate(workload, vm) : null;
  const num = (v: number) => (v >= 100 ? formatCount(v, lang) : formatFixed(v, v >= 1 ? 2 : 3, lang));
  const { box, svg } = useChart(
    workload ? (el, width) => renderBreakEvenChart(el, { workload, vm, breakEven }, { width, height: 340 }) : null,
    [workload?.ratePerSec, workload?.usdPerRequest, workload?.gbSecondsPerRequest, workload?.peakFactor, workload?.fixedUsdPerMonth, vm.pricePerHour, vm.vcpus, vm.memoryMb, breakEven, lang],
  );

  return (
    <section className="cost-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('cost.vm.title')}</h3>
      <p className="subtle">{t('cost.vm.intro', { vcpuMb: formatCount(figures.memoryPerVcpuMb.value, lang) })}</p>
      <div className="se-grid cost-vm">
        {VM_FIELDS.map(([field, figure, label]) => {
          const id = `${headingId}-${field}`;
          const problems = bad.has(field) ? [t('cost.vm.bad', { value: vmText[field] })] : [];
          return (
            <div key={field} className={`se-field${problems.length ? ' se-invalid' : ''}`}>
              <label htmlFor={id} className="se-label">
                {t(label)}
              </label>
              <input
                id={id}
                className="se-input se-number"
                type="text"
                inputMode="decimal"
                autoComplete="off"
                value={vmText[field]}
                aria-invalid={problems.length ? true : undefined}
                aria-describedby={`${problems.length ? `${id}-problems ` : ''}${id}-hint`}
                onChange={(e) => setVmText(field, e.target.value)}
              />
              <Problems id={`${id}-problems`} lines={problems} />
              <p id={`${id}-hint`} className="se-hint">
                {t('cost.vm.hint', { value: figures[figure].value, source: figures[figure].source })}
              </p>
            </div>
          );
        })}
        <div className={`se-field${peakBad ? ' se-invalid' : ''}`}>
          <label htmlFor={`${headingId}-peak`} className="se-label">
            {t('cost.vm.peak')}
          </label>
          <input
            id={`${headingId}-peak`}
            className="se-input se-number"
            type="text"
            inputMode="decimal"
            autoComplete="off"
            value={peakText}
            placeholder={t('cost.vm.peakPlaceholder', { value: formatFixed(measuredPeak, 1, lang) })}
            aria-invalid={peakBad ? true : undefined}
            aria-describedby={`${peakBad ? `${headingId}-peak-problems ` : ''}${headingId}-peak-hint`}
            onChange={(e) => setPeakText(e.target.value)}
          />
          <Problems id={`${headingId}-peak-problems`} lines={peakBad ? [t('cost.vm.peakBad', { value: peakText })] : []} />
          <p id={`${headingId}-peak-hint`} className="se-hint">
            {t('cost.vm.peakHint', { value: formatFixed(measuredPeak, 1, lang) })}
          </p>
        </div>
      </div>
      <p>
        <button type="button" className="se-button" onClick={resetVm}>
          {t('cost.vm.defaults')}
        </button>
      </p>
      {workload ? (
        <>
          <p className="cost-verdict">
            {withBold(
              t('cost.vm.now', {
                rate: num(workload.ratePerSec),
                peak: formatFixed(workload.peakFactor, 1, lang),
                fn: formatUsd(functionsMonthlyUsd(workload, workload.ratePerSec), lang, 2),
                vm: formatUsd(vmMonthlyUsd(workload, vm, workload.ratePerSec), lang, 2),
              }),
            )}{' '}
            {t('cost.vm.nowVms', {
              vms: t(pluralKey('cost.vm.vms', vmsNeeded(workload, vm, workload.ratePerSec), lang), { n: formatCount(vmsNeeded(workload, vm, workload.ratePerSec), lang) }),
              capacity: formatFixed(vmCapacityGb(vm), 2, lang),
            })}
          </p>
          <p className="cost-verdict" data-break-even={breakEven ?? 'none'}>
            {breakEven === null ? t('cost.vm.noBreakEven') : breakEven === 0 ? t('cost.vm.zero') : withBold(t('cost.vm.breakEven', { rate: num(breakEven) }))}
          </p>
        </>
      ) : (
        <p className="subtle">{t('cost.noRun')}</p>
      )}
      <div ref={box} className="chart-cell cost-chart" hidden={!workload}>
        <svg ref={svg} className="break-even-chart" />
      </div>
    </section>
  );
}
