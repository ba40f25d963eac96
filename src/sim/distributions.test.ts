import { describe, expect, it } from 'vitest';
import { mean, sample } from './distributions';
import { Rng } from './rng';
import type { Distribution } from './scenario';

/** Durations drawn by the engine follow the distribution the scenario names. */

const N = 200_000;

function draws(d: Distribution, seed = 3): Float64Array {
  const rng = Rng.stream(seed, 0, 1);
  const out = new Float64Array(N);
  for (let i = 0; i < N; i++) out[i] = sample(d, rng);
  return out.sort();
}
const avg = (xs: Float64Array) => xs.reduce((s, x) => s + x, 0) / xs.length;
const quantile = (sorted: Float64Array, p: number) => sorted[Math.floor(p * (sorted.length - 1))]!;

describe('distributions', () => {
  it('constant always gives its value', () => {
    const xs = draws({ dist: 'constant', ms: 42 });
    expect(xs[0]).toBe(42);
    expect(xs[N - 1]).toBe(42);
  });

  it('exponential: mean as given, median = mean × ln 2, never negative', () => {
    const xs = draws({ dist: 'exponential', meanMs: 400 });
    // Standard error of the mean: 400/sqrt(N) ≈ 0.9 ms; 4 ms is over 4 of them.
    expect(Math.abs(avg(xs) - 400)).toBeLessThan(4);
    expect(Math.abs(quantile(xs, 0.5) - 400 * Math.LN2)).toBeLessThan(5);
    expect(xs[0]).toBeGreaterThanOrEqual(0);
  });

  it('lognormal: median as given, mean = median × e^(σ²/2)', () => {
    const d = { dist: 'lognormal', medianMs: 300, sigma: 0.5 } as const;
    const xs = draws(d);
    expect(mean(d)).toBeCloseTo(300 * Math.exp(0.125), 9);
    expect(Math.abs(quantile(xs, 0.5) - 300) / 300).toBeLessThan(0.01);
    expect(Math.abs(avg(xs) - mean(d)) / mean(d)).toBeLessThan(0.01);
  });

  it('empirical: passes through the published percentiles, and stays within p0..p100', () => {
    const percentiles = { p0: 5, p1: 10, p25: 100, p50: 200, p75: 400, p99: 2000, p100: 5000 };
    const d = { dist: 'empirical', percentiles } as const;
    const xs = draws(d);
    expect(xs[0]).toBeGreaterThanOrEqual(5);
    expect(xs[N - 1]).toBeLessThanOrEqual(5000);
    // The share of draws at or below each published percentile is that percentile
    // (binomial standard error at most 0.0012 with 200,000 draws; 0.005 is over 4 of them).
    for (const [p, v] of [
      [0.01, 10],
      [0.25, 100],
      [0.5, 200],
      [0.75, 400],
      [0.99, 2000],
    ] as const) {
      const share = xs.filter((x) => x <= v).length / N;
      expect(Math.abs(share - p), `p${p * 100}`).toBeLessThan(0.005);
    }
    expect(Math.abs(avg(xs) - mean(d)) / mean(d)).toBeLessThan(0.01);
  });
});

describe('random streams', () => {
  it('the same (seed, function, purpose) gives the same draws; another gives others', () => {
    const seq = (seed: number, index: number, purpose: number) => {
      const r = Rng.stream(seed, index, purpose);
      return Array.from({ length: 5 }, () => r.next());
    };
    expect(seq(1, 0, 0)).toEqual(seq(1, 0, 0));
    expect(seq(1, 0, 0)).not.toEqual(seq(2, 0, 0));
    expect(seq(1, 0, 0)).not.toEqual(seq(1, 1, 0));
    expect(seq(1, 0, 0)).not.toEqual(seq(1, 0, 1));
    for (const x of seq(9, 3, 1)) expect(x >= 0 && x < 1).toBe(true);
  });

  it('a stream restored from its state continues where it was (rewind)', () => {
    const r = Rng.stream(5, 0, 0);
    r.next();
    const saved = r.state();
    const rest = [r.next(), r.next()];
    const again = Rng.fromState(saved);
    expect([again.next(), again.next()]).toEqual(rest);
  });
});
