import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { presets } from '../lessons/presets';
import { Simulation } from './engine';
import { checkLiveLimits, LimitExceeded } from './limits';
import { checkScenario, parseScenario, parseScenarioText, ScenarioError, type Scenario } from './scenario';

/**
 * Whatever a user pastes or a file holds: it parses and runs, or a ScenarioError names each
 * problem by its field; nothing else is ever thrown.
 */

/** Every path to a value inside `v` (objects and arrays), the root included. */
function paths(v: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out = [prefix];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...paths(x, [...prefix, i])));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...prefix, k]));
  return out;
}

function setAt(root: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (value === undefined) {
    if (Array.isArray(node)) node.splice(last as number, 1);
    else delete node[last];
  } else node[last] = value;
  return copy;
}

/** Values a field may be set to: odd numbers most of all, the way a typo or a bad file gives them. */
const oddValue = fc.oneof(
  fc.constantFrom(undefined, null, 0, -1, 1, 0.5, 1e9, 1e308, -1e308, Number.NaN, Infinity, -Infinity, Number.MAX_SAFE_INTEGER, '', '12a', 'constant', 'poisson', 'microvm', true, [], {}),
  fc.double(),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.string({ maxLength: 12 }),
  fc.jsonValue({ maxDepth: 2 }),
);

/** A change to one value: an odd value in its place, or the same number scaled (often still valid). */
type Change = (original: unknown) => unknown;
const change: fc.Arbitrary<Change> = fc.oneof(
  oddValue.map((v) => () => v),
  fc.constantFrom(0, 0.1, 0.5, 2, 10, 1_000).map((f) => (o: unknown) => (typeof o === 'number' ? o * f : o)),
  fc.integer({ min: -3, max: 3 }).map((d) => (o: unknown) => (typeof o === 'number' ? o + d : o)),
);

const getAt = (root: unknown, path: (string | number)[]) => path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], root);

const mutatedPreset = fc
  .record({ preset: fc.constantFrom(...presets), changes: fc.array(fc.tuple(fc.nat(), change), { minLength: 1, maxLength: 2 }) })
  .map(({ preset, changes }) => {
    let s: unknown = preset.scenario;
    for (const [pick, f] of changes) {
      const all = paths(s);
      const path = all[pick % all.length]!;
      s = setAt(s, path, f(getAt(s, path)));
    }
    return s;
  });

/** Every line of a ScenarioError starts with the field it is about. */
const namesAField = (line: string) => /^(\(scenario\)|[A-Za-z_$][\w$]*(\[\d+\])*(\.[\w$-]+(\[\d+\])*)*): \S/.test(line);

function expectClearOutcome(input: unknown): Scenario | null {
  const checked = checkScenario(input);
  try {
    const scenario = parseScenario(input);
    expect(checked.ok).toBe(true);
    return scenario;
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    expect(checked.ok).toBe(false);
    const issues = (e as ScenarioError).issues;
    expect(issues.length).toBeGreaterThan(0);
    for (const line of issues) expect(namesAField(line), line).toBe(true);
    return null;
  }
}

/** Runs the first simulated seconds, in slices, stopping at the size limits as the worker does. */
function runBriefly(scenario: Scenario): void {
  const sim = new Simulation(scenario);
  const end = Math.min(scenario.durationMs, 20_000);
  try {
    for (let t = 1_000; t <= end + 999; t += 1_000) {
      sim.runUntil(Math.min(t, end));
      checkLiveLimits(sim);
      if (sim.eventsProcessed > 300_000) break;
    }
  } catch (e) {
    if (!(e instanceof LimitExceeded)) throw e;
  }
  sim.report();
}

describe('scenario input, fuzzed', () => {
  it('any JSON value: a scenario, or problems that name their field', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 4 }), (v) => void expectClearOutcome(v)), { numRuns: 300 });
  });

  it('any value at all (undefined, functions, symbols, cycles aside): never an unexpected exception', () => {
    fc.assert(fc.property(fc.anything({ maxDepth: 3, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true }), (v) => void expectClearOutcome(v)), { numRuns: 200 });
  });

  it('a preset with one or two fields changed to odd values: it validates and runs, or names the field', () => {
    let ran = 0;
    fc.assert(
      fc.property(mutatedPreset, (s) => {
        const scenario = expectClearOutcome(s);
        if (scenario) {
          runBriefly(scenario);
          ran++;
        }
      }),
      { numRuns: 150 },
    );
    // Both outcomes were exercised: many changes leave a valid scenario (a seed, a name, a rate).
    expect(ran).toBeGreaterThan(15);
    expect(ran).toBeLessThan(150);
  });

  it('any text, or a scenario file cut short: parsed, or a ScenarioError', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.constantFrom(...presets).chain((p) => {
        const json = JSON.stringify(p.scenario);
        return fc.nat({ max: json.length }).map((n) => json.slice(0, n));
      }),
    );
    fc.assert(
      fc.property(text, (t) => {
        try {
          parseScenarioText(t);
        } catch (e) {
          expect(e).toBeInstanceOf(ScenarioError);
          for (const line of (e as ScenarioError).issues) expect(namesAField(line), line).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
