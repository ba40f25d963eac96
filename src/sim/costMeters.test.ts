import { describe, expect, it } from 'vitest';
import { fn, instantPlatform, runTraced, scenario } from './testkit';

/**
 * The cost meter bills every run at the scenario's granularity (`cost`) and at 1 ms and 100 ms
 * at once (`billing`), so the app can show the difference without a rerun. Expected dollars
 * are worked by hand at the default prices: $0.0000166667 per GB-s, $0.20 per million
 * requests; provisioned $0.0000041667 per GB-s while it exists and $0.0000097222 per GB-s of duration.
 */

const constant = (ms: number) => ({ dist: 'constant' as const, ms });

describe('1,000 calls of 512 MB × 120 ms', () => {
  // A call every second for 1,000 s, each done 120 ms later.
  const run = (granularityMs: number) =>
    runTraced(
      scenario({
        durationMs: 1_000_000,
        platform: { ...instantPlatform, billing: { granularityMs } },
        functions: [fn({ memoryMb: 512, initMs: constant(0), durationMs: constant(120), workload: { type: 'periodic', everyMs: 1000 } })],
      }),
    ).report;

  it('at 1 ms: 1,000 × 0.5 GB × 0.12 s = 60 GB-s = $0.001000002, + $0.0002 of requests = $0.001200002', () => {
    const r = run(1);
    expect(r.billing.invocations).toBe(1000);
    const c = r.billing.at1Ms;
    expect(c.billedGbSeconds).toBeCloseTo(60, 9);
    expect(c.computeUsd).toBeCloseTo(0.001000002, 15);
    expect(c.requestsUsd).toBeCloseTo(0.0002, 15);
    expect(c.provisionedUsd).toBe(0);
    expect(c.totalUsd).toBeCloseTo(0.001200002, 15);
    // The scenario bills at 1 ms: its own cost is the same.
    expect(r.cost).toEqual(c);
  });

  it('at 100 ms each call is rounded up to 200 ms: 100 GB-s = $0.00166667, total $0.00186667, 55.6% more', () => {
    const r = run(1);
    const c = r.billing.at100Ms;
    expect(c.billedGbSeconds).toBeCloseTo(100, 9);
    expect(c.computeUsd).toBeCloseTo(0.00166667, 15);
    expect(c.totalUsd).toBeCloseTo(0.00186667, 15);
    // (0.00186667 − 0.001200002) / 0.001200002 = 0.000666668 / 0.001200002 = 0.5555...
    expect(c.totalUsd - r.billing.at1Ms.totalUsd).toBeCloseTo(0.000666668, 15);
    expect((c.totalUsd - r.billing.at1Ms.totalUsd) / r.billing.at1Ms.totalUsd).toBeCloseTo(5 / 9, 5);
  });

  it('a scenario billed at 100 ms gives the same three bills (the granularity changes only `cost`)', () => {
    const at1 = run(1);
    const at100 = run(100);
    expect(at100.cost).toEqual(at100.billing.at100Ms);
    expect(at100.billing).toEqual(at1.billing);
  });
});

describe('per function, provisioned billed apart', () => {
  it('two functions: the total is the sum; a provisioned sandbox is billed all the time it exists', () => {
    const r = runTraced(
      scenario({
        durationMs: 60_000,
        platform: instantPlatform,
        functions: [
          // 10 calls of 256 MB × 30 ms: 10 × 0.25 × 0.03 = 0.075 GB-s at 1 ms; 0.25 GB-s at 100 ms.
          fn({ name: 'small', memoryMb: 256, initMs: constant(0), durationMs: constant(30), workload: { type: 'periodic', everyMs: 6000 } }),
          // One provisioned 1,024 MB sandbox for 60 s: 60 GB-s × $0.0000041667 = $0.000250002; its
          // 10 calls of 100 ms (from 1 s, every 6 s, once it is ready): 1 GB-s × $0.0000097222.
          fn({ name: 'warm', memoryMb: 1024, provisionedConcurrency: 1, initMs: constant(0), durationMs: constant(100), workload: { type: 'periodic', everyMs: 6000, offsetMs: 1000 } }),
        ],
      }),
    ).report;
    const small = r.perFunction.small!;
    const warm = r.perFunction.warm!;
    expect(small.billing.invocations).toBe(10);
    expect(small.billing.at1Ms.billedGbSeconds).toBeCloseTo(0.075, 12);
    expect(small.billing.at100Ms.billedGbSeconds).toBeCloseTo(0.25, 12);
    expect(small.billing.at1Ms.computeUsd).toBeCloseTo(0.075 * 0.0000166667, 15);
    expect(small.billing.at1Ms.provisionedUsd).toBe(0);

    expect(warm.requests.cold).toBe(0);
    expect(warm.billing.at1Ms.billedGbSeconds).toBeCloseTo(1, 12);
    expect(warm.billing.at1Ms.computeUsd).toBeCloseTo(0.0000097222, 15);
    expect(warm.billing.at1Ms.provisionedGbSeconds).toBeCloseTo(60, 9);
    expect(warm.billing.at1Ms.provisionedUsd).toBeCloseTo(0.000250002, 15);
    expect(warm.billing.at100Ms.provisionedUsd).toBeCloseTo(0.000250002, 15);
    // 100 ms handlers are one granule either way.
    expect(warm.billing.at100Ms.computeUsd).toBeCloseTo(0.0000097222, 15);
    expect(warm.billing.at1Ms.totalUsd).toBeCloseTo(0.0000097222 + 0.000002 + 0.000250002, 15);

    expect(r.billing.invocations).toBe(20);
    for (const g of ['at1Ms', 'at100Ms'] as const) {
      for (const k of ['billedGbSeconds', 'computeUsd', 'requestsUsd', 'provisionedUsd', 'totalUsd'] as const) {
        expect(r.billing[g][k]).toBeCloseTo(small.billing[g][k] + warm.billing[g][k], 15);
      }
    }
  });
});
