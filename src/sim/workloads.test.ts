import { describe, expect, it } from 'vitest';
import { Rng } from './rng';
import type { Workload } from './scenario';
import { newCursor, nextArrival } from './workloads';

/** Arrival times a workload produces before `untilMs`. */
function arrivals(w: Workload, untilMs: number, seed = 1): number[] {
  const c = newCursor();
  const rng = Rng.stream(seed, 0, 0);
  const out: number[] = [];
  for (;;) {
    const t = nextArrival(w, c, rng);
    if (!(t < untilMs)) return out;
    out.push(t);
  }
}

describe('workloads', () => {
  it('periodic: one call every everyMs from offsetMs', () => {
    expect(arrivals({ type: 'periodic', everyMs: 250, offsetMs: 100 }, 1000)).toEqual([100, 350, 600, 850]);
  });

  it('poisson: about λT calls, in increasing time, with exponential gaps of mean 1/λ', () => {
    const ts = arrivals({ type: 'poisson', ratePerSec: 10 }, 1_000_000);
    // Count ~ Poisson(10,000): sd 100; 400 is 4 of them.
    expect(Math.abs(ts.length - 10_000)).toBeLessThan(400);
    const gaps = ts.map((t, i) => t - (ts[i - 1] ?? 0));
    for (const g of gaps) expect(g).toBeGreaterThan(0);
    // For exponential gaps, P(gap > mean) = e^-1.
    expect(Math.abs(gaps.filter((g) => g > 100).length / gaps.length - Math.exp(-1))).toBeLessThan(0.02);
  });

  it('poisson at rate 0 never calls', () => {
    expect(arrivals({ type: 'poisson', ratePerSec: 0 }, 1e9)).toEqual([]);
  });

  it('steps: each step has its own rate, and nothing before the first step', () => {
    const w: Workload = {
      type: 'steps',
      steps: [
        { atMs: 100_000, ratePerSec: 20 },
        { atMs: 200_000, ratePerSec: 0 },
        { atMs: 300_000, ratePerSec: 5 },
      ],
    };
    const ts = arrivals(w, 400_000);
    const inRange = (a: number, b: number) => ts.filter((t) => t >= a && t < b).length;
    expect(inRange(0, 100_000)).toBe(0);
    expect(Math.abs(inRange(100_000, 200_000) - 2000)).toBeLessThan(180); // sd ≈ 45
    expect(inRange(200_000, 300_000)).toBe(0);
    expect(Math.abs(inRange(300_000, 400_000) - 500)).toBeLessThan(90); // sd ≈ 22
    expect(ts).toEqual([...ts].sort((a, b) => a - b));
  });

  it('perMinute: exactly the given count within each minute, in time order (trace replay)', () => {
    const ts = arrivals({ type: 'perMinute', counts: [3, 0, 7, 1] }, Infinity);
    const perMinute = [0, 1, 2, 3].map((m) => ts.filter((t) => Math.floor(t / 60_000) === m).length);
    expect(perMinute).toEqual([3, 0, 7, 1]);
    expect(ts).toEqual([...ts].sort((a, b) => a - b));
  });
});
