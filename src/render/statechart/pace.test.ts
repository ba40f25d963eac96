import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { paceFrames } from './pace';

describe('paceFrames', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const setup = () => {
    const drawn: number[] = [];
    const paced = paceFrames<{ t: number }>((f) => drawn.push(f.t), { minIntervalMs: 200, now: () => Date.now() });
    return { drawn, paced };
  };

  it('draws at most five times a wall second while frames stream at 60 a second', () => {
    const { drawn, paced } = setup();
    for (let i = 0; i < 60; i++) {
      paced.push({ t: i * 100 });
      vi.advanceTimersByTime(1000 / 60);
    }
    expect(drawn.length).toBeGreaterThanOrEqual(5);
    expect(drawn.length).toBeLessThanOrEqual(6);
    expect(drawn[0]).toBe(0);
  });

  it('leaves the last frame on screen when frames stop', () => {
    const { drawn, paced } = setup();
    paced.push({ t: 0 });
    paced.push({ t: 10 });
    paced.push({ t: 20 });
    expect(drawn).toEqual([0]);
    vi.advanceTimersByTime(200);
    expect(drawn).toEqual([0, 20]);
  });

  it('draws at once when simulated time goes backwards (a rewind)', () => {
    const { drawn, paced } = setup();
    paced.push({ t: 5000 });
    vi.advanceTimersByTime(50);
    paced.push({ t: 1000 });
    expect(drawn).toEqual([5000, 1000]);
    vi.advanceTimersByTime(500);
    expect(drawn).toEqual([5000, 1000]); // no stale trailing draw
  });

  it('draws nothing more once cancelled', () => {
    const { drawn, paced } = setup();
    paced.push({ t: 0 });
    paced.push({ t: 10 });
    paced.cancel();
    vi.advanceTimersByTime(1000);
    expect(drawn).toEqual([0]);
  });
});
