import { describe, expect, it } from 'vitest';
import { fn, scenario } from '../sim/testkit';
import { resolveTarget } from './resolve';

describe('resolveTarget', () => {
  const s = scenario({ functions: [fn({ workload: { type: 'periodic', everyMs: 10_000, offsetMs: 1_000 } })], durationMs: 60_000 });

  it('clamps a time target to the run', () => {
    expect(resolveTarget(s, { kind: 'time', atMs: 5_000 })).toBe(5_000);
    expect(resolveTarget(s, { kind: 'time', atMs: 1e9 })).toBe(60_000);
  });

  it('finds the nth transition into a state, by leaf name', () => {
    const first = resolveTarget(s, { kind: 'transition', entity: 'request', to: 'routing' });
    const second = resolveTarget(s, { kind: 'transition', entity: 'request', to: 'routing', nth: 2 });
    expect(first).toBeGreaterThanOrEqual(1_000);
    expect(first).toBeLessThan(2_000);
    expect(second! - first!).toBe(10_000);
    const fetching = resolveTarget(s, { kind: 'transition', entity: 'sandbox', to: 'fetchingCode' });
    expect(fetching).toBeGreaterThan(first!);
  });

  it('returns null when it never happens, or not for that function', () => {
    expect(resolveTarget(s, { kind: 'transition', entity: 'request', to: 'throttled' })).toBeNull();
    expect(resolveTarget(s, { kind: 'transition', entity: 'request', to: 'routing', fn: 'other' })).toBeNull();
  });
});
