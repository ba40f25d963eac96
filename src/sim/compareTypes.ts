/**
 * The contract between the policy comparison (src/sim/compare.ts, run in a Web Worker or by
 * the CLI) and the views that show it (the cold-start lab). Plain data, so it crosses
 * postMessage and serialises to JSON unchanged.
 *
 * The comparison runs one scenario (a workload, often from a trace) once per keep-alive
 * policy, with the same seed, and measures per application (functions sharing an `app`) how many of
 * its invocations were cold and how much memory its idle sandboxes held. It then reports the
 * distribution over applications of the cold-start percentage, and the idle memory each
 * policy wastes, normalised to the fixed 10-minute policy, the way "Serverless in the Wild"
 * (USENIX ATC 2020, Fig. 15) plots them.
 */

/** One policy to try: `keepAlive` is a value of the scenario's `platform.keepAlive`. */
export interface PolicyUnderTest {
  /** Stable id, e.g. "fixed-10min", "hybrid-default", "custom". */
  id: string;
  /** What the views and the CLI table print. */
  label: string;
  /** Replaces the scenario's platform.keepAlive for this run (validated like any scenario). */
  keepAlive: unknown;
}

/** One application (its functions' figures added up) under one policy. */
export interface AppResult {
  /** The functions' `app`, or the function's name when it has none. */
  app: string;
  functions: string[];
  invocations: number;
  coldStarts: number;
  /** 100 × coldStarts / invocations (0 when it was never invoked). */
  coldStartPct: number;
  /** Memory held by this function's idle sandboxes over the run, in GB-seconds. */
  idleGbSeconds: number;
}

export interface PolicyResult {
  id: string;
  label: string;
  apps: AppResult[];
  /** Percentiles over applications (invoked at least once) of coldStartPct. */
  coldStartPct: { p50: number; p75: number; p90: number; p99: number };
  invocations: number;
  coldStarts: number;
  idleGbSeconds: number;
  /** idleGbSeconds divided by that of the baseline (fixed 10 minutes); 1 for the baseline itself. */
  idleMemoryNormalised: number;
  /** Wall time of this policy's run (ms), for the progress display. */
  wallMs: number;
}

export interface PolicyComparison {
  scenarioName: string;
  /** The id of the policy everything is normalised to (always run, added if missing). */
  baselineId: string;
  policies: PolicyResult[];
}

/** Progress of a comparison: `done` of `total` runs finished, `label` the one running now. */
export type CompareProgress = (p: { done: number; total: number; label: string }) => void;

export type CompareResult = { ok: true; comparison: PolicyComparison } | { ok: false; issues: string[] };
