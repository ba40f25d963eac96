import { describe, expect, it } from 'vitest';
import { presets } from '../../lessons/presets';
import { checkScenario } from '../../sim/scenario';
import { renameAccount } from './accounts';
import { newFunction, workloadOfType } from './defaults';
import { issueSlot } from './issues';
import { formatNumberText, parseNumberText } from './numberText';
import { removeIn, setIn } from './paths';

describe('draft updates', () => {
  it('copies along the path and leaves the original untouched', () => {
    const draft = Object.freeze({ a: Object.freeze({ b: 1, c: Object.freeze([1, 2]) }), d: Object.freeze({}) });
    const next = setIn(draft, ['a', 'c', 1], 5) as typeof draft;
    expect(next).toEqual({ a: { b: 1, c: [1, 5] }, d: {} });
    expect(next.d).toBe(draft.d);
    expect(removeIn(draft, ['a', 'b'])).toEqual({ a: { c: [1, 2] }, d: {} });
    expect(removeIn(draft, ['a', 'c', 0])).toEqual({ a: { b: 1, c: [2] }, d: {} });
    expect(removeIn(draft, ['x', 'y'])).toBe(draft);
  });
});

describe('numbers as typed', () => {
  it('stores numbers as numbers, anything else as typed, and empty as nothing', () => {
    expect(parseNumberText('12')).toBe(12);
    expect(parseNumberText(' 1.5e3 ')).toBe(1500);
    expect(parseNumberText('12a')).toBe('12a');
    expect(parseNumberText('0x10')).toBe('0x10');
    expect(parseNumberText('')).toBeUndefined();
    expect(parseNumberText('0.7', 60_000)).toBe(42_000);
    expect(formatNumberText(42_000, 60_000)).toBe('0.7');
  });
});

describe('where a problem is shown', () => {
  it('maps paths to the field that owns them, or to the list at the top', () => {
    expect(issueSlot(['functions', 2, 'memoryMb'])).toEqual({ key: 'functions.2.memoryMb' });
    expect(issueSlot(['functions', 0, 'initMs'])).toEqual({ key: 'functions.0.initMs.dist' });
    expect(issueSlot(['functions', 0, 'workload', 'counts', 4])).toEqual({ key: 'functions.0.workload.counts', item: 'minute 5' });
    expect(issueSlot(['platform', 'keepAlive'])).toEqual({ key: 'platform.keepAlive.policy' });
    expect(issueSlot(['version'])).toBeNull();
    expect(issueSlot(['platform', 'coldStart', 'microVmBootMs'])).toBeNull();
  });
});

describe('new shapes', () => {
  it('a new function is valid in every preset, with a name not yet taken', () => {
    for (const p of presets) {
      const draft = { ...p.scenario, functions: [...p.scenario.functions, newFunction(p.scenario)] };
      expect(checkScenario(draft).ok, p.id).toBe(true);
    }
  });

  it('a workload keeps its average rate across types', () => {
    const periodic = workloadOfType('periodic', { type: 'poisson', ratePerSec: 4 }, 60_000);
    expect(periodic).toEqual({ type: 'periodic', everyMs: 250, offsetMs: 0 });
    expect(workloadOfType('poisson', periodic, 60_000)).toEqual({ type: 'poisson', ratePerSec: 4 });
    expect(workloadOfType('perMinute', periodic, 180_000)).toEqual({ type: 'perMinute', counts: [240, 240, 240] });
  });

  it('a rename moves functions only while it is unambiguous', () => {
    const draft = { accounts: [{ id: 'a' }, { id: 'b' }], functions: [{ account: 'a' }, { account: 'b' }] };
    expect(renameAccount(draft, 1, 'c')).toEqual({ accounts: [{ id: 'a' }, { id: 'c' }], functions: [{ account: 'a' }, { account: 'c' }] });
    // Typed on the way to "ab": "a" duplicates account 1, so b's functions stay put.
    expect(renameAccount(draft, 1, 'a')).toEqual({ accounts: [{ id: 'a' }, { id: 'a' }], functions: [{ account: 'a' }, { account: 'b' }] });
  });
});
