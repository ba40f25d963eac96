import { useEffect, useRef, useState, type ReactNode } from 'react';
import { stopLabWorker } from './labWorker';

/**
 * Small pieces the lab's sections share: a labelled text field that shows its problem below
 * itself (tied with aria-describedby), a progress bar with its label, and a chart's size that
 * follows its container.
 */

export function LabField({ id, label, value, onChange, problem, hint, inputMode = 'decimal', disabled }: {
  id: string;
  label: ReactNode;
  value: string;
  onChange: (v: string) => void;
  problem?: string;
  hint?: ReactNode;
  inputMode?: 'decimal' | 'numeric';
  disabled?: boolean;
}) {
  const described = [problem ? `${id}-problem` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`lab-field${problem ? ' lab-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input id={id} type="text" inputMode={inputMode} value={value} disabled={disabled} aria-invalid={problem ? true : undefined} aria-describedby={described} onChange={(e) => onChange(e.target.value)} />
      {problem && (
        <p id={`${id}-problem`} className="lab-problem">
          <span aria-hidden="true">⚠ </span>
          {problem}
        </p>
      )}
      {hint && (
        <p id={`${id}-hint`} className="lab-hint">
          {hint}
        </p>
      )}
    </div>
  );
}

/** A `<progress>` and its label; indeterminate while `max` is 0. */
export function LabProgress({ id, label, value, max }: { id: string; label: string; value: number; max: number }) {
  return (
    <div className="lab-progress" role="status">
      <label htmlFor={id}>{label}</label>
      {max > 0 ? <progress id={id} value={value} max={max} /> : <progress id={id} />}
    </div>
  );
}

/** Stops the lab's worker: the job it was running is then marked cancelled by `onCancel`. */
export function CancelButton({ label, onCancel }: { label: string; onCancel: () => void }) {
  return (
    <button
      type="button"
      onClick={() => {
        stopLabWorker();
        onCancel();
      }}
    >
      {label}
    </button>
  );
}

/** How a lab job ended when it did not succeed: cancelled by the user, or its problems one per line. */
export function JobEnding({ job, cancelledText }: { job: { status: string; issues?: string[] }; cancelledText: string }) {
  if (job.status === 'cancelled') return <p className="lab-hint">{cancelledText}</p>;
  if (job.status !== 'failed') return null;
  return (
    <ul className="issues" role="alert">
      {(job.issues ?? []).map((m, i) => (
        <li key={i}>{m}</li>
      ))}
    </ul>
  );
}

/** The width of the element `ref` is put on (0 until measured), for charts drawn at its size. */
export function useWidth<E extends HTMLElement>(): [React.RefObject<E | null>, number] {
  const ref = useRef<E>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(Math.floor(el.clientWidth));
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      for (const entry of entries) setWidth(Math.floor(entry.contentRect.width));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}
