import { describe, expect, it } from 'vitest';
import { History } from '../../sim/history';
import { fn, scenario } from '../../sim/testkit';
import type { Frame } from '../../worker/frame';
import { buildFrame } from '../../worker/frameBuilder';
import { layoutTopology, layoutSignature } from './layout';

/** Frames of a run where sandboxes come and go: one request every 100 ms, each 2 s long. */
function frames(isolation: 'microvm' | 'account-vm' = 'microvm'): Frame[] {
  const h = new History(scenario({ durationMs: 4_000, platform: { hosts: 2, isolation }, functions: [fn({ timeoutMs: 10_000, durationMs: { dist: 'constant', ms: 2_000 }, workload: { type: 'periodic', everyMs: 100 } })] }));
  const out: Frame[] = [];
  for (let i = 0; i < 400 && h.stepForward(); i++) out.push(buildFrame(h, i));
  return out;
}

/** The layout as computed from scratch (a width no frame asked for first empties the cache). */
const fresh = (frame: Frame, width: number) => {
  layoutTopology(frame, width + 1);
  return layoutTopology(frame, width);
};

describe('the topology layout is reused while nothing it depends on changes', () => {
  const all = frames();

  it('gives every frame the layout a fresh computation gives', () => {
    for (const f of all) {
      const reused = layoutTopology(f, 900);
      expect(reused).toEqual(fresh(f, 900));
    }
  });

  it('reuses the very same layout for two frames with the same sandboxes, and not after one is added', () => {
    const pairs = all.slice(1).map((f, i) => [all[i]!, f] as const);
    const same = pairs.find(([a, b]) => a.sandboxes.map((s) => s.id).join() === b.sandboxes.map((s) => s.id).join() && a.sandboxes.length > 0);
    const grown = pairs.find(([a, b]) => b.sandboxes.length > a.sandboxes.length);
    expect(same && grown).toBeTruthy();
    expect(layoutTopology(same![1], 900)).toBe(layoutTopology(same![0], 900));
    const before = layoutTopology(grown![0], 900);
    const after = layoutTopology(grown![1], 900);
    expect(after).not.toBe(before);
    expect(after.sandboxes.size).toBe(grown![1].sandboxes.length);
  });

  it('changes its signature with the width, the accounts and an account VM’s free memory', () => {
    const f = all.find((x) => x.sandboxes.length > 2)!;
    const sig = layoutSignature(f, 900, 640);
    expect(layoutSignature(f, 901, 640)).not.toBe(sig);
    expect(layoutSignature({ ...f, accounts: f.accounts.map((a) => `${a}-other`) }, 900, 640)).not.toBe(sig);
    const vm = frames('account-vm').find((x) => x.guestOses.length > 0)!;
    const g = vm.guestOses[0]!;
    const fuller = { ...vm, guestOses: [{ ...g, usedMb: g.usedMb + 128 }, ...vm.guestOses.slice(1)] };
    expect(layoutSignature(fuller, 900, 640)).not.toBe(layoutSignature(vm, 900, 640));
  });
});
