import { describe, expect, it } from 'vitest';
import { fn, runTraced, scenario, timeToEnd } from './testkit';

/**
 * The run's latency percentiles over all functions merge each function's sorted latencies
 * (pairwise, in rounds). Checked against a plain sort of every responded request's latency,
 * read from the transition trace, for odd and even numbers of functions.
 */
describe('latency percentiles over many functions', () => {
  for (const count of [1, 2, 5, 8]) {
    it(`${count} function${count === 1 ? '' : 's'}: the same as sorting every latency at once`, () => {
      const functions = Array.from({ length: count }, (_, i) =>
        fn({ name: `f${i}`, durationMs: { dist: 'exponential', meanMs: 20 + 30 * i }, workload: { type: 'poisson', ratePerSec: 1 + i } }),
      );
      const { report, trace } = runTraced(scenario({ functions, durationMs: 20_000, seed: 5 }));
      const all = [...timeToEnd(trace).values()].filter((e) => e.outcome === 'responded').map((e) => e.ms).sort((a, b) => a - b);
      const rank = (p: number) => all[Math.max(1, Math.ceil((p / 100) * all.length)) - 1];
      expect(all.length).toBeGreaterThan(10 * count);
      expect(report.latencyMs.count).toBe(all.length);
      expect(report.latencyMs.p50).toBe(rank(50));
      expect(report.latencyMs.p95).toBe(rank(95));
      expect(report.latencyMs.p99).toBe(rank(99));
      expect(report.latencyMs.mean).toBeCloseTo(all.reduce((s, v) => s + v, 0) / all.length, 6);
    });
  }
});
