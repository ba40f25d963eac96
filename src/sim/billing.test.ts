import { describe, expect, it } from 'vitest';
import { figures } from './figures';
import { fn, runTraced, scenario } from './testkit';

/**
 * What the user pays: memory × billed handler duration (GB-seconds, 1 GB = 1024 MB), rounded
 * up to the billing granularity, plus a price per request. Init, idle time and throttled calls
 * are not billed.
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
