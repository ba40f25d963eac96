import { Simulation } from '../sim/engine';
import { History } from '../sim/history';
import type { RunReport } from '../sim/meters';
import { parseScenario, ScenarioError } from '../sim/scenario';
import type { Frame } from './frame';
import { buildFrame } from './frameBuilder';
import { resolveTarget } from '../lessons/resolve';
import type { StepTarget } from '../lessons/types';

/** The answer to a run: the report, or the scenario's problems one per line. */
export type RunResult = { ok: true; report: RunReport; wallMs: number } | { ok: false; issues: string[] };
export type LoadResult = { ok: true; frame: Frame } | { ok: false; issues: string[] };

/** Events one advance may process: keeps each call short, whatever the speed. */
const EVENTS_PER_ADVANCE = 200_000;

let history: History | null = null;
let seq = 0;

function current(): History {
  if (!history) throw new Error('no scenario loaded');
  return history;
}

const frame = () => buildFrame(current(), ++seq);

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
      const report = new Simulation(scenario).run();
      return { ok: true, report, wallMs: performance.now() - start };
    } catch (e) {
      if (e instanceof ScenarioError) return { ok: false, issues: e.issues };
      throw e;
    }
  },

  /** Loads a scenario for live playback, at time `atMs` (0: the start). */
  load(input: unknown, atMs = 0): LoadResult {
    try {
      const scenario = parseScenario(input);
      history = new History(scenario);
      if (atMs > 0) history.seek(atMs);
      return { ok: true, frame: frame() };
    } catch (e) {
      if (e instanceof ScenarioError) return { ok: false, issues: e.issues };
      throw e;
    }
  },

  /** Plays forward by `simMs` of simulated time (speed × wall time since the last frame). */
  advance(simMs: number): Frame {
    const h = current();
    h.advanceTo(h.now + simMs, EVENTS_PER_ADVANCE);
    return frame();
  },

  seek(t: number): Frame {
    current().seek(t);
    return frame();
  },

  stepForward(): Frame {
    current().stepForward();
    return frame();
  },

  stepBack(): Frame {
    current().stepBack();
    return frame();
  },

  /** When a lesson step's target happens in this scenario (ms), or null if it never does. */
  resolveTarget(input: unknown, target: StepTarget): number | null {
    return resolveTarget(parseScenario(input), target);
  },

  /** Goes to the moment a lesson step names in the loaded scenario; `found` false if it never happens (then the frame is where it was). */
  seekTarget(target: StepTarget): { found: boolean; frame: Frame } {
    const h = current();
    const at = resolveTarget(h.scenario, target);
    if (at !== null) h.seek(at);
    return { found: at !== null, frame: frame() };
  },

  /** The metrics of the run so far. */
  report(): RunReport {
    return current().sim.report();
  },
};

export type SimWorkerApi = typeof api;
