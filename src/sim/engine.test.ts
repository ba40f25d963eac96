import { describe, expect, it } from 'vitest';
import { fn, instantPlatform, requestTransitions, runTraced, sandboxTransitions, scenario, timeToEnd } from './testkit';

/**
 * Closed forms a student can derive by hand for one function, checked against the engine.
 * The platform's hop and cold-start times are distinct primes so that a phase counted twice
 * or forgotten shows up in the sums.
 */
const hopsMs = { loadBalancer: 2, frontend: 3, counting: 5, workerManager: 7, placement: 11 };
const coldStart = { codeFetchMsPerMb: 13, microVmBootMs: 17, runtimeBootMs: 19, shutdownMs: 23, containerStartMs: 29, accountVmBootMs: 31 };
const platform = { hopsMs, coldStart };
const HOPS = hopsMs.loadBalancer + hopsMs.frontend + hopsMs.counting + hopsMs.workerManager;
const MIN = 60_000;

// 20,000-request runs: well under a second alone; the margin is for a busy machine.
describe('cold and warm starts under a fixed keep-alive', { timeout: 20_000 }, () => {
  it.each([
    // λ (per s), keep-alive T (ms): e^(−λT) = 0.30 and 0.61
    [2, 600],
    [0.5, 1000],
  ])('with Poisson arrivals at λ = %s/s and keep-alive %s ms, the cold-start ratio approaches e^(−λT)', (rate, idleMs) => {
    // One sandbox suffices when handlers (1 ms) are far shorter than 1/λ; a request is cold
    // exactly when the gap since the previous one exceeds T, which has probability e^(−λT).
    const requests = 20_000;
    const s = scenario({
      durationMs: (requests / rate) * 1000,
      platform: { ...instantPlatform, keepAlive: { policy: 'fixed', idleMs } },
      functions: [fn({ initMs: { dist: 'constant', ms: 0 }, durationMs: { dist: 'constant', ms: 1 }, workload: { type: 'poisson', ratePerSec: rate } })],
    });
    const { report } = runTraced(s);
    const expected = Math.exp(-rate * (idleMs / 1000));
    // Binomial standard error sqrt(p(1-p)/n) is below 0.0035 at n ≈ 20,000; 0.015 is over 4 of them,
    // and leaves room for the 1 ms handler, which lengthens each gap's threshold to T + 1 ms.
    expect(report.requests.total).toBeGreaterThan(requests * 0.95);
    expect(report.coldStartRatio!).toBeGreaterThan(expected - 0.015);
    expect(report.coldStartRatio!).toBeLessThan(expected + 0.015);
  });

  it('keepAlive none makes every request cold', () => {
    const s = scenario({
      platform: { keepAlive: { policy: 'none' } },
      durationMs: 200_000,
      functions: [fn({ durationMs: { dist: 'exponential', meanMs: 50 }, workload: { type: 'poisson', ratePerSec: 5 } })],
    });
    const { report } = runTraced(s);
    expect(report.requests.total).toBeGreaterThan(500);
    expect(report.requests.warm).toBe(0);
    expect(report.coldStartRatio).toBe(1);
    // One sandbox per handler that started (a few more are still cold-starting at the end).
    expect(report.sandboxes.created - report.requests.cold).toBeGreaterThanOrEqual(0);
    expect(report.sandboxes.created - report.requests.cold).toBeLessThanOrEqual(2);
  });

  it('keepAlive none: a request routed at the very instant a sandbox is frozen still gets a new sandbox', () => {
    // Each handler ends exactly when the next request reaches the worker manager.
    const D = 35;
    const coldPath = HOPS + hopsMs.placement + 5 * coldStart.codeFetchMsPerMb + coldStart.microVmBootMs + coldStart.runtimeBootMs + 200;
    const s = scenario({
      platform: { ...platform, keepAlive: { policy: 'none' } },
      durationMs: 20_000,
      functions: [fn({ packageMb: 5, initMs: { dist: 'constant', ms: 200 }, durationMs: { dist: 'constant', ms: D }, workload: { type: 'periodic', everyMs: coldPath - HOPS + D } })],
    });
    const { report } = runTraced(s);
    expect(report.requests.completed).toBeGreaterThan(10);
    expect(report.requests.warm).toBe(0);
  });

  const periodic = (everyMs: number) =>
    scenario({
      platform: { ...platform, keepAlive: { policy: 'fixed', idleMs: 10 * MIN } },
      durationMs: 60 * MIN,
      functions: [fn({ durationMs: { dist: 'constant', ms: 100 }, workload: { type: 'periodic', everyMs } })],
    });

  it('a request within the keep-alive after the previous one is warm', () => {
    const { report } = runTraced(periodic(9 * MIN));
    expect(report.requests.total).toBe(7);
    expect(report.requests.cold).toBe(1);
    expect(report.requests.warm).toBe(6);
    expect(report.sandboxes.created).toBe(1);
  });

  it('a request after the keep-alive has expired is cold, and the idle sandbox was reclaimed exactly at expiry', () => {
    const { report, trace } = runTraced(periodic(11 * MIN));
    expect(report.requests.total).toBe(6);
    expect(report.requests.cold).toBe(6);
    expect(report.sandboxes.created).toBe(6);
    const wentIdle = new Map(sandboxTransitions(trace, 'idle').map((t) => [t.id, t.t]));
    const reclaimed = sandboxTransitions(trace, 'shuttingDown');
    expect(reclaimed.length).toBeGreaterThanOrEqual(5);
    for (const t of reclaimed) expect(t.t - wentIdle.get(t.id)!).toBe(10 * MIN);
  });
});

describe('the latency a caller sees', () => {
  const packageMb = 1; // a 13 ms download: shorter than the 31 ms account VM boot
  const initMs = 41;
  const handlerMs = 43;
  const run = (isolation: 'microvm' | 'account-vm', everyMs: number) =>
    runTraced(
      scenario({
        platform: { ...platform, isolation },
        durationMs: 10_000,
        functions: [fn({ packageMb, initMs: { dist: 'constant', ms: initMs }, durationMs: { dist: 'constant', ms: handlerMs }, workload: { type: 'periodic', everyMs } })],
      }),
    );

  it('cold = hops + placement + code fetch + microVM boot + runtime boot + init + handler; warm = hops + handler', () => {
    const { report } = run('microvm', 1000);
    const cold = HOPS + hopsMs.placement + packageMb * coldStart.codeFetchMsPerMb + coldStart.microVmBootMs + coldStart.runtimeBootMs + initMs + handlerMs;
    const warm = HOPS + handlerMs;
    expect(report.requests).toMatchObject({ total: 10, completed: 10, cold: 1, warm: 9 });
    expect(report.coldLatencyMs).toMatchObject({ count: 1, mean: cold, p50: cold, p99: cold });
    expect(report.warmLatencyMs).toMatchObject({ count: 9, mean: warm, p50: warm, p95: warm, p99: warm });
    expect(report.latencyMs.mean).toBeCloseTo((cold + 9 * warm) / 10, 9);
  });

  it('in account-vm isolation the first container waits for its account VM to boot (in parallel with the code download); a later one does not', () => {
    // Every 100 ms: the second request arrives while the first is still cold-starting, after the VM is up.
    const { trace } = run('account-vm', 100);
    const ends = timeToEnd(trace);
    const coldTimes = requestTransitions(trace, 'running')
      .filter((t) => t.from === 'waitingForSandbox')
      .map((t) => ends.get(t.id)!.ms);
    const rest = HOPS + hopsMs.placement + coldStart.containerStartMs + coldStart.runtimeBootMs + initMs + handlerMs;
    const fetch = packageMb * coldStart.codeFetchMsPerMb;
    expect(coldStart.accountVmBootMs).toBeGreaterThan(fetch);
    expect(coldTimes).toEqual([rest + coldStart.accountVmBootMs, rest + fetch]);
  });
});

describe('init and handler limits', () => {
  const phases = HOPS + hopsMs.placement + 5 * coldStart.codeFetchMsPerMb + coldStart.microVmBootMs + coldStart.runtimeBootMs;

  it('init code running over the init limit fails the request at the limit, and every later request tries a new sandbox', () => {
    const s = scenario({
      platform,
      durationMs: 60_000,
      functions: [fn({ packageMb: 5, initMs: { dist: 'constant', ms: 10_001 }, workload: { type: 'periodic', everyMs: 20_000 } })],
    });
    const { report, trace } = runTraced(s);
    expect(report.requests).toMatchObject({ total: 3, completed: 0, failed: 3, cold: 0, warm: 0 });
    expect(report.sandboxes.created).toBe(3);
    for (const { outcome, ms } of timeToEnd(trace).values()) {
      expect(outcome).toBe('failed');
      expect(ms).toBe(phases + 10_000);
    }
    expect(report.cost.billedGbSeconds).toBe(0);
  });

  it('init code finishing exactly at the init limit succeeds', () => {
    const s = scenario({ platform, functions: [fn({ initMs: { dist: 'constant', ms: 10_000 }, workload: { type: 'periodic', everyMs: 30_000 } })] });
    expect(runTraced(s).report.requests).toMatchObject({ total: 2, completed: 2, failed: 0 });
  });

  it('a handler longer than timeoutMs ends as timedOut at the timeout, and the sandbox is discarded: the next request is cold', () => {
    const s = scenario({
      platform: { ...platform, keepAlive: { policy: 'fixed', idleMs: 10 * MIN } },
      durationMs: 35_000,
      functions: [fn({ packageMb: 5, timeoutMs: 1000, durationMs: { dist: 'constant', ms: 5000 }, workload: { type: 'periodic', everyMs: 10_000 } })],
    });
    const { report, trace } = runTraced(s);
    expect(report.requests).toMatchObject({ total: 4, completed: 0, timedOut: 4, cold: 4, warm: 0 });
    expect(report.sandboxes.created).toBe(4);
    for (const { outcome, ms } of timeToEnd(trace).values()) expect({ outcome, ms }).toEqual({ outcome: 'timedOut', ms: phases + 200 + 1000 });
    const discarded = trace.filter((t) => t.kind === 'sandbox' && t.from === 'invoking' && t.to === 'shuttingDown');
    expect(discarded).toHaveLength(4);
  });
});

describe('provisioned concurrency', () => {
  const s = scenario({
    platform: { ...platform, keepAlive: { policy: 'fixed', idleMs: MIN } },
    durationMs: 30 * MIN,
    functions: [
      fn({
        provisionedConcurrency: 2,
        // Over the 10 s on-demand init limit: provisioned sandboxes initialize ahead of demand, where it does not apply.
        initMs: { dist: 'constant', ms: 12_000 },
        durationMs: { dist: 'constant', ms: 1000 },
        workload: { type: 'periodic', everyMs: 5 * MIN, offsetMs: 20_000 },
      }),
    ],
  });
  const { report, trace } = runTraced(s);

  it('initializes its sandboxes at the start, before any request', () => {
    const created = sandboxTransitions(trace).filter((t) => t.from === null);
    expect(created.map((t) => t.t)).toEqual([0, 0]);
    expect(sandboxTransitions(trace, 'idle').slice(0, 2).map((t) => t.t)).toEqual([0, 0].map(() => hopsMs.placement + 5 * coldStart.codeFetchMsPerMb + coldStart.microVmBootMs + coldStart.runtimeBootMs + 12_000));
  });

  it('serves requests warm, and keep-alive never reclaims its sandboxes', () => {
    expect(report.requests).toMatchObject({ total: 6, completed: 6, cold: 0, warm: 6 });
    expect(report.sandboxes.created).toBe(2);
    expect(sandboxTransitions(trace, 'shuttingDown')).toHaveLength(0);
    // Idle for most of the 30 minutes: the provider keeps (and the user pays for) two warm sandboxes.
    expect(report.sandboxes.avgIdle).toBeGreaterThan(1.9);
  });
});
