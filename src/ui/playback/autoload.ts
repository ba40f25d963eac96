import { presets } from '../../lessons/presets';
import { checkScenario } from '../../sim/scenario';
import { usePlayback } from '../../store/playback';
import { useScenarioDraft } from '../../store/scenarioDraft';
import { playback } from './controller';

/** Waits this long after the last edit before re-running the scenario. */
const EDIT_DEBOUNCE_MS = 300;

/**
 * Runs the draft whenever it is valid: a new scenario (a preset, a lesson, a link, an
 * imported file: a new `generation`) at once and from the start, so a seek given right after
 * it lands in the new run; an edit after a pause in typing, at the same time, so the effect
 * of the change is seen at the moment the user was looking at. Returns the unsubscribe.
 */
/** What was last sent to the worker: a second subscriber (React's StrictMode) does not reload it. */
let loaded: { draft: unknown; generation: number } = { draft: undefined, generation: -1 };

export function startAutoLoad(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = (draft: unknown, generation: number) => {
    clearTimeout(timer);
    if (draft === loaded.draft && generation === loaded.generation) return;
    if (!checkScenario(draft).ok) {
      // Nothing has run yet (a draft with a problem, restored from the last visit): run the
      // default scenario meanwhile, so the views are not empty while the editor shows the problem.
      if (loaded.generation === -1) {
        loaded = { draft: undefined, generation };
        void playback.load(presets[0]!.scenario, 0);
      }
      return;
    }
    const loadedGeneration = loaded.generation;
    loaded = { draft, generation };
    if (generation !== loadedGeneration) {
      void playback.load(draft, 0);
    } else {
      timer = setTimeout(() => void playback.load(draft, usePlayback.getState().t), EDIT_DEBOUNCE_MS);
    }
  };
  const { draft, generation } = useScenarioDraft.getState();
  run(draft, generation);
  const unsubscribe = useScenarioDraft.subscribe((s, prev) => {
    if (s.draft !== prev.draft || s.generation !== prev.generation) run(s.draft, s.generation);
  });
  return () => {
    clearTimeout(timer);
    unsubscribe();
  };
}
