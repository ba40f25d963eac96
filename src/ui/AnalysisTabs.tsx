import { lazy, Suspense, useEffect, useState } from 'react';
import { loadLazyText, useT } from '../i18n';
import type { RunReport } from '../sim/meters';
import { playback } from './playback/controller';
import { ChartsPanel } from './ChartsPanel';
import { MetricsTable } from './MetricsTable';
import { useFrame } from './useFrame';

// The statechart view (with XState's definitions) is loaded when its tab is first opened: it
// is not in the page's initial JavaScript.
const StatechartPanel = lazy(() => import('./StatechartPanel').then((m) => ({ default: m.StatechartPanel })));
// The Cost tab (its charts, the break-even and the memory sweep) is loaded the same way.
const CostPanel = lazy(() => import('./cost/CostPanel').then((m) => ({ default: m.CostPanel })));
// The cold-start lab (trace import, policy comparison, its charts and worker client) too.
// The lab brings its own text (LazyText): it is loaded with the tab, in the page's language.
const LabPanel = lazy(() =>
  Promise.all([import('./lab/LabPanel'), import('./lab/text').then((m) => loadLazyText(m.labText))]).then(([m]) => ({ default: m.LabPanel })),
);

const TABS = ['charts', 'statecharts', 'metrics', 'cost', 'lab'] as const;
type TabId = (typeof TABS)[number];

function MetricsTab() {
  const { t } = useT();
  // The full report (percentiles sort every latency) is asked for at most once a second.
  const frame = useFrame(1);
  const [report, setReport] = useState<RunReport | null>(null);
  useEffect(() => {
    if (frame) void playback.report().then((r) => r && setReport(r));
  }, [frame]);
  return report ? <MetricsTable report={report} /> : <p className="subtle">{t('tabs.noRun')}</p>;
}

/** Charts, statecharts and the metrics table, under the live views. */
export function AnalysisTabs() {
  const { t } = useT();
  const [tab, setTab] = useState<TabId>('charts');
  return (
    <section className="panel analysis" aria-label={t('tabs.analysis')}>
      <div role="tablist" aria-label={t('tabs.views')} className="tabs">
        {TABS.map((id, i) => (
          <button
            key={id}
            role="tab"
            id={`tab-${id}`}
            aria-selected={tab === id}
            aria-controls={`tabpanel-${id}`}
            tabIndex={tab === id ? 0 : -1}
            type="button"
            onClick={() => setTab(id)}
            onKeyDown={(e) => {
              // The ARIA tabs pattern: arrows move between tabs (and are not playback steps here).
              if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
              e.preventDefault();
              e.stopPropagation();
              const next = TABS[(i + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]!;
              setTab(next);
              document.getElementById(`tab-${next}`)?.focus();
            }}
          >
            {id === 'cost' ? t('cost.tab') : t(`tabs.${id}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`tabpanel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'charts' && <ChartsPanel />}
        {tab === 'statecharts' && (
          <Suspense fallback={<p className="subtle">…</p>}>
            <StatechartPanel />
          </Suspense>
        )}
        {tab === 'metrics' && <MetricsTab />}
        {tab === 'cost' && (
          <Suspense fallback={<p className="subtle">…</p>}>
            <CostPanel />
          </Suspense>
        )}
        {tab === 'lab' && (
          <Suspense fallback={<p className="subtle">…</p>}>
            <LabPanel />
          </Suspense>
        )}
      </div>
    </section>
  );
}
