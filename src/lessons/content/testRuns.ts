/** Helpers for the lesson tests (imported by `*.test.ts` only): run a lesson's scenario as the worker would. */
import { Simulation, type Transition } from '../../sim/engine';
import type { RunReport } from '../../sim/meters';
import { parseScenario, type ScenarioInput } from '../../sim/scenario';
import type { Lesson, Prediction } from '../types';

export const run = (s: ScenarioInput): RunReport => new Simulation(parseScenario(s)).run();

/** A run with every state transition, in time order. */
export function traced(s: ScenarioInput): { report: RunReport; trace: Transition[] } {
  const trace: Transition[] = [];
  const report = new Simulation(parseScenario(s), { onTransition: (t) => trace.push(t) }).run();
  return { report, trace };
}

/** A lesson's predictions, in step order. */
export const predictions = (l: Lesson): Prediction[] => l.steps.flatMap((s) => (s.predict ? [s.predict] : []));
