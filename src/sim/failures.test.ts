import { describe, expect, it } from 'vitest';
import { Simulation } from './engine';
import { parseScenario, type ScenarioInput } from './scenario';
import { fn, requestTransitions, runTraced, scenario, timeToEnd } from './testkit';

/**
 * Function errors (`failureRate`, drawn per invocation from a random stream of the function's
 * own): a synchronous caller gets the error; an asynchronous event is retried (AWS: twice,
 * about 1 min then 2 min after the failure), then sent to the dead-letter queue.
 */

// Distinct hop times and no cold-start time: a cold attempt takes as long as a warm one.
const hopsMs = { loadBalancer: 2, frontend: 3, counting: 5, workerManager: 7, placement: 0 };
const coldStart = { codeFetchMsPerMb: 0, microVmBootMs: 0, containerStartMs: 0, accountVmBootMs: 0, runtimeBootMs: 0, shutdownMs: 0 };
const HANDLER = 100;

const failing = (overrides: Parameters<typeof fn>[0] = {}, platform: NonNullable<ScenarioInput['platform']> = {}, durationMs = 400_000) =>
  runTraced(
    scenario({
      durationMs,
      platform: { hopsMs, coldStart, ...platform },
      functions: [fn({ invocation: 'async', failureRate: 1, initMs: { dist: 'constant', ms: 0 }, durationMs: { dist: 'constant', ms: HANDLER }, workload: { type: 'periodic', everyMs: 7_000 }, ...overrides })],
    }),
  );

/** The times (relative to its arrival) at which each ended request entered `state`. */
function timesIn(trace: ReturnType<typeof failing>['trace'], state: string): Map<number, number[]> {
  const arrived = new Map(requestTransitions(trace).filter((t) => t.from === null).map((t) => [t.id, t.t]));
  const out = new Map<number, number[]>();
  for (const t of requestTransitions(trace, state)) out.set(t.id, [...(out.get(t.id) ?? []), t.t - arrived.get(t.id)!]);
  return out;
}

describe('asynchronous events whose invocation fails', () => {
  it('are tried 3 times, retried 1 min then 2 min after each failure, then dead-lettered', () => {
    // Attempt 1: hops 2 + 3 + 5 + 7, handler 100: fails at 117. Retry at 117 + 60,000, through
    // counting (5) and the worker manager (7): runs at 60,129, fails at 60,229. Retry at
    // 60,229 + 120,000: runs at 180,241, fails at 180,341, and goes to the dead-letter queue.
    const { report, trace } = failing();
    const ended = [...timeToEnd(trace).values()];
    // Events arriving every 7 s before 400 s − 180.341 s: 0, 7 s, ..., 217 s.
    expect(ended).toHaveLength(32);
    for (const e of ended) expect(e).toEqual({ outcome: 'deadLettered', ms: 180_341 });
    const ran = timesIn(trace, 'running');
    const waited = timesIn(trace, 'waitingToRetry');
    for (const id of timeToEnd(trace).keys()) {
      expect(ran.get(id)).toEqual([17, 60_129, 180_241]);
      expect(waited.get(id)).toEqual([117, 60_229]);
    }
    expect(report.requests).toMatchObject({ deadLettered: 32, failed: 0, completed: 0 });
    // Every attempt that ended was a function error, and each was billed (3 per dead-lettered event).
    expect(report.requests.functionErrors).toBeGreaterThanOrEqual(3 * 32);
    expect(report.requests.functionErrors).toBe(report.cost.requestsUsd / (0.2 / 1e6));
  });

  it('a retry goes back through the counting service: it needs a free execution again', () => {
    const { trace } = failing();
    const counted = timesIn(trace, 'counting');
    for (const id of timeToEnd(trace).keys()) expect(counted.get(id)).toEqual([5, 60_117, 180_229]);
  });

  it('with errorRetries 0, an event is dead-lettered after its first failure', () => {
    const { trace } = failing({}, { async: { errorRetries: 0 } }, 100_000);
    const ended = [...timeToEnd(trace).values()];
    expect(ended.length).toBeGreaterThan(10);
    for (const e of ended) expect(e).toEqual({ outcome: 'deadLettered', ms: 117 });
  });

  it('an event is dead-lettered at its maximum age if the next retry would come later', () => {
    // Max age 90 s: the second retry (due at 180,229) would be too late; the event goes at 90,000.
    const { trace } = failing({}, { async: { maxEventAgeMs: 90_000 } });
    const ended = [...timeToEnd(trace).values()];
    expect(ended.length).toBeGreaterThan(30);
    for (const e of ended) expect(e).toEqual({ outcome: 'deadLettered', ms: 90_000 });
    const ran = timesIn(trace, 'running');
    for (const id of timeToEnd(trace).keys()) expect(ran.get(id)).toEqual([17, 60_129]);
  });

  it('with a failure probability p, an event is dead-lettered with probability p³ (all three attempts fail)', () => {
    const p = 0.5;
    const { report, trace } = failing({ failureRate: p, workload: { type: 'periodic', everyMs: 100 } }, {}, 400_000);
    // Only the events that arrived early enough to have had all their chances: a later one ends
    // within the run only if it succeeds soon, which would bias the count.
    const arrived = new Map(requestTransitions(trace).filter((t) => t.from === null).map((t) => [t.id, t.t]));
    const ended = [...timeToEnd(trace)].filter(([id]) => arrived.get(id)! < 400_000 - 180_341).map(([, e]) => e);
    expect(ended.length).toBe(2197);
    const dead = ended.filter((e) => e.outcome === 'deadLettered').length;
    expect(dead + ended.filter((e) => e.outcome === 'responded').length).toBe(ended.length);
    // Binomial standard error below 0.008 at n > 2,000: 0.03 is about 4 of them.
    expect(Math.abs(dead / ended.length - p ** 3)).toBeLessThan(0.03);
    // An event that responded after k failures took k retries: 117, 60,229 or 180,341 ms.
    for (const e of ended) if (e.outcome === 'responded') expect([117, 60_229, 180_341]).toContain(e.ms);
    // A dead-lettered event took 180,341 ms: all of them are among those counted.
    expect(report.requests.deadLettered).toBe(dead);
  });
});

describe('synchronous calls whose invocation fails', () => {
  it('end as failed, at once: the caller gets the error and decides whether to retry', () => {
    const { report, trace } = failing({ invocation: 'sync' }, {}, 60_000);
    const ended = [...timeToEnd(trace).values()];
    expect(ended.length).toBe(9);
    for (const e of ended) expect(e).toEqual({ outcome: 'failed', ms: 117 });
    expect(report.requests).toMatchObject({ total: 9, failed: 9, functionErrors: 9, deadLettered: 0 });
    // The sandbox survives a function error: one cold start, then warm.
    expect(report.requests).toMatchObject({ cold: 1, warm: 8 });
    expect(report.cost.billedGbSeconds).toBeCloseTo(9 * 0.1 * 0.5, 12);
  });
});

describe('a failure rate of 0', () => {
  const base = (failureRate?: number): ScenarioInput => ({
    version: 1,
    seed: 3,
    durationMs: 120_000,
    accounts: [{ id: 'acme' }],
    platform: { async: { retryBaseMs: 200, retryMaxMs: 2000 } },
    functions: [
      { name: 'api', account: 'acme', memoryMb: 256, failureRate, durationMs: { dist: 'exponential', meanMs: 300 }, workload: { type: 'poisson', ratePerSec: 5 } },
      { name: 'jobs', account: 'acme', memoryMb: 512, invocation: 'async', reservedConcurrency: 2, failureRate, durationMs: { dist: 'lognormal', medianMs: 800, sigma: 0.5 }, workload: { type: 'poisson', ratePerSec: 3 } },
    ],
  });
  const run = (s: ScenarioInput) => {
    const lines: string[] = [];
    const report = new Simulation(parseScenario(s), { onTransition: (t) => lines.push(JSON.stringify(t)) }).run();
    return { report: JSON.stringify(report), trace: lines.join('\n') };
  };

  it('gives a byte-identical report and trace to leaving it out', () => {
    const without = run(base());
    const zero = run(base(0));
    expect(zero.report).toBe(without.report);
    expect(zero.trace).toBe(without.trace);
    expect(JSON.parse(without.report).requests).toMatchObject({ functionErrors: 0, deadLettered: 0 });
  });

  it('failures draw from a stream of their own: arrivals and handler times stay the same with failures', () => {
    const without = runTraced(parseScenario(base()));
    const withFailures = runTraced(parseScenario(base(0.3)));
    const arrivals = (trace: typeof without.trace) => requestTransitions(trace).filter((t) => t.from === null).map((t) => `${t.fn}@${t.t}`);
    expect(arrivals(withFailures.trace)).toEqual(arrivals(without.trace));
    // The synchronous function is never retried: the same calls run, for the same times.
    const apiRuns = (trace: typeof without.trace) => {
      const ends = timeToEnd(trace);
      return requestTransitions(trace, 'running').filter((t) => t.fn === 'api').map((t) => `${t.id}:${ends.get(t.id)?.ms}`);
    };
    expect(apiRuns(withFailures.trace)).toEqual(apiRuns(without.trace));
    expect(withFailures.report.perFunction.api!.requests.failed).toBeGreaterThan(0);
  });
});
