import type { TFunction } from 'i18next';
import { pluralKey, useT } from '../../i18n';
import { useEditor } from './context';
import { nextStep, workloadOfType, workloadTypes, type WorkloadType } from './defaults';
import { Field, NumberField, SelectField, useEditingText, type Choice } from './fields';
import { formatNumber, formatNumberList, humanMs, parseNumberList } from './numberText';
import { getIn, isRecord, type DraftPath } from './paths';
import { StepList } from './StepList';

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
  const text = {
    group: t('editor.workload.stepsGroup'),
    from: (n: number) => t('editor.workload.stepFrom', { n }),
    value: () => t('editor.workload.rate'),
    remove: (n: number) => t('editor.workload.removeStep', { n }),
    add: t('editor.workload.addStep'),
    atLeastOne: t('editor.workload.atLeastOneStep'),
  };
  return <StepList path={path} valueKey="ratePerSec" text={text} next={nextStep} wide />;
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
