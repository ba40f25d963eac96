import { Simulation } from '../sim/engine';
import { History } from '../sim/history';
import type { RunReport } from '../sim/meters';
import { parseScenario, ScenarioError } from '../sim/scenario';
import { transfer } from 'comlink';
import { buildWireFrame } from './frameBuilder';
import { frameTransferables, type WireFrame } from './frameCodec';
import { resolveTarget } from '../lessons/resolve';
import type { StepTarget } from '../lessons/types';
import { checkLiveLimits, describeBreach, LimitExceeded, runWithinLimits } from '../sim/limits';
import type { CompareProgress, CompareResult, PolicyUnderTest } from '../sim/compareTypes';
import type { HybridParams } from '../sim/policies/hybridHistogram';
import { compareInWorker, idleHistogram, importTrace, type IdleHistogramResult, type ImportOptions, type ImportProgress, type ImportResult, type TraceFiles } from './lab';

/** The answer to a run: the report, or the scenario's problems one per line. */
export type RunResult = { ok: true; report: RunReport; wallMs: number } | { ok: false; issues: string[] };
export type LoadResult = { ok: true; frame: WireFrame } | { ok: false; issues: string[] };

/** Events one advance may process: keeps each call short, whatever the speed. */
const EVENTS_PER_ADVANCE = 200_000;

let history: History | null = null;
let seq = 0;

function current(): History {
  if (!history) throw new Error('no scenario loaded');
  return history;
}

/** The current frame, its packed columns and series handed over to the page rather than copied (see frameCodec.ts). */
function frame(): WireFrame {
  const f = buildWireFrame(current(), ++seq);
  return transfer(f, frameTransferables(f));
}

/**
 * Goes to `t`: forward in slices, checking the run's size limits between them (src/sim/limits.ts),
 * so a scenario that explodes is stopped before it exhausts memory; backward from a checkpoint.
 */
function seekWithinLimits(h: History, t: number): void {
  const target = Math.min(t, h.scenario.durationMs);
  while (h.now < target && h.sim.nextEventTime() <= target) {
    h.advanceTo(target, EVENTS_PER_ADVANCE);
    checkLiveLimits(h.sim);
  }
  h.seek(t);
}

/**
 * The functions the Web Worker exposes (through comlink). Plain functions, so they can be
 * tested without a worker; the page imports only `type SimWorkerApi`.
 */
export const api = {
  /** Validates and runs a whole scenario to its end (the metrics table, the CLI's report). */
  run(input: unknown): RunResult {
    try {
      const scenario = parseScenario(input);
      const start = performance.now();
      const sim = new Simulation(scenario);
      runWithinLimits(sim);
      const report = sim.report();
      return { ok: true, report, wallMs: performance.now() - start };
    } catch (e) {
      if (e instanceof ScenarioError) return { ok: false, issues: e.issues };
      if (e instanceof LimitExceeded) return { ok: false, issues: [describeBreach(e.breach)] };
      throw e;
    }
  },

  /** Loads a scenario for live playback, at time `atMs` (0: the start). */
  load(input: unknown, atMs = 0): LoadResult {
    try {
      const scenario = parseScenario(input);
      history = new History(scenario);
      if (atMs > 0) seekWithinLimits(history, atMs);
      checkLiveLimits(history.sim);
      return { ok: true, frame: frame() };
    } catch (e) {
      if (e instanceof ScenarioError) return { ok: false, issues: e.issues };
      throw e;
    }
  },

  /** Plays forward by `simMs` of simulated time (speed × wall time since the last frame). */
  advance(simMs: number): WireFrame {
    const h = current();
    h.advanceTo(h.now + simMs, EVENTS_PER_ADVANCE);
    checkLiveLimits(h.sim);
    return frame();
  },

  seek(t: number): WireFrame {
    seekWithinLimits(current(), t);
    return frame();
  },

  stepForward(): WireFrame {
    current().stepForward();
    checkLiveLimits(current().sim);
    return frame();
  },

  stepBack(): WireFrame {
    current().stepBack();
    return frame();
  },

  /** When a lesson step's target happens in this scenario (ms), or null if it never does. */
  resolveTarget(input: unknown, target: StepTarget): number | null {
    return resolveTarget(parseScenario(input), target);
  },

  /** Goes to the moment a lesson step names in the loaded scenario; `found` false if it never happens (then the frame is where it was). */
  seekTarget(target: StepTarget): { found: boolean; frame: WireFrame } {
    const h = current();
    const at = resolveTarget(h.scenario, target);
    if (at !== null) seekWithinLimits(h, at);
    return { found: at !== null, frame: frame() };
  },

  /** The metrics of the run so far. */
  report(): RunReport {
    return current().sim.report();
  },

  // The cold-start lab (src/worker/lab.ts), called on a second worker so playback goes on.

  /** Runs `input` once per keep-alive policy and compares cold starts with idle memory; `onProgress` before each run. */
  comparePolicies(input: unknown, policies: PolicyUnderTest[], onProgress?: CompareProgress): CompareResult {
    return compareInWorker(input, policies, onProgress);
  },

  /** Reads Azure Functions 2019 trace files into a scenario, with the conversion's notes and the bad rows by line. */
  importTrace(files: TraceFiles, onProgress?: (p: ImportProgress) => void, options?: ImportOptions): Promise<ImportResult> {
    return importTrace(files, options, onProgress);
  },

  /** The idle-time histogram the hybrid keep-alive policy learns for one function of `input`, by replaying it. */
  idleHistogram(input: unknown, fn: string, params?: Partial<HybridParams>): IdleHistogramResult {
    return idleHistogram(input, fn, params);
  },
};

export type SimWorkerApi = typeof api;
