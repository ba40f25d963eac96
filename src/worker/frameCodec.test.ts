import { describe, expect, it } from 'vitest';
import { presets } from '../lessons/presets';
import { History } from '../sim/history';
import { parseScenario } from '../sim/scenario';
import { buildWireFrame } from './frameBuilder';
import { GUEST_OS_FIELDS, SANDBOX_FIELDS, unpackFrame } from './frameCodec';

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
  });
});
