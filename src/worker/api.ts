import { Simulation } from '../sim/engine';
import type { RunReport } from '../sim/meters';
import { parseScenario, ScenarioError } from '../sim/scenario';

/** The answer to a run: the report, or the scenario's problems one per line. */
export type RunResult = { ok: true; report: RunReport; wallMs: number } | { ok: false; issues: string[] };

/**
 * The functions the Web Worker exposes (through comlink). Plain async functions, so they can be
 * tested without a worker; the page imports only `type SimWorkerApi`.
 */
export const api = {
  /** Validates and runs a whole scenario to its end. */
  async run(input: unknown): Promise<RunResult> {
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
};

export type SimWorkerApi = typeof api;
