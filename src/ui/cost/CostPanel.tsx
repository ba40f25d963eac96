import { useEffect, useId, useMemo, useState } from 'react';
import { useT } from '../../i18n';
import type { RunReport } from '../../sim/meters';
import { checkScenario } from '../../sim/scenario';
import { useScenarioDraft } from '../../store/scenarioDraft';
import { playback } from '../playback/controller';
import { useFrame } from '../useFrame';
import { BillSection } from './BillSection';
import { BreakEvenSection } from './BreakEvenSection';
import { MemorySweep } from './MemorySweep';
import { PricesSection } from './PricesSection';
import './cost.css';

/**
 * The Cost tab (loaded when first opened): the bill of the run so far at 1 ms, 100 ms or the
 * scenario's granularity; the prices, editable; serverless against always-on VMs; and the
 * memory sweep. The numbers come from the worker's report (asked for at most once a second).
 */
export function CostPanel() {
  const { t } = useT();
  const id = useId().replace(/[^A-Za-z0-9_-]/g, '');
  const frame = useFrame(1);
  const [report, setReport] = useState<RunReport | null>(null);
  useEffect(() => {
    if (frame) void playback.report().then((r) => r && setReport(r));
  }, [frame]);
  const draft = useScenarioDraft((s) => s.draft);
  const granularityMs = useMemo(() => {
    const c = checkScenario(draft);
    return c.ok ? c.scenario.platform.billing.granularityMs : null;
  }, [draft]);
  return (
    <div className="cost-panel se-colors" aria-label={t('cost.panel')} role="region">
      {report ? <BillSection report={report} scenarioGranularityMs={granularityMs} headingId={`cost-bill-${id}`} /> : <p className="subtle">{t('cost.noRun')}</p>}
      <PricesSection headingId={`cost-prices-${id}`} />
      {report && frame && <BreakEvenSection report={report} frame={frame} headingId={`cost-vm-${id}`} />}
      <MemorySweep headingId={`cost-sweep-${id}`} />
    </div>
  );
}
