import { useState } from 'react';
import { pluralKey, useT } from '../../i18n';
import { hybridFigures, type HybridParams } from '../../sim/policies/hybridHistogram';
import { useEditor } from './context';
import { NumberField } from './fields';
import { hintsFor } from './hints';
import { formatNumber, formatNumberText } from './numberText';

const keepAlivePath = ['platform', 'keepAlive'] as const;

/**
 * The hybrid histogram keep-alive's parameters, each typed in the unit a student reads (bin and
 * fallback in minutes, range in hours, the rest as they are stored): key, stored units per typed one.
 */
const hybridFields = [
  ['binMs', 60_000],
  ['rangeMs', 3_600_000],
  ['headPercentile', 1],
  ['tailPercentile', 1],
  ['margin', 1],
  ['cvThreshold', 1],
  ['minSamples', 1],
  ['outOfRangeShare', 1],
  ['forecastMargin', 1],
  ['forecastSmoothing', 1],
  ['fallbackKeepAliveMs', 60_000],
] as const satisfies readonly (readonly [keyof HybridParams, number])[];

/**
 * The parameters of `platform.keepAlive` when its policy is "hybrid", in a collapsible group:
 * closed at first (every one has the paper's default), open while one of them has a problem.
 */
export function HybridFields() {
  const { t, lang } = useT();
  const hints = hintsFor(lang);
  const { issues } = useEditor();
  const [open, setOpen] = useState(false);
  const problemCount = hybridFields.reduce((n, [key]) => n + issues.at([...keepAlivePath, key].join('.')).length, 0);
  return (
    <details className="se-more se-wide" open={open || problemCount > 0} onToggle={(e) => setOpen(e.currentTarget.open)} data-se-path="platform.keepAlive.hybrid">
      <summary className="se-summary">
        <span className="se-summary-name">{t('editor.platform.hybridParams')}</span>
        {problemCount > 0 && (
          <span className="se-badge">
            <span aria-hidden="true">⚠</span> {t(pluralKey('editor.functions.problems', problemCount, lang), { n: formatNumber(problemCount, lang) })}
          </span>
        )}
      </summary>
      <div className="se-more-body">
        <p className="se-hint">{t('editor.platform.hybridParamsNote')}</p>
        <div className="se-grid">
          {hybridFields.map(([key, scale]) => (
            <NumberField
              key={key}
              path={[...keepAlivePath, key]}
              label={t(`editor.platform.${key}`)}
              scale={scale}
              placeholder={t('editor.defaultValue', { value: formatNumberText(hybridFigures[key].value, scale) })}
              hint={hints.hybrid[key]}
              wide
            />
          ))}
        </div>
      </div>
    </details>
  );
}
