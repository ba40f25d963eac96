import { useEffect, useRef, useState } from 'react';
import { pluralKey, useT } from '../../i18n';
import { figures } from '../../sim/figures';
import { useEditor } from './context';
import { functionColor } from '../../render/palette';
import { defaultInitMs } from './defaults';
import { FunctionCostFields } from './CostFields';
import { DistributionField } from './DistributionField';
import { CheckboxField, ChoiceField, NumberField, Problems, SelectField, TextField, useField, type Choice } from './fields';
import { hintsFor } from './hints';
import { formatNumber, humanMs } from './numberText';
import { asArray, getIn } from './paths';
import { ScheduleField } from './ScheduleField';
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
  const { t, lang } = useT();
  const { draft, issues, idPrefix, set } = useEditor();
  const hints = hintsFor(lang);
  const [open, setOpen] = useState(defaultOpen);
  // A closed function's fields are made when it is first opened: a trace brings hundreds of
  // functions, and rendering all their fields at once froze the page for seconds.
  const [opened, setOpened] = useState(defaultOpen);
  const nameRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (focusName) nameRef.current?.focus();
  }, [focusName]);

  const base = ['functions', index] as const;
  const fn = getIn(draft, base);
  const name = getIn(fn, ['name']);
  const title = typeof name === 'string' && name !== '' ? name : t('editor.functions.unnamed', { n: index + 1 });
  const memory = getIn(fn, ['memoryMb']);
  const problemCount = issues.countUnder(`functions.${index}`);
  const own = useField(base, false);
  const reasonId = `${idPrefix}-functions-${index}-remove-reason`;

  const accountIds = asArray(getIn(draft, ['accounts'])).map((a) => getIn(a, ['id']));
  const accountChoices: Choice[] = [...new Set(accountIds.filter((a): a is string => typeof a === 'string'))].map((a) => ({ value: a, label: a }));
  const timeout = getIn(fn, ['timeoutMs']);

  return (
    <details className="se-function" open={open} onToggle={(e) => {
        setOpen(e.currentTarget.open);
        if (e.currentTarget.open) setOpened(true);
      }} data-se-path={`functions.${index}`}>
      <summary className="se-summary">
        {/* The colour the topology and plane views give this function. */}
        <span className="se-swatch" style={{ background: functionColor(index) }} aria-hidden="true" />
        <span className="se-summary-name">{title}</span>
        {typeof memory === 'number' && <span className="se-summary-meta">{t('editor.functions.memoryMeta', { mb: formatNumber(memory, lang) })}</span>}
        {problemCount > 0 && (
          <span className="se-badge">
            <span aria-hidden="true">⚠</span> {t(pluralKey('editor.functions.problems', problemCount, lang), { n: formatNumber(problemCount, lang) })}
          </span>
        )}
      </summary>
      {/* With problems, its fields are there (closed or not) so every problem is shown somewhere. */}
      {(opened || problemCount > 0) && (
      <div className="se-function-body">
        <Problems id={`${own.id}-problems`} lines={own.problems} />
        <div className="se-grid">
          <TextField path={[...base, 'name']} label={t('editor.functions.name')} inputRef={nameRef} />
          <SelectField path={[...base, 'account']} label={t('editor.functions.account')} choices={accountChoices} />
          <NumberField path={[...base, 'memoryMb']} label={t('editor.functions.memory')} hint={hints.memory} wide />
          <NumberField
            path={[...base, 'timeoutMs']}
            label={t('editor.functions.timeout')}
            placeholder={t('editor.defaultValue', { value: figures.defaultTimeoutMs.value })}
            hint={`${humanMs(timeout, lang) ? t('editor.functions.timeoutIs', { human: humanMs(timeout, lang) }) : ''}${hints.timeout}`}
            wide
          />
          <NumberField path={[...base, 'packageMb']} label={t('editor.functions.packageSize')} placeholder={t('editor.defaultValue', { value: 5 })} hint={hints.packageSize} wide />
          <DistributionField path={[...base, 'initMs']} legend={t('editor.functions.init')} hint={hints.initMs} fallback={defaultInitMs} />
          <DistributionField path={[...base, 'durationMs']} legend={t('editor.functions.handler')} />
          <NumberField path={[...base, 'reservedConcurrency']} label={t('editor.functions.reserved')} placeholder={t('editor.notSet')} hint={hints.reserved} wide />
          <NumberField path={[...base, 'provisionedConcurrency']} label={t('editor.functions.provisioned')} placeholder={t('editor.notSet')} hint={hints.provisioned} wide />
          <ScheduleField base={base} />
          {/* Unticked removes the key: the draft says snapStart only where it is on. */}
          <CheckboxField path={[...base, 'snapStart']} label={t('editor.functions.snapStart')} onValue={(on) => set([...base, 'snapStart'], on ? true : undefined)} hint={hints.snapStart} wide />
          <ChoiceField
            path={[...base, 'invocation']}
            label={t('editor.functions.invocation')}
            fallback="sync"
            choices={[
              { value: 'sync', label: t('editor.functions.sync'), description: hints.invocation.sync },
              { value: 'async', label: t('editor.functions.async'), description: hints.invocation.async },
            ]}
          />
          <FunctionCostFields base={base} />
          <WorkloadField path={[...base, 'workload']} />
        </div>
        <div className="se-actions">
          <button type="button" className="se-button se-remove" disabled={cannotRemove !== undefined} aria-describedby={cannotRemove ? reasonId : undefined} onClick={onRemove}>
            {t('editor.functions.remove', { name: title })}
          </button>
          {cannotRemove && (
            <p id={reasonId} className="se-hint se-reason">
              {cannotRemove}
            </p>
          )}
        </div>
      </div>
      )}
    </details>
  );
}
