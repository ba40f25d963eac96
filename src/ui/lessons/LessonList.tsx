import { useEffect, useRef, type RefObject } from 'react';
import { pick, useT } from '../../i18n';
import type { Lesson } from '../../lessons/types';
import { useLessons, type LessonProgress } from '../../store/lessons';
import { fill } from './labels';

export interface LessonListProps {
  lessons: Lesson[];
  /** The lesson the student came back from: its button takes the focus. */
  returnToRef: RefObject<string | null>;
  onOpen: (id: string, step: number) => void;
}

/** Where a lesson reopens: at the furthest step reached, or at the start once it is completed. */
export function resumeStep(lesson: Lesson, p: LessonProgress | undefined): number {
  if (!p || p.completed) return 0;
  return Math.min(p.highestStep, lesson.steps.length - 1);
}

/** The lessons in teaching order, each with a ✓ when completed, else how far the student got. */
export function LessonList({ lessons, returnToRef, onOpen }: LessonListProps) {
  const { lang } = useT();
  const progress = useLessons((s) => s.progress);
  const list = useRef<HTMLOListElement>(null);

  useEffect(() => {
    const id = returnToRef.current;
    if (id === null) return;
    returnToRef.current = null;
    const buttons = list.current?.querySelectorAll<HTMLButtonElement>('button[data-lesson]') ?? [];
    [...buttons].find((b) => b.dataset.lesson === id)?.focus();
  }, [returnToRef]);

  return (
    <>
      <p className="lessons-intro">{fill('listIntro', lang)}</p>
      <ol className="lesson-list" ref={list}>
        {lessons.map((lesson, i) => {
          const p = progress[lesson.id];
          let state;
          if (p?.completed) {
            state = (
              <>
                <span aria-hidden="true">✓</span>
                <span className="visually-hidden">{fill('completed', lang)}</span>
              </>
            );
          } else if (p) {
            state = fill('stepsReached', lang, { k: p.highestStep + 1, n: lesson.steps.length });
          } else {
            state = fill('notStarted', lang);
          }
          return (
            <li key={lesson.id}>
              <button type="button" className="lesson-item" data-lesson={lesson.id} data-completed={p?.completed ? 'true' : undefined} onClick={() => onOpen(lesson.id, resumeStep(lesson, p))}>
                <span className="lesson-num">{i + 1}</span>
                <span className="lesson-title">{pick(lesson.title, lang)}</span>
                <span className="lesson-state">{state}</span>
              </button>
            </li>
          );
        })}
      </ol>
    </>
  );
}
