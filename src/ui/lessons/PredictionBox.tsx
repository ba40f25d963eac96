import { useId, useState } from 'react';
import { pick, useT } from '../../i18n';
import type { Prediction } from '../../lessons/types';
import type { ScenarioInput } from '../../sim/scenario';
import { useLessons } from '../../store/lessons';
import { runExperiment, type ExperimentResult } from './experiment';
import { fill } from './labels';

export interface PredictionBoxProps {
  lessonId: string;
  step: number;
  predict: Prediction;
  /** The lesson's scenario: the experiment's base (not the draft, which the student may have edited). */
  scenario: ScenarioInput;
}

type Phase = { kind: 'choosing' } | { kind: 'running' } | { kind: 'done'; result: ExperimentResult; choice: string } | { kind: 'failed'; error: string };

/**
 * Predict, then observe: the question and its choices (a radio group), then "Run the
 * experiment", which runs the lesson's scenario and its variant in the worker and shows which
 * choice the simulation's numbers support, whether the student's matched, and why (with both
 * runs' numbers). The answer is said in a polite live region and remembered with the progress.
 */
export function PredictionBox({ lessonId, step, predict, scenario }: PredictionBoxProps) {
  const { lang } = useT();
  const id = useId();
  const earlier = useLessons((s) => s.progress[lessonId]?.predictions[String(step)]);
  const [choice, setChoice] = useState<string | null>(earlier?.choice ?? null);
  const [phase, setPhase] = useState<Phase>({ kind: 'choosing' });
  const label = (choiceId: string) => {
    const c = predict.choices.find((x) => x.id === choiceId);
    return c ? pick(c.label, lang) : choiceId;
  };
  const running = phase.kind === 'running';

  const run = async () => {
    if (choice === null || running) return;
    setPhase({ kind: 'running' });
    try {
      const result = await runExperiment(predict, scenario);
      useLessons.getState().recordPrediction(lessonId, step, choice, result.answer);
      setPhase({ kind: 'done', result, choice });
    } catch (e) {
      setPhase({ kind: 'failed', error: e instanceof Error ? e.message : String(e) });
    }
  };

  let answer = null;
  if (phase.kind === 'done') {
    const { result } = phase;
    answer = (
      <>
        <p className="prediction-verdict">
          {fill('supports', lang, { choice: label(result.answer) })}{' '}
          <strong className={phase.choice === result.answer ? 'matched' : 'missed'}>
            {phase.choice === result.answer ? fill('matched', lang) : fill('notMatched', lang, { choice: label(phase.choice) })}
          </strong>
        </p>
        <p className="prediction-explain">{predict.explain(result.base, result.variant, lang)}</p>
      </>
    );
  } else if (phase.kind === 'failed') {
    answer = <p className="prediction-error">{fill('runFailed', lang, { error: phase.error })}</p>;
  } else if (earlier && !running) {
    answer = <p className="prediction-earlier">{fill('earlier', lang, { choice: label(earlier.choice), answer: label(earlier.answer) })}</p>;
  }

  return (
    <div className="prediction" aria-busy={running}>
      <fieldset disabled={running}>
        <legend>
          <span className="prediction-kicker">{fill('predict', lang)}</span> {pick(predict.question, lang)}
        </legend>
        {predict.choices.map((c) => (
          <label key={c.id} className="prediction-choice">
            <input type="radio" name={`${id}-choice`} value={c.id} checked={choice === c.id} onChange={() => setChoice(c.id)} />
            <span>{pick(c.label, lang)}</span>
          </label>
        ))}
      </fieldset>
      <p className="prediction-variant">{fill('experiment', lang, { change: pick(predict.variantLabel, lang) })}</p>
      <button type="button" className="prediction-run" disabled={choice === null} aria-disabled={running || undefined} onClick={() => void run()}>
        {running ? fill('running', lang) : fill(phase.kind === 'done' || earlier ? 'runAgain' : 'run', lang)}
      </button>
      <div className="prediction-answer" aria-live="polite">
        {answer}
      </div>
    </div>
  );
}
