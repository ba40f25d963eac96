import { useEditor } from './context';
import { nextStep, workloadOfType, workloadTypes, type WorkloadType } from './defaults';
import { Field, NumberField, Problems, SelectField, useEditingText, useField, type Choice } from './fields';
import { formatNumberList, humanMs, parseNumberList } from './numberText';
import { asArray, getIn, isRecord, pathKey, type DraftPath } from './paths';

const workloadChoices: readonly Choice[] = [
  { value: 'poisson', label: 'Poisson (random arrivals at a rate)' },
  { value: 'periodic', label: 'periodic (one request every N ms)' },
  { value: 'steps', label: 'steps (the rate changes at set times)' },
  { value: 'perMinute', label: 'per minute (counts, as in a trace)' },
];

/** The requests a function receives: the workload type, then the fields of that type. */
export function WorkloadField({ path }: { path: DraftPath }) {
  const { draft, set } = useEditor();
  const workload = getIn(draft, path);
  const type = isRecord(workload) ? workload.type : undefined;
  return (
    <fieldset className="se-group se-wide">
      <legend className="se-legend">Workload</legend>
      <div className="se-grid">
        <SelectField
          path={[...path, 'type']}
          label="Arrivals"
          wide
          choices={workloadChoices}
          onValue={(t) => workloadTypes.includes(t as WorkloadType) && set(path, workloadOfType(t as WorkloadType, workload, getIn(draft, ['durationMs'])))}
        />
        {type === 'poisson' && <NumberField path={[...path, 'ratePerSec']} label="Rate (requests/s)" />}
        {type === 'periodic' && (
          <>
            <NumberField path={[...path, 'everyMs']} label="Every (ms)" hint={humanMs(getIn(workload, ['everyMs']))} />
            <NumberField path={[...path, 'offsetMs']} label="First at (ms)" placeholder="default 0" hint={humanMs(getIn(workload, ['offsetMs']))} />
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
  const { draft, set } = useEditor();
  const { id, problems } = useField(path, false);
  const steps = asArray(getIn(draft, path));
  const onlyOne = steps.length <= 1;
  const groupProblemsId = problems.length > 0 ? `${id}-problems` : undefined;
  return (
    <div className="se-steps se-wide" role="group" aria-label="Steps" aria-describedby={groupProblemsId} data-se-path={pathKey(path)}>
      <Problems id={`${id}-problems`} lines={problems} />
      <ol className="se-step-list">
        {steps.map((_, j) => (
          <li key={j} className="se-step">
            <NumberField path={[...path, j, 'atMs']} label={`Step ${j + 1} from (ms)`} groupProblemsId={groupProblemsId} />
            <NumberField path={[...path, j, 'ratePerSec']} label="Rate (requests/s)" />
            <button
              type="button"
              className="se-button se-remove"
              disabled={onlyOne}
              title={onlyOne ? 'A steps workload needs at least one step' : undefined}
              aria-label={`Remove step ${j + 1}`}
              onClick={() => set(path, steps.filter((_, k) => k !== j))}
            >
              ✕
            </button>
          </li>
        ))}
      </ol>
      <button type="button" className="se-button" onClick={() => set(path, [...steps, nextStep(steps)])}>
        Add step
      </button>
      {onlyOne && <p className="se-hint">A steps workload needs at least one step.</p>}
    </div>
  );
}

/** Requests in each simulated minute, comma-separated; a part that is not a number is kept as typed. */
function CountsField({ path }: { path: DraftPath }) {
  const { draft, set } = useEditor();
  const counts = getIn(draft, path);
  const text = useEditingText(counts, formatNumberList, parseNumberList, sameList);
  const minutes = Array.isArray(counts) ? counts.length : 0;
  return (
    <Field path={path} label="Requests per minute (comma-separated)" hint={`${minutes} minute${minutes === 1 ? '' : 's'}, one count each; no requests after the last.`} wide>
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
