import type { AppResult, CompareProgress, CompareResult, PolicyComparison, PolicyResult, PolicyUnderTest } from './compareTypes';
import { Simulation } from './engine';
import { figures } from './figures';
import { keepAliveSchema, parseScenario, ScenarioError, type Scenario } from './scenario';

/**
 * The policy comparison of the cold-start lab: one scenario run once per keep-alive policy,
 * with the same seed (so every policy sees the very same arrivals: each function draws them
 * from its own random stream), then, per application (the functions sharing an `app`; a
 * function without one is its own), how many of its invocations were cold and how much memory
 * its idle sandboxes held. The keep-alive itself stays per function, as on AWS Lambda (Azure
 * loads a whole application at once; the paper's policy is per application for that reason). The distribution over
 * applications of the cold-start percentage is plotted against the idle memory, normalised to
 * the fixed 10-minute policy, as Shahrad et al. do in "Serverless in the Wild" (USENIX ATC
 * 2020, Fig. 15).
 *
 * Pure and synchronous (it runs in a Web Worker or in the CLI): the caller gets progress
 * through a callback between runs and stops a comparison by terminating its worker.
 */

const MINUTE_MS = 60_000;

/** The policy everything is normalised to: fixed keep-alive of 10 minutes (AWS Lambda, as cited). */
export const BASELINE: PolicyUnderTest = fixedPolicy(figures.fixedKeepAliveAwsMs.value);

/** A fixed keep-alive of `idleMs`: `fixed-10min` (whole minutes) or `fixed-90000ms`. */
export function fixedPolicy(idleMs: number): PolicyUnderTest {
  const whole = idleMs % MINUTE_MS === 0;
  return {
    id: whole ? `fixed-${idleMs / MINUTE_MS}min` : `fixed-${idleMs}ms`,
    label: whole ? `fixed ${idleMs / MINUTE_MS} min` : `fixed ${Math.round((idleMs / MINUTE_MS) * 100) / 100} min`,
    keepAlive: { policy: 'fixed', idleMs },
  };
}

export const NO_KEEP_ALIVE: PolicyUnderTest = { id: 'none', label: 'no keep-alive', keepAlive: { policy: 'none' } };

/** The hybrid histogram policy with its published defaults (the scenario schema fills them in). */
export const HYBRID_DEFAULT: PolicyUnderTest = { id: 'hybrid-default', label: 'hybrid histogram', keepAlive: { policy: 'hybrid' } };

/** Whether the scenario format accepts the hybrid histogram keep-alive (the engine runs it then). */
export function hybridSupported(): boolean {
  return keepAliveSchema.safeParse({ policy: 'hybrid' }).success;
}

/**
 * The fixed keep-alives tried by default. 10 and 20 minutes are the ones cited for AWS Lambda
 * and Azure Functions; 5 and 60 minutes are illustrative points either side of them, so the
 * curve of cold starts against idle memory has a shape.
 */
export const DEFAULT_FIXED_MS = [5 * MINUTE_MS, figures.fixedKeepAliveAwsMs.value, figures.fixedKeepAliveAzureMs.value, 60 * MINUTE_MS] as const;

/** No keep-alive, the default fixed keep-alives, and the hybrid policy when the format has it. */
export function defaultPolicies(withHybrid = hybridSupported()): PolicyUnderTest[] {
  return [NO_KEEP_ALIVE, ...DEFAULT_FIXED_MS.map(fixedPolicy), ...(withHybrid ? [HYBRID_DEFAULT] : [])];
}

/** Nearest-rank percentile of numbers sorted in increasing order (as the run's latency percentiles). */
export function nearestRank(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export interface CompareOptions {
  onProgress?: CompareProgress;
  /** Wall clock for `wallMs` (the simulation core reads none itself); 0 everywhere without one. */
  now?: () => number;
}

/** The scenario with its keep-alive replaced, validated; problems name the policy. */
function withPolicy(input: unknown, policy: PolicyUnderTest): Scenario {
  const base = (input !== null && typeof input === 'object' ? input : {}) as Record<string, unknown>;
  const platform = base.platform !== null && typeof base.platform === 'object' ? (base.platform as Record<string, unknown>) : {};
  try {
    return parseScenario({ ...base, platform: { ...platform, keepAlive: policy.keepAlive } });
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    // A problem of the policy reads "policy "custom": keepAlive.idleMs: ..."; others are the scenario's own.
    throw new ScenarioError(e.issues.map((line) => (line.startsWith('platform.keepAlive') ? `policy "${policy.label}": ${line.slice('platform.'.length)}` : line)));
  }
}

/** One policy's run, reduced to what the comparison shows. */
export function runPolicy(scenario: Scenario, policy: PolicyUnderTest, now: () => number = () => 0): Omit<PolicyResult, 'idleMemoryNormalised'> {
  const start = now();
  const report = new Simulation(scenario).run();
  // Per application: its functions' invocations, cold starts and idle memory added up (a
  // function without `app` is an application of its own), in the order they first appear.
  const byApp = new Map<string, AppResult>();
  for (const f of scenario.functions) {
    const m = report.perFunction[f.name]!;
    const app = f.app ?? f.name;
    const a = byApp.get(app) ?? { app, functions: [], invocations: 0, coldStarts: 0, coldStartPct: 0, idleGbSeconds: 0 };
    a.functions.push(f.name);
    // Started invocations: each ran its handler, on a warm sandbox or after a cold start.
    a.invocations += m.requests.cold + m.requests.warm;
    a.coldStarts += m.requests.cold;
    a.idleGbSeconds += m.memory.idleGbSeconds;
    byApp.set(app, a);
  }
  const apps = [...byApp.values()].map((a) => ({ ...a, coldStartPct: a.invocations > 0 ? (100 * a.coldStarts) / a.invocations : 0 }));
  const pcts = apps
    .filter((a) => a.invocations > 0)
    .map((a) => a.coldStartPct)
    .sort((a, b) => a - b);
  return {
    id: policy.id,
    label: policy.label,
    apps,
    coldStartPct: { p50: nearestRank(pcts, 50), p75: nearestRank(pcts, 75), p90: nearestRank(pcts, 90), p99: nearestRank(pcts, 99) },
    invocations: apps.reduce((s, a) => s + a.invocations, 0),
    coldStarts: apps.reduce((s, a) => s + a.coldStarts, 0),
    idleGbSeconds: apps.reduce((s, a) => s + a.idleGbSeconds, 0),
    wallMs: now() - start,
  };
}

/**
 * Runs `input` once per policy (the baseline, fixed 10 minutes, is added first if missing) and
 * compares them. Every policy is validated before anything runs, so a typo in the last one
 * costs no waiting. Progress is reported before each run and after the last.
 */
export function comparePolicies(input: unknown, policies: readonly PolicyUnderTest[], options: CompareOptions = {}): CompareResult {
  const ids = new Set<string>();
  const duplicate = policies.find((p) => (ids.has(p.id) ? true : (ids.add(p.id), false)));
  if (duplicate) return { ok: false, issues: [`policy id "${duplicate.id}" is given twice: each policy needs its own id`] };
  const hasBaseline = policies.some((p) => p.id === BASELINE.id);
  const all = hasBaseline ? [...policies] : [BASELINE, ...policies];

  const scenarios: Scenario[] = [];
  const issues: string[] = [];
  for (const p of all) {
    try {
      scenarios.push(withPolicy(input, p));
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      for (const line of e.issues) if (!issues.includes(line)) issues.push(line);
    }
  }
  if (issues.length > 0) return { ok: false, issues };

  const now = options.now ?? (() => 0);
  const results: Omit<PolicyResult, 'idleMemoryNormalised'>[] = [];
  all.forEach((p, i) => {
    options.onProgress?.({ done: i, total: all.length, label: p.label });
    results.push(runPolicy(scenarios[i]!, p, now));
  });
  options.onProgress?.({ done: all.length, total: all.length, label: '' });

  const baseline = results.find((r) => r.id === BASELINE.id)!;
  if (!(baseline.idleGbSeconds > 0)) {
    return { ok: false, issues: [`the baseline (${BASELINE.label}) held no idle memory, so there is nothing to normalise to: is any function invoked before the end of the run?`] };
  }
  const comparison: PolicyComparison = {
    scenarioName: scenarios[0]!.name,
    baselineId: BASELINE.id,
    policies: results.map((r) => ({ ...r, idleMemoryNormalised: r.id === BASELINE.id ? 1 : r.idleGbSeconds / baseline.idleGbSeconds })),
  };
  return { ok: true, comparison };
}
