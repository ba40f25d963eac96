import { describe, expect, it } from 'vitest';
import { figures } from './figures';
import { Simulation } from './engine';
import { fn, instantPlatform, runTraced, scenario } from './testkit';

/**
 * What the user pays: memory × billed handler duration (GB-seconds, 1 GB = 1024 MB), rounded
 * up to the billing granularity, plus a price per request. Init, idle time and throttled calls
 * are not billed, except that provisioned concurrency is billed for as long as it exists.
 */

const PRICE_GB_S = figures.pricePerGbSecond.value;
const PRICE_PER_MILLION = figures.pricePerMillionRequests.value;

/** 60 calls a minute for `minutes` minutes (at random instants within each minute), then a quiet minute. */
const perMinute = (minutes: number) => ({ type: 'perMinute' as const, counts: [...Array<number>(minutes).fill(60), 0] });

describe('billing granularity', () => {
  const run = (granularityMs: number) =>
    runTraced(
      scenario({
        durationMs: 10_000,
        platform: { billing: { granularityMs } },
        functions: [fn({ memoryMb: 512, durationMs: { dist: 'constant', ms: 101 }, workload: { type: 'periodic', everyMs: 1000 } })],
      }),
    ).report;

  it('1 ms granularity bills 101 ms handlers for 101 ms', () => {
    const r = run(1);
    expect(r.requests.completed).toBe(10);
    expect(r.cost.billedGbSeconds).toBeCloseTo(10 * 0.101 * 0.5, 12);
  });

  it('100 ms granularity (before December 2020) rounds 101 ms up to 200 ms: almost double', () => {
    const r = run(100);
    expect(r.requests.completed).toBe(10);
    expect(r.cost.billedGbSeconds).toBeCloseTo(10 * 0.2 * 0.5, 12);
  });

  it('a handler of exactly one granule is not rounded up to two', () => {
    const r = runTraced(
      scenario({
        durationMs: 10_000,
        platform: { billing: { granularityMs: 100 } },
        functions: [fn({ memoryMb: 1024, durationMs: { dist: 'constant', ms: 300 }, workload: { type: 'periodic', everyMs: 1000 } })],
      }),
    ).report;
    expect(r.cost.billedGbSeconds).toBeCloseTo(10 * 0.3 * 1, 12);
  });
});

describe('cost of a deterministic run', { timeout: 20_000 }, () => {
  it('is compute GB-s × price + requests × price per million / 10^6', () => {
    // 512 MB, 1 s handlers, a call every 2 s for a minute: 30 calls, all done before the end.
    const r = runTraced(
      scenario({
        durationMs: 60_000,
        functions: [fn({ memoryMb: 512, durationMs: { dist: 'constant', ms: 1000 }, workload: { type: 'periodic', everyMs: 2000 } })],
      }),
    ).report;
    expect(r.requests.completed).toBe(30);
    expect(r.cost.billedGbSeconds).toBeCloseTo(30 * 0.5 * 1, 12);
    expect(r.cost.computeUsd).toBeCloseTo(15 * PRICE_GB_S, 15);
    expect(r.cost.requestsUsd).toBeCloseTo((30 * PRICE_PER_MILLION) / 1e6, 15);
    expect(r.cost.totalUsd).toBeCloseTo(r.cost.computeUsd + r.cost.requestsUsd, 15);
    expect(r.perFunction.f!.cost).toEqual(r.cost);
  });

  it("the pricing page's worked example, at 1/1000 scale: 512 MB × 1 s × 3,000 calls = 1,500 GB-s", () => {
    // Domain figure: 3 million calls a month of 1 s at 512 MB = 1.5 million GB-s; with the free tier
    // (400,000 GB-s and 1 million requests), $18.33 compute at $0.0000166667 + $0.40 requests.
    const r = runTraced(
      scenario({
        durationMs: 51 * 60_000,
        functions: [fn({ memoryMb: 512, timeoutMs: 5000, durationMs: { dist: 'constant', ms: 1000 }, workload: perMinute(50) })],
      }),
    ).report;
    expect(r.requests.completed).toBe(3000);
    expect(r.cost.billedGbSeconds).toBeCloseTo(1500, 9);
    const scale = 1000;
    const computeAfterFreeTier = (r.cost.billedGbSeconds * scale - 400_000) * PRICE_GB_S;
    const requestsAfterFreeTier = ((r.requests.completed * scale - 1_000_000) * PRICE_PER_MILLION) / 1e6;
    expect(computeAfterFreeTier.toFixed(2)).toBe('18.33');
    expect(requestsAfterFreeTier.toFixed(2)).toBe('0.40');
    expect(r.cost.computeUsd * scale).toBeCloseTo(1_500_000 * PRICE_GB_S, 6);
  });

  it('a timed-out invocation is billed up to its timeout', () => {
    const r = runTraced(
      scenario({
        durationMs: 10_000,
        functions: [fn({ memoryMb: 2048, timeoutMs: 250, durationMs: { dist: 'constant', ms: 5000 }, workload: { type: 'periodic', everyMs: 2000 } })],
      }),
    ).report;
    expect(r.requests.timedOut).toBe(5);
    expect(r.cost.billedGbSeconds).toBeCloseTo(5 * 0.25 * 2, 12);
    expect(r.cost.requestsUsd).toBeCloseTo((5 * PRICE_PER_MILLION) / 1e6, 15);
  });
});

describe('who pays for idle memory', () => {
  const run = (keepAlive: { policy: 'none' } | { policy: 'fixed'; idleMs: number }) =>
    runTraced(
      scenario({
        durationMs: 10 * 60_000,
        platform: { keepAlive },
        functions: [fn({ memoryMb: 1024, durationMs: { dist: 'constant', ms: 200 }, workload: { type: 'periodic', everyMs: 30_000 } })],
      }),
    ).report;

  it("keep-alive costs the provider idle memory, not the user: the bill is the same, the cold starts and idle GB-s are not", () => {
    const kept = run({ policy: 'fixed', idleMs: 10 * 60_000 });
    const none = run({ policy: 'none' });
    expect(kept.requests.completed).toBe(none.requests.completed);
    expect(kept.cost.totalUsd).toBeCloseTo(none.cost.totalUsd, 15);
    expect(kept.requests.cold).toBe(1);
    expect(none.requests.cold).toBe(none.requests.completed);
    // Kept: one 1 GB sandbox idle nearly the whole 600 s. None: idle for no time at all.
    expect(kept.memory.idleGbSeconds).toBeGreaterThan(590);
    expect(none.memory.idleGbSeconds).toBe(0);
    expect(kept.memory.allocatedGbSeconds).toBeGreaterThan(none.memory.allocatedGbSeconds);
  });
});

describe('provisioned concurrency (AWS pricing, x86)', { timeout: 20_000 }, () => {
  // Domain figures: $0.0000041667 per GB-s for as long as a sandbox is provisioned, busy or
  // not, plus $0.0000097222 per GB-s of handler time on provisioned sandboxes (instead of the
  // on-demand $0.0000166667); requests at the usual $0.20 per million.
  it('has its two prices among the figures, and as the scenario defaults', () => {
    expect(figures.provisionedPricePerGbSecond.value).toBe(0.0000041667);
    expect(figures.provisionedDurationPricePerGbSecond.value).toBe(0.0000097222);
    const s = scenario({});
    expect(s.platform.billing.provisionedPricePerGbSecond).toBe(0.0000041667);
    expect(s.platform.billing.provisionedDurationPricePerGbSecond).toBe(0.0000097222);
  });

  it('2 provisioned sandboxes of 1,024 MB for an hour, 60 calls of 1 s: $0.03000024 + $0.000583332 + $0.000012', () => {
    // A call a minute (from 30 s in, when the provisioned sandboxes are long ready): 60 calls,
    // each served warm by a provisioned sandbox.
    const { report: r } = runTraced(
      scenario({
        durationMs: 3_600_000,
        platform: instantPlatform,
        functions: [fn({ memoryMb: 1024, provisionedConcurrency: 2, initMs: { dist: 'constant', ms: 0 }, durationMs: { dist: 'constant', ms: 1000 }, workload: { type: 'periodic', everyMs: 60_000, offsetMs: 30_000 } })],
      }),
    );
    expect(r.requests).toMatchObject({ total: 60, completed: 60, cold: 0, warm: 60 });
    expect(r.sandboxes.created).toBe(2);
    // Provisioned: 2 sandboxes × 1 GB × 3,600 s = 7,200 GB-s × $0.0000041667 = $0.03000024.
    expect(r.cost.provisionedGbSeconds).toBeCloseTo(7200, 9);
    expect(r.cost.provisionedUsd).toBeCloseTo(0.03000024, 14);
    // Duration: 60 × 1 s × 1 GB = 60 GB-s × $0.0000097222 = $0.000583332 (on demand it would be $0.001000002).
    expect(r.cost.billedGbSeconds).toBeCloseTo(60, 12);
    expect(r.cost.computeUsd).toBeCloseTo(0.000583332, 15);
    expect(r.cost.requestsUsd).toBeCloseTo(0.000012, 15);
    expect(r.cost.totalUsd).toBeCloseTo(0.030595572, 14);
    expect(r.perFunction.f!.cost).toEqual(r.cost);
  });

  /**
   * 2 provisioned sandboxes of 1 GB, a call a second from 30 s in, each running `ms`
   * (between 2 and 3 s): three run at once, so every third call overflows to an on-demand
   * sandbox. With no hop or init time, calls k = 0, 1 take the provisioned sandboxes; call 2
   * finds none free and gets a new on-demand one; from then on each call takes the sandbox
   * freed longest ago, in turn: calls with k mod 3 = 2 run on demand. By the end (60 s), calls
   * 0 to 27 have finished: 19 on provisioned sandboxes, 9 on demand.
   */
  const overflow = (granularityMs: number, ms: number) =>
    runTraced(
      scenario({
        durationMs: 60_000,
        platform: { ...instantPlatform, billing: { granularityMs } },
        functions: [fn({ memoryMb: 1024, provisionedConcurrency: 2, initMs: { dist: 'constant', ms: 0 }, durationMs: { dist: 'constant', ms }, workload: { type: 'periodic', everyMs: 1000, offsetMs: 30_000 } })],
      }),
    ).report;

  it('bills calls that overflow to on-demand sandboxes at the on-demand price, the others at the provisioned duration price', () => {
    const r = overflow(1, 2450);
    expect(r.requests).toMatchObject({ completed: 28, cold: 1, warm: 29 });
    expect(r.sandboxes.created).toBe(3);
    // 19 × 2.45 GB-s × $0.0000097222 + 9 × 2.45 GB-s × $0.0000166667.
    expect(r.cost.billedGbSeconds).toBeCloseTo(68.6, 12);
    expect(r.cost.computeUsd).toBeCloseTo(0.000820069145, 15);
    expect(r.cost.requestsUsd).toBeCloseTo(0.0000056, 15);
    // The 2 provisioned sandboxes for the whole minute; the on-demand one is not in this charge.
    expect(r.cost.provisionedGbSeconds).toBeCloseTo(120, 12);
    expect(r.cost.provisionedUsd).toBeCloseTo(0.000500004, 15);
    expect(r.cost.totalUsd).toBeCloseTo(0.000820069145 + 0.0000056 + 0.000500004, 15);
  });

  it('rounds handler time up to the billing granularity on provisioned sandboxes as on demand (100 ms: 2,450 ms is billed 2,500)', () => {
    const r = overflow(100, 2450);
    expect(r.requests.completed).toBe(28);
    // 19 × 2.5 GB-s × $0.0000097222 + 9 × 2.5 GB-s × $0.0000166667.
    expect(r.cost.billedGbSeconds).toBeCloseTo(70, 12);
    expect(r.cost.computeUsd).toBeCloseTo(0.00083680525, 15);
    // The time they are provisioned is billed by the millisecond either way.
    expect(r.cost.provisionedUsd).toBeCloseTo(overflow(1, 2450).cost.provisionedUsd, 18);
    expect(r.cost.provisionedGbSeconds).toBeCloseTo(120, 12);
  });

  it('a provisioned sandbox lost to a timeout is replaced at once, so the provisioned time stays the level × the run', () => {
    // Every call times out (its sandbox is discarded, then replaced): still 2 × 0.5 GB × 60 s.
    const { report: r } = runTraced(
      scenario({
        durationMs: 60_000,
        platform: instantPlatform,
        functions: [fn({ provisionedConcurrency: 2, timeoutMs: 500, initMs: { dist: 'constant', ms: 0 }, durationMs: { dist: 'constant', ms: 2000 }, workload: { type: 'periodic', everyMs: 10_000, offsetMs: 5_000 } })],
      }),
    );
    expect(r.requests.timedOut).toBe(6);
    expect(r.sandboxes.created).toBe(2 + 6);
    expect(r.cost.provisionedGbSeconds).toBeCloseTo(2 * 0.5 * 60, 12);
  });

  it('the cost series over time adds up to the report, provisioned charge included', () => {
    const s = scenario({
      durationMs: 60_000,
      platform: instantPlatform,
      functions: [fn({ memoryMb: 1024, provisionedConcurrency: 2, initMs: { dist: 'constant', ms: 0 }, durationMs: { dist: 'constant', ms: 2450 }, workload: { type: 'periodic', everyMs: 1000, offsetMs: 30_000 } })],
    });
    const sim = new Simulation(s, { timeline: true });
    const r = sim.run();
    const series = sim.meters.timeline!.seriesAt(sim.now).series;
    const total = (a: Float64Array) => a.reduce((x, y) => x + y, 0);
    expect(total(series.provisionedUsd)).toBeCloseTo(r.cost.provisionedUsd, 15);
    expect(total(series.costUsd)).toBeCloseTo(r.cost.totalUsd, 15);
    // Half-way, half of the provisioned charge has accrued (the buckets are 100 ms wide).
    const half = new Simulation(s, { timeline: true });
    half.runUntil(30_000);
    expect(total(half.meters.timeline!.seriesAt(30_000).series.provisionedUsd)).toBeCloseTo(r.cost.provisionedUsd / 2, 15);
  });

  it('costs nothing without provisioned concurrency', () => {
    const r = runTraced(scenario({ durationMs: 10_000 })).report;
    expect(r.cost.provisionedGbSeconds).toBe(0);
    expect(r.cost.provisionedUsd).toBe(0);
    expect(r.cost.totalUsd).toBe(r.cost.computeUsd + r.cost.requestsUsd);
  });
});
