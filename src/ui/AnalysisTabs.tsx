import { useEffect, useState } from 'react';
import type { RunReport } from '../sim/meters';
import { simWorker } from '../worker/client';
import { ChartsPanel } from './ChartsPanel';
import { MetricsTable } from './MetricsTable';
import { StatechartPanel } from './StatechartPanel';
import { useFrame } from './useFrame';

const TABS = [
  { id: 'charts', label: 'Charts' },
  { id: 'statecharts', label: 'Statecharts' },
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
  const [tab, setTab] = useState<TabId>('charts');
  return (
    <section className="panel analysis" aria-label="Analysis">
      <div role="tablist" aria-label="Analysis views" className="tabs">
        {TABS.map((t, i) => (
          <button
            key={t.id}
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`tabpanel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            type="button"
            onClick={() => setTab(t.id)}
            onKeyDown={(e) => {
              // The ARIA tabs pattern: arrows move between tabs (and are not playback steps here).
              if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
              e.preventDefault();
              e.stopPropagation();
              const next = TABS[(i + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]!;
              setTab(next.id);
              document.getElementById(`tab-${next.id}`)?.focus();
            }}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`tabpanel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'charts' && <ChartsPanel />}
        {tab === 'statecharts' && <StatechartPanel />}
        {tab === 'metrics' && <MetricsTab />}
      </div>
    </section>
  );
}
