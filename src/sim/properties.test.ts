import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Simulation, type Transition } from './engine';
import { END_STATES } from './testkit';
import { parseScenario, type Scenario, type ScenarioInput } from './scenario';

/**
 * Rules of the platform that hold for every scenario, checked on random small ones: few
 * functions, accounts and hosts, short runs, every workload, distribution and policy.
 * fast-check runs from a fixed seed, so a failure reproduces; it shrinks it to a small case.
 */

const FC = { seed: 20_260_101, numRuns: 150 };
/** Each property takes about a second alone; the margin is for a machine busy with other work. */
const SLOW = { timeout: 30_000 };

const ms = (max: number) => fc.integer({ min: 0, max });

const distribution = (scale: number) =>
  fc.oneof(
    fc.record({ dist: fc.constant('constant' as const), ms: ms(scale) }),
    fc.record({ dist: fc.constant('exponential' as const), meanMs: fc.integer({ min: 1, max: scale }) }),
    fc.record({ dist: fc.constant('lognormal' as const), medianMs: fc.integer({ min: 1, max: scale }), sigma: fc.double({ min: 0, max: 1.5, noNaN: true }) }),
    fc.array(ms(scale), { minLength: 7, maxLength: 7 }).map((v) => {
      const [p0, p1, p25, p50, p75, p99, p100] = v.sort((a, b) => a - b) as [number, number, number, number, number, number, number];
      return { dist: 'empirical' as const, percentiles: { p0, p1, p25, p50, p75, p99, p100 } };
    }),
  );

const workload = fc.oneof(
  fc.record({ type: fc.constant('poisson' as const), ratePerSec: fc.double({ min: 0, max: 20, noNaN: true }) }),
  fc.record({ type: fc.constant('periodic' as const), everyMs: fc.integer({ min: 20, max: 5000 }), offsetMs: ms(2000) }),
  fc.array(fc.record({ gap: fc.integer({ min: 1, max: 20_000 }), ratePerSec: fc.double({ min: 0, max: 20, noNaN: true }) }), { minLength: 1, maxLength: 3 }).map((steps) => {
    let at = 0;
    return { type: 'steps' as const, steps: steps.map((s, i) => ({ atMs: i === 0 ? 0 : (at += s.gap), ratePerSec: s.ratePerSec })) };
  }),
  fc.record({ type: fc.constant('perMinute' as const), counts: fc.array(fc.integer({ min: 0, max: 200 }), { minLength: 1, maxLength: 2 }) }),
);

const functionSpec = fc.record({
  account: fc.integer({ min: 0, max: 1 }),
  memoryMb: fc.constantFrom(128, 256, 512, 1024),
  timeoutMs: fc.integer({ min: 50, max: 3000 }),
  packageMb: ms(50),
  initMs: distribution(600),
  durationMs: distribution(1000),
  reservedConcurrency: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
  provisionedConcurrency: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
  invocation: fc.constantFrom('sync' as const, 'async' as const),
  failureRate: fc.option(fc.constantFrom(0, 0.3, 1), { nil: undefined }),
  gateway: fc.option(fc.record({ ratePerSec: fc.integer({ min: 0, max: 20 }), burst: fc.integer({ min: 0, max: 5 }) }), { nil: undefined }),
  snapStart: fc.option(fc.boolean(), { nil: undefined }),
  provisionedSchedule: fc.option(
    fc.record({ steps: fc.array(fc.record({ gap: fc.integer({ min: 1, max: 20_000 }), count: fc.integer({ min: 0, max: 3 }) }), { minLength: 1, maxLength: 3 }), repeat: fc.boolean() }).map(({ steps, repeat }) => {
      let at = -1;
      const out = steps.map((st) => ({ atMs: (at += st.gap), count: st.count }));
      return { steps: out, ...(repeat && { repeatEveryMs: at + 1 + steps[0]!.gap }) };
    }),
    { nil: undefined },
  ),
  workload,
});

const platform = fc.record({
  hosts: fc.integer({ min: 1, max: 3 }),
  hostMemoryMb: fc.constantFrom(2048, 4096, 8192),
  isolation: fc.constantFrom('microvm' as const, 'account-vm' as const),
  placement: fc.constantFrom('pack' as const, 'spread' as const),
  keepAlive: fc.oneof(
    fc.constant({ policy: 'none' as const }),
    fc.record({ policy: fc.constant('fixed' as const), idleMs: ms(5000) }),
    // Bins of a fraction of a second, so that short runs fill the histogram and pre-warm.
    fc.record({ policy: fc.constant('hybrid' as const), binMs: fc.integer({ min: 50, max: 1000 }), bins: fc.integer({ min: 1, max: 40 }), minSamples: fc.integer({ min: 0, max: 5 }), fallbackKeepAliveMs: ms(5000) }).map(({ bins, ...k }) => ({ ...k, rangeMs: k.binMs * bins })),
  ),
  warmPool: fc.option(fc.record({ size: fc.integer({ min: 0, max: 4 }), sandboxMb: fc.constantFrom(128, 512, 1024), assignMs: ms(50), activePerFunction: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }) }), { nil: undefined }),
  limits: fc.record({ accountConcurrency: fc.integer({ min: 1, max: 20 }) }),
  hopsMs: fc.record({ loadBalancer: ms(3), frontend: ms(3), counting: ms(3), workerManager: ms(3), placement: ms(20), gateway: ms(3) }),
  coldStart: fc.record({
    codeFetchMsPerMb: ms(5),
    microVmBootMs: ms(150),
    containerStartMs: ms(60),
    accountVmBootMs: ms(1500),
    accountVmMemoryMb: fc.constantFrom(1024, 2048),
    runtimeBootMs: ms(100),
    initLimitMs: fc.constantFrom(300, 10_000),
    shutdownMs: ms(500),
  }),
  async: fc.record({
    retryBaseMs: fc.integer({ min: 50, max: 1000 }),
    retryMaxMs: fc.integer({ min: 100, max: 3000 }),
    maxEventAgeMs: fc.integer({ min: 1000, max: 20_000 }),
    errorRetries: fc.integer({ min: 0, max: 2 }),
    errorRetryBaseMs: fc.integer({ min: 100, max: 5000 }),
  }),
});

/** A valid scenario: provisioned ≤ reserved, and reservations within each account's limit. */
const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({ seed: fc.integer({ min: 0, max: 1000 }), durationMs: fc.integer({ min: 5_000, max: 60_000 }), platform, functions: fc.array(functionSpec, { minLength: 1, maxLength: 3 }) })
  .map(({ seed, durationMs, platform: p, functions }) => {
    const fns = functions.map((f, i) => {
      const provisioned = f.provisionedConcurrency !== undefined && f.reservedConcurrency !== undefined ? Math.min(f.provisionedConcurrency, f.reservedConcurrency) : f.provisionedConcurrency;
      const schedule = f.provisionedSchedule && { ...f.provisionedSchedule, steps: f.provisionedSchedule.steps.map((st) => ({ ...st, count: Math.min(st.count, f.reservedConcurrency ?? st.count) })) };
      // An API gateway fronts synchronous functions only.
      return { ...f, name: `fn${i}`, account: `acct${f.account}`, provisionedConcurrency: provisioned, provisionedSchedule: schedule, gateway: f.invocation === 'sync' ? f.gateway : undefined };
    });
    const reserved = (a: string) => fns.filter((f) => f.account === a).reduce((s, f) => s + (f.reservedConcurrency ?? 0), 0);
    const accountConcurrency = Math.max(p.limits.accountConcurrency, reserved('acct0'), reserved('acct1'));
    // A warm pool holds generic microVMs: none in account-VM isolation.
    const warmPool = p.isolation === 'microvm' && p.warmPool && p.warmPool.sandboxMb + 5 <= p.hostMemoryMb ? p.warmPool : undefined;
    const input: ScenarioInput = { version: 1, seed, durationMs, platform: { ...p, warmPool, limits: { accountConcurrency } }, accounts: [{ id: 'acct0' }, { id: 'acct1' }], functions: fns };
    return parseScenario(input);
  });

/** A cheap assertion for the hot loops (vitest's expect costs microseconds a call). */
function check(ok: boolean, message: () => string): void {
  if (!ok) throw new Error(message());
}

/** Runs a scenario event by event, checking the platform's rules along the way. */
function runChecked(s: Scenario) {
  const trace: Transition[] = [];
  const sim = new Simulation(s, { onTransition: (t) => trace.push(t) });
  while (sim.step()) {
    const used = sim.hosts.map(() => 0);
    for (const p of sim.poolSandboxes()) used[p.host]! += p.memoryMb;
    for (const g of sim.guestOses.values()) {
      used[g.host]! += g.memoryMb;
      check(g.usedMb <= g.memoryMb, () => `guest OS ${g.id} over-committed at ${sim.now}`);
    }
    sim.hosts.forEach((h, i) => check(used[i]! <= h.memoryMb && used[i] === h.usedMb, () => `host ${i} over-committed or miscounted at ${sim.now}: ${used[i]} (${h.usedMb} counted) of ${h.memoryMb} MB`));
  }
  return { sim, report: sim.report(), trace };
}

describe('for any valid scenario', SLOW, () => {
  it('every request ends at most once, and ended + in flight = total', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const { sim, report, trace } = runChecked(s);
        const ended = new Map<number, string>();
        const seen = new Set<number>();
        let lastT = 0;
        for (const t of trace) {
          check(t.t >= lastT, () => `trace out of time order at ${t.t}`);
          lastT = t.t;
          if (t.kind !== 'request') continue;
          if (t.from === null) seen.add(t.id);
          check(!ended.has(t.id), () => `request ${t.id} moved to ${t.to} after ending as ${ended.get(t.id)}`);
          if (END_STATES.has(t.to)) ended.set(t.id, t.to);
        }
        const r = report.requests;
        expect(seen.size).toBe(r.total);
        expect(ended.size + sim.requests.size).toBe(r.total);
        const endedCount = r.completed + r.throttled + r.timedOut + r.failed + r.gatewayThrottled + r.deadLettered;
        expect(endedCount).toBe(ended.size);
        expect(endedCount).toBeLessThanOrEqual(r.total);
        const count = (o: string) => [...ended.values()].filter((v) => v === o).length;
        expect([count('responded'), count('throttled'), count('timedOut'), count('failed'), count('throttledAtGateway'), count('deadLettered')]).toEqual([
          r.completed,
          r.throttled,
          r.timedOut,
          r.failed,
          r.gatewayThrottled,
          r.deadLettered,
        ]);
        // Every handler that started was cold or warm; each that ended responded, timed out or
        // failed with a function error (an asynchronous event may run several times).
        expect(r.cold + r.warm).toBeGreaterThanOrEqual(r.completed + r.timedOut + r.functionErrors);
        // A call refused at the gateway never reached the platform; a dead-lettered event ran
        // and failed, at most 1 + errorRetries times.
        const path = new Map<number, string[]>();
        for (const t of trace) if (t.kind === 'request') path.set(t.id, [...(path.get(t.id) ?? []), t.to]);
        for (const [id, end] of ended) {
          const states = path.get(id)!;
          if (end === 'throttledAtGateway') expect(states).toEqual(['atGateway', 'throttledAtGateway']);
          if (end === 'deadLettered') {
            const runs = states.filter((st) => st === 'running').length;
            check(runs >= 1 && runs <= 1 + s.platform.async.errorRetries, () => `request ${id} dead-lettered after ${runs} runs`);
          }
        }
      }),
      FC,
    );
  });

  it('a sandbox serves one function of one account, one invocation at a time; a guest OS serves one account', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const { trace } = runChecked(s);
        const sandboxFn = new Map<number, string>();
        const guestAccount = new Map<number, string>();
        const guestSandboxes = new Map<number, number>();
        const serving = new Map<number, number>();
        for (const t of trace) {
          if (t.kind === 'sandbox' && t.from === null) {
            sandboxFn.set(t.id, t.fn);
            check((guestAccount.get(t.guestOs!) ?? t.account) === t.account, () => `guest OS ${t.guestOs} of ${guestAccount.get(t.guestOs!)} given a sandbox of ${t.account}`);
            guestAccount.set(t.guestOs!, t.account);
            guestSandboxes.set(t.guestOs!, (guestSandboxes.get(t.guestOs!) ?? 0) + 1);
          }
          if (t.kind !== 'request') continue;
          if (t.to === 'running') {
            check(t.sandbox !== undefined && sandboxFn.get(t.sandbox) === t.fn, () => `request ${t.id} of ${t.fn} running on sandbox ${t.sandbox} of ${sandboxFn.get(t.sandbox!)}`);
            check(!serving.has(t.sandbox!), () => `sandbox ${t.sandbox} given request ${t.id} while serving ${serving.get(t.sandbox!)}`);
            serving.set(t.sandbox!, t.id);
          } else if (t.from === 'running') {
            serving.delete(t.sandbox!);
          }
        }
        if (s.platform.isolation === 'microvm') for (const [g, n] of guestSandboxes) check(n === 1, () => `microVM ${g} held ${n} sandboxes`);
      }),
      FC,
    );
  });

  it('concurrency never exceeds the reserved limit of a function or what is left of its account', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const { trace } = runChecked(s);
        const spec = new Map(s.functions.map((f) => [f.name, f]));
        const holding = new Map<string, Set<number>>();
        const admitted = new Set(['routing', 'waitingForSandbox', 'running']);
        for (const t of trace) {
          if (t.kind !== 'request') continue;
          const f = spec.get(t.fn)!;
          const pool = f.reservedConcurrency !== undefined ? `fn:${f.name}` : `account:${f.account}`;
          const set = holding.get(pool) ?? new Set<number>();
          holding.set(pool, set);
          if (admitted.has(t.to)) set.add(t.id);
          else set.delete(t.id);
          const reservedInAccount = s.functions.filter((g) => g.account === f.account).reduce((n, g) => n + (g.reservedConcurrency ?? 0), 0);
          const limit = f.reservedConcurrency ?? s.platform.limits.accountConcurrency - reservedInAccount;
          check(set.size <= limit, () => `${pool}: ${set.size} concurrent executions, over ${limit}`);
        }
      }),
      FC,
    );
  });

  it('without keep-alive and without provisioned concurrency, no request is warm', () => {
    // On a 5 ms grid (constant times, periodic calls), a handler often ends at the very instant
    // another request is routed: the sandbox, frozen then, must still not be reused.
    const grid = (n: number) => 5 * Math.round(n / 5);
    const onGrid = fc.tuple(scenarioArb, fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 9, maxLength: 9 })).map(([s, k]): Scenario => {
      const p = s.platform;
      return {
        ...s,
        durationMs: Math.min(s.durationMs, 20_000),
        platform: {
          ...p,
          keepAlive: { policy: 'none' },
          hopsMs: { loadBalancer: 0, frontend: grid(p.hopsMs.frontend), counting: 0, workerManager: grid(p.hopsMs.workerManager), placement: grid(p.hopsMs.placement), gateway: grid(p.hopsMs.gateway) },
          coldStart: { ...p.coldStart, codeFetchMsPerMb: 0, microVmBootMs: grid(p.coldStart.microVmBootMs), containerStartMs: grid(p.coldStart.containerStartMs), runtimeBootMs: grid(p.coldStart.runtimeBootMs) },
        },
        functions: s.functions.map((f, i) => ({
          ...f,
          provisionedConcurrency: undefined,
          provisionedSchedule: undefined,
          initMs: { dist: 'constant', ms: 5 * k[3 * i]! },
          durationMs: { dist: 'constant', ms: 5 * k[3 * i + 1]! },
          workload: { type: 'periodic', everyMs: 5 * k[3 * i + 2]!, offsetMs: 0 },
        })),
      };
    });
    fc.assert(
      fc.property(onGrid, (s) => {
        const { report } = runChecked(s);
        expect(report.requests.warm).toBe(0);
        expect(report.coldStartRatio ?? 1).toBe(1);
      }),
      { ...FC, numRuns: 80 },
    );
  });
});

describe('determinism', SLOW, () => {
  it('the same scenario and seed give a byte-identical report and trace', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const run = () => {
          const lines: string[] = [];
          const report = new Simulation(structuredClone(s), { onTransition: (t) => lines.push(JSON.stringify(t)) }).run();
          return { report: JSON.stringify(report), trace: lines.join('\n') };
        };
        const a = run();
        const b = run();
        expect(b.report).toBe(a.report);
        expect(b.trace).toBe(a.trace);
      }),
      { ...FC, numRuns: 40 },
    );
  });

  it('a checkpoint taken mid-run and restored replays the same future (pools, pre-warms and schedules included)', () => {
    fc.assert(
      fc.property(scenarioArb, fc.double({ min: 0, max: 1, noNaN: true }), (s, at) => {
        const sim = new Simulation(s);
        sim.runUntil(at * s.durationMs);
        const checkpoint = sim.save();
        const first = JSON.stringify(sim.run());
        sim.restore(checkpoint);
        expect(JSON.stringify(sim.run())).toBe(first);
      }),
      { ...FC, numRuns: 60 },
    );
  });

  it('another seed gives another run of a random workload', () => {
    const s = parseScenario({
      version: 1,
      durationMs: 60_000,
      accounts: [{ id: 'acme' }],
      functions: [{ name: 'f', account: 'acme', memoryMb: 256, durationMs: { dist: 'exponential', meanMs: 200 }, workload: { type: 'poisson', ratePerSec: 5 } }],
    });
    const report = (seed: number) => JSON.stringify(new Simulation({ ...s, seed }).run());
    expect(report(1)).toBe(report(1));
    expect(report(2)).not.toBe(report(1));
  });
});
