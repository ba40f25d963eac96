import { useT } from '../../i18n';
import { useLessons } from '../../store/lessons';
import { fill } from './labels';

/**
 * Previous / Next step, with the counter between them and the keys that do the same
 * (Page Up / Page Down: a presentation clicker). At either end the button says it is
 * unavailable (aria-disabled) but keeps the focus, so a keyboard user is never dropped.
 */
export interface StepNavProps {
  /** The current step, 0-based. */
  step: number;
  count: number;
  /** Show "Step k of n" here (presenter mode shows it above the step instead). */
  counter?: boolean;
}

export function StepNav({ step, count, counter = true }: StepNavProps) {
  const { lang } = useT();
  const atStart = step <= 0;
  const atEnd = step >= count - 1;
  return (
    <nav className="lesson-nav" aria-label={fill('steps', lang)}>
      <button type="button" className="lesson-prev" aria-disabled={atStart} aria-keyshortcuts="PageUp" onClick={() => !atStart && void useLessons.getState().prev()}>
        <span aria-hidden="true">‹ </span>
        {fill('previous', lang)} <kbd aria-hidden="true">{fill('keyPageUp', lang)}</kbd>
      </button>
      {counter && <span className="lesson-counter">{fill('stepOf', lang, { k: step + 1, n: count })}</span>}
      <button type="button" className="lesson-next" aria-disabled={atEnd} aria-keyshortcuts="PageDown" onClick={() => !atEnd && void useLessons.getState().next()}>
        {fill('next', lang)} <kbd aria-hidden="true">{fill('keyPageDown', lang)}</kbd>
        <span aria-hidden="true"> ›</span>
      </button>
    </nav>
  );
}
