import { useT } from '../../i18n';
import { useEditor } from './context';
import { nextScheduleStep, workingDaySchedule } from './defaults';
import { CheckboxField, NumberField, Problems, useField } from './fields';
import { hintsFor } from './hints';
import { humanMs } from './numberText';
import { asArray, getIn, isRecord, pathKey, type DraftPath } from './paths';

const HOUR_MS = 3_600_000;

/**
 * A function's `provisionedSchedule`: ticked, the working day (see `workingDaySchedule`); then
 * its steps, each a time (typed in hours) and a count of sandboxes, and how often they repeat.
 * Unticked, no key at all.
 */
export function ScheduleField({ base }: { base: DraftPath }) {
  const { t, lang } = useT();
  const hints = hintsFor(lang);
  const { draft, set } = useEditor();
  const path = [...base, 'provisionedSchedule'];
  const schedule = getIn(draft, path);
  const own = useField(path, true);
  const shaped = isRecord(schedule);
  // Problems of the schedule as a whole (mostly: a repeat not after the last step) go after the
  // repeat field, which they concern; with no fields to show (not an object), beside the checkbox.
  const ownProblemsId = own.problems.length > 0 ? `${own.id}-problems` : undefined;
  const repeat = getIn(schedule, ['repeatEveryMs']);
  const human = humanMs(repeat, lang);
  const repeatHint = repeat === undefined ? t('editor.functions.repeatOnce') : human ? t('editor.functions.repeatIs', { human }) : undefined;
  return (
    <div className="se-group se-wide" data-se-path={`${pathKey(path)}.group`}>
      <CheckboxField
        path={path}
        label={t('editor.functions.schedule')}
        value={schedule !== undefined}
        onValue={(on) => set(path, on ? workingDaySchedule(getIn(draft, base)) : undefined)}
        hint={hints.schedule}
        problemsElsewhere={shaped}
        wide
      />
      {shaped && (
        <div className="se-group-body">
          <ScheduleSteps path={[...path, 'steps']} />
          <div className="se-grid">
            <NumberField
              path={[...path, 'repeatEveryMs']}
              label={t('editor.functions.repeatEvery')}
              scale={HOUR_MS}
              placeholder={t('editor.notSet')}
              hint={repeatHint}
              groupProblemsId={ownProblemsId}
              wide
            />
          </div>
          <Problems id={`${own.id}-problems`} lines={own.problems} />
        </div>
      )}
    </div>
  );
}

/** The steps: from `atMs` on, `count` sandboxes are provisioned, until the next step. */
function ScheduleSteps({ path }: { path: DraftPath }) {
  const { t } = useT();
  const { draft, set } = useEditor();
  const { id, problems } = useField(path, false);
  const steps = asArray(getIn(draft, path));
  const onlyOne = steps.length <= 1;
  const groupProblemsId = problems.length > 0 ? `${id}-problems` : undefined;
  return (
    <div className="se-steps" role="group" aria-label={t('editor.functions.scheduleSteps')} aria-describedby={groupProblemsId} data-se-path={pathKey(path)}>
      <Problems id={`${id}-problems`} lines={problems} />
      <ol className="se-step-list">
        {steps.map((_, j) => (
          <li key={j} className="se-step">
            <NumberField path={[...path, j, 'atMs']} label={t('editor.functions.scheduleFrom', { n: j + 1 })} scale={HOUR_MS} groupProblemsId={groupProblemsId} />
            <NumberField path={[...path, j, 'count']} label={t('editor.functions.scheduleCount', { n: j + 1 })} />
            <button
              type="button"
              className="se-button se-remove"
              disabled={onlyOne}
              title={onlyOne ? t('editor.functions.atLeastOneScheduleStep') : undefined}
              aria-label={t('editor.functions.removeScheduleStep', { n: j + 1 })}
              onClick={() => set(path, steps.filter((_, k) => k !== j))}
            >
              ✕
            </button>
          </li>
        ))}
      </ol>
      <button type="button" className="se-button" onClick={() => set(path, [...steps, nextScheduleStep(steps)])}>
        {t('editor.functions.addScheduleStep')}
      </button>
      {onlyOne && <p className="se-hint">{t('editor.functions.atLeastOneScheduleStep')}</p>}
    </div>
  );
}
