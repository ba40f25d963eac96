import { comparePolicies, hybridSupported } from '../sim/compare';
import type { CompareProgress, CompareResult, PolicyUnderTest } from '../sim/compareTypes';
import { Simulation } from '../sim/engine';
import { figures } from '../sim/figures';
import { createHybridState, decide, histogramView, observeIdle, type HybridDecision, type HybridHistogramView, type HybridParams } from '../sim/policies/hybridHistogram';
import { parseScenario, ScenarioError, type Distribution, type ScenarioInput } from '../sim/scenario';
import { durationsReader, invocationsReader, joinTrace, memoryReader, type InvocationsResult, type JoinSummary } from '../traces/azure';
import { traceSizeProblem, type TraceReader } from '../traces/csvTable';
import { toScenario, type TraceNote } from '../traces/toScenario';

/**
 * The cold-start lab's work in its own Web Worker (a second instance of sim.worker.ts, so live
 * playback goes on meanwhile): importing an Azure Functions 2019 trace, comparing keep-alive
 * policies on a scenario, and the idle-time histogram of one function. Plain functions, tested
 * without a worker; `api.ts` exposes them.
 */

export type TraceFileKind = 'invocations' | 'durations' | 'memory';

/** The files of one day of the trace: a File from an <input>, a fetched Blob, or text (tests). */
export interface TraceFiles {
  invocations: Blob | string;
  durations?: Blob | string;
  memory?: Blob | string;
  /** Names to quote in messages (a File has its own). */
  names?: Partial<Record<TraceFileKind, string>>;
}

export interface ImportOptions {
  /** The minutes of the day to replay, 1-based and inclusive (default: all of them). */
  firstMinute?: number;
  lastMinute?: number;
  /**
   * Functions invoked more often than this in those minutes are left out (default
   * LAB_MAX_INVOCATIONS_PER_FUNCTION): a comparison runs the whole workload once per policy,
   * and a single function called a million times a day costs more to simulate than the
   * hundred rare ones that make the cold-start distribution. Busy functions stay warm under
   * every keep-alive policy, so they change its shape little.
   */
  maxInvocationsPerFunction?: number;
  /** At most this many functions, the most invoked first (default LAB_MAX_FUNCTIONS). */
  maxFunctions?: number;
}

/** Illustrative lab defaults: the synthetic sample's day then compares six policies in seconds, not minutes. */
export const LAB_MAX_INVOCATIONS_PER_FUNCTION = 50_000;
export const LAB_MAX_FUNCTIONS = 200;

export interface ImportProblem {
  file: TraceFileKind;
  /** 1-based line in that file; 0 for the file as a whole. */
  line: number;
  message: string;
}

export interface ImportProgress {
  file: TraceFileKind;
  /** Bytes read so far, over all files, and the total. */
  read: number;
  total: number;
}

export interface ImportSummary extends JoinSummary {
  /** Functions left out for being invoked more than `maxInvocationsPerFunction` times. */
  busyLeftOut: number;
  maxInvocationsPerFunction: number;
  /** Functions in the scenario, and their invocations. */
  kept: number;
  invocations: number;
  /** Hosts given to the scenario (see hostsFor). */
  hosts: number;
}

export type ImportResult =
  | { ok: true; scenario: ScenarioInput; notes: TraceNote[]; problems: ImportProblem[]; moreProblems: number; summary: ImportSummary }
  | { ok: false; problems: ImportProblem[]; moreProblems: number };

const CHUNK = 1 << 20;

/** Feeds a file to a reader piece by piece, reporting the bytes read. */
async function feedFile(input: Blob | string, reader: TraceReader<unknown>, onBytes: (n: number) => void): Promise<void> {
  if (typeof input === 'string') {
    for (let i = 0; i < input.length; i += CHUNK) {
      reader.push(input.slice(i, i + CHUNK));
      onBytes(Math.min(CHUNK, input.length - i));
    }
    return;
  }
  // Decoded as a stream: a 100 MB file is never held twice, and progress moves as it arrives.
  const decoder = new TextDecoder();
  const stream = input.stream().getReader();
  for (;;) {
    const { done, value } = await stream.read();
    if (done) break;
    reader.push(decoder.decode(value, { stream: true }));
    onBytes(value.byteLength);
  }
  const rest = decoder.decode();
  if (rest !== '') reader.push(rest);
}

const sizeOf = (x: Blob | string) => (typeof x === 'string' ? x.length : x.size);
const nameOf = (files: TraceFiles, kind: TraceFileKind) => files.names?.[kind] ?? ((files[kind] as { name?: string } | undefined)?.name || `${kind} file`);

/**
 * Reads the trace files (invocations required; durations and memory optional), joins them and
 * converts them into a scenario with toScenario. Bad rows are reported with their file and line
 * and skipped; the import fails only when the invocations file cannot be read at all or leaves
 * no function to replay.
 */
export async function importTrace(files: TraceFiles, options: ImportOptions = {}, onProgress?: (p: ImportProgress) => void): Promise<ImportResult> {
  const problems: ImportProblem[] = [];
  let moreProblems = 0;
  const kinds = (['invocations', 'durations', 'memory'] as const).filter((k) => files[k] !== undefined);
  for (const k of kinds) {
    const tooBig = traceSizeProblem(nameOf(files, k), sizeOf(files[k]!));
    if (tooBig) problems.push({ file: k, line: 0, message: tooBig });
  }
  if (problems.length > 0) return { ok: false, problems, moreProblems };

  const total = kinds.reduce((s, k) => s + sizeOf(files[k]!), 0);
  let read = 0;
  const progress = (file: TraceFileKind) => (n: number) => {
    read += n;
    onProgress?.({ file, read, total });
  };
  const collect = (file: TraceFileKind, r: { problems: { line: number; message: string }[]; moreProblems: number }) => {
    for (const p of r.problems) problems.push({ file, ...p });
    moreProblems += r.moreProblems;
  };

  const inv = invocationsReader();
  await feedFile(files.invocations, inv, progress('invocations'));
  const invocations = inv.finish();
  collect('invocations', invocations);
  let durations;
  if (files.durations !== undefined) {
    const r = durationsReader();
    await feedFile(files.durations, r, progress('durations'));
    durations = r.finish();
    collect('durations', durations);
  }
  let memory;
  if (files.memory !== undefined) {
    const r = memoryReader();
    await feedFile(files.memory, r, progress('memory'));
    memory = r.finish();
    collect('memory', memory);
  }
  if (!invocations.complete && invocations.functions.length === 0) return { ok: false, problems, moreProblems };
  const join = joinTrace(invocations, durations, memory);

  const day = Math.max(1, invocations.minutesPerDay);
  const from = clamp(Math.round(options.firstMinute ?? 1), 1, day) - 1;
  const to = clamp(Math.round(options.lastMinute ?? day), from + 1, day);
  const maxPer = options.maxInvocationsPerFunction ?? LAB_MAX_INVOCATIONS_PER_FUNCTION;
  const inSpan = (f: InvocationsResult['functions'][number]) => f.minutes.reduce((s, m, i) => (m >= from && m < to ? s + f.counts[i]! : s), 0);
  const quiet = invocations.functions.filter((f) => inSpan(f) <= maxPer);
  const busyLeftOut = invocations.functions.length - quiet.length;
  const { scenario, notes } = toScenario({ ...invocations, functions: quiet }, { fromMinute: from, toMinute: to, maxFunctions: options.maxFunctions ?? LAB_MAX_FUNCTIONS, name: 'Azure Functions trace' });
  if (scenario.functions.length === 0) {
    problems.push({ file: 'invocations', line: 0, message: notes.at(-1)?.text ?? 'No function to replay.' });
    return { ok: false, problems, moreProblems };
  }
  const hosts = hostsFor(scenario);
  const withHosts: ScenarioInput = { ...scenario, name: `${scenario.name}, minutes ${from + 1}..${to}`, platform: { ...scenario.platform, hosts } };
  const invocationsKept = scenario.functions.reduce((s, f) => s + (f.workload.type === 'perMinute' ? f.workload.counts.reduce((a, b) => a + b, 0) : 0), 0);
  return {
    ok: true,
    scenario: withHosts,
    notes,
    problems,
    moreProblems,
    summary: { ...join, busyLeftOut, maxInvocationsPerFunction: maxPer, kept: scenario.functions.length, invocations: invocationsKept, hosts },
  };
}

function clamp(v: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, v));
}

/** The mean of a duration distribution, in ms (of an empirical one, from its percentiles, piecewise linearly). */
export function meanDuration(d: Distribution | ScenarioInput['functions'][number]['durationMs']): number {
  switch (d.dist) {
    case 'constant':
      return d.ms;
    case 'exponential':
      return d.meanMs;
    case 'lognormal':
      return d.medianMs * Math.exp((d.sigma ?? 0) ** 2 / 2);
    case 'empirical': {
      const p = d.percentiles;
      const cuts: [number, number][] = [[0, p.p0], [1, p.p1], [25, p.p25], [50, p.p50], [75, p.p75], [99, p.p99], [100, p.p100]];
      let sum = 0;
      for (let i = 1; i < cuts.length; i++) sum += ((cuts[i]![0] - cuts[i - 1]![0]) / 100) * ((cuts[i]![1] + cuts[i - 1]![1]) / 2);
      return sum;
    }
  }
}

/** The cold start and shutdown a sandbox adds to its invocation's time, generously (ms). */
const SANDBOX_OVERHEAD_MS = 2_000;

/**
 * Enough hosts (of the default size) that hardly any invocation of the trace finds the
 * platform full, even with no keep-alive, where every call takes a fresh sandbox. In each
 * minute, each function keeps m sandboxes busy on average (Little's law: calls per ms × the
 * mean time a call holds its sandbox, its duration plus a cold start and a shutdown; for calls
 * longer than a minute, every call of that last span; at most the account's concurrency); the
 * memory they need is summed over functions, with four standard deviations of the Poisson
 * counts (4·√(Σ m·memory²)) and one sandbox of each function on top; the busiest minute
 * decides, a quarter more for fragmentation, and never fewer than the default 4 hosts. A
 * heuristic, said in the notes: capacity is not what the lab studies.
 */
export function hostsFor(scenario: ScenarioInput): number {
  const hostMb = figures.hostMemoryMb.value;
  const minutes = Math.max(1, ...scenario.functions.map((f) => (f.workload.type === 'perMinute' ? f.workload.counts.length : 1)));
  const mean = new Float64Array(minutes);
  const variance = new Float64Array(minutes);
  let oneEach = 0;
  for (const f of scenario.functions) {
    const mb = f.memoryMb + figures.microVmOverheadMb.value;
    oneEach += mb;
    const holdMs = meanDuration(f.durationMs) + SANDBOX_OVERHEAD_MS;
    const counts = f.workload.type === 'perMinute' ? f.workload.counts : [1];
    // A call holds its sandbox for holdMs: under a minute, a share of the minute's calls
    // overlap; longer, every call of the last holdMs may still hold one (a burst of a minute
    // does not last as long as its calls).
    const w = holdMs / 60_000;
    const span = Math.ceil(w);
    let window = 0;
    counts.forEach((c, t) => {
      window += c - (t >= span ? counts[t - span]! : 0);
      // No more at once than the account's concurrency limit lets run.
      const m = Math.min(w <= 1 ? c * w : window, figures.accountConcurrency.value);
      mean[t]! += m * mb;
      variance[t]! += m * mb * mb;
    });
  }
  let needMb = 0;
  for (let t = 0; t < minutes; t++) needMb = Math.max(needMb, mean[t]! + 4 * Math.sqrt(variance[t]!));
  return Math.max(4, Math.ceil(((needMb + oneEach) * 1.25) / hostMb));
}

/** The comparison, timed by the worker's clock. */
export function compareInWorker(input: unknown, policies: PolicyUnderTest[], onProgress?: CompareProgress): CompareResult {
  return comparePolicies(input, policies, { onProgress, now: () => performance.now() });
}

export interface IdleHistogram {
  fn: string;
  /** Invocations of the function in the replay, and the idle times between them. */
  invocations: number;
  idleTimes: number;
  view: HybridHistogramView;
  /** What the policy decided after the function's last invocation. */
  decision: HybridDecision;
  /** Where the histogram comes from: the engine running the hybrid policy, or a replay of the invocations. */
  source: 'engine' | 'replay';
}

export type IdleHistogramResult = { ok: true; histogram: IdleHistogram } | { ok: false; issues: string[] };

/**
 * The idle-time histogram the hybrid policy learns for one function: the scenario is run with
 * its keep-alive set to the hybrid policy with `params`, and the engine's own state for that
 * function read at the end (its histogram and its last decision). If the engine has none (a
 * build whose engine does not run the policy), the function's idle times, from the end of one
 * invocation to the start of the next (0 when they overlap), are collected from the run's
 * transitions and fed to the policy's module instead.
 */
export function idleHistogram(input: unknown, fnName: string, params: Partial<HybridParams> = {}): IdleHistogramResult {
  let state;
  try {
    state = createHybridState(params);
  } catch (e) {
    if (e instanceof RangeError) return { ok: false, issues: [e.message] };
    throw e;
  }
  const base = (input !== null && typeof input === 'object' ? input : {}) as Record<string, unknown>;
  const platform = base.platform !== null && typeof base.platform === 'object' ? (base.platform as Record<string, unknown>) : {};
  let scenario;
  try {
    scenario = parseScenario(hybridSupported() ? { ...base, platform: { ...platform, keepAlive: { policy: 'hybrid', ...state.params } } } : input);
  } catch (e) {
    if (e instanceof ScenarioError) return { ok: false, issues: e.issues };
    throw e;
  }
  const index = scenario.functions.findIndex((f) => f.name === fnName);
  if (index < 0) return { ok: false, issues: [`no function named "${fnName}" in the scenario`] };
  let running = 0;
  let lastEnd = -1;
  let idleTimes = 0;
  const replay = !hybridSupported();
  const sim = new Simulation(scenario, {
    onTransition: replay
      ? (t) => {
          if (t.kind !== 'request' || t.fn !== fnName) return;
          if (t.to === 'running') {
            if (lastEnd >= 0) {
              observeIdle(state, running > 0 ? 0 : t.t - lastEnd);
              idleTimes++;
            }
            running++;
          } else if (t.from === 'running') {
            running--;
            lastEnd = t.t;
          }
        }
      : undefined,
  });
  const report = sim.run();
  const m = report.perFunction[fnName]!;
  const invocations = m.requests.cold + m.requests.warm;
  const engine = replay ? null : sim.keepAliveView(index);
  if (engine?.histogram) {
    const v = engine.histogram;
    return { ok: true, histogram: { fn: fnName, invocations, idleTimes: v.inRange + v.outOfRange, view: v, decision: engine.decision ?? decide(createHybridState(state.params)), source: 'engine' } };
  }
  return { ok: true, histogram: { fn: fnName, invocations, idleTimes, view: histogramView(state), decision: decide(state), source: 'replay' } };
}
