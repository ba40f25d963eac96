import { describe, expect, it } from 'vitest';
import { presets } from '../lessons/presets';
import { History } from '../sim/history';
import { parseScenario } from '../sim/scenario';
import { fn, scenario as testScenario } from '../sim/testkit';
import { buildWireFrame } from './frameBuilder';
import { frameTransferables, GUEST_OS_FIELDS, SANDBOX_FIELDS, unpackFrame } from './frameCodec';

const scenario = (id: string) => parseScenario(presets.find((p) => p.id === id)!.scenario);

describe('the packed frame', () => {
  it('gives back every sandbox and guest OS of the engine, with its account, state and "none" as null', () => {
    const h = new History(scenario('two-accounts-account-vm'));
    h.advanceTo(60_000);
    const wire = buildWireFrame(h, 1);
    expect(wire.packed.sandboxes.length).toBe(h.sim.sandboxes.size * SANDBOX_FIELDS);
    expect(wire.packed.guestOses.length).toBe(h.sim.guestOses.size * GUEST_OS_FIELDS);
    const frame = unpackFrame(wire);
    expect(frame.sandboxes.map((s) => s.id)).toEqual([...h.sim.sandboxes.keys()]);
    for (const view of frame.sandboxes) {
      const sb = h.sim.sandboxes.get(view.id)!;
      expect(view.fn).toBe(sb.fn);
      expect(view.guestOs).toBe(sb.guestOs);
      expect(view.state.length).toBeGreaterThan(0);
      expect(view.currentRequest).toBe(sb.currentRequest < 0 ? null : sb.currentRequest);
      expect(view.initEndedAt).toBe(sb.initEndedAt < 0 ? null : sb.initEndedAt);
      expect(view.provisioned).toBe(sb.provisioned);
    }
    for (const g of frame.guestOses) {
      const engine = h.sim.guestOses.get(g.id)!;
      expect(g.kind).toBe('account-vm');
      expect(g.account).toBe(h.scenario.accounts[engine.account]!.id);
      expect(g.usedMb).toBe(engine.usedMb);
    }
    // Both accounts have guest OSes in this preset: the account index is not collapsed.
    expect(new Set(frame.guestOses.map((g) => g.account)).size).toBe(2);
  });

  it('an empty platform packs to empty columns', () => {
    const frame = unpackFrame(buildWireFrame(new History(scenario('burst')), 1));
    expect(frame.sandboxes).toEqual([]);
    expect(frame.guestOses).toEqual([]);
    expect(frame.poolSandboxes).toEqual([]);
  });

  it('carries the warm pool as the last rows of the sandbox block, and gives back both kinds apart', () => {
    const s = testScenario({
      durationMs: 2_000,
      platform: { hosts: 2, warmPool: { size: 3 } },
      functions: [fn({ durationMs: { dist: 'constant', ms: 1_000 }, workload: { type: 'periodic', everyMs: 50 } })],
    });
    const h = new History(s);
    // Mid-burst: function sandboxes in several states, pool sandboxes booting and ready.
    h.advanceTo(120);
    const pool = h.sim.poolSandboxes();
    expect(h.sim.sandboxes.size).toBeGreaterThan(0);
    expect(pool.some((p) => p.readyAt > h.now)).toBe(true);
    const wire = buildWireFrame(h, 1);
    expect(wire.packed.poolSandboxes).toBe(pool.length);
    expect(wire.packed.sandboxes.length).toBe((h.sim.sandboxes.size + pool.length) * SANDBOX_FIELDS);
    const frame = unpackFrame(wire);
    expect(frame.sandboxes.map((x) => x.id)).toEqual([...h.sim.sandboxes.keys()]);
    expect(frame.sandboxes.every((x) => x.state !== 'pool.ready' && x.state !== 'pool.booting')).toBe(true);
    expect(frame.poolSandboxes).toEqual(
      pool.map((p) => ({ id: p.id, host: p.host, memoryMb: p.memoryMb, createdAt: p.createdAt, readyAt: p.readyAt, state: p.readyAt <= h.now ? 'pool.ready' : 'pool.booting' })),
    );
    // An idle sandbox's reclaim time is its keep-alive step's end; any other state has none.
    h.advanceTo(1_500);
    const later = unpackFrame(buildWireFrame(h, 2)).sandboxes;
    expect(later.filter((x) => x.state === 'idle').length).toBeGreaterThan(0);
    for (const view of later) {
      const sb = h.sim.sandboxes.get(view.id)!;
      expect(view.reclaimAt).toBe(view.state === 'idle' ? sb.stateEndsAt : null);
    }
  });

  it('reuses the previous frame’s object for every sandbox and guest OS that did not change, and only for those', () => {
    const h = new History(scenario('two-accounts-account-vm'));
    h.advanceTo(30_000);
    const before = unpackFrame(buildWireFrame(h, 1));
    h.advanceTo(30_500);
    const after = unpackFrame(buildWireFrame(h, 2), before);
    // Exactly what a fresh unpack gives, field for field.
    expect(after).toEqual(unpackFrame(buildWireFrame(h, 2)));
    const old = new Map(before.sandboxes.map((x) => [x.id, x]));
    let reused = 0;
    let changed = 0;
    for (const view of after.sandboxes) {
      const prev = old.get(view.id);
      if (prev === view) reused++;
      else if (prev) {
        changed++;
        // A new object only where some field differs.
        expect(view).not.toEqual(prev);
      }
    }
    expect(reused).toBeGreaterThan(0);
    expect(changed).toBeGreaterThan(0);
    const oldGuests = new Map(before.guestOses.map((g) => [g.id, g]));
    for (const g of after.guestOses) if (oldGuests.get(g.id) === g) expect(g).toEqual(oldGuests.get(g.id));
  });
});

describe('handing a frame over to the page', () => {
  it('leaves the engine whole: after each frame is posted, its buffers gone from the worker, the run goes on as one never posted', () => {
    const input = { ...presets.find((p) => p.id === 'burst')!.scenario };
    const posted = new History(parseScenario(input));
    const kept = new History(parseScenario(input));
    for (let t = 0; t <= 20_000; t += 1_000) {
      posted.seek(t);
      kept.seek(t);
      const f = buildWireFrame(posted, t);
      const buffers = frameTransferables(f);
      // Every array of the series goes, not a copy of them (else the page copies ~90 KB a frame).
      expect(buffers.length).toBe(2 + Object.keys(f.series.series).length + 2);
      const { series } = structuredClone(f, { transfer: buffers }) as typeof f;
      expect(buffers.every((b) => b.byteLength === 0)).toBe(true);
      // What the page received is what a frame not handed over says.
      const same = buildWireFrame(kept, t);
      expect(series.filled).toBe(same.series.filled);
      for (const [name, values] of Object.entries(same.series.series)) expect([...series.series[name as keyof typeof series.series]]).toEqual([...values]);
      expect([...series.latencyWarm, ...series.latencyCold]).toEqual([...same.series.latencyWarm, ...same.series.latencyCold]);
    }
    // The series were not empty (else this compares zeros).
    const last = buildWireFrame(posted, 20_000).series;
    expect(last.series.sandboxesBusy.some((v) => v > 0) && last.latencyCold.some((v) => v > 0)).toBe(true);
  });
});
