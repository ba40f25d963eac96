import { useEffect, useMemo } from 'react';
import { pick, useT } from '../i18n';
import { presets } from '../lessons/presets';
import { checkScenario } from '../sim/scenario';
import { usePlayback } from '../store/playback';
import { useScenarioDraft } from '../store/scenarioDraft';
import { handleShortcut } from './actions';
import { AnalysisTabs } from './AnalysisTabs';
import { Inspector } from './Inspector';
import { LanguageSwitch } from './LanguageSwitch';
import { PlanePanel } from './PlanePanel';
import { PlaybackBar } from './PlaybackBar';
import { startAutoLoad } from './playback/autoload';
import { ScenarioPanel } from './ScenarioPanel';
import { SummaryBar } from './SummaryBar';
import { TopologyPanel } from './TopologyPanel';

export function App() {
  const { t, lang } = useT();
  const draft = useScenarioDraft((s) => s.draft);
  const presetId = useScenarioDraft((s) => s.presetId);
  const choosePreset = useScenarioDraft((s) => s.choosePreset);
  const workerError = usePlayback((s) => s.workerError);
  // The views show the last valid scenario while the draft has a problem.
  const stale = useMemo(() => !checkScenario(draft).ok, [draft]);

  useEffect(() => startAutoLoad(), []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => handleShortcut(e);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const preset = presets.find((p) => p.id === presetId);
  return (
    <div className="app">
      <header className="topbar">
        <h1>
          FaaScope <span className="tagline">{t('app.tagline')}</span>
        </h1>
        <label className="preset">
          <span>{t('app.preset')}</span>
          <select value={presetId ?? ''} onChange={(e) => choosePreset(e.target.value)}>
            {presetId === null && <option value="">{t('app.editedScenario')}</option>}
            {presets.map((p) => (
              <option key={p.id} value={p.id}>
                {pick(p.title, lang)}
              </option>
            ))}
          </select>
        </label>
        <PlaybackBar />
        <LanguageSwitch />
      </header>
      <SummaryBar />
      {workerError && (
        <div role="alert" className="banner error">
          {t('app.workerError', { error: workerError })}
        </div>
      )}
      {stale && (
        <div className="banner warn" role="note">
          {t('app.stale')}
        </div>
      )}
      {preset && <p className="preset-summary">{pick(preset.summary, lang)}</p>}
      <main className="workspace">
        <PlanePanel />
        <div className="stage">
          <TopologyPanel />
        </div>
        <aside className="sidebar">
          <Inspector />
          <ScenarioPanel />
        </aside>
      </main>
      <AnalysisTabs />
    </div>
  );
}
