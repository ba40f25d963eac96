import { lazy, Suspense, useEffect, useLayoutEffect, useMemo, useState } from 'react';
import { pick, useT } from '../i18n';
import { presets } from '../lessons/presets';
import { checkScenario } from '../sim/scenario';
import { useScenarioDraft } from '../store/scenarioDraft';
import { lessonPosition, useLessons } from '../store/lessons';
import { useUi } from '../store/ui';
import { handleShortcut } from './actions';
import { AnalysisTabs } from './AnalysisTabs';
import { Inspector } from './Inspector';
import { LanguageSwitch } from './LanguageSwitch';
import { handleLessonKey } from './lessons/keys';
import { PlanePanel } from './PlanePanel';
import { PlaybackBar } from './PlaybackBar';
import { DraftStorageNotice } from './playback/DraftStorageNotice';
import { WorkerFailureNotice } from './playback/WorkerFailureNotice';
import { startAutoLoad } from './playback/autoload';
import { playback } from './playback/controller';
import { PresenterButton } from './presenter/PresenterButton';
import { handleViewShortcut } from './presenter/keys';
import { ScenarioPanel } from './ScenarioPanel';
import { ShareMenu } from './share/ShareMenu';
import { ShortcutHelpButton } from './ShortcutHelpButton';
import type { Startup } from './startup';
import { SummaryBar } from './SummaryBar';
import { ThemeSwitch } from './ThemeSwitch';
import { TopologyPanel } from './TopologyPanel';

// The lessons (panel and texts) load after the first paint: not in the initial JavaScript.
const LessonsPanel = lazy(() => import('./lessons/LessonsPanel').then((m) => ({ default: m.LessonsPanel })));
// The shortcut help is loaded when first opened, and stays (its closing gives focus back).
const ShortcutHelp = lazy(() => import('./ShortcutHelp').then((m) => ({ default: m.ShortcutHelp })));

/** The shared position is applied once, even if React runs the start-up effect twice. */
let positionApplied = false;

export function App({ startup = {} }: { startup?: Startup }) {
  const { t, lang } = useT();
  const draft = useScenarioDraft((s) => s.draft);
  const presetId = useScenarioDraft((s) => s.presetId);
  const choosePreset = useScenarioDraft((s) => s.choosePreset);
  const presenter = useUi((s) => s.presenter);
  const helpOpen = useUi((s) => s.helpOpen);
  const [helpLoaded, setHelpLoaded] = useState(helpOpen);
  if (helpOpen && !helpLoaded) setHelpLoaded(true);
  const embed = useUi((s) => s.embed);
  // In presenter mode, only the panels the open lesson needs.
  const lessonPanels = useLessons((s) => (s.lessonId === null ? null : (s.lessons?.find((l) => l.id === s.lessonId)?.panels ?? null)));
  // On a projector the lesson's current step goes above the views, where the hall can read it.
  const lessonOnTop = presenter && lessonPanels !== null;
  const shows = (panel: 'plane' | 'topology' | 'analysis') =>
    !presenter || lessonPanels === null || (panel === 'analysis' ? lessonPanels.some((p) => p === 'charts' || p === 'statechart' || p === 'metrics') : lessonPanels.includes(panel));
  const [linkProblem, setLinkProblem] = useState(startup.message ? { message: startup.message, scenario: startup.linkScenario } : null);
  // The views show the last valid scenario while the draft has a problem.
  const stale = useMemo(() => !checkScenario(draft).ok, [draft]);

  useEffect(() => {
    const stop = startAutoLoad();
    // A shared link's position, queued after the load of its scenario.
    if (startup.state && !positionApplied) {
      positionApplied = true;
      const { t: at, lessonId, step } = startup.state;
      if (at) void playback.seek(at);
      if (lessonId) void useLessons.getState().showAt(lessonId, step ?? 0);
    }
    return stop;
  }, [startup.state]);

  // A layout effect: the shortcuts work from the moment the page shows, not one task later
  // (the page is rendered as a transition, and a key pressed in between was lost).
  useLayoutEffect(() => {
    // In presenter mode the arrows move through the lesson, as a clicker's keys do.
    const onKey = (e: KeyboardEvent) => handleViewShortcut(e) || handleLessonKey(e, { arrows: useUi.getState().presenter }) || handleShortcut(e);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (embed) return <EmbeddedApp />;

  const preset = presets.find((p) => p.id === presetId);
  return (
    <div className={`app${presenter ? ' presenter' : ''}`}>
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
        <ShareMenu lessonPosition={lessonPosition} />
        <div className="view-controls" role="group" aria-label={t('app.viewControls')}>
          <PresenterButton />
          <ThemeSwitch />
          <ShortcutHelpButton />
          <LanguageSwitch />
        </div>
      </header>
      <SummaryBar />
      {linkProblem && (
        <div role="alert" className="banner error link-problem">
          <span>{pick(linkProblem.message, lang)}</span>
          {linkProblem.scenario !== undefined && (
            <button
              type="button"
              onClick={() => {
                useScenarioDraft.getState().setDraft(linkProblem.scenario);
                setLinkProblem(null);
              }}
            >
              {t('app.openLinkScenario')}
            </button>
          )}
          <button type="button" onClick={() => setLinkProblem(null)}>
            {t('app.dismiss')}
          </button>
        </div>
      )}
      {/* A worker failure: what happened, and a restart from the last good state. */}
      <WorkerFailureNotice />
      <DraftStorageNotice />
      {stale && (
        <div className="banner warn" role="note">
          {t('app.stale')}
        </div>
      )}
      {lessonOnTop && (
        <div className="presenter-lesson">
          <Suspense fallback={null}>
            <LessonsPanel presenter />
          </Suspense>
        </div>
      )}
      <main className="workspace">
        {preset && <p className="preset-summary">{pick(preset.summary, lang)}</p>}
        {shows('plane') && <PlanePanel />}
        {shows('topology') && (
          <div className="stage">
            <TopologyPanel />
          </div>
        )}
        <aside className="sidebar">
          {!lessonOnTop && (
            // The placeholder holds the list's height while the lessons load, so the panels below do not jump.
            <Suspense fallback={<section className="panel lessons-placeholder" aria-hidden="true" />}>
              <LessonsPanel presenter={presenter} />
            </Suspense>
          )}
          <Inspector />
          <ScenarioPanel />
        </aside>
      </main>
      {shows('analysis') && <AnalysisTabs />}
      {helpLoaded && (
        <Suspense fallback={null}>
          <ShortcutHelp />
        </Suspense>
      )}
    </div>
  );
}

/** `?embed=1`: the views and the play control for a course page's iframe; no editor. */
function EmbeddedApp() {
  const { t } = useT();
  const full = new URL(window.location.href);
  full.searchParams.delete('embed');
  return (
    <div className="app embed">
      <header className="topbar">
        <h1>FaaScope</h1>
        <PlaybackBar />
        <a className="open-full" href={full.toString()} target="_blank" rel="noopener">
          {t('app.openFull')}
        </a>
      </header>
      <main className="workspace">
        <PlanePanel />
        <div className="stage">
          <TopologyPanel />
        </div>
      </main>
    </div>
  );
}
