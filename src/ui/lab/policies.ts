import { BASELINE, defaultPolicies, fixedPolicy, HYBRID_DEFAULT } from '../../sim/compare';
import type { PolicyUnderTest } from '../../sim/compareTypes';
import { defaultHybridParams, hybridFigures, type HybridParams } from '../../sim/policies/hybridHistogram';

/**
 * The lab's policy form as plain data, and what it asks the worker to run. Field values are
 * kept as the user typed them (strings), so a half-typed number is never lost; `checkPolicyForm`
 * says which fields are wrong and why, by field, and builds the policies only when none is.
 */

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

/** The hybrid parameters a student edits, in the units the form shows. */
export const HYBRID_FIELDS = ['headPercentile', 'tailPercentile', 'marginPct', 'cvThreshold', 'binMin', 'rangeH', 'minSamples', 'fallbackMin'] as const;
export type HybridField = (typeof HYBRID_FIELDS)[number];

export interface PolicyForm {
  /** Ids of the preset policies ticked (defaultPolicies()). */
  chosen: string[];
  customFixed: boolean;
  customFixedMin: string;
  customHybrid: boolean;
  hybrid: Record<HybridField, string>;
}

/** The form's hybrid fields from the policy's published defaults (hybridFigures), in form units. */
export function defaultHybridFields(): Record<HybridField, string> {
  const p = defaultHybridParams;
  return {
    headPercentile: String(p.headPercentile),
    tailPercentile: String(p.tailPercentile),
    marginPct: String(Math.round(p.margin * 1000) / 10),
    cvThreshold: String(p.cvThreshold),
    binMin: String(p.binMs / MINUTE_MS),
    rangeH: String(p.rangeMs / HOUR_MS),
    minSamples: String(p.minSamples),
    fallbackMin: String(p.fallbackKeepAliveMs / MINUTE_MS),
  };
}

export function defaultPolicyForm(withHybrid: boolean): PolicyForm {
  return { chosen: defaultPolicies(withHybrid).map((p) => p.id), customFixed: false, customFixedMin: '15', customHybrid: false, hybrid: defaultHybridFields() };
}

/** The source of each hybrid field's default, for the form's hints. */
export const HYBRID_SOURCES: Record<HybridField, string> = {
  headPercentile: hybridFigures.headPercentile.source,
  tailPercentile: hybridFigures.tailPercentile.source,
  marginPct: hybridFigures.margin.source,
  cvThreshold: hybridFigures.cvThreshold.source,
  binMin: hybridFigures.binMs.source,
  rangeH: hybridFigures.rangeMs.source,
  minSamples: hybridFigures.minSamples.source,
  fallbackMin: hybridFigures.fallbackKeepAliveMs.source,
};

/** A field's problem: which rule it breaks, with the numbers to show (the view words it). */
export type FieldProblem =
  | { kind: 'notNumber' }
  | { kind: 'range'; min: number; max: number }
  | { kind: 'integer'; min: number; max: number }
  | { kind: 'headAboveTail' }
  | { kind: 'tooManyBins'; max: number };

/** The scenario format's longest keep-alive (366 days), in minutes. */
export const MAX_KEEP_ALIVE_MIN = 366 * 24 * 60;
const MAX_BINS = 100_000;

/** A number typed in a field (comma or point for decimals), or null. */
export function readNumber(text: string): number | null {
  const t = text.trim().replace(',', '.');
  if (t === '' || !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

export function inRange(text: string, min: number, max: number, opts: { integer?: boolean; minExclusive?: boolean; maxExclusive?: boolean } = {}): number | FieldProblem {
  const n = readNumber(text);
  if (n === null) return { kind: 'notNumber' };
  if (opts.integer && !Number.isInteger(n)) return { kind: 'integer', min, max };
  const below = opts.minExclusive ? n <= min : n < min;
  const above = opts.maxExclusive ? n >= max : n > max;
  if (below || above) return opts.integer ? { kind: 'integer', min, max } : { kind: 'range', min, max };
  return n;
}

const isProblem = (v: number | FieldProblem): v is FieldProblem => typeof v !== 'number';

/** The hybrid parameters from the form, or each field's problem. */
export function readHybrid(fields: Record<HybridField, string>): { params: HybridParams } | { problems: Partial<Record<HybridField, FieldProblem>> } {
  const problems: Partial<Record<HybridField, FieldProblem>> = {};
  const read = (f: HybridField, v: number | FieldProblem): number => {
    if (isProblem(v)) {
      problems[f] = v;
      return NaN;
    }
    return v;
  };
  const head = read('headPercentile', inRange(fields.headPercentile, 0, 100));
  const tail = read('tailPercentile', inRange(fields.tailPercentile, 0, 100));
  const margin = read('marginPct', inRange(fields.marginPct, 0, 100, { maxExclusive: true }));
  const cv = read('cvThreshold', inRange(fields.cvThreshold, 0, 1_000));
  const bin = read('binMin', inRange(fields.binMin, 0, 24 * 60, { minExclusive: true }));
  const range = read('rangeH', inRange(fields.rangeH, 0, 366 * 24, { minExclusive: true }));
  const minSamples = read('minSamples', inRange(fields.minSamples, 0, 1_000_000, { integer: true }));
  const fallback = read('fallbackMin', inRange(fields.fallbackMin, 0, MAX_KEEP_ALIVE_MIN));
  if (!problems.headPercentile && !problems.tailPercentile && head > tail) problems.tailPercentile = { kind: 'headAboveTail' };
  if (!problems.binMin && !problems.rangeH) {
    const bins = (range * 60) / bin;
    if (bins < 1) problems.rangeH = { kind: 'range', min: bin / 60, max: 366 * 24 };
    else if (bins > MAX_BINS) problems.binMin = { kind: 'tooManyBins', max: MAX_BINS };
  }
  if (Object.keys(problems).length > 0) return { problems };
  return {
    params: {
      ...defaultHybridParams,
      headPercentile: head,
      tailPercentile: tail,
      margin: margin / 100,
      cvThreshold: cv,
      binMs: Math.round(bin * MINUTE_MS),
      rangeMs: Math.round(range * HOUR_MS),
      minSamples,
      fallbackKeepAliveMs: Math.round(fallback * MINUTE_MS),
    },
  };
}

/**
 * The scenario's `platform.keepAlive` for the hybrid policy with these parameters. The one
 * place that knows how the scenario format spells it.
 */
export function hybridKeepAlive(params: HybridParams): unknown {
  return { policy: 'hybrid', ...params };
}

export interface FormProblems {
  customFixedMin?: FieldProblem;
  hybrid?: Partial<Record<HybridField, FieldProblem>>;
  /** Nothing ticked but the baseline. */
  nothingChosen?: boolean;
}

/**
 * The policies the form asks for, the baseline (fixed 10 minutes) first, each once: a custom
 * fixed keep-alive equal to a preset is that preset. Or the form's problems.
 */
export function checkPolicyForm(form: PolicyForm, withHybrid: boolean): { policies: PolicyUnderTest[] } | { problems: FormProblems } {
  const problems: FormProblems = {};
  const presets = defaultPolicies(withHybrid).filter((p) => form.chosen.includes(p.id) && p.id !== BASELINE.id);
  const policies: PolicyUnderTest[] = [BASELINE, ...presets];
  if (form.customFixed) {
    const v = inRange(form.customFixedMin, 0, MAX_KEEP_ALIVE_MIN);
    if (isProblem(v)) problems.customFixedMin = v;
    else policies.push(fixedPolicy(Math.round(v * MINUTE_MS)));
  }
  if (withHybrid && form.customHybrid) {
    const h = readHybrid(form.hybrid);
    if ('problems' in h) problems.hybrid = h.problems;
    else policies.push({ id: 'hybrid-custom', label: 'hybrid histogram (custom)', keepAlive: hybridKeepAlive(h.params) });
  }
  const unique = policies.filter((p, i) => policies.findIndex((q) => q.id === p.id) === i);
  if (unique.length < 2 && !problems.customFixedMin && !problems.hybrid) problems.nothingChosen = true;
  if (Object.keys(problems).length > 0) return { problems };
  return { policies: unique };
}

/** A policy id as the lab names it: `{ key, values }` for `t('lab.policies.<key>', values)`. */
export function policyName(id: string, label: string): { key: 'none' | 'fixed' | 'hybridDefault' | 'hybridCustom' | 'other'; values: Record<string, string | number> } {
  if (id === 'none') return { key: 'none', values: {} };
  if (id === HYBRID_DEFAULT.id) return { key: 'hybridDefault', values: {} };
  if (id === 'hybrid-custom') return { key: 'hybridCustom', values: {} };
  const m = /^fixed-(\d+)(min|ms)$/.exec(id);
  if (m) return { key: 'fixed', values: { minutes: m[2] === 'min' ? Number(m[1]) : Math.round((Number(m[1]) / MINUTE_MS) * 100) / 100 } };
  return { key: 'other', values: { label } };
}
