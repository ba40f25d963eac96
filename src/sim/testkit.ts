/**
 * Helpers for the simulation's unit tests (imported by `*.test.ts` only): build small
 * scenarios, run them with the transition trace, and read the trace as a student would.
 */
import { Simulation, type Transition } from './engine';
import type { RunReport } from './meters';
import { parseScenario, type Scenario, type ScenarioInput } from './scenario';

export type FunctionInput = ScenarioInput['functions'][number];
export type PlatformInput = NonNullable<ScenarioInput['platform']>;

/** Data-plane hops and cold-start phases all at 0 ms: only what a test sets takes time. */
export const instantPlatform = {
  hopsMs: { loadBalancer: 0, frontend: 0, counting: 0, workerManager: 0, placement: 0, gateway: 0 },
  coldStart: { codeFetchMsPerMb: 0, microVmBootMs: 0, containerStartMs: 0, accountVmBootMs: 0, runtimeBootMs: 0, shutdownMs: 0 },
} satisfies PlatformInput;

/** A function of account `acme` with 512 MB, a 10 ms handler and a 1/s Poisson workload, unless overridden. */
export function fn(overrides: Partial<FunctionInput> = {}): FunctionInput {
  return {
    name: 'f',
    account: 'acme',
    memoryMb: 512,
    durationMs: { dist: 'constant', ms: 10 },
    workload: { type: 'poisson', ratePerSec: 1 },
    ...overrides,
  };
}

/** A scenario of the given functions (default: one `fn()`), accounts taken from them. */
export function scenario(opts: { functions?: FunctionInput[]; platform?: PlatformInput; durationMs?: number; seed?: number }): Scenario {
  const functions = opts.functions ?? [fn()];
  const accounts = [...new Set(functions.map((f) => f.account))].map((id) => ({ id }));
  return parseScenario({ version: 1, seed: opts.seed ?? 7, durationMs: opts.durationMs ?? 60_000, platform: opts.platform ?? {}, accounts, functions });
}

export interface TracedRun {
  sim: Simulation;
  report: RunReport;
  trace: Transition[];
}

/** Runs a scenario to its end, recording every transition. */
export function runTraced(s: Scenario): TracedRun {
  const trace: Transition[] = [];
  const sim = new Simulation(s, { onTransition: (t) => trace.push(t) });
  const report = sim.run();
  return { sim, report, trace };
}

export const requestTransitions = (trace: Transition[], to?: string) => trace.filter((t) => t.kind === 'request' && (to === undefined || t.to === to));
export const sandboxTransitions = (trace: Transition[], to?: string) => trace.filter((t) => t.kind === 'sandbox' && (to === undefined || t.to === to));

/** Request states in which a request holds concurrency (admitted by the counting service, not ended). */
export const ADMITTED_STATES = new Set(['routing', 'waitingForSandbox', 'running']);
export const END_STATES = new Set(['responded', 'throttled', 'timedOut', 'failed', 'throttledAtGateway', 'deadLettered', 'denied']);

/**
 * The highest number of requests holding concurrency at once, among the requests `which`
 * selects (by function name). Transitions at one instant are applied in trace order.
 */
export function peakConcurrency(trace: Transition[], which: (fnName: string) => boolean): number {
  const holding = new Set<number>();
  let peak = 0;
  for (const t of trace) {
    if (t.kind !== 'request' || !which(t.fn)) continue;
    if (ADMITTED_STATES.has(t.to)) holding.add(t.id);
    else holding.delete(t.id);
    peak = Math.max(peak, holding.size);
  }
  return peak;
}

/** Time from each request's arrival to its end state, by request id (ended requests only). */
export function timeToEnd(trace: Transition[]): Map<number, { outcome: string; ms: number }> {
  const arrived = new Map<number, number>();
  const out = new Map<number, { outcome: string; ms: number }>();
  for (const t of trace) {
    if (t.kind !== 'request') continue;
    if (t.from === null) arrived.set(t.id, t.t);
    if (END_STATES.has(t.to)) out.set(t.id, { outcome: t.to, ms: t.t - arrived.get(t.id)! });
  }
  return out;
}
