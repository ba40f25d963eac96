import type { Distribution } from '../../sim/scenario';
import { useEditor } from './context';
import { distributionOfType, distTypes, type DistType } from './defaults';
import { NumberField, Problems, SelectField, useField, type Choice } from './fields';
import { getIn, isRecord, setIn, type DraftPath } from './paths';

const distChoices: readonly Choice[] = [
  { value: 'constant', label: 'constant (always the same)' },
  { value: 'exponential', label: 'exponential (by mean)' },
  { value: 'lognormal', label: 'lognormal (median, spread)' },
  { value: 'empirical', label: 'empirical (percentiles)' },
];

const percentiles = ['p0', 'p1', 'p25', 'p50', 'p75', 'p99', 'p100'] as const;

export interface DistributionFieldProps {
  /** Where the distribution is, e.g. `['functions', 0, 'durationMs']`. */
  path: DraftPath;
  legend: string;
  hint?: string;
  /** The schema's default, shown (and edited from) when the draft leaves the field out. */
  fallback?: Distribution;
}

/** A duration as a distribution: its type, then the parameters of that type (all in ms, but sigma). */
export function DistributionField({ path, legend, hint, fallback }: DistributionFieldProps) {
  const { draft, set } = useEditor();
  const stored = getIn(draft, path);
  const current: unknown = stored === undefined ? fallback : stored;
  const dist = isRecord(current) ? current.dist : undefined;
  // Editing one parameter of a defaulted distribution writes the whole distribution, so it stays valid.
  const param = (key: DraftPath) => ({
    path: [...path, ...key],
    value: getIn(current, key),
    onValue: (v: unknown) => set(path, setIn(isRecord(current) ? current : {}, key, v)),
  });
  return (
    <fieldset className="se-group se-wide">
      <legend className="se-legend">{legend}</legend>
      <div className="se-grid">
        <SelectField
          path={[...path, 'dist']}
          label="Distribution"
          wide
          value={dist}
          choices={distChoices}
          onValue={(type) => distTypes.includes(type as DistType) && set(path, distributionOfType(type as DistType, current))}
          hint={hint}
        />
        {dist === 'constant' && <NumberField {...param(['ms'])} label="Time (ms)" />}
        {dist === 'exponential' && <NumberField {...param(['meanMs'])} label="Mean (ms)" />}
        {dist === 'lognormal' && (
          <>
            <NumberField {...param(['medianMs'])} label="Median (ms)" />
            <NumberField {...param(['sigma'])} label="Spread σ (0–5)" hint="0: constant; 1: long tail" />
          </>
        )}
        {dist === 'empirical' && <PercentilesField path={path} param={param} />}
      </div>
    </fieldset>
  );
}

type Param = (key: DraftPath) => { path: DraftPath; value: unknown; onValue: (v: unknown) => void };

/** The seven percentiles of a measured duration, smallest first; the order is checked as a whole. */
function PercentilesField({ path, param }: { path: DraftPath; param: Param }) {
  const { id, problems } = useField([...path, 'percentiles'], false);
  const groupProblemsId = problems.length > 0 ? `${id}-problems` : undefined;
  return (
    <div className="se-percentiles se-wide" role="group" aria-label="Percentiles (ms)" aria-describedby={groupProblemsId} data-se-path={[...path, 'percentiles'].join('.')}>
      {percentiles.map((p) => (
        <NumberField key={p} {...param(['percentiles', p])} label={`${p} (ms)`} groupProblemsId={groupProblemsId} />
      ))}
      <Problems id={`${id}-problems`} lines={problems} />
    </div>
  );
}
