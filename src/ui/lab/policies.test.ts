import { describe, expect, it } from 'vitest';
import { checkScenario } from '../../sim/scenario';
import { hybridSupported } from '../../sim/compare';
import { checkImportForm } from './importForm';
import { checkPolicyForm, defaultPolicyForm, hybridKeepAlive, policyName, readHybrid, readNumber } from './policies';

describe("the lab's policy form", () => {
  it('builds the ticked presets, the baseline first and once', () => {
    const form = { ...defaultPolicyForm(false), chosen: ['none', 'fixed-20min'] };
    const r = checkPolicyForm(form, false);
    expect('policies' in r && r.policies.map((p) => p.id)).toEqual(['fixed-10min', 'none', 'fixed-20min']);
  });

  it('a custom fixed keep-alive in minutes; one equal to a preset is that preset', () => {
    const r = checkPolicyForm({ ...defaultPolicyForm(false), chosen: [], customFixed: true, customFixedMin: '2,5' }, false);
    expect('policies' in r && r.policies.map((p) => [p.id, p.keepAlive])).toEqual([
      ['fixed-10min', { policy: 'fixed', idleMs: 600_000 }],
      ['fixed-150000ms', { policy: 'fixed', idleMs: 150_000 }],
    ]);
    const same = checkPolicyForm({ ...defaultPolicyForm(false), chosen: ['fixed-20min'], customFixed: true, customFixedMin: '20' }, false);
    expect('policies' in same && same.policies.map((p) => p.id)).toEqual(['fixed-10min', 'fixed-20min']);
  });

  it('a bad custom value is the field’s problem, and nothing is run', () => {
    expect(checkPolicyForm({ ...defaultPolicyForm(false), customFixed: true, customFixedMin: 'ten' }, false)).toEqual({ problems: { customFixedMin: { kind: 'notNumber' } } });
    expect(checkPolicyForm({ ...defaultPolicyForm(false), customFixed: true, customFixedMin: '-1' }, false)).toEqual({ problems: { customFixedMin: { kind: 'range', min: 0, max: 527_040 } } });
    // Only the baseline left: nothing to compare it with.
    expect(checkPolicyForm({ ...defaultPolicyForm(false), chosen: [] }, false)).toEqual({ problems: { nothingChosen: true } });
  });

  it('hybrid parameters: defaults read back to the published ones; each bad field named', () => {
    const ok = readHybrid(defaultPolicyForm(true).hybrid);
    expect('params' in ok && ok.params).toMatchObject({ binMs: 60_000, rangeMs: 4 * 3_600_000, headPercentile: 5, tailPercentile: 99, margin: 0.1, cvThreshold: 2, minSamples: 10, fallbackKeepAliveMs: 600_000 });
    const bad = readHybrid({ ...defaultPolicyForm(true).hybrid, headPercentile: '60', tailPercentile: '50', marginPct: '100', minSamples: '2.5', binMin: '0.001', rangeH: '240' });
    expect('problems' in bad && bad.problems).toEqual({
      tailPercentile: { kind: 'headAboveTail' },
      marginPct: { kind: 'range', min: 0, max: 100 },
      minSamples: { kind: 'integer', min: 0, max: 1_000_000 },
      binMin: { kind: 'tooManyBins', max: 100_000 },
    });
  });

  it('the custom hybrid policy is one the scenario format accepts, when it has the hybrid policy', () => {
    const r = readHybrid({ ...defaultPolicyForm(true).hybrid, headPercentile: '10', marginPct: '20' });
    if (!('params' in r)) throw new Error('expected parameters');
    const scenario = { version: 1, durationMs: 60_000, platform: { keepAlive: hybridKeepAlive(r.params) }, accounts: [{ id: 'a' }], functions: [{ name: 'f', account: 'a', memoryMb: 128, durationMs: { dist: 'constant', ms: 1 }, workload: { type: 'poisson', ratePerSec: 1 } }] };
    expect(checkScenario(scenario).ok).toBe(hybridSupported());
  });

  it('names policies for the views', () => {
    expect(policyName('fixed-20min', '')).toEqual({ key: 'fixed', values: { minutes: 20 } });
    expect(policyName('fixed-150000ms', '')).toEqual({ key: 'fixed', values: { minutes: 2.5 } });
    expect(policyName('hybrid-default', '').key).toBe('hybridDefault');
    expect(policyName('odd', 'My policy')).toEqual({ key: 'other', values: { label: 'My policy' } });
  });

  it('reads numbers with a point or a comma, and nothing else', () => {
    expect(['1.5', '1,5', ' 7 ', '1e3', '', 'abc', '1.2.3'].map(readNumber)).toEqual([1.5, 1.5, 7, 1000, null, null, null]);
  });
});

describe("the lab's import form", () => {
  it('minutes of the day, in order, and a cap per function', () => {
    expect(checkImportForm({ firstMinute: '61', lastMinute: '120', maxPerFunction: '1000' })).toEqual({ options: { firstMinute: 61, lastMinute: 120, maxInvocationsPerFunction: 1000 } });
    expect(checkImportForm({ firstMinute: '0', lastMinute: '1441', maxPerFunction: 'many' })).toEqual({
      problems: { firstMinute: { kind: 'integer', min: 1, max: 1440 }, lastMinute: { kind: 'integer', min: 1, max: 1440 }, maxPerFunction: { kind: 'notNumber' } },
    });
    expect(checkImportForm({ firstMinute: '100', lastMinute: '50', maxPerFunction: '10' })).toEqual({ problems: { lastMinute: { kind: 'integer', min: 100, max: 1440 } } });
  });
});
