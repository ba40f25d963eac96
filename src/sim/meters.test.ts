import { describe, expect, it } from 'vitest';
import { figures as f } from './figures';
import { Category } from './meters';
import { Timeline } from './timeline';
import { fn, runTraced, scenario } from './testkit';

/**
 * The meters a student reads beside the animation: time-averaged sandbox counts, memory held,
 * and latency percentiles, checked against hand calculations.
 */

describe('sandbox time-averages and memory, one sandbox on a steady beat', () => {
  // Default platform figures; a 100 ms handler every second for a minute, kept warm throughout.
  const durationMs = 60_000;
  const { report } = runTraced(
    scenario({ durationMs, functions: [fn({ memoryMb: 512, packageMb: 5, durationMs: { dist: 'constant', ms: 100 }, workload: { type: 'periodic', everyMs: 1000 } })] }),
  );
  const routedAt = f.loadBalancerMs.value + f.frontendMs.value + f.countingMs.value + f.workerManagerMs.value;
  const initializingMs = f.placementMs.value + 5 * f.codeFetchMsPerMb.value + f.microVmBootMs.value + f.runtimeBootMs.value + 200;
  const aliveMs = durationMs - routedAt;

  it('one sandbox, created when the first request is routed, lives to the end', () => {
    expect(report.sandboxes).toMatchObject({ created: 1, peakAlive: 1, avgLifetimeMs: aliveMs });
    expect(report.sandboxes.avgAlive).toBeCloseTo(aliveMs / durationMs, 12);
  });

  it('busy = 60 handlers × 100 ms over 60 s; initializing = the one cold start; the rest of its life idle', () => {
    const busy = (60 * 100) / durationMs;
    const initializing = initializingMs / durationMs;
    expect(report.sandboxes.avgBusy).toBeCloseTo(busy, 12);
    expect(report.sandboxes.avgInitializing).toBeCloseTo(initializing, 12);
    expect(report.sandboxes.avgIdle).toBeCloseTo(aliveMs / durationMs - busy - initializing, 12);
  });

  it('memory held = sandbox memory × time alive; idle memory = sandbox memory × time frozen', () => {
    expect(report.memory.allocatedGbSeconds).toBeCloseTo(0.5 * (aliveMs / 1000), 9);
    expect(report.memory.idleGbSeconds).toBeCloseTo(0.5 * report.sandboxes.avgIdle * (durationMs / 1000), 9);
    // The user is billed for the busy part only: a tenth of what the provider holds, and less.
    expect(report.cost.billedGbSeconds).toBeCloseTo(0.5 * 6, 12);
    expect(report.cost.billedGbSeconds).toBeLessThan(report.memory.allocatedGbSeconds / 9);
  });

  it('latency percentiles are nearest-rank: of 60 requests, p99 is the slowest, the single cold one', () => {
    const warm = routedAt + 100;
    const cold = routedAt + initializingMs + 100;
    expect(report.latencyMs).toMatchObject({ count: 60, p50: warm, p95: warm, p99: cold });
    expect(report.latencyMs.mean).toBeCloseTo((59 * warm + cold) / 60, 9);
  });
});

describe("Little's law", { timeout: 20_000 }, () => {
  it('average busy sandboxes = arrival rate × mean handler time', () => {
    // λ = 4/s, mean 250 ms: about one busy sandbox on average. Over 2,000 s, the sampling
    // error of the busy time (compound Poisson: sd ≈ mean·sqrt(2λ/T)) is about 0.016; 0.06 is 4 of them.
    const rate = 4;
    const meanMs = 250;
    const { report } = runTraced(
      scenario({ durationMs: 2_000_000, seed: 11, functions: [fn({ durationMs: { dist: 'exponential', meanMs }, timeoutMs: 900_000, workload: { type: 'poisson', ratePerSec: rate } })] }),
    );
    expect(report.sandboxes.avgBusy).toBeGreaterThan(rate * (meanMs / 1000) - 0.06);
    expect(report.sandboxes.avgBusy).toBeLessThan(rate * (meanMs / 1000) + 0.06);
    // Several sandboxes are needed at peaks, and kept warm between them.
    expect(report.sandboxes.peakAlive).toBeGreaterThan(2);
    expect(report.sandboxes.avgAlive).toBeGreaterThan(report.sandboxes.avgBusy);
  });
});

describe('the timeline behind the charts', () => {
  it('integrates every millisecond, even across bucket edges that floating point puts a hair early', () => {
    // 400,000 ms in 600 buckets of 666.66... ms: 2 × 666.66... / 666.66... < 2, so a flush from
    // one edge used to stop there and drop the rest of its interval.
    const t = new Timeline(400_000, 600, 0.001);
    t.moved(Category.None, Category.Idle, 1024, 0);
    t.provisioned(1024, 0);
    const s = t.seriesAt(400_000).series;
    const sum = (a: Float64Array) => a.reduce((x, y) => x + y, 0);
    // 1 GB for 400 s, whichever way it is cut into buckets; provisioned at $0.001 per GB-s.
    expect(sum(s.idleGbSeconds)).toBeCloseTo(400, 9);
    expect(sum(s.provisionedUsd)).toBeCloseTo(0.4, 12);
    expect(sum(s.costUsd)).toBeCloseTo(0.4, 12);
    t.moved(Category.Idle, Category.Busy, 1024, 1_333.3333333333333);
    expect(sum(t.seriesAt(400_000).series.allocatedGbSeconds)).toBeCloseTo(400, 9);
  });
});
