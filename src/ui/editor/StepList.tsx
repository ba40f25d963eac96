import { useEditor } from './context';
import { NumberField, Problems, useField } from './fields';
import { asArray, getIn, pathKey, type DraftPath } from './paths';

/** What a step list says: its group's name, each step's two fields, and its buttons. */
export interface StepListText {
  group: string;
  from: (n: number) => string;
  value: (n: number) => string;
  remove: (n: number) => string;
  add: string;
  atLeastOne: string;
}

/**
 * A list of steps `{ atMs, <valueKey> }` in the order they apply, with a button to remove each
 * (never the last one) and one to add a step after the last (`next`). The workload's rate steps
 * and the provisioned-concurrency schedule are both such lists.
 */
export function StepList({ path, valueKey, text, next, atScale, wide = false }: { path: DraftPath; valueKey: string; text: StepListText; next: (steps: readonly unknown[]) => unknown; atScale?: number; wide?: boolean }) {
  const { draft, set } = useEditor();
  const { id, problems } = useField(path, false);
  const steps = asArray(getIn(draft, path));
  const onlyOne = steps.length <= 1;
  const groupProblemsId = problems.length > 0 ? `${id}-problems` : undefined;
  return (
    <div className={wide ? 'se-steps se-wide' : 'se-steps'} role="group" aria-label={text.group} aria-describedby={groupProblemsId} data-se-path={pathKey(path)}>
      <Problems id={`${id}-problems`} lines={problems} />
      <ol className="se-step-list">
        {steps.map((_, j) => (
          <li key={j} className="se-step">
            <NumberField path={[...path, j, 'atMs']} label={text.from(j + 1)} {...(atScale !== undefined && { scale: atScale })} groupProblemsId={groupProblemsId} />
            <NumberField path={[...path, j, valueKey]} label={text.value(j + 1)} />
            <button
              type="button"
              className="se-button se-remove"
              disabled={onlyOne}
              title={onlyOne ? text.atLeastOne : undefined}
              aria-label={text.remove(j + 1)}
              onClick={() => set(path, steps.filter((_, k) => k !== j))}
            >
              ✕
            </button>
          </li>
        ))}
      </ol>
      <button type="button" className="se-button" onClick={() => set(path, [...steps, next(steps)])}>
        {text.add}
      </button>
      {onlyOne && <p className="se-hint">{text.atLeastOne}</p>}
    </div>
  );
}
