import { describe, expect, it } from 'vitest';
import { Simulation } from './engine';
import { checkScenario } from './scenario';
import { fn, requestTransitions, runTraced, sandboxTransitions, scenario, timeToEnd, type PlatformInput } from './testkit';

/**
 * Cold-start mitigations besides keep-alive (domain.md §3): a warm pool of generic sandboxes
 * with an active pool per function, snapshot restore (SnapStart), and provisioned concurrency
 * on a schedule. Default figures: hops 1 + 3 + 1 + 1 ms to the worker manager, placement 10 ms;
 * a full cold start fetches 5 MB at 10 ms/MB, boots a microVM in 125 ms and the runtime in
 * 80 ms, then runs 200 ms of init code.
 */

const MIN = 60_000;
const HOUR = 60 * MIN;

/** One call at t = 0, 10 ms handler: its latency is the cold start plus 16 ms of hops and 10 ms. */
function firstCallMs(opts: { platform?: PlatformInput; snapStart?: boolean; memoryMb?: number }) {
  const { trace, report } = runTraced(scenario({ durationMs: 5_000, platform: opts.platform, functions: [fn({ snapStart: opts.snapStart, memoryMb: opts.memoryMb ?? 512, workload: { type: 'periodic', everyMs: 10_000 } })] }));
  const path = sandboxTransitions(trace).map((t) => t.to);
  return { ms: timeToEnd(trace).get(0)!.ms, path, report };
}

describe('a warm pool of generic sandboxes', () => {
  const pool = (size: number, extra: Partial<NonNullable<PlatformInput['warmPool']>> = {}): PlatformInput => ({ warmPool: { size, ...extra } });

  it('shortens a cold start to placement, assignment (25 ms) and init code: 251 ms instead of 481 ms', () => {
    expect(firstCallMs({}).ms).toBe(6 + 10 + 50 + 125 + 80 + 200 + 10);
    const pooled = firstCallMs({ platform: pool(2) });
    expect(pooled.ms).toBe(6 + 10 + 25 + 200 + 10);
    expect(pooled.path.slice(0, 4)).toEqual(['placing', 'initializing.assigningFromPool', 'initializing.runningInit', 'invoking']);
    expect(pooled.report.warmPool).toEqual({ assigned: 1, missed: 0, heldGbSeconds: expect.any(Number) });
  });

  it('is still a cold start: the request counts as cold', () => {
    const { report } = firstCallMs({ platform: pool(2) });
    expect(report.requests.cold).toBe(1);
  });

  it('serves a burst up to its size, then cold starts go through every phase until it is replenished', () => {
    // A call every millisecond, 5 admitted (reserved concurrency), the rest throttled: 5 cold
    // starts within 5 ms. A pool of 2: two assigned, three full cold starts.
    const { trace, report } = runTraced(
      scenario({ durationMs: 2_000, platform: pool(2), functions: [fn({ reservedConcurrency: 5, timeoutMs: 20_000, durationMs: { dist: 'constant', ms: 10_000 }, workload: { type: 'periodic', everyMs: 1 } })] }),
    );
    const starts = sandboxTransitions(trace).filter((t) => t.from === 'placing').map((t) => t.to);
    expect(starts.filter((s) => s === 'initializing.assigningFromPool')).toHaveLength(2);
    expect(starts.filter((s) => s === 'initializing.fetchingCode')).toHaveLength(3);
    expect(report.warmPool).toMatchObject({ assigned: 2, missed: 3 });
  });

  it('is replenished in the background: a taken sandbox is replaced, ready after placement, microVM and runtime boot', () => {
    // Calls 300 ms apart, 2 s handlers: each finds no idle sandbox. Pool of 1: the first is
    // assigned, the replacement is ready 10 + 125 + 80 = 215 ms later, in time for the second.
    const { report } = runTraced(
      scenario({ durationMs: 1_000, platform: pool(1), functions: [fn({ durationMs: { dist: 'constant', ms: 2000 }, workload: { type: 'periodic', everyMs: 300 } })] }),
    );
    expect(report.warmPool).toMatchObject({ assigned: 4, missed: 0 });
  });

  it('holds its memory on the hosts while it waits: the provider pays for the pool', () => {
    const s = scenario({ durationMs: HOUR, platform: { hosts: 1, ...pool(3) }, functions: [fn({ workload: { type: 'poisson', ratePerSec: 0 } })] });
    const sim = new Simulation(s);
    expect(sim.hosts[0]!.usedMb).toBe(3 * (1024 + 5));
    expect(sim.run().warmPool!.heldGbSeconds).toBeCloseTo((3 * (1024 + 5) * 3600) / 1024, 6);
  });

  it('does not serve a function larger than its sandboxes (a full cold start, not counted as missed)', () => {
    const big = firstCallMs({ platform: pool(2, { sandboxMb: 256 }), memoryMb: 512 });
    expect(big.path[1]).toBe('initializing.fetchingCode');
    expect(big.report.warmPool).toMatchObject({ assigned: 0, missed: 0 });
  });

  it('needs microVM isolation: an account VM cannot be handed to another account', () => {
    const r = checkScenario({ version: 1, durationMs: 1000, platform: { isolation: 'account-vm', warmPool: { size: 1 } }, accounts: [{ id: 'a' }], functions: [fn({ account: 'a' })] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.message)).toEqual([expect.stringContaining('platform.warmPool.size: a warm pool needs platform.isolation "microvm"')]);
  });
});

describe('an active pool per function', () => {
  it('keeps at most activePerFunction used sandboxes idle after a burst; the rest are reclaimed at once', () => {
    // 6 calls in the first minute, each running a minute: 6 sandboxes, all idle by 2 min 10 s.
    const run = (activePerFunction?: number) => {
      const sim = new Simulation(
        scenario({
          durationMs: 3 * MIN,
          platform: { warmPool: { size: 0, activePerFunction } },
          functions: [fn({ timeoutMs: 2 * MIN, durationMs: { dist: 'constant', ms: MIN }, workload: { type: 'perMinute', counts: [6, 0, 0] } })],
        }),
      );
      sim.runUntil(2 * MIN + 10_000);
      return sim.idleSandboxes(0).length;
    };
    expect(run()).toBe(6);
    expect(run(2)).toBe(2);
    expect(run(0)).toBe(0);
  });
});

describe('snapshot restore (SnapStart)', () => {
  it('replaces code download, sandbox start, runtime boot and init by one restore: 226 ms instead of 481 ms', () => {
    const restored = firstCallMs({ snapStart: true });
    expect(restored.ms).toBe(6 + 10 + 200 + 10);
    expect(restored.path.slice(0, 3)).toEqual(['placing', 'initializing.restoringSnapshot', 'invoking']);
  });

  it('never runs init code again, so an init longer than the 10 s limit cannot fail a cold start', () => {
    const s = (snapStart: boolean) => scenario({ durationMs: 30_000, functions: [fn({ snapStart, initMs: { dist: 'constant', ms: 20_000 }, workload: { type: 'periodic', everyMs: 10_000 } })] });
    expect(runTraced(s(false)).report.requests.completed).toBe(0);
    const restored = runTraced(s(true));
    expect(restored.report.requests.completed).toBe(3);
    expect(sandboxTransitions(restored.trace, 'initializing.runningInit')).toHaveLength(0);
  });

  it('takes precedence over the warm pool (the snapshot is the faster start)', () => {
    const r = firstCallMs({ snapStart: true, platform: { warmPool: { size: 2 } } });
    expect(r.path[1]).toBe('initializing.restoringSnapshot');
    expect(r.report.warmPool).toMatchObject({ assigned: 0, missed: 0 });
  });
});

describe('provisioned concurrency on a schedule', () => {
  const DAY = 24 * HOUR;
  // Raised to 3 for the working day (9:00 to 17:00), every day.
  const workingDay = { steps: [{ atMs: 9 * HOUR, count: 3 }, { atMs: 17 * HOUR, count: 0 }], repeatEveryMs: DAY };
  const quiet = { type: 'poisson' as const, ratePerSec: 0 };

  it('is raised for the working day and lowered after it, every day: billed for 3 × 8 h a day', () => {
    const s = scenario({ durationMs: 2 * DAY, platform: { coldStart: { shutdownMs: 0 } }, functions: [fn({ memoryMb: 1024, provisionedSchedule: workingDay, workload: quiet })] });
    const sim = new Simulation(s);
    const alive = (t: number) => {
      sim.runUntil(t);
      return [...sim.sandboxes.values()].filter((sb) => sb.provisioned).length;
    };
    expect([alive(8 * HOUR), alive(10 * HOUR), alive(18 * HOUR), alive(DAY + 12 * HOUR), alive(DAY + 20 * HOUR)]).toEqual([0, 3, 0, 3, 0]);
    // 1 GB × 3 sandboxes × 8 h × 2 days (shutdown takes no time here).
    expect(sim.run().cost.provisionedGbSeconds).toBeCloseTo(3 * 8 * 3600 * 2, 6);
  });

  it('makes calls of the working day warm and leaves the night to on-demand sandboxes', () => {
    const calls = { type: 'periodic' as const, everyMs: HOUR, offsetMs: 30 * MIN };
    const { trace } = runTraced(scenario({ durationMs: DAY, platform: { keepAlive: { policy: 'fixed', idleMs: 10 * MIN } }, functions: [fn({ provisionedSchedule: workingDay, workload: calls })] }));
    const running = requestTransitions(trace, 'running');
    const coldAt = new Set(requestTransitions(trace, 'waitingForSandbox').map((t) => t.id));
    const hourOf = (t: number) => Math.floor(t / HOUR);
    // Calls at 9:30 ... 16:30 find a provisioned sandbox; the others are cold.
    for (const r of running) expect(coldAt.has(r.id)).toBe(!(hourOf(r.t) >= 9 && hourOf(r.t) < 17));
  });

  it('lets a busy provisioned sandbox finish its call when the level drops, then reclaims it without replacing it', () => {
    const s = scenario({
      durationMs: 20_000,
      functions: [fn({ provisionedConcurrency: 1, provisionedSchedule: { steps: [{ atMs: 5_000, count: 0 }] }, durationMs: { dist: 'constant', ms: 3000 }, workload: { type: 'periodic', everyMs: 30_000, offsetMs: 4_000 } })],
    });
    const { trace, report } = runTraced(s);
    expect(report.requests.warm).toBe(1);
    expect(report.requests.completed).toBe(1);
    const sb0 = sandboxTransitions(trace).filter((t) => t.id === 0).map((t) => [t.to, t.t]);
    expect(sb0.slice(-3)).toEqual([['idle', 4_000 + 6 + 3000], ['shuttingDown', 4_000 + 6 + 3000], ['gone', 4_000 + 6 + 3000 + 500]]);
    expect(sandboxTransitions(trace).filter((t) => t.from === null)).toHaveLength(1);
  });

  it('is validated: steps in order, within reserved concurrency, a repeat longer than the steps', () => {
    const issues = (schedule: unknown, extra: Record<string, unknown> = {}) => {
      const r = checkScenario({ version: 1, durationMs: 1000, accounts: [{ id: 'acme' }], functions: [fn({ provisionedSchedule: schedule as never, ...extra })] });
      return r.ok ? [] : r.issues.map((i) => i.message);
    };
    expect(issues({ steps: [{ atMs: 5, count: 1 }, { atMs: 5, count: 2 }] })).toEqual([expect.stringContaining('increasing atMs')]);
    expect(issues({ steps: [{ atMs: 0, count: 4 }] }, { reservedConcurrency: 2 })).toEqual(['functions[0].provisionedSchedule.steps[0].count: expected at most reservedConcurrency (2)']);
    expect(issues({ steps: [{ atMs: 100, count: 1 }], repeatEveryMs: 100 })).toEqual([expect.stringContaining('repeatEveryMs greater than')]);
  });
});
