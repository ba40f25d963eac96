import { useEffect, useRef, useState } from 'react';
import { figures } from '../../sim/figures';
import { useEditor } from './context';
import { functionColor } from '../../render/palette';
import { defaultInitMs } from './defaults';
import { DistributionField } from './DistributionField';
import { ChoiceField, NumberField, Problems, SelectField, TextField, useField, type Choice } from './fields';
import { hints } from './hints';
import { humanMs } from './numberText';
import { asArray, getIn } from './paths';
import { WorkloadField } from './WorkloadField';

export interface FunctionFieldsProps {
  index: number;
  /** Open when first shown (the first function, or one just added). */
  defaultOpen: boolean;
  /** Move focus to the name when first shown: after "Add function", the keyboard lands on the new one. */
  focusName: boolean;
  /** Why the function cannot be removed (it is the last one), or undefined when it can. */
  cannotRemove: string | undefined;
  onRemove: () => void;
}

/** One function: its deployment settings, its durations and its workload, in a collapsible section. */
export function FunctionFields({ index, defaultOpen, focusName, cannotRemove, onRemove }: FunctionFieldsProps) {
  const { draft, issues, idPrefix } = useEditor();
  const [open, setOpen] = useState(defaultOpen);
  const nameRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (focusName) nameRef.current?.focus();
  }, [focusName]);

  const base = ['functions', index] as const;
  const fn = getIn(draft, base);
  const name = getIn(fn, ['name']);
  const title = typeof name === 'string' && name !== '' ? name : `function ${index + 1}`;
  const memory = getIn(fn, ['memoryMb']);
  const problemCount = issues.countUnder(`functions.${index}`);
  const own = useField(base, false);
  const reasonId = `${idPrefix}-functions-${index}-remove-reason`;

  const accountIds = asArray(getIn(draft, ['accounts'])).map((a) => getIn(a, ['id']));
  const accountChoices: Choice[] = [...new Set(accountIds.filter((a): a is string => typeof a === 'string'))].map((a) => ({ value: a, label: a }));
  const timeout = getIn(fn, ['timeoutMs']);

  return (
    <details className="se-function" open={open} onToggle={(e) => setOpen(e.currentTarget.open)} data-se-path={`functions.${index}`}>
      <summary className="se-summary">
        {/* The colour the topology and plane views give this function. */}
        <span className="se-swatch" style={{ background: functionColor(index) }} aria-hidden="true" />
        <span className="se-summary-name">{title}</span>
        {typeof memory === 'number' && <span className="se-summary-meta">{memory} MB</span>}
        {problemCount > 0 && (
          <span className="se-badge">
            <span aria-hidden="true">⚠</span> {problemCount} {problemCount === 1 ? 'problem' : 'problems'}
          </span>
        )}
      </summary>
      <div className="se-function-body">
        <Problems id={`${own.id}-problems`} lines={own.problems} />
        <div className="se-grid">
          <TextField path={[...base, 'name']} label="Name" inputRef={nameRef} />
          <SelectField path={[...base, 'account']} label="Account" choices={accountChoices} />
          <NumberField path={[...base, 'memoryMb']} label="Memory (MB)" hint={hints.memory} wide />
          <NumberField
            path={[...base, 'timeoutMs']}
            label="Timeout (ms)"
            placeholder={`default ${figures.defaultTimeoutMs.value}`}
            hint={`${humanMs(timeout) ? `= ${humanMs(timeout)}. ` : ''}${hints.timeout}`}
            wide
          />
          <NumberField path={[...base, 'packageMb']} label="Package size (MB)" placeholder="default 5" hint={hints.packageSize} wide />
          <DistributionField path={[...base, 'initMs']} legend="Init duration (cold start, ms)" hint={hints.initMs} fallback={defaultInitMs} />
          <DistributionField path={[...base, 'durationMs']} legend="Handler duration (ms)" />
          <NumberField path={[...base, 'reservedConcurrency']} label="Reserved concurrency (executions)" placeholder="not set" hint={hints.reserved} wide />
          <NumberField path={[...base, 'provisionedConcurrency']} label="Provisioned concurrency (sandboxes)" placeholder="not set" hint={hints.provisioned} wide />
          <ChoiceField
            path={[...base, 'invocation']}
            label="Invocation"
            fallback="sync"
            choices={[
              { value: 'sync', label: 'synchronous', description: hints.invocation.sync },
              { value: 'async', label: 'asynchronous', description: hints.invocation.async },
            ]}
          />
          <WorkloadField path={[...base, 'workload']} />
        </div>
        <div className="se-actions">
          <button type="button" className="se-button se-remove" disabled={cannotRemove !== undefined} aria-describedby={cannotRemove ? reasonId : undefined} onClick={onRemove}>
            Remove function {title}
          </button>
          {cannotRemove && (
            <p id={reasonId} className="se-hint se-reason">
              {cannotRemove}
            </p>
          )}
        </div>
      </div>
    </details>
  );
}
