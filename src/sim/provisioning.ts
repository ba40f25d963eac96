import type { FunctionSpec } from './scenario';

/**
 * A provisioned-concurrency schedule in time: its steps numbered 0, 1, 2... across repeats
 * (step k is step k mod n of period ⌊k / n⌋), so the engine schedules one step at a time and a
 * checkpoint needs nothing but the number of the next one.
 */

/** When step `k` happens, or Infinity when the schedule has no such step (it does not repeat). */
export function provisionedStepAt(spec: FunctionSpec, k: number): number {
  const s = spec.provisionedSchedule;
  if (!s) return Infinity;
  const n = s.steps.length;
  const period = Math.floor(k / n);
  if (period > 0 && s.repeatEveryMs === undefined) return Infinity;
  return period * (s.repeatEveryMs ?? 0) + s.steps[k % n]!.atMs;
}

/** The provisioned level step `k` sets. */
export function provisionedStepCount(spec: FunctionSpec, k: number): number {
  const s = spec.provisionedSchedule!;
  return s.steps[k % s.steps.length]!.count;
}

/**
 * The level at the start of a run and the first step still to come: steps at time 0 apply at
 * once, so a run that starts with a raised level does not create sandboxes only to drop them.
 */
export function provisionedAtStart(spec: FunctionSpec): { count: number; nextStep: number } {
  let count = spec.provisionedConcurrency ?? 0;
  let k = 0;
  while (provisionedStepAt(spec, k) <= 0) count = provisionedStepCount(spec, k++);
  return { count, nextStep: k };
}
