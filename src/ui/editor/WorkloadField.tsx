import type { TFunction } from 'i18next';
import { pluralKey, useT } from '../../i18n';
import { useEditor } from './context';
import { nextStep, workloadOfType, workloadTypes, type WorkloadType } from './defaults';
import { Field, NumberField, Problems, SelectField, useEditingText, useField, type Choice } from './fields';
import { formatNumber, formatNumberList, humanMs, parseNumberList } from './numberText';
import { asArray, getIn, isRecord, pathKey, type DraftPath } from './paths';

const workloadChoices = (t: TFunction): readonly Choice[] => workloadTypes.map((value) => ({ value, label: t(`editor.workload.${value}`) }));

/** The requests a function receives: the workload type, then the fields of that type. */
export function WorkloadField({ path }: { path: DraftPath }) {
  const { t, lang } = useT();
  const { draft, set } = useEditor();
  const workload = getIn(draft, path);
  const type = isRecord(workload) ? workload.type : undefined;
  return (
    <fieldset className="se-group se-wide">
      <legend className="se-legend">{t('editor.workload.legend')}</legend>
      <div className="se-grid">
        <SelectField
          path={[...path, 'type']}
          label={t('editor.workload.arrivals')}
          wide
          choices={workloadChoices(t)}
          onValue={(t) => workloadTypes.includes(t as WorkloadType) && set(path, workloadOfType(t as WorkloadType, workload, getIn(draft, ['durationMs'])))}
        />
        {type === 'poisson' && <NumberField path={[...path, 'ratePerSec']} label={t('editor.workload.rate')} />}
        {type === 'periodic' && (
          <>
            <NumberField path={[...path, 'everyMs']} label={t('editor.workload.every')} hint={humanMs(getIn(workload, ['everyMs']), lang)} />
            <NumberField
              path={[...path, 'offsetMs']}
              label={t('editor.workload.firstAt')}
              placeholder={t('editor.defaultValue', { value: 0 })}
              hint={humanMs(getIn(workload, ['offsetMs']), lang)}
            />
          </>
        )}
        {type === 'steps' && <StepsField path={[...path, 'steps']} />}
        {type === 'perMinute' && <CountsField path={[...path, 'counts']} />}
      </div>
    </fieldset>
  );
}

/** Rate changes: from `atMs` on, requests arrive at `ratePerSec` (Poisson), until the next step. */
function StepsField({ path }: { path: DraftPath }) {
  const { t } = useT();
  const { draft, set } = useEditor();
  const { id, problems } = useField(path, false);
  const steps = asArray(getIn(draft, path));
  const onlyOne = steps.length <= 1;
  const groupProblemsId = problems.length > 0 ? `${id}-problems` : undefined;
  return (
    <div className="se-steps se-wide" role="group" aria-label={t('editor.workload.stepsGroup')} aria-describedby={groupProblemsId} data-se-path={pathKey(path)}>
      <Problems id={`${id}-problems`} lines={problems} />
      <ol className="se-step-list">
        {steps.map((_, j) => (
          <li key={j} className="se-step">
            <NumberField path={[...path, j, 'atMs']} label={t('editor.workload.stepFrom', { n: j + 1 })} groupProblemsId={groupProblemsId} />
            <NumberField path={[...path, j, 'ratePerSec']} label={t('editor.workload.rate')} />
            <button
              type="button"
              className="se-button se-remove"
              disabled={onlyOne}
              title={onlyOne ? t('editor.workload.atLeastOneStep') : undefined}
              aria-label={t('editor.workload.removeStep', { n: j + 1 })}
              onClick={() => set(path, steps.filter((_, k) => k !== j))}
            >
              ✕
            </button>
          </li>
        ))}
      </ol>
      <button type="button" className="se-button" onClick={() => set(path, [...steps, nextStep(steps)])}>
        {t('editor.workload.addStep')}
      </button>
      {onlyOne && <p className="se-hint">{t('editor.workload.atLeastOneStep')}</p>}
    </div>
  );
}

/** Requests in each simulated minute, comma-separated; a part that is not a number is kept as typed. */
function CountsField({ path }: { path: DraftPath }) {
  const { t, lang } = useT();
  const { draft, set } = useEditor();
  const counts = getIn(draft, path);
  const text = useEditingText(counts, formatNumberList, parseNumberList, sameList);
  const minutes = Array.isArray(counts) ? counts.length : 0;
  return (
    <Field path={path} label={t('editor.workload.counts')} hint={t(pluralKey('editor.workload.countsHint', minutes, lang), { n: formatNumber(minutes, lang) })} wide>
      {(aria) => (
        <textarea
          {...aria}
          className="se-input se-counts"
          rows={2}
          inputMode="decimal"
          spellCheck={false}
          value={text.shown}
          onChange={(e) => set(path, text.edit(e.target.value))}
          onBlur={text.done}
        />
      )}
    </Field>
  );
}

const sameList = (a: readonly unknown[], b: unknown) => Array.isArray(b) && a.length === b.length && a.every((v, k) => Object.is(v, b[k]));
