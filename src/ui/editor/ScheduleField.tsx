import { useT } from '../../i18n';
import { useEditor } from './context';
import { nextScheduleStep, workingDaySchedule } from './defaults';
import { CheckboxField, NumberField, Problems, useField } from './fields';
import { hintsFor } from './hints';
import { StepList } from './StepList';
import { humanMs } from './numberText';
import { getIn, isRecord, pathKey, type DraftPath } from './paths';

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
  const text = {
    group: t('editor.functions.scheduleSteps'),
    from: (n: number) => t('editor.functions.scheduleFrom', { n }),
    value: (n: number) => t('editor.functions.scheduleCount', { n }),
    remove: (n: number) => t('editor.functions.removeScheduleStep', { n }),
    add: t('editor.functions.addScheduleStep'),
    atLeastOne: t('editor.functions.atLeastOneScheduleStep'),
  };
  return <StepList path={path} valueKey="count" text={text} next={nextScheduleStep} atScale={HOUR_MS} />;
}
