import type { Prediction } from '../../lessons/types';
import type { RunReport } from '../../sim/meters';
import type { ScenarioInput } from '../../sim/scenario';
import { simWorker } from '../../worker/client';

/**
 * A lesson's experiment: the lesson's scenario and its variant, each run to the end in the
 * worker (one after the other: one worker, and the playback keeps its place), then the
 * prediction's own `answer` read from the two reports. Nothing here decides the answer.
 */
export interface ExperimentResult {
  base: RunReport;
  variant: RunReport;
  /** The choice the simulation's numbers support. */
  answer: string;
}

export async function runExperiment(predict: Prediction, scenario: ScenarioInput): Promise<ExperimentResult> {
  const worker = simWorker();
  const base = await worker.run(scenario);
  if (!base.ok) throw new Error(base.issues.join('; '));
  // A copy: a variant that changed its argument in place would change the lesson.
  const variant = await worker.run(predict.variant(structuredClone(scenario)));
  if (!variant.ok) throw new Error(variant.issues.join('; '));
  return { base: base.report, variant: variant.report, answer: predict.answer(base.report, variant.report) };
}
