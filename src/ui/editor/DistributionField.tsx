import type { TFunction } from 'i18next';
import { useT } from '../../i18n';
import type { Distribution } from '../../sim/scenario';
import { useEditor } from './context';
import { distributionOfType, distTypes, type DistType } from './defaults';
import { NumberField, Problems, SelectField, useField, type Choice } from './fields';
import { getIn, isRecord, setIn, type DraftPath } from './paths';

const distChoices = (t: TFunction): readonly Choice[] => distTypes.map((value) => ({ value, label: t(`editor.distribution.${value}`) }));

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
  const { t } = useT();
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
          label={t('editor.distribution.label')}
          wide
          value={dist}
          choices={distChoices(t)}
          onValue={(type) => distTypes.includes(type as DistType) && set(path, distributionOfType(type as DistType, current))}
          hint={hint}
        />
        {dist === 'constant' && <NumberField {...param(['ms'])} label={t('editor.distribution.time')} />}
        {dist === 'exponential' && <NumberField {...param(['meanMs'])} label={t('editor.distribution.mean')} />}
        {dist === 'lognormal' && (
          <>
            <NumberField {...param(['medianMs'])} label={t('editor.distribution.median')} />
            <NumberField {...param(['sigma'])} label={t('editor.distribution.sigma')} hint={t('editor.distribution.sigmaHint')} />
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
  const { t } = useT();
  const { id, problems } = useField([...path, 'percentiles'], false);
  const groupProblemsId = problems.length > 0 ? `${id}-problems` : undefined;
  return (
    <div className="se-percentiles se-wide" role="group" aria-label={t('editor.distribution.percentiles')} aria-describedby={groupProblemsId} data-se-path={[...path, 'percentiles'].join('.')}>
      {percentiles.map((p) => (
        <NumberField key={p} {...param(['percentiles', p])} label={t('editor.distribution.percentile', { p })} groupProblemsId={groupProblemsId} />
      ))}
      <Problems id={`${id}-problems`} lines={problems} />
    </div>
  );
}
