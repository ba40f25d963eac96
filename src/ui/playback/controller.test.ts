/**
 * The playback controller, on a fake worker. While playing: how many advances it keeps at the
 * worker, which frame each animation frame draws, and that a command given meanwhile still has
 * the last word. After its worker crashed or got stuck: an edit then runs on a fresh worker (it
 * used to fail at once, and a restart then dropped it), and no step is sent meanwhile (to a
 * fresh worker it would replace the explanation with "no scenario loaded").
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WorkerCrash } from '../../worker/client';
import { SPEEDS } from '../../store/playback';

interface FakeFrame {
  t: number;
  durationMs: number;
  done: boolean;
}

const mocks = vi.hoisted(() => {
  // As in client.ts: once the worker crashed, `raceCrash` rejects at once until it is restarted.
  const state = { crashListeners: [] as ((c: WorkerCrash) => void)[], crashed: null as Promise<never> | null, loaded: null as unknown, t: 0, fresh: false };
  const frame = () => ({ t: state.t, durationMs: 60_000, done: false });
  /** Advances the test has not answered yet: each answers with the frame at the time it moved to. */
  const advances: { simMs: number; answer: () => void }[] = [];
  const remote = {
    load: vi.fn(async (draft: unknown, atMs = 0) => {
      await new Promise((resolve) => setTimeout(resolve, 1)); // a message to the worker and back
      state.loaded = draft;
      state.t = atMs;
      return { ok: true, frame: frame() };
    }),
    advance: vi.fn(
      (simMs: number) =>
        new Promise<FakeFrame>((resolve) => {
          advances.push({ simMs, answer: () => resolve({ t: (state.t += simMs), durationMs: 60_000, done: false }) });
        }),
    ),
    seek: vi.fn(async (t: number) => {
      state.t = t;
      return frame();
    }),
    stepForward: vi.fn(async () => {
      if (state.loaded === null) throw new Error('no scenario loaded');
      state.t += 10;
      return frame();
    }),
  };
  return {
    state,
    advances,
    remote,
    client: {
      simWorker: () => {
        if (state.fresh) {
          state.fresh = false;
          state.loaded = null;
        }
        return remote;
      },
      raceCrash: <T>(call: Promise<T>, failure: (c: WorkerCrash) => Error) =>
        state.crashed
          ? state.crashed.catch((e: Error) => Promise.reject(failure({ message: e.message })))
          : new Promise<T>((resolve, reject) => {
              state.crashListeners.push((c) => reject(failure(c)));
              call.then(resolve, reject);
            }),
      onSimWorkerCrash: (fn: (c: WorkerCrash) => void) => {
        state.crashListeners.push(fn);
        return () => undefined;
      },
      restartSimWorker: vi.fn(() => {
        state.fresh = true;
        state.crashed = null;
      }),
    },
  };
});
vi.mock('../../worker/client', () => mocks.client);
vi.mock('../../worker/frameCodec', () => ({ unpackFrame: (w: FakeFrame) => w }));

let playback: typeof import('./controller').playback;
let WATCHDOG_MS: number;
let useWorkerFailure: typeof import('./failure').useWorkerFailure;
let latestFrame: typeof import('../../store/latestFrame').latestFrame;
let usePlayback: typeof import('../../store/playback').usePlayback;
/** The animation-frame callback the controller asked for last (node has no animation frames). */
let nextFrame: FrameRequestCallback | null = null;

beforeAll(async () => {
  // The controller listens for crashes only where workers exist; node has none (and no animation frames).
  vi.stubGlobal('Worker', class {});
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => {
    nextFrame = cb;
    return 1;
  });
  vi.stubGlobal('cancelAnimationFrame', () => undefined);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  ({ playback, WATCHDOG_MS } = await import('./controller'));
  ({ useWorkerFailure } = await import('./failure'));
  ({ latestFrame } = await import('../../store/latestFrame'));
  ({ usePlayback } = await import('../../store/playback'));
});

beforeEach(() => {
  vi.clearAllMocks();
});

/** Runs the animation frame at wall time `ms`, then lets the answers it waits on arrive. */
async function animationFrame(ms: number): Promise<void> {
  const cb = nextFrame;
  nextFrame = null;
  cb?.(ms);
  await new Promise((resolve) => setTimeout(resolve, 0));
}

/** Answers the oldest advance still at the worker. */
async function answerOldest(): Promise<void> {
  mocks.advances.shift()!.answer();
  await new Promise((resolve) => setTimeout(resolve, 0));
}

const shownAt = () => latestFrame.getState().frame?.t;

/** Presses Play at wall time `ms`. */
function playAt(ms: number): void {
  vi.spyOn(performance, 'now').mockReturnValue(ms);
  playback.play();
  vi.mocked(performance.now).mockRestore();
}

describe('while playing', () => {
  afterEach(async () => {
    // Commands wait for every advance sent before them: the worker answers the ones left.
    playback.pause();
    while (mocks.advances.length > 0) await answerOldest();
  });

  beforeEach(async () => {
    expect(await playback.load({ name: 'playing' }, 0)).toBe(true);
    expect(usePlayback.getState().speedIndex).toBe(SPEEDS.indexOf(1));
    playAt(0);
  });

  it('keeps two advances at the worker, and draws one frame between two animation frames, the newest', async () => {
    await animationFrame(16);
    await animationFrame(32);
    expect(mocks.remote.advance).toHaveBeenCalledTimes(2);
    // Both unanswered: the next animation frame sends nothing (no backlog at the worker).
    await animationFrame(48);
    expect(mocks.remote.advance).toHaveBeenCalledTimes(2);

    const drawn: number[] = [];
    const stop = latestFrame.subscribe((st) => drawn.push(st.frame!.t));
    // The first answer is drawn as it comes; the second, before the screen showed the first,
    // waits: two drawings between the same two animation frames would show one picture.
    await answerOldest();
    await answerOldest();
    expect(drawn).toEqual([16]);
    await animationFrame(64);
    expect(drawn).toEqual([16, 32]);
    stop();
    // The wall time of the animation frame that sent nothing is in the next advance.
    expect(mocks.remote.advance).toHaveBeenCalledTimes(3);
    expect(mocks.remote.advance).toHaveBeenLastCalledWith(32);
  });

  it('shows a seek given while advances are unanswered after their frames, not under them', async () => {
    await animationFrame(16);
    await animationFrame(32);
    const seek = playback.seek(5_000);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(mocks.remote.seek).not.toHaveBeenCalled();
    await answerOldest();
    await answerOldest();
    await seek;
    expect(mocks.remote.seek).toHaveBeenCalledWith(5_000);
    expect(shownAt()).toBe(5_000);
    // The advances' frames, older than the seek, are not drawn after it; playing goes on from it.
    await animationFrame(48);
    expect(shownAt()).toBe(5_000);
    await answerOldest();
    await animationFrame(64);
    expect(shownAt()).toBe(5_016);
  });

  it('leaves the newest answered frame on screen when paused, and shows a later answer as it comes', async () => {
    await animationFrame(16);
    await animationFrame(32);
    await answerOldest();
    await answerOldest();
    expect(shownAt()).toBe(16);
    playback.pause();
    expect(shownAt()).toBe(32);

    playAt(50);
    await animationFrame(100);
    playback.pause();
    await answerOldest();
    expect(shownAt()).toBe(82);
  });
});

function crash(message: string): void {
  mocks.state.crashed = Promise.reject(new Error(message));
  mocks.state.crashed.catch(() => undefined);
  mocks.state.crashListeners.forEach((l) => l({ message }));
}

describe('after the worker crashed', () => {
  it('sends no step until a scenario loads again, and the crash stays explained', async () => {
    expect(await playback.load({ name: 'first' }, 0)).toBe(true);
    await playback.step();
    crash('Uncaught Error: boom');
    expect(useWorkerFailure.getState().failure).toEqual({ kind: 'crashed', message: 'Uncaught Error: boom' });

    await playback.step();
    expect(mocks.remote.stepForward).toHaveBeenCalledTimes(1);
    expect(useWorkerFailure.getState().failure?.kind).toBe('crashed');
  });

  it('runs an edit on a fresh worker, which clears the notice; a restart then resumes the edited scenario', async () => {
    expect(await playback.load({ name: 'first' }, 0)).toBe(true);
    crash('Uncaught Error: boom');
    mocks.client.restartSimWorker.mockClear();
    const edited = { name: 'edited' };
    expect(await playback.load(edited, 10)).toBe(true);
    expect(mocks.client.restartSimWorker).toHaveBeenCalledTimes(1);
    expect(mocks.remote.load).toHaveBeenLastCalledWith(edited, 10);
    expect(useWorkerFailure.getState().failure).toBeNull();
    await playback.step();
    expect(mocks.remote.stepForward).toHaveBeenCalledTimes(1);

    crash('Uncaught Error: boom again');
    expect(await playback.restart()).toBe(true);
    expect(mocks.remote.load).toHaveBeenLastCalledWith(edited, 20);
    expect(useWorkerFailure.getState()).toMatchObject({ failure: null, restartedAt: 20 });
  });
});

describe('after the worker stopped answering', () => {
  it('says so, and a later step does not replace that with "no scenario loaded"', async () => {
    vi.useFakeTimers();
    try {
      const loaded = playback.load({ name: 'first' }, 0);
      await vi.advanceTimersByTimeAsync(1);
      expect(await loaded).toBe(true);
      mocks.remote.stepForward.mockImplementationOnce(() => new Promise(() => undefined)); // stuck
      const stuck = playback.step();
      await vi.advanceTimersByTimeAsync(WATCHDOG_MS);
      await stuck;
      expect(mocks.client.restartSimWorker).toHaveBeenCalled();
      expect(useWorkerFailure.getState().failure).toEqual({ kind: 'unresponsive', seconds: WATCHDOG_MS / 1000 });

      await playback.step();
      expect(useWorkerFailure.getState().failure?.kind).toBe('unresponsive');
    } finally {
      vi.useRealTimers();
    }
  });
});
