import type { Simulation } from './engine';

/**
 * How large a run may grow in the browser, and why. A scenario is checked against the schema's
 * own caps when it is loaded (at most 10,000 functions and 100,000 hosts: src/sim/scenario.ts;
 * trace files at most 256 MB: src/traces/csvTable.ts), but its size at run time depends on the
 * traffic: a high request rate with a high concurrency limit can ask for hundreds of thousands
 * of sandboxes. These limits stop such a run with a message that names the limit, before it
 * exhausts the tab's memory or keeps the worker busy for minutes; the page offers to restart
 * from the last good state. The command-line runner has no such limits.
 */
export const limits = {
  /** Sandboxes alive at once: every one is drawn and sent to the page in each frame; bench/scale.ts measures up to this size. */
  liveSandboxes: { value: 20_000, unit: 'sandboxes' },
  /**
   * Sandboxes, requests (in flight or queued) and pending events held at once: each of the
   * (up to 200) rewind checkpoints copies all of them, so memory grows with this figure.
   */
  liveEntities: { value: 200_000, unit: 'entities' },
  /** Events in one run to the end (the metrics table, a lesson's experiment, the memory sweep): computed in one call, so bounded in time. */
  eventsPerRun: { value: 100_000_000, unit: 'events' },
} as const;

export type LimitName = keyof typeof limits;

/** Which limit a run went past, by how much and when (simulated ms). */
export interface LimitBreach {
  limit: LimitName;
  value: number;
  max: number;
  atMs: number;
}

/**
 * Thrown by the worker when a run goes past a limit. Its message is the breach as JSON, so
 * that it crosses the worker boundary (which keeps an error's name and message only) intact.
 */
export class LimitExceeded extends Error {
  constructor(readonly breach: LimitBreach) {
    super(JSON.stringify(breach));
    this.name = 'LimitExceeded';
  }
}

/** The breach carried by an error that crossed the worker boundary, or null if it is another error. */
export function limitBreachOf(e: unknown): LimitBreach | null {
  if (!(e instanceof Error) || e.name !== 'LimitExceeded') return null;
  try {
    const b = JSON.parse(e.message) as Partial<LimitBreach>;
    return typeof b.limit === 'string' && b.limit in limits && typeof b.value === 'number' && typeof b.max === 'number' && typeof b.atMs === 'number' ? (b as LimitBreach) : null;
  } catch {
    return null;
  }
}

/** The first live limit `sim` is past, or null. Cheap: two counters. */
export function liveBreach(sim: Pick<Simulation, 'sandboxes' | 'stateSize' | 'now'>): LimitBreach | null {
  if (sim.sandboxes.size > limits.liveSandboxes.value) return { limit: 'liveSandboxes', value: sim.sandboxes.size, max: limits.liveSandboxes.value, atMs: sim.now };
  if (sim.stateSize > limits.liveEntities.value) return { limit: 'liveEntities', value: sim.stateSize, max: limits.liveEntities.value, atMs: sim.now };
  return null;
}

/** Throws `LimitExceeded` if `sim` is past a live limit. */
export function checkLiveLimits(sim: Pick<Simulation, 'sandboxes' | 'stateSize' | 'now'>): void {
  const breach = liveBreach(sim);
  if (breach) throw new LimitExceeded(breach);
}

/**
 * Runs `sim` to the end of its scenario in slices, checking the limits between slices (the
 * same events in the same order as one `runUntil`, so the report is the same).
 */
export function runWithinLimits(sim: Simulation, slices = 1_000): void {
  const end = sim.scenario.durationMs;
  for (let i = 1; i <= slices; i++) {
    sim.runUntil((end * i) / slices);
    checkLiveLimits(sim);
    if (sim.eventsProcessed > limits.eventsPerRun.value) throw new LimitExceeded({ limit: 'eventsPerRun', value: sim.eventsProcessed, max: limits.eventsPerRun.value, atMs: sim.now });
  }
}

/** The breach as one English sentence, for the places that list a scenario's problems as text. */
export function describeBreach(b: LimitBreach): string {
  const n = (x: number) => x.toLocaleString('en-US');
  return `the run went past the limit of ${n(b.max)} ${limits[b.limit].unit} (${n(b.value)} at ${n(Math.round(b.atMs))} ms of simulated time): make the scenario smaller (a lower request rate or concurrency limit, fewer hosts, a shorter duration)`;
}
