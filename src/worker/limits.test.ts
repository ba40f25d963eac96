import { describe, expect, it } from 'vitest';
import { presets } from '../lessons/presets';
import { api } from './api';
import { Simulation } from '../sim/engine';
import { describeBreach, LimitExceeded, limitBreachOf, limits, runWithinLimits } from '../sim/limits';
import { parseScenario } from '../sim/scenario';

/** A scenario that asks for tens of thousands of sandboxes within seconds. */
export const explodingScenario = {
  version: 1,
  seed: 1,
  durationMs: 3_600_000,
  platform: { hosts: 400, limits: { accountConcurrency: 1_000_000 } },
  accounts: [{ id: 'a' }],
  functions: [{ name: 'f', account: 'a', memoryMb: 128, durationMs: { dist: 'constant', ms: 30_000 }, workload: { type: 'poisson', ratePerSec: 8_000 } }],
};

describe('size limits of a run', () => {
  it('a run in slices is the same run as in one go', () => {
    for (const p of presets) {
      const scenario = parseScenario(p.scenario);
      const sliced = new Simulation(scenario);
      runWithinLimits(sliced, 97);
      expect(sliced.report(), p.id).toEqual(new Simulation(scenario).run());
    }
  });

  it('stops a live run that explodes, naming the limit and when', () => {
    const loaded = api.load(explodingScenario);
    expect(loaded.ok).toBe(true);
    let thrown: unknown;
    try {
      api.seek(60_000);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(LimitExceeded);
    const breach = (thrown as LimitExceeded).breach;
    expect(breach.limit).toBe('liveSandboxes');
    expect(breach.value).toBeGreaterThan(limits.liveSandboxes.value);
    expect(breach.atMs).toBeGreaterThan(0);
    expect(breach.atMs).toBeLessThan(60_000);
    // Rewinding to a good moment still works on the same worker.
    expect(api.seek(500).t).toBe(500);
  });

  it('a run to the end reports the breach as a problem, not an exception', () => {
    const result = api.run(explodingScenario);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues[0]).toMatch(/^the run went past the limit of 20,000 sandboxes \(\d[\d,]* at [\d,]+ ms of simulated time\): make the scenario smaller/);
  });

  it('the breach survives the trip through the worker boundary (name and message only)', () => {
    const original = new LimitExceeded({ limit: 'liveEntities', value: 250_001, max: 200_000, atMs: 1234 });
    const crossed = Object.assign(new Error(original.message), { name: original.name });
    expect(limitBreachOf(crossed)).toEqual(original.breach);
    expect(limitBreachOf(new Error(original.message))).toBeNull();
    expect(limitBreachOf(Object.assign(new Error('{"limit":"nope"}'), { name: 'LimitExceeded' }))).toBeNull();
    expect(limitBreachOf(Object.assign(new Error('not json'), { name: 'LimitExceeded' }))).toBeNull();
    expect(describeBreach(original.breach)).toContain('200,000 entities (250,001 at 1,234 ms');
  });
});
