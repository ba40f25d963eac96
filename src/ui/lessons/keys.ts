import { useLessons } from '../../store/lessons';
import { isTyping } from '../keyboard';

/**
 * The lesson keys: Page Down / Page Up (what a presentation clicker sends) move through the
 * open lesson's steps, so nothing needs the mouse during a talk. Called from the page's global
 * keyboard handler before the playback shortcuts; does nothing when no lesson is open.
 */

/** A control that uses the arrow keys itself (a radio group, a slider, a select). */
function usesArrows(target: EventTarget | null): boolean {
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return false;
  return ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName) || target.isContentEditable;
}

export interface LessonKeyOptions {
  /** →/← move through the steps too (presenter mode, where the talk follows the lesson). */
  arrows?: boolean;
}

/** Handles a lesson key; returns true (and prevents the default scroll) when it moved a step. */
export function handleLessonKey(e: KeyboardEvent, { arrows = false }: LessonKeyOptions = {}): boolean {
  const lessons = useLessons.getState();
  if (lessons.lessonId === null) return false;
  if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return false;
  let direction = 0;
  if (e.key === 'PageDown') direction = 1;
  else if (e.key === 'PageUp') direction = -1;
  else if (arrows && !usesArrows(e.target) && e.key === 'ArrowRight') direction = 1;
  else if (arrows && !usesArrows(e.target) && e.key === 'ArrowLeft') direction = -1;
  if (direction === 0) return false;
  e.preventDefault();
  void (direction > 0 ? lessons.next() : lessons.prev());
  return true;
}
