import { describe, expect, it } from 'vitest';
import { fn, peakConcurrency, requestTransitions, runTraced, scenario, timeToEnd } from './testkit';

/**
 * The counting service: concurrency limits (reserved per function, and the account's pool)
 * and what happens to a call over them (sync: throttled, HTTP 429; async: queued, retried).
 */

/** Demand of about 10 concurrent executions: one call every 100 ms, each running 1 s. */
const busy = (overrides: Parameters<typeof fn>[0] = {}) =>
  fn({ durationMs: { dist: 'constant', ms: 1000 }, workload: { type: 'periodic', everyMs: 100 }, ...overrides });

describe('reserved concurrency', () => {
  it('caps the concurrent executions of a function; the excess synchronous calls are throttled', () => {
    const { report, trace, sim } = runTraced(scenario({ durationMs: 20_000, functions: [busy({ reservedConcurrency: 3 })] }));
    expect(peakConcurrency(trace, () => true)).toBe(3);
    const r = report.requests;
    expect(r.throttled).toBeGreaterThan(r.total / 2);
    expect(r.completed + r.throttled + r.timedOut + r.failed + sim.requests.size).toBe(r.total);
    expect(report.throttleRatio).toBe(r.throttled / r.total);
    // Throttled calls are answered by the counting service, without a sandbox: 3 sandboxes suffice.
    expect(report.sandboxes.created).toBe(3);
    for (const t of requestTransitions(trace, 'throttled')) expect(t.from).toBe('counting');
  });

  it('a throttled call is not billed', () => {
    const capped = runTraced(scenario({ durationMs: 20_000, functions: [busy({ reservedConcurrency: 3 })] })).report;
    const billedRequests = capped.cost.requestsUsd / (0.2 / 1e6);
    expect(billedRequests).toBeCloseTo(capped.requests.completed + capped.requests.timedOut, 6);
    expect(capped.cost.billedGbSeconds).toBeCloseTo(capped.requests.completed * 1 * 0.5, 9);
  });

  it('reserved concurrency 0 throttles every synchronous call', () => {
    const { report } = runTraced(scenario({ durationMs: 5_000, functions: [busy({ reservedConcurrency: 0 })] }));
    expect(report.requests.throttled).toBe(report.requests.total);
    expect(report.sandboxes.created).toBe(0);
  });

  it('asynchronous events over the limit are queued and run later, never throttled', () => {
    // A 10 s burst of 10/s against 2 executions of 1 s: about 100 events, 50 s of work.
    const { report, trace } = runTraced(
      scenario({
        durationMs: 5 * 60_000,
        platform: { async: { retryBaseMs: 500, retryMaxMs: 2000, maxEventAgeMs: 3_600_000 } },
        functions: [
          busy({
            invocation: 'async',
            reservedConcurrency: 2,
            workload: { type: 'steps', steps: [{ atMs: 0, ratePerSec: 10 }, { atMs: 10_000, ratePerSec: 0 }] },
          }),
        ],
      }),
    );
    expect(report.requests.total).toBeGreaterThan(60);
    expect(report.requests).toMatchObject({ throttled: 0, failed: 0, completed: report.requests.total });
    expect(peakConcurrency(trace, () => true)).toBe(2);
    const queued = new Set(requestTransitions(trace, 'queued').map((t) => t.id));
    expect(queued.size).toBeGreaterThan(report.requests.total / 2);
    // The last events waited in the queue for tens of seconds before they ran.
    expect(Math.max(...[...timeToEnd(trace).values()].map((e) => e.ms))).toBeGreaterThan(30_000);
  });

  it('an asynchronous event queued longer than the maximum event age fails, at exactly that age', () => {
    const maxEventAgeMs = 7_000;
    const counting = 1;
    const { report, trace } = runTraced(
      scenario({
        durationMs: 30_000,
        platform: { hopsMs: { counting }, async: { retryBaseMs: 1000, retryMaxMs: 4000, maxEventAgeMs } },
        functions: [busy({ invocation: 'async', reservedConcurrency: 0, workload: { type: 'periodic', everyMs: 1000 } })],
      }),
    );
    const ended = [...timeToEnd(trace).values()];
    expect(ended.length).toBeGreaterThan(15);
    for (const e of ended) expect(e).toEqual({ outcome: 'failed', ms: maxEventAgeMs });
    expect(report.requests.failed).toBe(ended.length);
    // Retried with exponential back-off (1 s, then 2 s, each followed by the counting hop);
    // the next back-off, 4 s, would pass the maximum age, so the event fails at that age.
    const queuedAt = requestTransitions(trace, 'queued').filter((t) => t.id === 0).map((t) => t.t);
    expect(queuedAt).toEqual([0, 1000 + counting, 3000 + 2 * counting].map((x) => x + queuedAt[0]!));
  });
});

describe("the account's concurrency limit", () => {
  it("is shared by the account's functions, and one account's load does not throttle another account", () => {
    const { report, trace } = runTraced(
      scenario({
        durationMs: 20_000,
        platform: { limits: { accountConcurrency: 4 } },
        functions: [
          busy({ name: 'a1', account: 'alpha' }),
          busy({ name: 'a2', account: 'alpha' }),
          // About 2 concurrent executions: under its own account's limit.
          busy({ name: 'b1', account: 'beta', workload: { type: 'periodic', everyMs: 500 } }),
        ],
      }),
    );
    expect(peakConcurrency(trace, (f) => f === 'a1' || f === 'a2')).toBe(4);
    expect(report.perFunction.a1!.requests.throttled + report.perFunction.a2!.requests.throttled).toBeGreaterThan(100);
    expect(report.perFunction.b1!.requests.throttled).toBe(0);
  });

  it("reserved concurrency is carved out of the account's pool: the other functions share what is left", () => {
    const { report, trace } = runTraced(
      scenario({
        durationMs: 20_000,
        platform: { limits: { accountConcurrency: 4 } },
        functions: [busy({ name: 'reserved', reservedConcurrency: 3 }), busy({ name: 'shared' })],
      }),
    );
    expect(peakConcurrency(trace, (f) => f === 'reserved')).toBe(3);
    expect(peakConcurrency(trace, (f) => f === 'shared')).toBe(1);
    expect(report.perFunction.shared!.requests.throttled).toBeGreaterThan(report.perFunction.reserved!.requests.throttled);
  });

  it('a function with reserved concurrency keeps it while the others exhaust the pool', () => {
    const { report } = runTraced(
      scenario({
        durationMs: 20_000,
        platform: { limits: { accountConcurrency: 5 } },
        functions: [
          busy({ name: 'flood', workload: { type: 'periodic', everyMs: 10 } }),
          // About 2 concurrent executions, within its reservation of 2.
          busy({ name: 'critical', reservedConcurrency: 2, durationMs: { dist: 'constant', ms: 400 }, workload: { type: 'periodic', everyMs: 500 } }),
        ],
      }),
    );
    expect(report.perFunction.flood!.requests.throttled).toBeGreaterThan(1000);
    expect(report.perFunction.critical!.requests.throttled).toBe(0);
  });
});
