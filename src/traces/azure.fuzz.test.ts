import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkScenario } from '../sim/scenario';
import { joinTrace, parseDurations, parseInvocations, parseMemory } from './azure';
import { toScenario } from './toScenario';

/**
 * Trace files as a student might load them: the right columns with odd cells, the wrong file,
 * random bytes, any line endings. The parsers read what they can and list the rest as problems
 * (never throw), and what they read converts to a scenario the engine accepts.
 */

const cell = fc.oneof(
  fc.constantFrom('0', '1', '12', '-3', '1.5', '1e3', 'NaN', '', ' ', '"quoted"', '"a,b"', 'x', '999999999999', 'http', 'timer', 'queue', 'others', 'HTTP', 'ftp'),
  fc.nat({ max: 5_000 }).map(String),
  fc.string({ maxLength: 6 }),
);
/** Mostly good counts and triggers, so that many rows are read and converted. */
const count = fc.oneof({ weight: 6, arbitrary: fc.nat({ max: 300 }).map(String) }, { weight: 1, arbitrary: cell });
const trigger = fc.oneof({ weight: 6, arbitrary: fc.constantFrom('http', 'timer', 'queue', 'event', 'storage', 'orchestration', 'others') }, { weight: 1, arbitrary: cell });
const hash = fc.oneof({ weight: 8, arbitrary: fc.constantFrom('o1', 'o2', 'a1', 'a2', 'f1', 'f2', 'f3') }, { weight: 1, arbitrary: fc.constantFrom('', 'x,y', '"q"') });
const eol = fc.constantFrom('\n', '\r\n', '\r');

function csv(header: string[], rows: string[][], nl: string): string {
  return [header.join(','), ...rows.map((r) => r.join(','))].join(nl) + nl;
}

const minutes = 6;
const invocations = fc
  .tuple(fc.array(fc.tuple(hash, hash, hash, trigger, fc.array(count, { minLength: minutes - 1, maxLength: minutes + 1 })), { maxLength: 8 }), eol, fc.nat({ max: 9 }).map((n) => n === 0))
  .map(([rows, nl, dropColumn]) => {
    const header = ['HashOwner', 'HashApp', 'HashFunction', 'Trigger', ...Array.from({ length: minutes }, (_, i) => String(i + 1))];
    if (dropColumn) header.splice(3, 1);
    return csv(header, rows.map(([o, a, f, trig, counts]) => [o, a, f, trig, ...counts]), nl);
  });
const durations = fc.tuple(fc.array(fc.tuple(hash, hash, hash, fc.array(count, { minLength: 10, maxLength: 11 })), { maxLength: 6 }), eol).map(([rows, nl]) =>
  csv(
    ['HashOwner', 'HashApp', 'HashFunction', 'Average', 'Count', 'Minimum', 'Maximum', 'percentile_Average_0', 'percentile_Average_1', 'percentile_Average_25', 'percentile_Average_50', 'percentile_Average_75', 'percentile_Average_99', 'percentile_Average_100'],
    rows.map(([o, a, f, v]) => [o, a, f, ...v]),
    nl,
  ),
);
const memory = fc.tuple(fc.array(fc.tuple(hash, hash, fc.array(count, { minLength: 9, maxLength: 10 })), { maxLength: 6 }), eol).map(([rows, nl]) =>
  csv(
    ['HashOwner', 'HashApp', 'SampleCount', 'AverageAllocatedMb', 'AverageAllocatedMb_pct1', 'AverageAllocatedMb_pct5', 'AverageAllocatedMb_pct25', 'AverageAllocatedMb_pct50', 'AverageAllocatedMb_pct75', 'AverageAllocatedMb_pct95', 'AverageAllocatedMb_pct99', 'AverageAllocatedMb_pct100'],
    rows.map(([o, a, v]) => [o, a, ...v]),
    nl,
  ),
);
const anyText = fc.oneof(fc.string({ maxLength: 400 }), fc.string({ unit: 'binary', maxLength: 200 }));

describe('trace files, fuzzed', () => {
  it('each parser reads any text without throwing, and says why it stopped early', () => {
    fc.assert(
      fc.property(fc.oneof(invocations, durations, memory, anyText), (text) => {
        for (const result of [parseInvocations(text), parseDurations(text), parseMemory(text)]) {
          expect(result.rows).toBeGreaterThanOrEqual(0);
          if (!result.complete) expect(result.problems.length).toBeGreaterThan(0);
          for (const p of result.problems) expect(typeof p.message === 'string' && p.message.length > 0).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('whatever was read joins and converts to a scenario the engine accepts', () => {
    let converted = 0;
    fc.assert(
      fc.property(invocations, durations, memory, fc.option(fc.integer({ min: -2, max: 10 }), { nil: undefined }), (inv, dur, mem, top) => {
        const trace = parseInvocations(inv);
        joinTrace(trace, parseDurations(dur), parseMemory(mem));
        if (trace.functions.length === 0) return;
        const { scenario, notes } = toScenario(trace, top === undefined ? {} : { top });
        const checked = checkScenario(scenario);
        if (scenario.functions.length === 0) {
          // Every function was idle in the chosen minutes: the notes say there is nothing to replay.
          expect(notes.map((n) => n.text).join(' ')).toContain('No function to replay');
          return;
        }
        expect(checked.ok ? [] : checked.issues.map((i) => i.message)).toEqual([]);
        converted++;
      }),
      { numRuns: 200 },
    );
    expect(converted).toBeGreaterThan(20);
  });

  it('a file over the size cap is refused before it is read', () => {
    const result = parseInvocations('HashOwner,HashApp,HashFunction,Trigger,1\n' + 'o,a,f,http,1\n'.repeat(100), undefined, 500);
    expect(result.complete).toBe(false);
    expect(result.problems[0]!.message).toMatch(/over|large|limit/i);
  });
});
