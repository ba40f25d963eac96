import { useEffect, useId, useRef } from 'react';
import { pick, useT } from '../../i18n';
import type { Localized } from '../../i18n/types';
import { T } from './texts';

/** A problem to show until dismissed; `draft` is a scenario the user may still open in the editor. */
export interface Problem {
  text: Localized;
  draft?: unknown;
}

/** Text to copy by hand, when the browser refused the clipboard. */
export interface CopyField {
  label: Localized;
  value: string;
}

export interface ShareFeedbackProps {
  status: Localized | null;
  problem: Problem | null;
  field: CopyField | null;
  onEditAnyway: (draft: unknown) => void;
  onDismissProblem: () => void;
  onDismissField: () => void;
}

/**
 * What the share menu says back: confirmations in a polite status region, problems in an
 * alert, and the link in a selected field when it could not be copied. Both live regions are
 * always in the page, empty when silent: one inserted at the moment it speaks is not announced
 * by every screen reader.
 */
export function ShareFeedback({ status, problem, field, onEditAnyway, onDismissProblem, onDismissField }: ShareFeedbackProps) {
  const { lang } = useT();
  const id = useId();
  const fieldRef = useRef<HTMLInputElement>(null);

  // Selected and focused, so Ctrl+C (or a long press) is all it takes.
  useEffect(() => {
    if (!field) return;
    fieldRef.current?.focus();
    fieldRef.current?.select();
  }, [field]);

  return (
    <div className="share-feedback">
      <p role="status" className="share-status">
        {status && pick(status, lang)}
      </p>
      <div role="alert" className="share-alert-region">
        {problem && (
          <div className="share-alert">
            <p>{pick(problem.text, lang)}</p>
            <div className="share-alert-actions">
              {problem.draft !== undefined && (
                <button type="button" onClick={() => onEditAnyway(problem.draft)}>
                  {pick(T.editAnyway, lang)}
                </button>
              )}
              <button type="button" onClick={onDismissProblem}>
                {pick(T.dismiss, lang)}
              </button>
            </div>
          </div>
        )}
      </div>
      {field && (
        <div className="share-field">
          <label htmlFor={`${id}-field`}>{pick(field.label, lang)}</label>
          <input ref={fieldRef} id={`${id}-field`} type="text" readOnly value={field.value} onFocus={(e) => e.currentTarget.select()} />
          <button type="button" onClick={onDismissField}>
            {pick(T.dismiss, lang)}
          </button>
        </div>
      )}
    </div>
  );
}
