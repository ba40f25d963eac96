// @vitest-environment jsdom
/**
 * The lessons store as a student relies on it: opening a lesson loads its scenario and goes to
 * the step's moment; steps stop at the ends; progress survives a reload, and a corrupt saved
 * value does not break the page; the lesson keys work only while a lesson is open.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { alpha, testLessons } from './testLessons';

const playback = vi.hoisted(() => ({
  seekTarget: vi.fn(async (_target: unknown) => true),
  pause: vi.fn(),
  play: vi.fn(),
}));
vi.mock('../playback/controller', () => ({ playback }));
vi.mock('../../lessons/content', () => ({ lessons: testLessons }));

type Store = typeof import('../../store/lessons');
const KEY = 'faascope.lessons.v1';

/** The store as a fresh page load would create it (reading localStorage). */
async function freshStore(): Promise<Store> {
  vi.resetModules();
  return import('../../store/lessons');
}

beforeEach(() => {
  localStorage.clear();
  playback.seekTarget.mockReset().mockResolvedValue(true);
  playback.pause.mockReset();
  playback.play.mockReset();
});
afterEach(() => localStorage.clear());

describe('opening a lesson', () => {
  it('loads the lessons on demand, replaces the scenario and goes to the first step’s moment', async () => {
    const { useLessons } = await freshStore();
    const { useScenarioDraft } = await import('../../store/scenarioDraft');
    const generation = useScenarioDraft.getState().generation;
    expect(useLessons.getState().lessons).toBeNull();

    expect(await useLessons.getState().open('alpha')).toBe(true);

    expect(useLessons.getState().lessons).toEqual(testLessons);
    expect(useScenarioDraft.getState().draft).toEqual(alpha.scenario);
    expect(useScenarioDraft.getState().draft).not.toBe(alpha.scenario); // a copy: edits do not change the lesson
    expect(useScenarioDraft.getState().generation).toBe(generation + 1);
    expect(playback.seekTarget).toHaveBeenCalledWith({ kind: 'time', atMs: 1000 });
    expect(useLessons.getState()).toMatchObject({ lessonId: 'alpha', step: 0, status: 'ready' });
  });

  it('refuses a lesson that does not exist, leaving the scenario alone', async () => {
    const { useLessons } = await freshStore();
    const { useScenarioDraft } = await import('../../store/scenarioDraft');
    const draft = useScenarioDraft.getState().draft;
    expect(await useLessons.getState().open('nope')).toBe(false);
    expect(useScenarioDraft.getState().draft).toBe(draft);
    expect(useLessons.getState().lessonId).toBeNull();
  });

  it('opens at a given step (clamped to the lesson)', async () => {
    const { useLessons } = await freshStore();
    await useLessons.getState().open('alpha', 99);
    expect(useLessons.getState().step).toBe(2);
  });
});

describe('moving through the steps', () => {
  it('stops at both ends', async () => {
    const { useLessons } = await freshStore();
    const s = () => useLessons.getState();
    await s().open('alpha');
    await s().prev();
    expect(s().step).toBe(0);
    await s().next();
    await s().next();
    expect(s().step).toBe(2);
    playback.seekTarget.mockClear();
    await s().next();
    expect(s().step).toBe(2);
    expect(playback.seekTarget).not.toHaveBeenCalled();
    await s().goTo(-5);
    expect(s().step).toBe(0);
  });

  it('pauses at a step without target and does not move the simulation', async () => {
    const { useLessons } = await freshStore();
    await useLessons.getState().open('alpha');
    playback.seekTarget.mockClear();
    await useLessons.getState().next();
    expect(playback.seekTarget).not.toHaveBeenCalled();
    expect(playback.pause).toHaveBeenCalled();
    expect(playback.play).not.toHaveBeenCalled();
  });

  it('plays at the step’s speed once its moment is reached', async () => {
    const { useLessons } = await freshStore();
    const { usePlayback, SPEEDS } = await import('../../store/playback');
    await useLessons.getState().open('alpha', 2);
    expect(playback.seekTarget).toHaveBeenLastCalledWith({ kind: 'transition', entity: 'sandbox', to: 'idle' });
    expect(SPEEDS[usePlayback.getState().speedIndex]).toBe(10);
    expect(playback.play).toHaveBeenCalledTimes(1);
  });

  it('says when the step’s moment never happens in this run, and does not play', async () => {
    const { useLessons } = await freshStore();
    playback.seekTarget.mockResolvedValue(false);
    await useLessons.getState().open('alpha', 2);
    expect(useLessons.getState().status).toBe('missing');
    expect(playback.play).not.toHaveBeenCalled();
  });

  it('ignores the answer of a seek the student has already moved past', async () => {
    const { useLessons } = await freshStore();
    let finishFirst: (found: boolean) => void = () => undefined;
    playback.seekTarget.mockImplementationOnce(() => new Promise<boolean>((r) => (finishFirst = r)));
    const opening = useLessons.getState().open('alpha');
    await vi.waitFor(() => expect(useLessons.getState().status).toBe('moving'));
    await useLessons.getState().next(); // step 1, no target: ready at once
    finishFirst(false);
    await opening;
    expect(useLessons.getState()).toMatchObject({ step: 1, status: 'ready' });
  });
});

describe('remembered progress', () => {
  it('survives a reload: furthest step, predictions, completion', async () => {
    let store = await freshStore();
    await store.useLessons.getState().open('alpha');
    await store.useLessons.getState().goTo(2);
    expect(store.useLessons.getState().progress.alpha).toMatchObject({ highestStep: 2, completed: false }); // its prediction is not answered yet
    store.useLessons.getState().recordPrediction('alpha', 2, 'same', 'more');
    await store.useLessons.getState().open('beta');

    store = await freshStore();
    expect(store.useLessons.getState().progress).toEqual({
      alpha: { highestStep: 2, completed: true, predictions: { '2': { choice: 'same', answer: 'more', matched: false } } },
      beta: { highestStep: 0, completed: true, predictions: {} },
    });
  });

  it('going back does not lower the furthest step reached', async () => {
    const { useLessons } = await freshStore();
    await useLessons.getState().open('alpha', 2);
    await useLessons.getState().goTo(0);
    expect(useLessons.getState().progress.alpha?.highestStep).toBe(2);
  });

  it('ignores a corrupt saved value instead of crashing', async () => {
    localStorage.setItem(KEY, '{not json');
    const { useLessons } = await freshStore();
    expect(useLessons.getState().progress).toEqual({});
    await useLessons.getState().open('beta');
    expect(JSON.parse(localStorage.getItem(KEY)!)).toEqual({ beta: { highestStep: 0, completed: true, predictions: {} } });
  });

  it('drops only the lessons whose saved entry does not fit', async () => {
    const good = { highestStep: 1, completed: false, predictions: { '2': { choice: 'more', answer: 'more', matched: true } } };
    localStorage.setItem(KEY, JSON.stringify({ alpha: good, beta: { highestStep: -3, completed: 'yes' }, gamma: null }));
    const { useLessons } = await freshStore();
    expect(useLessons.getState().progress).toEqual({ alpha: good });
  });

  it('ignores a saved value of the wrong shape altogether', async () => {
    localStorage.setItem(KEY, JSON.stringify([1, 2, 3]));
    const { useLessons } = await freshStore();
    expect(useLessons.getState().progress).toEqual({});
  });
});

describe('the lesson keys', () => {
  const key = (k: string, target?: HTMLElement) => {
    const e = new KeyboardEvent('keydown', { key: k, cancelable: true, bubbles: true });
    if (target) Object.defineProperty(e, 'target', { value: target });
    return e;
  };

  it('PageDown / PageUp do nothing while no lesson is open', async () => {
    const { useLessons } = await freshStore();
    const { handleLessonKey } = await import('./keys');
    await useLessons.getState().open('alpha');
    useLessons.getState().close();
    const e = key('PageDown');
    expect(handleLessonKey(e)).toBe(false);
    expect(e.defaultPrevented).toBe(false);
  });

  it('PageDown / PageUp move through the open lesson', async () => {
    const { useLessons } = await freshStore();
    const { handleLessonKey } = await import('./keys');
    await useLessons.getState().open('alpha');
    const down = key('PageDown');
    expect(handleLessonKey(down)).toBe(true);
    expect(down.defaultPrevented).toBe(true); // the page does not scroll as well
    await vi.waitFor(() => expect(useLessons.getState().step).toBe(1));
    expect(handleLessonKey(key('PageUp'))).toBe(true);
    await vi.waitFor(() => expect(useLessons.getState().step).toBe(0));
  });

  it('leaves the keys to a text field being typed in, and the arrows to the playback unless asked', async () => {
    const { useLessons } = await freshStore();
    const { handleLessonKey } = await import('./keys');
    await useLessons.getState().open('alpha');
    const field = document.createElement('input');
    expect(handleLessonKey(key('PageDown', field))).toBe(false);
    expect(handleLessonKey(key('ArrowRight'))).toBe(false);
    expect(handleLessonKey(key('ArrowRight'), { arrows: true })).toBe(true);
    await vi.waitFor(() => expect(useLessons.getState().step).toBe(1));
    const radio = Object.assign(document.createElement('input'), { type: 'radio' });
    expect(handleLessonKey(key('ArrowRight', radio), { arrows: true })).toBe(false); // moves within the radio group
  });
});
