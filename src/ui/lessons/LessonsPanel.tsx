import { useEffect, useId, useRef } from 'react';
import { useT } from '../../i18n';
import { loadLessons, useLessons } from '../../store/lessons';
import { fill } from './labels';
import { LessonList } from './LessonList';
import { OpenLesson } from './OpenLesson';
import './lessons.css';

export interface LessonsPanelProps {
  /** Presenter mode: only the current step, large, with its counter and prediction. */
  presenter?: boolean;
}

/**
 * The guided lessons: the list (with each lesson's remembered progress), or the open lesson
 * with its text, sources, steps and predictions. A labelled region, so it can be reached by
 * landmark; everything in it works from the keyboard. The lesson texts are loaded on mount,
 * as their own chunk.
 */
export function LessonsPanel({ presenter = false }: LessonsPanelProps) {
  const { lang } = useT();
  const headingId = useId();
  const lessons = useLessons((s) => s.lessons);
  const loadError = useLessons((s) => s.loadError);
  const lessonId = useLessons((s) => s.lessonId);
  /** The lesson the student just left: its entry in the list gets the focus back. */
  const returnToRef = useRef<string | null>(null);
  /** Opened from the list (not by a link): the lesson's title takes the focus. */
  const focusTitleRef = useRef(false);

  useEffect(() => {
    loadLessons().catch(() => undefined); // the error is in the store, shown below
  }, []);

  const lesson = lessons?.find((l) => l.id === lessonId);
  let content;
  if (!lessons) {
    content = loadError ? (
      <p role="alert" className="lessons-error">
        {fill('loadError', lang, { error: loadError })}{' '}
        <button type="button" onClick={() => loadLessons().catch(() => undefined)}>
          {fill('retry', lang)}
        </button>
      </p>
    ) : (
      <p className="lessons-loading">{fill('loading', lang)}</p>
    );
  } else if (lesson) {
    content = (
      <OpenLesson
        key={lesson.id}
        lesson={lesson}
        number={lessons.indexOf(lesson) + 1}
        presenter={presenter}
        focusTitleRef={focusTitleRef}
        onBack={() => {
          returnToRef.current = lesson.id;
          useLessons.getState().close();
        }}
      />
    );
  } else {
    content = (
      <LessonList
        lessons={lessons}
        returnToRef={returnToRef}
        onOpen={(id, step) => {
          focusTitleRef.current = true;
          void useLessons.getState().open(id, step);
        }}
      />
    );
  }

  return (
    <section className={`panel lessons${presenter ? ' lessons-presenter' : ''}${lessons ? '' : ' lessons-pending'}`} aria-labelledby={headingId}>
      <h2 id={headingId}>{fill('heading', lang)}</h2>
      {content}
    </section>
  );
}
