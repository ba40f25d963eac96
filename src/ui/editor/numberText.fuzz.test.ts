import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkScenario } from '../../sim/scenario';
import { presets } from '../../lessons/presets';
import { formatNumberList, formatNumberText, humanMs, parseNumberList, parseNumberText } from './numberText';
import { getIn, removeIn, setIn } from './paths';

/**
 * What a user types in a number field: stored as a number when it reads as one, kept as typed
 * otherwise (the editor then names the problem beside the field); nothing typed is lost, and
 * nothing typed throws.
 */

const typed = fc.oneof(
  fc.string({ maxLength: 16 }),
  fc.string({ unit: fc.constantFrom(...'0123456789.,-+eE xX_'), maxLength: 12 }),
  fc.double().map(String),
  fc.integer().map(String),
  fc.constantFrom('', ' ', '1e400', '-0', '.5', '5.', '0x10', 'Infinity', 'NaN', '١٢', '1,5', '1 000', '12a'),
);
const scale = fc.constantFrom(1, 1_000, 60_000, 3_600_000, 86_400_000);

describe('number fields, fuzzed', () => {
  it('any text: a finite number, the text as typed, or nothing for a blank field', () => {
    fc.assert(
      fc.property(typed, scale, (text, s) => {
        const v = parseNumberText(text, s);
        if (text.trim() === '') expect(v).toBeUndefined();
        else if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
        else expect(v).toBe(text);
      }),
      { numRuns: 1_000 },
    );
  });

  it('what the field shows reads back as the same value', () => {
    fc.assert(
      fc.property(typed, scale, (text, s) => {
        const v = parseNumberText(text, s);
        const shown = formatNumberText(v, s);
        const again = parseNumberText(shown, s);
        // Shown with 12 significant digits and stored to 1/1000 of the unit: equal within that.
        if (typeof v === 'number') expect(Math.abs((again as number) - v)).toBeLessThanOrEqual(Math.max(0.0011, Math.abs(v) * 1e-11));
        else expect(again).toEqual(v);
      }),
      { numRuns: 1_000 },
    );
  });

  it('lists and unit hints never throw, whatever is stored', () => {
    fc.assert(
      fc.property(typed, fc.jsonValue({ maxDepth: 2 }), (text, stored) => {
        const list = parseNumberList(text);
        for (const x of list) expect(typeof x === 'string' || Number.isFinite(x)).toBe(true);
        expect(typeof formatNumberList(list)).toBe('string');
        expect(typeof formatNumberList(stored)).toBe('string');
        expect(typeof formatNumberText(stored)).toBe('string');
        const hint = humanMs(stored, 'fr');
        expect(hint === undefined || hint.length > 0).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('a typed value put anywhere in a scenario is kept, and the schema names the field when it is wrong', () => {
    const draft = presets[0]!.scenario;
    const fields = [['seed'], ['durationMs'], ['platform', 'hosts'], ['functions', 0, 'memoryMb'], ['functions', 0, 'timeoutMs'], ['functions', 0, 'workload', 'ratePerSec'], ['functions', 0, 'durationMs', 'ms'], ['platform', 'keepAlive', 'idleMs']] as const;
    fc.assert(
      fc.property(fc.constantFrom(...fields), typed, (path, text) => {
        const value = parseNumberText(text);
        const edited = setIn(draft, path, value);
        expect(getIn(edited, path)).toEqual(value);
        // The draft the user started from is never changed in place.
        expect(getIn(draft, path)).toEqual(getIn(presets[0]!.scenario, path));
        const checked = checkScenario(edited);
        if (!checked.ok) expect(checked.issues.every((i) => i.message.includes(':'))).toBe(true);
        expect(getIn(removeIn(edited, path), path)).toBeUndefined();
      }),
      { numRuns: 400 },
    );
  });
});
