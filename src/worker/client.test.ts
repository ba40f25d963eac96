/**
 * The page's handle on the simulation worker: a call waiting on a worker that crashes fails
 * with the crash, and calls that answered leave nothing behind (an hour of playback makes
 * hundreds of thousands of them).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { crashListenerCount, raceCrash, restartSimWorker, simWorker } from './client';

/** A stand-in for the worker: it never answers; the test makes it crash. */
class FakeWorker extends EventTarget {
  static last: FakeWorker | null = null;
  constructor() {
    super();
    FakeWorker.last = this;
  }
  postMessage(): void {}
  terminate(): void {}
}

const failure = (c: { message: string }) => new Error(`crashed: ${c.message}`);
const crash = (message: string) => {
  const e = new Event('error') as Event & { message: string };
  e.message = message;
  FakeWorker.last!.dispatchEvent(e);
};

beforeEach(() => {
  vi.stubGlobal('Worker', FakeWorker);
  restartSimWorker();
  simWorker();
});

afterEach(() => {
  restartSimWorker();
  vi.unstubAllGlobals();
});

describe('raceCrash', () => {
  it('answers what the call answers, value or error', async () => {
    await expect(raceCrash(Promise.resolve(42), failure)).resolves.toBe(42);
    await expect(raceCrash(Promise.reject(new Error('no scenario loaded')), failure)).rejects.toThrow('no scenario loaded');
  });

  it('leaves no listener behind once calls have answered, however many there were', async () => {
    const before = crashListenerCount();
    const calls = Array.from({ length: 1_000 }, (_, i) => raceCrash(Promise.resolve(i), failure));
    expect(crashListenerCount()).toBe(before + 1_000);
    await Promise.all(calls);
    expect(crashListenerCount()).toBe(before);
  });

  it('fails a call still waiting when the worker crashes, and a later call at once, until a restart', async () => {
    const waiting = raceCrash(new Promise<number>(() => undefined), failure);
    crash('Uncaught RangeError: Array buffer allocation failed');
    await expect(waiting).rejects.toThrow('crashed: Uncaught RangeError: Array buffer allocation failed');
    await expect(raceCrash(new Promise<number>(() => undefined), failure)).rejects.toThrow('crashed: Uncaught RangeError');
    restartSimWorker();
    simWorker();
    await expect(raceCrash(Promise.resolve('fresh'), failure)).resolves.toBe('fresh');
  });
});
