import { describe, expect, it } from 'vitest';
import { Simulation } from './engine';
import { figures } from './figures';
import { checkScenario } from './scenario';
import { END_STATES, fn, instantPlatform, requestTransitions, runTraced, scenario, timeToEnd, type FunctionInput } from './testkit';

/**
 * Triggers, permissions and calls between functions (issue 6): who may invoke a function (its
 * resource policy), what it may reach (its execution role), synchronous calls that keep the
 * caller busy and billed, bucket writes that trigger a function, and the recursion guard.
 * Expected numbers are worked out by hand from constant durations on an instant platform.
 */

const GB = 1024;
const instant = (overrides: Partial<FunctionInput>) => fn({ memoryMb: GB, initMs: { dist: 'constant', ms: 0 }, timeoutMs: 10_000, ...overrides });
/** Uploads or calls at 0, 10 s, ..., 50 s: six in a one-minute run. */
const every10s = { type: 'periodic', everyMs: 10_000 } as const;

describe('resource policies', () => {
  it('deny a caller the policy does not list, at the frontend, before any sandbox', () => {
    const s = scenario({ platform: instantPlatform, functions: [instant({ name: 'report', trigger: 'url', resourcePolicy: ['apigateway'], workload: every10s })] });
    const { report, trace, sim } = runTraced(s);
    expect(report.requests).toMatchObject({ total: 6, denied: 6, completed: 0 });
    expect(report.sandboxes.created).toBe(0);
    for (const t of requestTransitions(trace, 'denied')) expect(trace.find((x) => x.kind === 'request' && x.id === t.id && x.to === 'atFrontend')).toBeDefined();
    // The policy that denied it travels with the ended request, for the inspector.
    expect(sim.recentlyEnded).toEqual([]);
    const live = new Simulation(s, { timeline: true });
    live.run();
    expect(live.recentlyEnded.at(-1)).toMatchObject({ state: 'denied', caller: 'url', via: 'url', deniedBy: 'policy' });
  });

  it('let in the callers they list', () => {
    const s = scenario({ platform: instantPlatform, functions: [instant({ name: 'report', trigger: 'api', resourcePolicy: ['apigateway'], workload: every10s })] });
    expect(runTraced(s).report.requests).toMatchObject({ total: 6, denied: 0, completed: 6 });
  });

  it('apply to calls from functions: a denied callee fails its synchronous caller', () => {
    const s = scenario({
      platform: instantPlatform,
      functions: [
        instant({ name: 'front', trigger: 'api', calls: [{ fn: 'back', mode: 'sync' }], workload: every10s }),
        instant({ name: 'back', trigger: 'sdk', resourcePolicy: ['fn:someone-else'], workload: { type: 'poisson', ratePerSec: 0 } }),
      ],
    });
    const { report } = runTraced(s);
    expect(report.perFunction.back!.requests).toMatchObject({ total: 6, denied: 6 });
    expect(report.perFunction.front!.requests).toMatchObject({ total: 6, failed: 6, completed: 0 });
  });
});

describe('execution roles', () => {
  it('fail an invocation that writes to a bucket its role does not list; the callee is never triggered', () => {
    const s = scenario({
      platform: instantPlatform,
      functions: [
        instant({ name: 'upload', trigger: 'api', role: ['s3:logs'], calls: [{ fn: 'thumb', mode: 'storage' }], workload: every10s }),
        instant({ name: 'thumb', trigger: 'storage', source: 'photos', workload: { type: 'poisson', ratePerSec: 0 } }),
      ],
    });
    const { report } = runTraced(s);
    expect(report.perFunction.upload!.requests).toMatchObject({ total: 6, failed: 6, roleDenied: 6 });
    expect(report.perFunction.thumb!.requests.total).toBe(0);
  });

  it('let the calls through once they list the resource', () => {
    const s = scenario({
      platform: instantPlatform,
      functions: [
        instant({ name: 'upload', trigger: 'api', role: ['s3:photos'], calls: [{ fn: 'thumb', mode: 'storage' }], workload: every10s }),
        instant({ name: 'thumb', trigger: 'storage', source: 'photos', resourcePolicy: ['s3:photos'], uses: ['s3:photos'], role: ['s3:photos'], workload: { type: 'poisson', ratePerSec: 0 } }),
      ],
    });
    const { report } = runTraced(s);
    expect(report.perFunction.upload!.requests).toMatchObject({ total: 6, completed: 6, roleDenied: 0 });
    expect(report.perFunction.thumb!.requests).toMatchObject({ total: 6, completed: 6, denied: 0 });
  });
});

describe('functions calling functions', () => {
  // a (100 ms of its own) calls b (50 ms), which calls c (20 ms); 1 GB each; six calls a minute.
  const chain = (mode: 'sync' | 'async') =>
    scenario({
      platform: instantPlatform,
      functions: [
        instant({ name: 'a', trigger: 'api', durationMs: { dist: 'constant', ms: 100 }, calls: [{ fn: 'b', mode }], workload: every10s }),
        instant({ name: 'b', trigger: mode === 'sync' ? 'sdk' : 'queue', durationMs: { dist: 'constant', ms: 50 }, calls: [{ fn: 'c', mode }], workload: { type: 'poisson', ratePerSec: 0 } }),
        instant({ name: 'c', trigger: mode === 'sync' ? 'sdk' : 'queue', durationMs: { dist: 'constant', ms: 20 }, workload: { type: 'poisson', ratePerSec: 0 } }),
      ],
    });
  const gbs = (r: ReturnType<typeof runTraced>['report'], name: string) => r.perFunction[name]!.cost.billedGbSeconds;

  it('synchronously: each caller is billed while it waits (a: 100 + 50 + 20 ms, b: 50 + 20 ms, c: 20 ms)', () => {
    const { report, trace } = runTraced(chain('sync'));
    expect(gbs(report, 'c')).toBeCloseTo(6 * 0.02, 12);
    expect(gbs(report, 'b')).toBeCloseTo(6 * 0.07, 12);
    expect(gbs(report, 'a')).toBeCloseTo(6 * 0.17, 12);
    expect(report.cost.billedGbSeconds).toBeCloseTo(6 * 0.26, 12);
    // The caller answers when its callee has: a's calls take 170 ms end to end.
    const a = [...timeToEnd(trace).entries()].filter(([id]) => trace.find((t) => t.id === id && t.kind === 'request')!.fn === 'a');
    for (const [, e] of a) expect(e).toEqual({ outcome: 'responded', ms: 170 });
  });

  it('through queues: each pays for its own work only', () => {
    const { report } = runTraced(chain('async'));
    expect(gbs(report, 'c')).toBeCloseTo(6 * 0.02, 12);
    expect(gbs(report, 'b')).toBeCloseTo(6 * 0.05, 12);
    expect(gbs(report, 'a')).toBeCloseTo(6 * 0.1, 12);
    expect(report.requests).toMatchObject({ total: 18, completed: 18 });
  });

  it("a caller's timeout still runs while it waits: it times out, billed its timeout, and the callee runs on", () => {
    const s = scenario({
      platform: instantPlatform,
      functions: [
        instant({ name: 'a', timeoutMs: 120, durationMs: { dist: 'constant', ms: 100 }, calls: [{ fn: 'b', mode: 'sync' }], workload: every10s }),
        instant({ name: 'b', durationMs: { dist: 'constant', ms: 50 }, workload: { type: 'poisson', ratePerSec: 0 } }),
      ],
    });
    const { report } = runTraced(s);
    expect(report.perFunction.a!.requests).toMatchObject({ total: 6, timedOut: 6 });
    expect(gbs(report, 'a')).toBeCloseTo(6 * 0.12, 12);
    expect(report.perFunction.b!.requests).toMatchObject({ total: 6, completed: 6 });
  });
});

describe('a recursive storage trigger', () => {
  // Each upload (every 10 s) runs 100 ms and writes its result back into the bucket that triggers it.
  const loop = (recursionGuard: boolean) =>
    scenario({
      platform: { ...instantPlatform, recursionGuard },
      functions: [instant({ name: 'resize', trigger: 'storage', source: 'uploads', role: ['s3:uploads'], durationMs: { dist: 'constant', ms: 100 }, calls: [{ fn: 'resize', mode: 'storage' }], workload: every10s })],
    });
  const perWindow = (trace: ReturnType<typeof runTraced>['trace']) => {
    const counts = [0, 0, 0, 0, 0, 0];
    for (const t of requestTransitions(trace)) if (t.from === null) counts[Math.min(5, Math.floor(t.t / 10_000))]!++;
    return counts;
  };
  const limit = figures.recursionGuardInvocations.value;

  it('with the guard: each chain stops after 16 invocations, its next event dead-lettered', () => {
    const { report, trace } = runTraced(loop(true));
    expect(limit).toBe(16);
    expect(report.requests).toMatchObject({ total: 6 * (limit + 1), completed: 6 * limit, deadLettered: 6, loopsStopped: 6 });
    // Bounded: every 10 s window sees the same 17 requests.
    expect(perWindow(trace)).toEqual([17, 17, 17, 17, 17, 17]);
  });

  it('without it: every upload starts a chain that never ends, so the invocation rate keeps growing', () => {
    const { report, trace } = runTraced(loop(false));
    // Chain k starts at 10k s and makes one request every 100 ms up to and including 60 s.
    expect(report.requests.total).toBe([0, 1, 2, 3, 4, 5].reduce((n, k) => n + (60_000 - 10_000 * k) / 100 + 1, 0));
    expect(report.requests.loopsStopped).toBe(0);
    const w = perWindow(trace);
    for (let i = 1; i < 5; i++) expect(w[i]!).toBeGreaterThan(w[i - 1]!);
  });
});

describe('every request ends exactly once, and runs are deterministic', () => {
  const mixed = () =>
    scenario({
      durationMs: 120_000,
      seed: 11,
      functions: [
        fn({ name: 'api', trigger: 'api', durationMs: { dist: 'exponential', meanMs: 80 }, calls: [{ fn: 'orders', mode: 'sync' }, { fn: 'audit', mode: 'async' }, { fn: 'loop', mode: 'storage' }], workload: { type: 'poisson', ratePerSec: 4 } }),
        fn({ name: 'orders', trigger: 'sdk', timeoutMs: 200, resourcePolicy: ['fn:api'], durationMs: { dist: 'exponential', meanMs: 60 }, failureRate: 0.1, workload: { type: 'poisson', ratePerSec: 1 } }),
        fn({ name: 'audit', trigger: 'queue', resourcePolicy: ['fn:api'], reservedConcurrency: 2, durationMs: { dist: 'exponential', meanMs: 300 }, workload: { type: 'poisson', ratePerSec: 0 } }),
        fn({ name: 'loop', trigger: 'storage', durationMs: { dist: 'constant', ms: 50 }, calls: [{ fn: 'loop', mode: 'storage' }], workload: { type: 'poisson', ratePerSec: 0.2 } }),
      ],
    });

  it('each request has one creation and at most one end; the ones without an end are still in flight', () => {
    const { sim, trace, report } = runTraced(mixed());
    const ends = new Map<number, number>();
    const created = new Set<number>();
    for (const t of requestTransitions(trace)) {
      if (t.from === null) {
        expect(created.has(t.id)).toBe(false);
        created.add(t.id);
      }
      if (END_STATES.has(t.to)) ends.set(t.id, (ends.get(t.id) ?? 0) + 1);
    }
    for (const n of ends.values()) expect(n).toBe(1);
    for (const id of created) expect(ends.has(id) !== sim.requests.has(id)).toBe(true);
    expect(report.requests.total).toBe(created.size);
    // Something of each kind happened.
    expect(report.requests.denied).toBeGreaterThan(0);
    expect(report.requests.loopsStopped).toBeGreaterThan(0);
    expect(report.perFunction.orders!.requests.total).toBeGreaterThan(report.perFunction.api!.requests.total * 0.5);
  });

  it('a rewind to a checkpoint taken mid-chain replays the same run', () => {
    const straight = new Simulation(mixed());
    const report = straight.run();
    const sim = new Simulation(mixed());
    sim.runUntil(40_000);
    const checkpoint = sim.save();
    sim.runUntil(90_000);
    sim.restore(checkpoint);
    expect(sim.run()).toEqual(report);
  });

  it('the same scenario gives the same run', () => {
    const a = runTraced(mixed());
    const b = runTraced(mixed());
    expect(b.trace).toEqual(a.trace);
    expect(b.report).toEqual(a.report);
  });
});

describe('the scenario format', () => {
  const base = { version: 1, durationMs: 1000, accounts: [{ id: 'acme' }] };
  const problems = (functions: unknown[]) => {
    const r = checkScenario({ ...base, functions });
    return r.ok ? [] : r.issues.map((i) => i.message);
  };
  const f = (extra: object) => ({ name: 'f', account: 'acme', memoryMb: 128, durationMs: { dist: 'constant', ms: 1 }, workload: { type: 'poisson', ratePerSec: 1 }, ...extra });

  it('derives the trigger of older scenarios and keeps them valid', () => {
    const r = checkScenario({ ...base, functions: [f({ invocation: 'async' })] });
    expect(r.ok).toBe(true);
  });

  it('lets an asynchronous trigger set the invocation, and an api trigger bring its gateway', () => {
    const r = checkScenario({ ...base, functions: [f({ trigger: 'storage' }), f({ name: 'g', trigger: 'api' })] });
    expect(r.ok && r.scenario.functions[0]!.invocation).toBe('async');
    expect(r.ok && r.scenario.functions[1]!.gateway).toEqual({ ratePerSec: figures.gatewayRatePerSec.value, burst: figures.gatewayBurst.value });
  });

  it('names the field and the fix', () => {
    expect(problems([f({ trigger: 'api', invocation: 'async' })])).toEqual(['functions[0].invocation: trigger "api" is synchronous: remove invocation or set it to "sync"']);
    expect(problems([f({ trigger: 'url', gateway: {} })])).toEqual(['functions[0].gateway: only trigger "api" goes through an API gateway: remove gateway or set trigger to "api"']);
    expect(problems([f({ calls: [{ fn: 'nobody' }] })])).toEqual(['functions[0].calls[0].fn: unknown function "nobody": expected one of "f"']);
    expect(problems([f({ calls: [{ fn: 'f', mode: 'storage' }] })])).toEqual(['functions[0].calls[0].mode: "f" is not triggered by a bucket: set its trigger to "storage", or call it with mode "sync" or "async"']);
    expect(problems([f({ trigger: 'email' })])[0]).toMatch(/^functions\[0\]\.trigger: expected one of "api", "url", "sdk", "storage", "schedule", "queue"/);
  });
});
