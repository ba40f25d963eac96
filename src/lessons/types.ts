import type { Lang, Localized } from '../i18n/types';
import type { RunReport } from '../sim/meters';
import type { ScenarioInput } from '../sim/scenario';

export type { Lang, Localized };

/**
 * Where a lesson step takes the simulation. Resolved in the worker by running the lesson's
 * scenario (deterministic), so a step lands on the exact moment, whatever the seed or edits.
 */
export type StepTarget =
  /** A fixed simulated time. */
  | { kind: 'time'; atMs: number }
  /**
   * The moment the `nth` (1-based, default 1) transition of an entity into the state `to`
   * happens: e.g. the first request entering `routing` (it reaches the worker manager), the
   * first sandbox entering `bootingRuntime`, the second sandbox reaching `idle`. State names are
   * the statecharts' own (src/machines), leaf names for nested states (`fetchingCode`, ...).
   * `fn` restricts it to one function by name.
   */
  | { kind: 'transition'; entity: 'request' | 'sandbox'; to: string; nth?: number; fn?: string };

/** A question asked before the experiment runs: predict, then observe. */
export interface Prediction {
  question: Localized;
  choices: { id: string; label: Localized }[];
  /** What is changed for the experiment, in words (e.g. "keep-alive 10 → 20 minutes"). */
  variantLabel: Localized;
  /** The experiment: the lesson's scenario changed (never mutate `base`; return a copy). */
  variant: (base: ScenarioInput) => ScenarioInput;
  /** The choice the simulation's own numbers support (computed, never written in). */
  answer: (base: RunReport, variant: RunReport) => string;
  /** Why, with the numbers of both runs, in the given language. */
  explain: (base: RunReport, variant: RunReport, lang: Lang) => string;
}

export interface LessonStep {
  /** What to look at, in a sentence or two. */
  text: Localized;
  /** Where the simulation goes for this step; absent: it stays where it is. */
  target?: StepTarget;
  /** Play from there at this speed (one of SPEEDS in src/store/playback.ts); absent: paused. */
  playAt?: number;
  /** A predict-then-observe question at this step. */
  predict?: Prediction;
}

/** Panels a lesson needs; presenter mode shows only these. */
export type Panel = 'plane' | 'topology' | 'charts' | 'statechart' | 'metrics';

export interface Lesson {
  /** Stable, used in the URL and in saved progress. */
  id: string;
  title: Localized;
  /** A few paragraphs in plain words, with figures and their sources. Plain text, one string per paragraph. */
  body: Localized[];
  /** Where the figures of the text come from (titles as in ../shared/domain.md's table). */
  sources: string[];
  scenario: ScenarioInput;
  steps: LessonStep[];
  panels: Panel[];
}
