import { useEffect, useMemo, useRef } from 'react';
import { presets } from '../lessons/presets';
import { checkScenario } from '../sim/scenario';
import { usePlayback } from '../store/playback';
import { useScenarioDraft } from '../store/scenarioDraft';
import { handleShortcut } from './actions';
import { AnalysisTabs } from './AnalysisTabs';
import { Inspector } from './Inspector';
import { PlanePanel } from './PlanePanel';
import { PlaybackBar } from './PlaybackBar';
import { playback } from './playback/controller';
import { ScenarioPanel } from './ScenarioPanel';
import { SummaryBar } from './SummaryBar';
import { TopologyPanel } from './TopologyPanel';

/** Waits this long after the last edit before re-running the scenario. */
const EDIT_DEBOUNCE_MS = 300;

export function App() {
  const draft = useScenarioDraft((s) => s.draft);
  const presetId = useScenarioDraft((s) => s.presetId);
  const choosePreset = useScenarioDraft((s) => s.choosePreset);
  const workerError = usePlayback((s) => s.workerError);
  const generation = useScenarioDraft((s) => s.generation);
  const loadedGeneration = useRef(-1);
  // The views show the last valid scenario while the draft has a problem.
  const stale = useMemo(() => !checkScenario(draft).ok, [draft]);

  // Run the draft whenever it is valid: a new preset from the start, an edit at the same time,
  // so the effect of the change is seen at the moment the user was looking at.
  useEffect(() => {
    if (!checkScenario(draft).ok) return;
    const fromStart = loadedGeneration.current !== generation;
    const timer = setTimeout(
      () => {
        loadedGeneration.current = generation;
        void playback.load(draft, fromStart ? 0 : usePlayback.getState().t);
      },
      fromStart ? 0 : EDIT_DEBOUNCE_MS,
    );
    return () => clearTimeout(timer);
  }, [draft, generation]);

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
          FaaScope <span className="tagline">inside a serverless platform</span>
        </h1>
        <label className="preset">
          <span>Preset</span>
          <select value={presetId ?? ''} onChange={(e) => choosePreset(e.target.value)}>
            {presetId === null && <option value="">(edited scenario)</option>}
            {presets.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
          </select>
        </label>
        <PlaybackBar />
      </header>
      <SummaryBar />
      {workerError && (
        <div role="alert" className="banner error">
          The simulation stopped: {workerError}. Your scenario is kept; press Reset or edit it to try again.
        </div>
      )}
      {stale && (
        <div className="banner warn" role="note">
          The scenario has a problem (see the editor): the views show the last valid version.
        </div>
      )}
      {preset && <p className="preset-summary">{preset.summary}</p>}
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
