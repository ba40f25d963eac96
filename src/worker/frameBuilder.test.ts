import { describe, expect, it } from 'vitest';
import { EventKind } from '../sim/eventQueue';
import { History } from '../sim/history';
import { fn, runTraced, sandboxTransitions, scenario, type PlatformInput } from '../sim/testkit';
import { buildFrame } from './frameBuilder';

const MIN = 60_000;

/** One function called every 100 ms, each call 2 s long: for 2 s every call needs a new sandbox, faster than the pool refills (215 ms each). */
const pooled = (platform: PlatformInput = { warmPool: { size: 3 } }) =>
  scenario({ durationMs: 4_000, platform, functions: [fn({ timeoutMs: 10_000, durationMs: { dist: 'constant', ms: 2_000 }, workload: { type: 'periodic', everyMs: 100 } })] });

/** Steps the history until `until` holds of the frame, or fails. */
function stepUntil(h: History, until: (f: ReturnType<typeof buildFrame>) => boolean) {
  for (let i = 0; i < 10_000; i++) {
    const f = buildFrame(h, i);
    if (until(f)) return f;
    if (!h.stepForward()) break;
  }
  throw new Error('never happened');
}

describe('the warm pool in the frame', () => {
  it('carries the pool’s 3 generic sandboxes at t = 0, ready, with their host and memory, and none as a function’s sandbox', () => {
    const h = new History(pooled());
    const f = buildFrame(h, 1);
    expect(f.poolSandboxes).toHaveLength(3);
    expect(f.warmPool).toEqual({ size: 3, sandboxMb: 1024 });
    const engine = h.sim.poolSandboxes();
    f.poolSandboxes.forEach((p, i) => {
      expect(p).toEqual({ id: engine[i]!.id, host: engine[i]!.host, memoryMb: engine[i]!.memoryMb, createdAt: 0, readyAt: 0, state: 'pool.ready' });
    });
    // Not a function's sandbox: no sandbox, no count, no summary.
    expect(f.sandboxes).toEqual([]);
    expect(Object.values(f.counts.sandbox).reduce((a, b) => a + b, 0)).toBe(0);
    expect(f.summary.sandboxes).toEqual({ initializing: 0, idle: 0, busy: 0, shuttingDown: 0 });
    // But their memory is on their hosts.
    const held = new Map<number, number>();
    for (const p of f.poolSandboxes) held.set(p.host, (held.get(p.host) ?? 0) + p.memoryMb);
    for (const host of f.hosts) expect(host.usedMb).toBe(held.get(host.id) ?? 0);
  });

  it('a cold start takes one: it becomes a function sandbox assigningFromPool on that host, and a replacement boots', () => {
    const h = new History(pooled());
    const before = buildFrame(h, 0).poolSandboxes;
    const f = stepUntil(h, (x) => x.sandboxes.some((s) => s.state === 'initializing.assigningFromPool'));
    const sb = f.sandboxes.find((s) => s.state === 'initializing.assigningFromPool')!;
    const taken = before.find((p) => !f.poolSandboxes.some((q) => q.id === p.id))!;
    expect(taken).toBeDefined();
    expect(sb.host).toBe(taken.host);
    expect(sb.fn).toBe(0);
    // Fewer ready: the taken one is gone, its replacement is booting until placement, microVM and runtime boot.
    const ready = f.poolSandboxes.filter((p) => p.state === 'pool.ready');
    const booting = f.poolSandboxes.filter((p) => p.state === 'pool.booting');
    expect(ready.length).toBe(2);
    expect(booting).toHaveLength(1);
    // (Taken when the sandbox was created, before its placement hop.)
    expect(booting[0]!.createdAt).toBe(sb.createdAt);
    expect(booting[0]!.readyAt).toBeGreaterThan(f.t);
    // The pool's sandboxes are still not counted as the function's.
    expect(f.summary.sandboxes.initializing + f.summary.sandboxes.idle + f.summary.sandboxes.busy + f.summary.sandboxes.shuttingDown).toBe(f.sandboxes.length);

    // A burst empties it faster than it refills; then it refills to 3 ready.
    const drained = stepUntil(h, (x) => x.poolSandboxes.filter((p) => p.state === 'pool.ready').length < 2);
    expect(drained.poolSandboxes.filter((p) => p.state === 'pool.ready').length).toBeLessThan(2);
    const later = stepUntil(h, (x) => x.poolSandboxes.every((p) => p.state === 'pool.ready') && x.poolSandboxes.length === 3);
    expect(later.poolSandboxes.map((p) => p.readyAt).every((t) => t <= later.t)).toBe(true);
  });

  it('has no pool without platform.warmPool', () => {
    const f = buildFrame(new History(pooled({})), 1);
    expect(f.poolSandboxes).toEqual([]);
    expect(f.warmPool).toBeNull();
  });
});

describe('when keep-alive reclaims an idle sandbox', () => {
  it('keeps the fixed and none policies’ one span, as before', () => {
    const fixed = buildFrame(new History(pooled({ keepAlive: { policy: 'fixed', idleMs: 5 * MIN } })), 1);
    expect(fixed.keepAliveMs).toBe(5 * MIN);
    expect(fixed.keepAlivePolicy).toBe('fixed');
    expect(buildFrame(new History(pooled({ keepAlive: { policy: 'none' } })), 1).keepAliveMs).toBe(0);
  });

  it('under the hybrid policy, gives each idle sandbox the reclaim time the engine scheduled, and it is reclaimed then', () => {
    // Calls at irregular minutes: the policy learns the idle times and decides per function.
    const minutes = [0, 1, 2, 4, 7, 11, 16, 22, 29, 37, 46, 56, 67, 79, 92, 106, 121, 137, 154, 172];
    const counts = new Array<number>(240).fill(0);
    for (const m of minutes) counts[m]!++;
    const s = scenario({
      durationMs: 240 * MIN,
      platform: { keepAlive: { policy: 'hybrid', minSamples: 3 } },
      functions: [fn({ durationMs: { dist: 'constant', ms: 1000 }, workload: { type: 'perMinute', counts } })],
    });
    const h = new History(s);
    const { trace } = runTraced(s);
    const seen: { id: number; since: number; reclaimAt: number }[] = [];
    for (let t = 30_000; t < s.durationMs; t += 30_000) {
      h.advanceTo(t);
      const f = buildFrame(h, t);
      expect(f.keepAlivePolicy).toBe('hybrid');
      expect(f.keepAliveMs).toBeNull();
      for (const view of f.sandboxes) {
        if (view.state !== 'idle') {
          expect(view.reclaimAt).toBeNull();
          continue;
        }
        // The engine's own keep-alive timer for this sandbox (the latest one it armed).
        const sb = h.sim.sandboxes.get(view.id)!;
        const timer = h.sim.queue.items.find((e) => e.kind === EventKind.KeepAlive && e.id === view.id && e.code === sb.keepAliveGen);
        expect(timer).toBeDefined();
        expect(view.reclaimAt).toBe(timer!.t);
        if (!seen.some((x) => x.id === view.id && x.since === view.stateSince)) seen.push({ id: view.id, since: view.stateSince, reclaimAt: view.reclaimAt! });
      }
    }
    // And the straight run shows each one reclaimed exactly then, unless a call came first.
    let reclaimed = 0;
    for (const x of seen) {
      const next = sandboxTransitions(trace).find((tr) => tr.id === x.id && tr.t >= x.since && tr.from === 'idle')!;
      if (next.to === 'shuttingDown') {
        expect(next.t).toBe(x.reclaimAt);
        reclaimed++;
      } else expect(next.t).toBeLessThanOrEqual(x.reclaimAt);
    }
    expect(reclaimed).toBeGreaterThan(0);
    // Per sandbox, not one span: the policy's decisions differ from one idle period to the next.
    expect(new Set(seen.map((x) => x.reclaimAt - x.since)).size).toBeGreaterThan(1);
  });
});
