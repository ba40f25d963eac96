import '../sim/zodJitless';
import * as z from 'zod/mini';
import { create } from 'zustand';
import type { Lesson } from '../lessons/types';
import { playback } from '../ui/playback/controller';
import { SPEEDS, usePlayback } from './playback';
import { useScenarioDraft } from './scenarioDraft';

/**
 * Where the student is in the guided lessons, and how far they got in each (remembered in the
 * browser, so a student can close the tab and come back to lesson 6 at step 3). Moving through
 * the steps drives playback (a new scenario, a seek to the step's moment, play or pause) through
 * the playback controller's ordered queue; the simulation's results are never computed here.
 * The lesson texts are loaded on first use (`loadLessons`), so they stay out of the initial bundle.
 */

/** Where progress is remembered. Bump the version when its shape changes. */
export const LESSONS_STORAGE_KEY = 'faascope.lessons.v1';

/** A prediction the student made, and what the simulation said. */
export interface PredictionRecord {
  /** The choice the student made. */
  choice: string;
  /** The choice the simulation's numbers supported. */
  answer: string;
  matched: boolean;
}

export interface LessonProgress {
  /** The furthest step reached, 0-based. */
  highestStep: number;
  /** Every step reached and every prediction answered. Stays true once earned. */
  completed: boolean;
  /** By step index (as a string: JSON keys). */
  predictions: Record<string, PredictionRecord>;
}

/**
 * The current step's state: `moving` while the simulation goes to its moment, `missing` when
 * that moment never happens in the loaded run (the scenario was edited), else `ready`.
 */
export type StepStatus = 'ready' | 'moving' | 'missing';

export interface LessonsState {
  /** The lessons, once loaded; null before. */
  lessons: Lesson[] | null;
  /** Loading the lessons failed (offline, say): the message. */
  loadError: string | null;
  /** The open lesson, or null (the list is shown). */
  lessonId: string | null;
  /** The current step of the open lesson, 0-based. */
  step: number;
  status: StepStatus;
  progress: Record<string, LessonProgress>;
  /** Opens a lesson: its scenario replaces the current one, and the simulation goes to `step`'s moment. False if there is no such lesson. */
  open: (id: string, step?: number) => Promise<boolean>;
  /**
   * Shows a lesson at a step without touching the simulation: a shared link brings its own
   * scenario and moment. False if there is no such lesson.
   */
  showAt: (id: string, step: number) => Promise<boolean>;
  /** Back to the list; the simulation stays as it is. */
  close: () => void;
  /** The next / previous step; nothing at the ends. */
  next: () => Promise<void>;
  prev: () => Promise<void>;
  /** Goes to step `step` (clamped to the lesson's steps), again if it is the current one. */
  goTo: (step: number) => Promise<void>;
  /** Remembers the student's prediction at a step and the answer the simulation gave. */
  recordPrediction: (lessonId: string, step: number, choice: string, answer: string) => void;
}

const predictionSchema = z.object({ choice: z.string(), answer: z.string(), matched: z.boolean() });
const progressSchema = z.object({
  highestStep: z.int().check(z.minimum(0)),
  completed: z.boolean(),
  predictions: z.record(z.string(), predictionSchema),
});

/**
 * The remembered progress. Each lesson's entry is checked on its own: one that does not fit
 * (a corrupt value, an older shape) is dropped and the others are kept. Never throws.
 */
export function readProgress(storage: Pick<Storage, 'getItem'> | undefined = globalStorage()): Record<string, LessonProgress> {
  const out: Record<string, LessonProgress> = {};
  let raw: unknown;
  try {
    const text = storage?.getItem(LESSONS_STORAGE_KEY);
    if (!text) return out;
    raw = JSON.parse(text);
  } catch {
    return out;
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return out;
  for (const [id, entry] of Object.entries(raw)) {
    const parsed = z.safeParse(progressSchema, entry);
    if (parsed.success) out[id] = parsed.data;
  }
  return out;
}

function writeProgress(progress: Record<string, LessonProgress>): void {
  try {
    globalStorage()?.setItem(LESSONS_STORAGE_KEY, JSON.stringify(progress));
  } catch {
    // Storage full or disabled (a private window): progress lasts this visit only.
  }
}

function globalStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

let loading: Promise<Lesson[]> | null = null;

/** The lessons, loaded on first call (a separate chunk); later calls share the same load. */
export function loadLessons(): Promise<Lesson[]> {
  const have = useLessons.getState().lessons;
  if (have) return Promise.resolve(have);
  loading ??= import('../lessons/content').then(
    ({ lessons }) => {
      useLessons.setState({ lessons, loadError: null });
      return lessons;
    },
    (e: unknown) => {
      loading = null; // a later call tries again
      useLessons.setState({ loadError: e instanceof Error ? e.message : String(e) });
      throw e;
    },
  );
  return loading;
}

/** The playback speed index nearest to `speed` (a lesson names a speed; the store keeps an index). */
export function speedIndexOf(speed: number): number {
  let best = 0;
  SPEEDS.forEach((s, i) => {
    if (Math.abs(Math.log(s / speed)) < Math.abs(Math.log(SPEEDS[best]! / speed))) best = i;
  });
  return best;
}

/** Every step reached and every prediction answered. */
function isComplete(lesson: Lesson, p: LessonProgress): boolean {
  if (p.highestStep < lesson.steps.length - 1) return false;
  return lesson.steps.every((s, i) => !s.predict || p.predictions[String(i)] !== undefined);
}

const emptyProgress = (): LessonProgress => ({ highestStep: 0, completed: false, predictions: {} });

/** Bumped by every move: an answer from the worker for an older move is ignored. */
let moveToken = 0;

export const useLessons = create<LessonsState>((set, get) => {
  const current = (): Lesson | undefined => {
    const { lessons, lessonId } = get();
    return lessons?.find((l) => l.id === lessonId);
  };

  const updateProgress = (lesson: Lesson, change: (p: LessonProgress) => LessonProgress) => {
    const before = get().progress[lesson.id] ?? emptyProgress();
    const after = change(before);
    const completed = before.completed || isComplete(lesson, after);
    set({ progress: { ...get().progress, [lesson.id]: { ...after, completed } } });
  };

  /** Makes `step` current and takes the simulation there. */
  const move = async (lesson: Lesson, step: number): Promise<void> => {
    const token = ++moveToken;
    const s = lesson.steps[step];
    if (!s) return;
    set({ step, status: s.target ? 'moving' : 'ready' });
    updateProgress(lesson, (p) => ({ ...p, highestStep: Math.max(p.highestStep, step) }));
    if (s.playAt === undefined) playback.pause();
    const found = s.target ? await playback.seekTarget(s.target) : true;
    if (token !== moveToken) return; // the student has moved on
    set({ status: found ? 'ready' : 'missing' });
    if (found && s.playAt !== undefined) {
      usePlayback.getState().setSpeedIndex(speedIndexOf(s.playAt));
      playback.play();
    }
  };

  const find = async (id: string): Promise<Lesson | undefined> => {
    const lessons = get().lessons ?? (await loadLessons());
    return lessons.find((l) => l.id === id);
  };

  const clampStep = (lesson: Lesson, step: number) => Math.max(0, Math.min(lesson.steps.length - 1, Math.trunc(step) || 0));

  return {
    lessons: null,
    loadError: null,
    lessonId: null,
    step: 0,
    status: 'ready',
    progress: readProgress(),

    open: async (id, step = 0) => {
      const lesson = await find(id);
      if (!lesson || lesson.steps.length === 0) return false;
      useScenarioDraft.getState().replaceScenario(lesson.scenario);
      set({ lessonId: id });
      await move(lesson, clampStep(lesson, step));
      return true;
    },

    showAt: async (id, step) => {
      const lesson = await find(id);
      if (!lesson || lesson.steps.length === 0) return false;
      moveToken++;
      const at = clampStep(lesson, step);
      set({ lessonId: id, step: at, status: 'ready' });
      updateProgress(lesson, (p) => ({ ...p, highestStep: Math.max(p.highestStep, at) }));
      return true;
    },

    close: () => {
      moveToken++;
      set({ lessonId: null, step: 0, status: 'ready' });
    },

    next: async () => {
      const lesson = current();
      if (lesson && get().step < lesson.steps.length - 1) await move(lesson, get().step + 1);
    },

    prev: async () => {
      const lesson = current();
      if (lesson && get().step > 0) await move(lesson, get().step - 1);
    },

    goTo: async (step) => {
      const lesson = current();
      if (lesson) await move(lesson, clampStep(lesson, step));
    },

    recordPrediction: (lessonId, step, choice, answer) => {
      const lesson = get().lessons?.find((l) => l.id === lessonId);
      if (!lesson) return;
      updateProgress(lesson, (p) => ({ ...p, predictions: { ...p.predictions, [String(step)]: { choice, answer, matched: choice === answer } } }));
    },
  };
});

useLessons.subscribe((s, prev) => {
  if (s.progress !== prev.progress) writeProgress(s.progress);
});

/** Where the lesson stands, for a shared link; null when no lesson is open. */
export function lessonPosition(): { lessonId: string; step: number } | null {
  const { lessonId, step } = useLessons.getState();
  return lessonId === null ? null : { lessonId, step };
}
