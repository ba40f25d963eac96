import { useEffect, useState } from 'react';
import type { RunReport } from '../sim/meters';
import { simWorker } from '../worker/client';
import { MetricsTable } from './MetricsTable';
import { useFrame } from './useFrame';

const TABS = [
  { id: 'metrics', label: 'Metrics' },
] as const;
type TabId = (typeof TABS)[number]['id'];

function MetricsTab() {
  // The full report (percentiles sort every latency) is asked for at most once a second.
  const frame = useFrame(1);
  const [report, setReport] = useState<RunReport | null>(null);
  useEffect(() => {
    if (frame) void simWorker().report().then(setReport);
  }, [frame]);
  return report ? <MetricsTable report={report} /> : <p className="subtle">No run yet.</p>;
}

/** Charts, statecharts and the metrics table, under the live views. */
export function AnalysisTabs() {
  const [tab, setTab] = useState<TabId>('metrics');
  return (
    <section className="panel analysis" aria-label="Analysis">
      <div role="tablist" aria-label="Analysis views" className="tabs">
        {TABS.map((t) => (
          <button key={t.id} role="tab" id={`tab-${t.id}`} aria-selected={tab === t.id} aria-controls={`tabpanel-${t.id}`} type="button" onClick={() => setTab(t.id)}>
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`tabpanel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'metrics' && <MetricsTab />}
      </div>
    </section>
  );
}
