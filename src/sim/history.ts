import { Simulation, type SimCheckpoint, type SimulationOptions } from './engine';
import type { Scenario } from './scenario';

/** At most this many checkpoints over a run (they are at least duration/CHECKPOINTS apart). */
const CHECKPOINTS = 200;
/**
 * A checkpoint copies every entity; replaying costs one dispatch per event. Waiting for this
 * many events per entity between checkpoints keeps copying under about a tenth of the work,
 * while a seek replays at most that many events (tens of milliseconds).
 */
const EVENTS_PER_ENTITY = 10;

/**
 * A run that can be scrubbed both ways, as RaftScope's state.js does it: checkpoints as the
 * run goes; seeking back restores the latest checkpoint at or before the target and replays
 * to it. The run is deterministic, so the state reached is exactly the one played before, not
 * an approximation.
 */
export class History {
  readonly sim: Simulation;
  /** In increasing time order. */
  private readonly checkpoints: { t: number; state: SimCheckpoint }[] = [];
  private readonly intervalMs: number;
  private lastCheckpointEvents = 0;

  constructor(
    readonly scenario: Scenario,
    options: Omit<SimulationOptions, 'onTransition'> = {},
  ) {
    this.sim = new Simulation(scenario, { timeline: true, ...options });
    this.intervalMs = scenario.durationMs / CHECKPOINTS;
    this.checkpoints.push({ t: 0, state: this.sim.save() });
  }

  get now(): number {
    return this.sim.now;
  }

  get done(): boolean {
    return this.sim.now >= this.scenario.durationMs;
  }

  /** The time of the latest checkpoint: no checkpoint is taken before the next interval. */
  private get frontier(): number {
    return this.checkpoints[this.checkpoints.length - 1]!.t;
  }

  private maybeCheckpoint(): void {
    const sim = this.sim;
    if (sim.now < this.frontier + this.intervalMs) return;
    if (sim.eventsProcessed - this.lastCheckpointEvents < EVENTS_PER_ENTITY * sim.stateSize) return;
    this.checkpoints.push({ t: sim.now, state: sim.save() });
    this.lastCheckpointEvents = sim.eventsProcessed;
  }

  /**
   * Runs forward to `t`, stopping early once `maxEvents` events have been processed (so one
   * call never blocks the worker for long at high speed); returns the time reached.
   */
  advanceTo(t: number, maxEvents = Infinity): number {
    const target = Math.min(t, this.scenario.durationMs);
    let budget = maxEvents;
    const sim = this.sim;
    // Past the newest checkpoint, stop every interval to consider taking one.
    while (sim.nextEventTime() <= target && budget > 0) {
      const due = this.frontier + this.intervalMs;
      const boundary = sim.now < this.frontier ? Infinity : sim.now < due ? due : sim.now + this.intervalMs;
      const stop = Math.min(target, boundary);
      if (budget === Infinity) sim.runUntil(stop);
      else {
        while (sim.nextEventTime() <= stop && budget > 0) {
          sim.step();
          budget--;
        }
        if (budget <= 0) return sim.now;
        sim.runUntil(stop);
      }
      this.maybeCheckpoint();
      if (stop >= target) break;
    }
    if (budget > 0) sim.runUntil(target);
    return sim.now;
  }

  /** The latest checkpoint strictly before `t` (or at it, when `inclusive`). */
  private checkpointBefore(t: number, inclusive: boolean): SimCheckpoint {
    let lo = 0;
    let hi = this.checkpoints.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      const ct = this.checkpoints[mid]!.t;
      if (ct < t || (inclusive && ct === t)) lo = mid;
      else hi = mid - 1;
    }
    return this.checkpoints[lo]!.state;
  }

  /** Goes to time `t`, backwards or forwards; the state is the one a straight run reaches at t. */
  seek(t: number): void {
    const target = Math.max(0, Math.min(t, this.scenario.durationMs));
    if (target < this.sim.now) this.sim.restore(this.checkpointBefore(target, true));
    this.advanceTo(target);
  }

  /** Forward to the next instant at which something happens; false at the end of the run. */
  stepForward(): boolean {
    const next = this.sim.nextEventTime();
    if (next > this.scenario.durationMs) {
      this.advanceTo(this.scenario.durationMs);
      return false;
    }
    this.advanceTo(next);
    return true;
  }

  /** Back to the previous instant at which something happened (or the start). */
  stepBack(): void {
    const now = this.sim.now;
    if (now <= 0) return;
    // Replay from the last checkpoint before now, event by event, to find the last instant
    // before now at which an event happened; an earlier checkpoint if there was none.
    let before = now;
    for (;;) {
      const cp = this.checkpointBefore(before, false);
      this.sim.restore(cp);
      const from = this.sim.now;
      let previous = -1;
      while (this.sim.nextEventTime() < now) {
        previous = this.sim.nextEventTime();
        this.sim.runUntil(previous);
      }
      if (previous >= 0 || from === 0) {
        this.seek(Math.max(previous, 0));
        return;
      }
      before = from;
    }
  }
}
