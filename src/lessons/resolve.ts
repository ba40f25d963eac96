import { Simulation } from '../sim/engine';
import type { Scenario } from '../sim/scenario';
import type { StepTarget } from './types';

/** The state's leaf name: `initializing.fetchingCode` → `fetchingCode`. */
const leaf = (state: string) => state.slice(state.lastIndexOf('.') + 1);

/**
 * The simulated time a lesson step goes to. A transition target runs the scenario (without
 * the timeline, stopping at the match) and returns when the nth matching transition happened;
 * null if it never does before the end of the run.
 */
export function resolveTarget(scenario: Scenario, target: StepTarget): number | null {
  if (target.kind === 'time') return Math.max(0, Math.min(target.atMs, scenario.durationMs));
  const want = target.nth ?? 1;
  let seen = 0;
  let at: number | null = null;
  const sim = new Simulation(scenario, {
    onTransition: (tr) => {
      if (at !== null || tr.kind !== target.entity) return;
      if (leaf(tr.to) !== target.to && tr.to !== target.to) return;
      if (target.fn !== undefined && tr.fn !== target.fn) return;
      if (++seen === want) at = tr.t;
    },
  });
  while (at === null && sim.nextEventTime() <= scenario.durationMs) sim.step();
  return at;
}
