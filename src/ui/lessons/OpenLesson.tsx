import { useEffect, useRef, useState, type RefObject } from 'react';
import { pick, useT } from '../../i18n';
import type { Lesson } from '../../lessons/types';
import { useLessons } from '../../store/lessons';
import { fill } from './labels';
import { PredictionBox } from './PredictionBox';
import { StepNav } from './StepNav';

export interface OpenLessonProps {
  lesson: Lesson;
  /** Its place in the list, 1-based. */
  number: number;
  presenter: boolean;
  /** Set when the student opened it from the list: the title takes the focus once. */
  focusTitleRef: RefObject<boolean>;
  onBack: () => void;
}

/**
 * One lesson: its text and sources, its steps (the current one expanded, the others a click
 * away), the prediction of the current step, and the step buttons. In presenter mode, only the
 * current step, large. Each new step's text is announced, so a student who moves on with the
 * keyboard (the focus stays on "Next step") hears where they are.
 */
export function OpenLesson({ lesson, number, presenter, focusTitleRef, onBack }: OpenLessonProps) {
  const { lang } = useT();
  const step = useLessons((s) => s.step);
  const title = useRef<HTMLHeadingElement>(null);
  // The text is open at the first step and folds away after it (so the current step is near
  // the top of a narrow column), unless the student opened or closed it: then it stays so.
  const [textChoice, setTextChoice] = useState<boolean | null>(null);
  const textOpen = textChoice ?? step === 0;
  const n = lesson.steps.length;
  const current = lesson.steps[step];
  const stepOf = fill('stepOf', lang, { k: step + 1, n });

  useEffect(() => {
    if (!focusTitleRef.current) return;
    focusTitleRef.current = false;
    title.current?.focus();
  }, [focusTitleRef]);

  const stepBody = current && (
    <div className="lesson-step-body">
      <p className="lesson-step-text">{pick(current.text, lang)}</p>
      <StepStatusNote lessonId={lesson.id} />
      {current.predict && <PredictionBox key={`${lesson.id}:${step}`} lessonId={lesson.id} step={step} predict={current.predict} scenario={lesson.scenario} />}
    </div>
  );

  return (
    <div className="lesson" data-lesson={lesson.id}>
      <div className="lesson-head">
        <button type="button" className="lesson-back" onClick={onBack}>
          <span aria-hidden="true">← </span>
          {fill('backToList', lang)}
        </button>
        <h3 ref={title} tabIndex={-1}>
          {number}. {pick(lesson.title, lang)}
        </h3>
      </div>
      {/* The new step, said once when it changes (the visible text is in the list). */}
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {current ? `${stepOf}. ${pick(current.text, lang)}` : ''}
      </p>
      {presenter ? (
        <div className="lesson-presenter-step" aria-current="step">
          <p className="lesson-counter">{stepOf}</p>
          {stepBody}
        </div>
      ) : (
        <>
          <details
            className="lesson-text"
            open={textOpen}
            onToggle={(e) => {
              // Fired for our own changes too: only a change we did not make is the student's.
              if (e.currentTarget.open !== textOpen) setTextChoice(e.currentTarget.open);
            }}
          >
            <summary>{fill('text', lang)}</summary>
            {lesson.body.map((paragraph, i) => (
              <p key={i}>{pick(paragraph, lang)}</p>
            ))}
            <h4>{fill('sources', lang)}</h4>
            <ul className="lesson-sources">
              {lesson.sources.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ul>
          </details>
          <h4 className="lesson-steps-heading">{fill('steps', lang)}</h4>
          <ol className="lesson-steps">
            {lesson.steps.map((s, i) =>
              i === step ? (
                <li key={i} className="current" aria-current="step">
                  <span className="lesson-step-num" aria-hidden="true">
                    {i + 1}
                  </span>
                  {stepBody}
                </li>
              ) : (
                <li key={i}>
                  <button type="button" className="lesson-step-jump" aria-label={`${fill('goToStep', lang, { k: i + 1 })}: ${pick(s.text, lang)}`} onClick={() => void useLessons.getState().goTo(i)}>
                    <span className="lesson-step-num">{i + 1}</span>
                    <span className="lesson-step-preview">{pick(s.text, lang)}</span>
                  </button>
                </li>
              ),
            )}
          </ol>
        </>
      )}
      <StepNav step={step} count={n} counter={!presenter} />
    </div>
  );
}

/** "Going there…", or why the step's moment is not shown (it never happens in this run). */
function StepStatusNote({ lessonId }: { lessonId: string }) {
  const { lang } = useT();
  const status = useLessons((s) => s.status);
  const step = useLessons((s) => s.step);
  return (
    <div role="status" className={status === 'missing' ? 'lesson-status missing' : 'lesson-status'}>
      {status === 'moving' && <span aria-hidden="true">{fill('moving', lang)}</span>}
      {status === 'missing' && (
        <>
          <p>{fill('missing', lang)}</p>
          <button type="button" onClick={() => void useLessons.getState().open(lessonId, step)}>
            {fill('reload', lang)}
          </button>
        </>
      )}
    </div>
  );
}
