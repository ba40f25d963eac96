/**
 * The playback controller after its worker crashed or got stuck (a fake worker here): an edit
 * then runs on a fresh worker (it used to fail at once, and a restart then dropped it), and no
 * step is sent meanwhile (to a fresh worker it would replace the explanation with "no scenario
 * loaded").
 */
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WorkerCrash } from '../../worker/client';

interface FakeFrame {
  t: number;
  durationMs: number;
  done: boolean;
}

const mocks = vi.hoisted(() => {
  // As in client.ts: once the worker crashed, `raceCrash` rejects at once until it is restarted.
  const state = { crashListeners: [] as ((c: WorkerCrash) => void)[], crashed: null as Promise<never> | null, loaded: null as unknown, t: 0, fresh: false };
  const frame = () => ({ t: state.t, durationMs: 60_000, done: false });
  const remote = {
    load: vi.fn(async (draft: unknown, atMs = 0) => {
      await new Promise((resolve) => setTimeout(resolve, 1)); // a message to the worker and back
      state.loaded = draft;
      state.t = atMs;
      return { ok: true, frame: frame() };
    }),
    stepForward: vi.fn(async () => {
      if (state.loaded === null) throw new Error('no scenario loaded');
      state.t += 10;
      return frame();
    }),
  };
  return {
    state,
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

beforeAll(async () => {
  // The controller listens for crashes only where workers exist; node has none (and no animation frames).
  vi.stubGlobal('Worker', class {});
  vi.stubGlobal('requestAnimationFrame', () => 0);
  vi.stubGlobal('cancelAnimationFrame', () => undefined);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  ({ playback, WATCHDOG_MS } = await import('./controller'));
  ({ useWorkerFailure } = await import('./failure'));
});

beforeEach(() => {
  vi.clearAllMocks();
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
