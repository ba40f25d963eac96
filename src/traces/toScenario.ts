import type { ScenarioInput } from '../sim/scenario';
import { figures } from '../sim/figures';
import { perMinute, type InvocationsResult, type Trigger, type TraceFunction } from './azure';

type FunctionInput = ScenarioInput['functions'][number];
type DistributionInput = FunctionInput['durationMs'];

export interface ToScenarioOptions {
  /** Keep the N most invoked functions; all of them (up to `maxFunctions`) when absent. */
  top?: number;
  /** At most this many functions, the most invoked first (default 100). */
  maxFunctions?: number;
  /** The minutes of the day to replay, [fromMinute, toMinute) (default: the whole file). */
  fromMinute?: number;
  toMinute?: number;
  name?: string;
  seed?: number;
  /** For a function whose app has no memory row (default 256 MB, illustrative). */
  defaultMemoryMb?: number;
  /** For a function without a durations row. */
  defaultDurationMs?: DistributionInput;
  platform?: ScenarioInput['platform'];
}

/** Triggers whose events a platform queues and retries; HTTP (and unknown) callers wait. */
const ASYNC_TRIGGERS: ReadonlySet<Trigger> = new Set(['timer', 'event', 'queue', 'storage', 'orchestration']);

// About half of the functions in the ATC 2020 trace run under 1 s on average: a lognormal of median 1 s.
const DEFAULT_DURATION: DistributionInput = { dist: 'lognormal', medianMs: 1000, sigma: 1 };
const MAX_PER_MINUTE = 6_000_000;

/**
 * What the conversion approximated or left out: an id and its numbers, for the interface to say
 * in its language, and the English sentence (the command line and the tests read it).
 */
export const TRACE_NOTE_IDS = ['idleLeftOut', 'topKept', 'nothing', 'noDurations', 'noMemory', 'clamped', 'capped'] as const;
export interface TraceNote {
  id: (typeof TRACE_NOTE_IDS)[number];
  values: Record<string, number>;
  text: string;
}

/**
 * A FaaScope scenario replaying part of a parsed (and joined) trace: one account per owner,
 * one function per trace function with its per-minute counts as the workload, an `empirical`
 * duration from the durations file's percentiles, memory from the app's average allocated MB
 * (clamped to 128..10,240 MB: Azure measures an app's committed memory, shared by its
 * functions, where FaaScope gives each function its own). `notes` say what was approximated.
 */
export function toScenario(trace: InvocationsResult, options: ToScenarioOptions = {}): { scenario: ScenarioInput; notes: TraceNote[] } {
  const notes: TraceNote[] = [];
  const day = Math.max(1, trace.minutesPerDay);
  const from = clampInt(options.fromMinute ?? 0, 0, day - 1);
  const to = clampInt(options.toMinute ?? day, from + 1, day);
  const cap = options.maxFunctions ?? 100;
  const inSpan = (f: TraceFunction) => {
    let n = 0;
    f.minutes.forEach((m, i) => {
      if (m >= from && m < to) n += f.counts[i]!;
    });
    return n;
  };
  const ranked = trace.functions
    .map((f) => ({ f, n: inSpan(f) }))
    .filter((x) => x.n > 0)
    .sort((a, b) => b.n - a.n || a.f.line - b.f.line);
  const idle = trace.functions.length - ranked.length;
  if (idle > 0) notes.push({ id: 'idleLeftOut', values: { count: idle, from: from + 1, to }, text: `${idle} function${idle === 1 ? '' : 's'} not invoked in minutes ${from + 1}..${to} left out.` });
  // (A negative `top` would make `slice` drop functions from the end: none is none.)
  const wanted = Math.max(0, Math.min(options.top ?? ranked.length, cap));
  if (wanted < ranked.length) notes.push({ id: 'topKept', values: { kept: wanted, of: ranked.length }, text: `The ${wanted} most invoked of ${ranked.length} functions kept.` });
  if (wanted === 0) notes.push({ id: 'nothing', values: {}, text: 'No function to replay: a scenario needs at least one.' });
  const chosen = ranked.slice(0, wanted).map((x) => x.f);

  const accounts = new Map<string, string>();
  const accountIds = new Set<string>();
  const names = new Set<string>();
  const functions: FunctionInput[] = [];
  let noDurations = 0;
  let noMemory = 0;
  let clamped = 0;
  let capped = 0;
  for (const f of chosen) {
    if (!accounts.has(f.owner)) accounts.set(f.owner, unique(`owner-${f.owner.slice(0, 8)}`, accountIds));
    let memoryMb = options.defaultMemoryMb ?? 256;
    if (f.appMemoryMb === undefined) noMemory++;
    else {
      memoryMb = Math.round(f.appMemoryMb);
      if (memoryMb < figures.minMemoryMb.value || memoryMb > figures.maxMemoryMb.value) clamped++;
    }
    memoryMb = clampInt(memoryMb, figures.minMemoryMb.value, figures.maxMemoryMb.value);
    let durationMs = options.defaultDurationMs ?? DEFAULT_DURATION;
    let timeoutMs: number = figures.defaultTimeoutMs.value;
    if (f.durations) {
      durationMs = { dist: 'empirical', percentiles: { ...f.durations.percentiles } };
      // The trace has no timeouts: set one above the longest duration seen, so replay times nothing out.
      timeoutMs = Math.min(figures.maxTimeoutMs.value, Math.max(timeoutMs, Math.ceil(f.durations.percentiles.p100) + 1));
    } else noDurations++;
    const counts = perMinute(f, day).slice(from, to);
    for (let i = 0; i < counts.length; i++) {
      if (counts[i]! > MAX_PER_MINUTE) {
        counts[i] = MAX_PER_MINUTE;
        capped++;
      }
    }
    functions.push({
      name: unique(`${f.trigger}-${f.app.slice(0, 8)}-${f.fn.slice(0, 8)}`, names),
      account: accounts.get(f.owner)!,
      // Owner and app: an app hash is only unique within its owner.
      app: `${f.owner.slice(0, 8)}/${f.app.slice(0, 8)}`,
      memoryMb,
      timeoutMs,
      durationMs,
      invocation: ASYNC_TRIGGERS.has(f.trigger) ? 'async' : 'sync',
      workload: { type: 'perMinute', counts },
    });
  }
  if (noDurations > 0) notes.push({ id: 'noDurations', values: { count: noDurations }, text: `${noDurations} function${noDurations === 1 ? ' has' : 's have'} no durations row: a lognormal of median 1 s is used.` });
  if (noMemory > 0) notes.push({ id: 'noMemory', values: { count: noMemory, mb: options.defaultMemoryMb ?? 256 }, text: `${noMemory} function${noMemory === 1 ? '' : 's'} without app memory: ${options.defaultMemoryMb ?? 256} MB used.` });
  if (clamped > 0) notes.push({ id: 'clamped', values: { count: clamped, min: figures.minMemoryMb.value, max: figures.maxMemoryMb.value }, text: `${clamped} memory size${clamped === 1 ? '' : 's'} brought into ${figures.minMemoryMb.value}..${figures.maxMemoryMb.value} MB.` });
  if (capped > 0) notes.push({ id: 'capped', values: { count: capped, max: MAX_PER_MINUTE }, text: `${capped} minute count${capped === 1 ? '' : 's'} over ${MAX_PER_MINUTE.toLocaleString('en-US')} capped.` });

  const scenario: ScenarioInput = {
    version: 1,
    name: options.name ?? `Azure Functions trace, minutes ${from + 1}..${to}`,
    seed: options.seed ?? 1,
    durationMs: (to - from) * 60_000,
    ...(options.platform && { platform: options.platform }),
    accounts: [...accounts.values()].map((id) => ({ id })),
    functions,
  };
  return { scenario, notes };
}

function clampInt(v: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.round(v)));
}

/** `base`, or `base-2`, `base-3`... whichever is not taken yet (and takes it). */
function unique(base: string, taken: Set<string>): string {
  let name = base;
  for (let k = 2; taken.has(name); k++) name = `${base}-${k}`;
  taken.add(name);
  return name;
}
