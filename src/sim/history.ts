import { Simulation, type SimCheckpoint, type SimulationOptions } from './engine';
import type { Scenario } from './scenario';

/** At most this many checkpoints: memory stays bounded whatever the run's length. */
const CHECKPOINTS = 200;

/**
 * A run that can be scrubbed both ways, as RaftScope's state.js does it: checkpoints at regular
 * simulated times; seeking back restores the latest checkpoint at or before the target and
 * replays to it. The run is deterministic, so the state reached is exactly the one played
 * before, not an approximation.
 */
export class History {
  readonly sim: Simulation;
  private readonly checkpoints: SimCheckpoint[] = [];
  private readonly intervalMs: number;

  constructor(
    readonly scenario: Scenario,
    options: Omit<SimulationOptions, 'onTransition'> = {},
  ) {
    this.sim = new Simulation(scenario, { timeline: true, ...options });
    this.intervalMs = scenario.durationMs / CHECKPOINTS;
    this.checkpoints.push(this.sim.save());
  }

  get now(): number {
    return this.sim.now;
  }

  get done(): boolean {
    return this.sim.now >= this.scenario.durationMs;
  }

  /**
   * Runs forward to `t`, stopping early once `maxEvents` events have been processed (so one
   * call never blocks the worker for long at high speed); returns the time reached.
   */
  advanceTo(t: number, maxEvents = Infinity): number {
    const target = Math.min(t, this.scenario.durationMs);
    let budget = maxEvents;
    while (this.sim.now < target || this.sim.nextEventTime() <= target) {
      const nextCheckpoint = this.checkpoints.length * this.intervalMs;
      const stop = Math.min(target, nextCheckpoint);
      // Process events one instant at a time only when a budget is set.
      if (budget === Infinity) this.sim.runUntil(stop);
      else {
        while (this.sim.nextEventTime() <= stop && budget > 0) {
          this.sim.step();
          budget--;
        }
        if (budget <= 0) return this.sim.now;
        this.sim.runUntil(stop);
      }
      if (this.sim.now >= nextCheckpoint && this.checkpoints.length <= CHECKPOINTS) this.checkpoints.push(this.sim.save());
      if (stop >= target) break;
    }
    return this.sim.now;
  }

  /** Goes to time `t`, backwards or forwards; the state is the one a straight run reaches at t. */
  seek(t: number): void {
    const target = Math.max(0, Math.min(t, this.scenario.durationMs));
    if (target < this.sim.now) {
      const index = Math.min(Math.floor(target / this.intervalMs), this.checkpoints.length - 1);
      this.sim.restore(this.checkpoints[index]!);
    }
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
    // Restore the last checkpoint strictly before now, then replay event by event to find
    // the last instant before now at which an event happened.
    let index = Math.min(Math.ceil(now / this.intervalMs) - 1, this.checkpoints.length - 1);
    for (; index >= 0; index--) {
      this.sim.restore(this.checkpoints[index]!);
      let previous = -1;
      while (this.sim.nextEventTime() < now) {
        previous = this.sim.nextEventTime();
        this.sim.runUntil(previous);
      }
      if (previous >= 0 || index === 0) {
        this.seek(Math.max(previous, 0));
        return;
      }
    }
  }
}
