import { describe, expect, it } from 'vitest';
import { BASELINE, comparePolicies, defaultPolicies, fixedPolicy, hybridSupported, nearestRank, NO_KEEP_ALIVE } from './compare';
import type { PolicyComparison, PolicyResult } from './compareTypes';
import { instantPlatform, type FunctionInput } from './testkit';

/**
 * Four timer-like functions over 4 hours, on a platform where nothing takes time but the
 * 100 ms handler (instant hops and cold starts), so every count and every GB-second can be
 * worked out by hand from the periods alone:
 *
 * | fn | every  | memory | calls in 4 h        |
 * |----|--------|--------|---------------------|
 * | a  | 15 min | 1 GB   | 0, 15, ..., 225: 16 |
 * | b  | 5 min  | 1 GB   | 0, 5, ..., 235: 48  |
 * | c  | 90 min | 2 GB   | 0, 90, 180: 3       |
 * | d  | 30 min | 1 GB   | 0, 30, ..., 210: 8  |
 *
 * A sandbox goes idle 100 ms after its call and waits `idleMs`: the next call is warm when it
 * comes within `idleMs`, i.e. when the period is shorter than the keep-alive (all periods here
 * differ from the keep-alives by minutes, so there are no ties).
 */
const MIN = 60_000;
const HOURS_4 = 4 * 60 * MIN;
const periodic = (name: string, everyMin: number, memoryMb = 1024): FunctionInput => ({
  name,
  account: 'acme',
  memoryMb,
  initMs: { dist: 'constant', ms: 0 },
  durationMs: { dist: 'constant', ms: 100 },
  workload: { type: 'periodic', everyMs: everyMin * MIN },
});
const input = {
  version: 1,
  name: 'four timers',
  seed: 3,
  durationMs: HOURS_4,
  platform: { ...instantPlatform, hosts: 2 },
  accounts: [{ id: 'acme' }],
  functions: [periodic('a', 15), periodic('b', 5), periodic('c', 90, 2048), periodic('d', 30)],
};

function compare(): PolicyComparison {
  const r = comparePolicies(input, [NO_KEEP_ALIVE, fixedPolicy(5 * MIN), fixedPolicy(20 * MIN), fixedPolicy(60 * MIN)]);
  if (!r.ok) throw new Error(r.issues.join('\n'));
  return r.comparison;
}
const byId = (c: PolicyComparison, id: string): PolicyResult => c.policies.find((p) => p.id === id)!;
const app = (p: PolicyResult, name: string) => p.apps.find((a) => a.app === name)!;

describe('the comparison of keep-alive policies on periodic functions', () => {
  const c = compare();

  it('runs the baseline (fixed 10 min) first when it was not asked for, then the policies in order', () => {
    expect(c.baselineId).toBe('fixed-10min');
    expect(c.policies.map((p) => p.id)).toEqual(['fixed-10min', 'none', 'fixed-5min', 'fixed-20min', 'fixed-60min']);
    expect(c.scenarioName).toBe('four timers');
  });

  it('counts invocations per function from the periods (a function without `app` is an application of its own)', () => {
    for (const p of c.policies) expect(p.apps.map((a) => [a.app, a.invocations])).toEqual([['a', 16], ['b', 48], ['c', 3], ['d', 8]]);
  });

  it('a call is cold exactly when its period is longer than the keep-alive', () => {
    const cold = (id: string) => byId(c, id).apps.map((a) => a.coldStarts);
    // a 15 min, b 5 min, c 90 min, d 30 min; the first call of each is always cold.
    expect(cold('none')).toEqual([16, 48, 3, 8]);
    expect(cold('fixed-5min')).toEqual([16, 1, 3, 8]); // b: idle 4 min 59.9 s < 5 min
    expect(cold('fixed-10min')).toEqual([16, 1, 3, 8]);
    expect(cold('fixed-20min')).toEqual([1, 1, 3, 8]);
    expect(cold('fixed-60min')).toEqual([1, 1, 3, 1]);
    expect(app(byId(c, 'fixed-20min'), 'a').coldStartPct).toBeCloseTo(100 / 16, 12);
    expect(byId(c, 'fixed-60min').coldStarts).toBe(6);
  });

  it('percentiles over the four functions are nearest-rank', () => {
    // fixed 60 min: cold % sorted = [1/48, 1/16, 1/8, 3/3] → p50 the 2nd, p75 the 3rd, p90 and p99 the 4th.
    expect(byId(c, 'fixed-60min').coldStartPct).toEqual({ p50: 100 / 16, p75: 100 / 8, p90: 100, p99: 100 });
    // fixed 20 min: [1/48, 1/16, 100, 100].
    expect(byId(c, 'fixed-20min').coldStartPct).toEqual({ p50: 100 / 16, p75: 100, p90: 100, p99: 100 });
    expect(byId(c, 'none').coldStartPct).toEqual({ p50: 100, p75: 100, p90: 100, p99: 100 });
  });

  it('idle memory: GB × the time each sandbox waited, cut at the end of the run', () => {
    // fixed 10 min: a, c and d wait 10 min after each call (the last waits end before 4 h);
    // b's one sandbox is idle for all of the 4 h but its 48 × 100 ms of work.
    const ten = byId(c, 'fixed-10min');
    expect(app(ten, 'a').idleGbSeconds).toBeCloseTo(16 * 600, 6);
    expect(app(ten, 'b').idleGbSeconds).toBeCloseTo(14_400 - 4.8, 6);
    expect(app(ten, 'c').idleGbSeconds).toBeCloseTo(3 * 600 * 2, 6);
    expect(app(ten, 'd').idleGbSeconds).toBeCloseTo(8 * 600, 6);
    const baseline = 9_600 + 14_395.2 + 3_600 + 4_800;
    expect(ten.idleGbSeconds).toBeCloseTo(baseline, 6);
    // fixed 60 min: a and d stay warm (idle all but their 100 ms calls); c's last wait (from
    // 180 min + 100 ms) is cut at 240 min.
    const sixty = byId(c, 'fixed-60min');
    expect(app(sixty, 'c').idleGbSeconds).toBeCloseTo(2 * (3_600 + 3_600 + 3_599.9), 6);
    expect(sixty.idleGbSeconds).toBeCloseTo(14_400 - 1.6 + (14_400 - 4.8) + 21_599.8 + (14_400 - 0.8), 6);
    expect(sixty.idleMemoryNormalised).toBeCloseTo(sixty.idleGbSeconds / baseline, 12);
    expect(byId(c, 'fixed-20min').idleGbSeconds).toBeCloseTo(14_400 - 1.6 + (14_400 - 4.8) + 3 * 1_200 * 2 + 8 * 1_200, 6);
  });

  it('normalises to the baseline: 1 for fixed 10 min, 0 without keep-alive, growing with the keep-alive', () => {
    expect(byId(c, 'fixed-10min').idleMemoryNormalised).toBe(1);
    expect(byId(c, 'none').idleMemoryNormalised).toBe(0);
    const n = ['fixed-5min', 'fixed-10min', 'fixed-20min', 'fixed-60min'].map((id) => byId(c, id).idleMemoryNormalised);
    expect([...n].sort((x, y) => x - y)).toEqual(n);
    expect(n[0]).toBeLessThan(1);
  });

  it('is reproducible: the same scenario and policies give the same numbers', () => {
    const again = compare();
    expect(again.policies.map(({ wallMs: _w, ...p }) => p)).toEqual(c.policies.map(({ wallMs: _w, ...p }) => p));
  });
});

describe('applications: functions that share an `app` are counted together', () => {
  // a (every 15 min) and b (every 5 min) make up the application "shop"; c and d stand alone.
  const grouped = { ...input, functions: input.functions.map((f) => (f.name === 'a' || f.name === 'b' ? { ...f, app: 'shop' } : f)) };
  const r = comparePolicies(grouped, [fixedPolicy(20 * MIN)]);
  if (!r.ok) throw new Error(r.issues.join('\n'));
  const perFunction = compare();

  it('adds up the functions of an application, in the order they first appear', () => {
    const twenty = byId(r.comparison, 'fixed-20min');
    expect(twenty.apps.map((a) => [a.app, a.functions, a.invocations])).toEqual([['shop', ['a', 'b'], 64], ['c', ['c'], 3], ['d', ['d'], 8]]);
    // fixed 20 min: a and b are each cold once only.
    expect(app(twenty, 'shop').coldStarts).toBe(2);
    expect(app(twenty, 'shop').coldStartPct).toBeCloseTo((100 * 2) / 64, 12);
    const before = byId(perFunction, 'fixed-20min');
    expect(app(twenty, 'shop').idleGbSeconds).toBeCloseTo(app(before, 'a').idleGbSeconds + app(before, 'b').idleGbSeconds, 6);
  });

  it('takes the percentiles over applications, not functions', () => {
    // fixed 20 min, cold %: shop 2/64, c 3/3, d 8/8 → p50 is the 2nd of three: 100.
    expect(byId(r.comparison, 'fixed-20min').coldStartPct.p50).toBe(100);
    // The run itself is the same: the total cold starts do not depend on the grouping.
    expect(byId(r.comparison, 'fixed-20min').coldStarts).toBe(byId(perFunction, 'fixed-20min').coldStarts);
  });
});

describe('progress and problems', () => {
  it('reports progress before each run and once at the end', () => {
    const seen: { done: number; total: number; label: string }[] = [];
    const r = comparePolicies({ ...input, durationMs: 30 * MIN }, [BASELINE, fixedPolicy(20 * MIN)], { onProgress: (p) => seen.push(p) });
    expect(r.ok).toBe(true);
    expect(seen).toEqual([
      { done: 0, total: 2, label: 'fixed 10 min' },
      { done: 1, total: 2, label: 'fixed 20 min' },
      { done: 2, total: 2, label: '' },
    ]);
  });

  it('a bad policy is named, with the field, and nothing runs', () => {
    let runs = 0;
    const r = comparePolicies(input, [{ id: 'custom', label: 'my policy', keepAlive: { policy: 'fixed', idleMs: -5 } }], { onProgress: () => runs++ });
    expect(r).toEqual({ ok: false, issues: ['policy "my policy": keepAlive.idleMs: expected 0..31622400000, got -5'] });
    expect(runs).toBe(0);
  });

  it('a bad scenario is reported once, not once per policy', () => {
    const r = comparePolicies({ ...input, durationMs: 0 }, defaultPolicies(false));
    expect(r).toEqual({ ok: false, issues: ['durationMs: expected 1..31622400000, got 0'] });
  });

  it('two policies with one id are refused', () => {
    const r = comparePolicies(input, [fixedPolicy(MIN), { ...fixedPolicy(2 * MIN), id: 'fixed-1min' }]);
    expect(r.ok).toBe(false);
  });

  it('nothing invoked: no idle memory to normalise to, said so', () => {
    const r = comparePolicies({ ...input, functions: [{ ...periodic('late', 15), workload: { type: 'periodic', everyMs: MIN, offsetMs: HOURS_4 } }] }, []);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatch(/baseline \(fixed 10 min\) held no idle memory/);
  });
});

describe('the default policy set', () => {
  it('no keep-alive, fixed 5, 10, 20 and 60 minutes, and hybrid only when the scenario format has it', () => {
    expect(defaultPolicies(false).map((p) => p.id)).toEqual(['none', 'fixed-5min', 'fixed-10min', 'fixed-20min', 'fixed-60min']);
    expect(defaultPolicies(true).map((p) => p.id)).toEqual(['none', 'fixed-5min', 'fixed-10min', 'fixed-20min', 'fixed-60min', 'hybrid-default']);
    expect(defaultPolicies().some((p) => p.id === 'hybrid-default')).toBe(hybridSupported());
  });

  it('names fixed keep-alives by minutes', () => {
    expect(fixedPolicy(90_000)).toEqual({ id: 'fixed-90000ms', label: 'fixed 1.5 min', keepAlive: { policy: 'fixed', idleMs: 90_000 } });
  });
});

describe('nearestRank', () => {
  it('is the smallest value with at least p% of the values at or below it', () => {
    const v = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect([0, 10, 11, 50, 75, 99, 100].map((p) => nearestRank(v, p))).toEqual([1, 1, 2, 5, 8, 10, 10]);
    expect(nearestRank([], 75)).toBe(0);
  });
});
