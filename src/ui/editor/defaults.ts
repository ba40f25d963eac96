import { figures } from '../../sim/figures';
import type { Distribution, FunctionSpec, Workload } from '../../sim/scenario';
import { asArray, getIn, isRecord } from './paths';

/**
 * What the editor fills in: a new function or account, and the new shape of a distribution or
 * workload when its type changes. A new shape keeps the scale of the old one (a 400 ms constant
 * becomes a lognormal of median 400 ms; 2 requests/s stay about 2 requests/s), so switching
 * type to compare shapes does not also change the load.
 */

export const distTypes = ['constant', 'exponential', 'lognormal', 'empirical'] as const;
export type DistType = (typeof distTypes)[number];
export const workloadTypes = ['poisson', 'periodic', 'steps', 'perMinute'] as const;
export type WorkloadType = (typeof workloadTypes)[number];

/** A new function's handler: short and somewhat variable, so warm and cold starts are easy to tell apart. */
const newDurationMs: Distribution = { dist: 'lognormal', medianMs: 200, sigma: 0.5 };
/** The schema's default init duration. */
export const defaultInitMs: Distribution = { dist: 'constant', ms: 200 };

const positiveNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;
const round3 = (v: number) => Number(v.toPrecision(3));

/** `base-1`, `base-2`, … the first not in `taken`. */
export function uniqueName(base: string, taken: Iterable<unknown>): string {
  const used = new Set(taken);
  for (let k = 1; ; k++) if (!used.has(`${base}-${k}`)) return `${base}-${k}`;
}

/** A valid function for `draft`: a unique name, the first account, a Poisson workload of 1 request/s. */
export function newFunction(draft: unknown): FunctionSpec {
  const names = asArray(getIn(draft, ['functions'])).map((f) => getIn(f, ['name']));
  const account = getIn(draft, ['accounts', 0, 'id']);
  return {
    name: uniqueName('function', names),
    account: typeof account === 'string' ? account : '',
    memoryMb: 512,
    timeoutMs: figures.defaultTimeoutMs.value,
    packageMb: 5,
    initMs: defaultInitMs,
    durationMs: newDurationMs,
    invocation: 'sync',
    workload: { type: 'poisson', ratePerSec: 1 },
  };
}

export const newAccountId = (draft: unknown): string => uniqueName('account', asArray(getIn(draft, ['accounts'])).map((a) => getIn(a, ['id'])));

/** The typical duration of a distribution (its constant, mean, median or p50), if it has one. */
function typicalMs(d: unknown): number | undefined {
  if (!isRecord(d)) return undefined;
  const v = d.dist === 'constant' ? d.ms : d.dist === 'exponential' ? d.meanMs : d.dist === 'lognormal' ? d.medianMs : d.dist === 'empirical' ? getIn(d, ['percentiles', 'p50']) : undefined;
  return positiveNumber(v) ? v : undefined;
}

/** A distribution of `type` around the typical value of `previous` (200 ms if it has none). */
export function distributionOfType(type: DistType, previous: unknown): Distribution {
  const m = typicalMs(previous) ?? 200;
  switch (type) {
    case 'constant':
      return { dist: 'constant', ms: m };
    case 'exponential':
      return { dist: 'exponential', meanMs: m };
    case 'lognormal': {
      const sigma = getIn(previous, ['sigma']);
      return { dist: 'lognormal', medianMs: m, sigma: typeof sigma === 'number' && sigma >= 0 && sigma <= 5 ? sigma : 0.5 };
    }
    case 'empirical': {
      // A right-skewed shape: a long tail above the median, as measured handler durations have.
      const at = (k: number) => (m >= 10 ? Math.round(m * k) : Math.round(m * k * 100) / 100);
      return { dist: 'empirical', percentiles: { p0: at(0.3), p1: at(0.5), p25: at(0.8), p50: at(1), p75: at(1.3), p99: at(3), p100: at(5) } };
    }
  }
}

/** The average request rate of a workload (requests/s), if it has one. */
function averageRate(w: unknown): number | undefined {
  if (!isRecord(w)) return undefined;
  if (w.type === 'poisson') return positiveNumber(w.ratePerSec) ? w.ratePerSec : undefined;
  if (w.type === 'periodic') return positiveNumber(w.everyMs) ? 1000 / w.everyMs : undefined;
  if (w.type === 'steps') {
    const rate = getIn(w, ['steps', 0, 'ratePerSec']);
    return positiveNumber(rate) ? rate : undefined;
  }
  if (w.type === 'perMinute') {
    const counts = asArray(w.counts).filter((c): c is number => typeof c === 'number' && Number.isFinite(c));
    const perMinute = counts.reduce((s, c) => s + c, 0) / counts.length;
    return positiveNumber(perMinute) ? perMinute / 60 : undefined;
  }
  return undefined;
}

/** A workload of `type` at about the average rate of `previous` (1 request/s if it has none). */
export function workloadOfType(type: WorkloadType, previous: unknown, scenarioDurationMs: unknown): Workload {
  const rate = round3(averageRate(previous) ?? 1);
  const durationMs = positiveNumber(scenarioDurationMs) ? scenarioDurationMs : 10 * 60_000;
  switch (type) {
    case 'poisson':
      return { type: 'poisson', ratePerSec: rate };
    case 'periodic':
      return { type: 'periodic', everyMs: Math.max(1, Math.round(1000 / rate)), offsetMs: 0 };
    case 'steps':
      // A burst halfway through: the shape a steps workload is for.
      return { type: 'steps', steps: [{ atMs: 0, ratePerSec: rate }, { atMs: Math.round(durationMs / 2_000) * 1_000, ratePerSec: round3(rate * 5) }] };
    case 'perMinute': {
      const minutes = Math.min(60, Math.max(1, Math.ceil(durationMs / 60_000)));
      return { type: 'perMinute', counts: Array.from({ length: minutes }, () => Math.round(rate * 60)) };
    }
  }
}

/** A step after the last one: 10 s later, at the same rate. */
export function nextStep(steps: readonly unknown[]): { atMs: number; ratePerSec: number } {
  const last = steps[steps.length - 1];
  const at = getIn(last, ['atMs']);
  const rate = getIn(last, ['ratePerSec']);
  return { atMs: typeof at === 'number' && Number.isFinite(at) ? at + 10_000 : 0, ratePerSec: typeof rate === 'number' && Number.isFinite(rate) ? rate : 1 };
}

const HOUR_MS = 3_600_000;

/** A new warm pool: a few generic sandboxes; the schema fills in their size and assignment time. */
export const newWarmPool = (): { size: number } => ({ size: 4 });

/**
 * A new provisioned-concurrency schedule: the working day, `n` sandboxes from 09:00 to 17:00 and
 * none otherwise, every day. `n` is the function's provisioned concurrency if it has one (else 2),
 * at most its reserved concurrency, so the schedule is valid as filled in.
 */
export function workingDaySchedule(fn: unknown): { steps: { atMs: number; count: number }[]; repeatEveryMs: number } {
  const provisioned = getIn(fn, ['provisionedConcurrency']);
  const reserved = getIn(fn, ['reservedConcurrency']);
  let n = typeof provisioned === 'number' && Number.isInteger(provisioned) && provisioned > 0 ? provisioned : 2;
  if (typeof reserved === 'number' && Number.isInteger(reserved) && reserved >= 0) n = Math.min(n, reserved);
  return {
    steps: [
      { atMs: 0, count: 0 },
      { atMs: 9 * HOUR_MS, count: n },
      { atMs: 17 * HOUR_MS, count: 0 },
    ],
    repeatEveryMs: 24 * HOUR_MS,
  };
}

/** A schedule step after the last one: an hour later, at the same count. */
export function nextScheduleStep(steps: readonly unknown[]): { atMs: number; count: number } {
  const last = steps[steps.length - 1];
  const at = getIn(last, ['atMs']);
  const count = getIn(last, ['count']);
  return { atMs: typeof at === 'number' && Number.isFinite(at) ? at + HOUR_MS : 0, count: typeof count === 'number' && Number.isFinite(count) ? count : 0 };
}
