import { useT } from '../../i18n';
import { figures, type FigureName } from '../../sim/figures';
import { useEditor } from './context';
import { ChoiceField, NumberField } from './fields';
import { getIn, isRecord, type DraftPath } from './paths';

/**
 * The fields for what a function costs and how it is called, beside the engine's gateway,
 * failures and CPU model; and the platform's billing and asynchronous retries. Each hint names
 * the default figure and its source (from figures.ts).
 */

const num = (v: number, lang: string) => new Intl.NumberFormat(lang, { maximumSignificantDigits: 12 }).format(v);

/** A function's gateway (on or off, rate, burst), failure rate and CPU-bound share. */
export function FunctionCostFields({ base }: { base: DraftPath }) {
  const { t, lang } = useT();
  const { draft, set } = useEditor();
  const gatewayPath = [...base, 'gateway'];
  const gateway = getIn(draft, gatewayPath);
  const hint = (name: FigureName) => t('cost.editor.gatewayHint', { value: num(figures[name].value, lang), source: figures[name].source });
  return (
    <>
      <ChoiceField
        path={gatewayPath}
        label={t('cost.editor.gateway')}
        value={gateway === undefined ? 'direct' : 'gateway'}
        // Switching off removes the gateway; on, it starts at the schema's defaults (API Gateway's quotas).
        onValue={(v) => set(gatewayPath, v === 'gateway' ? (isRecord(gateway) ? gateway : { ratePerSec: figures.gatewayRatePerSec.value, burst: figures.gatewayBurst.value }) : undefined)}
        choices={[
          { value: 'direct', label: t('cost.editor.direct'), description: t('cost.editor.directHint') },
          { value: 'gateway', label: t('cost.editor.viaGateway'), description: t('cost.editor.viaGatewayHint') },
        ]}
      />
      {gateway !== undefined && (
        <>
          <NumberField path={[...gatewayPath, 'ratePerSec']} label={t('cost.editor.gatewayRate')} placeholder={t('editor.defaultValue', { value: figures.gatewayRatePerSec.value })} hint={hint('gatewayRatePerSec')} />
          <NumberField path={[...gatewayPath, 'burst']} label={t('cost.editor.gatewayBurst')} placeholder={t('editor.defaultValue', { value: figures.gatewayBurst.value })} hint={hint('gatewayBurst')} />
        </>
      )}
      <NumberField path={[...base, 'failureRate']} label={t('cost.editor.failureRate')} placeholder={t('editor.notSet')} hint={t('cost.editor.failureRateHint')} wide />
      <NumberField
        path={[...base, 'cpuBoundFraction']}
        label={t('cost.editor.cpuBound')}
        placeholder={t('editor.notSet')}
        hint={t('cost.editor.cpuBoundHint', { vcpuMb: num(figures.memoryPerVcpuMb.value, lang) })}
        wide
      />
    </>
  );
}

/** The prices and granularity of `platform.billing`, each with its AWS default and source (`wide`: one a row, as in the side panel). */
export function BillingFields({ wide = true }: { wide?: boolean }) {
  const { t, lang } = useT();
  return (
    <>
      {billingFields.map(([key, figure, label]) => (
        <NumberField
          key={key}
          path={['platform', 'billing', key]}
          label={t(label)}
          placeholder={t('editor.defaultValue', { value: figures[figure].value })}
          hint={t('cost.prices.hint', { value: num(figures[figure].value, lang), source: figures[figure].source })}
          wide={wide}
        />
      ))}
    </>
  );
}

/** The billing fields: scenario key, default figure, label key. */
export const billingFields = [
  ['granularityMs', 'billingGranularityMs', 'cost.prices.granularity'],
  ['pricePerGbSecond', 'pricePerGbSecond', 'cost.prices.perGbSecond'],
  ['pricePerMillionRequests', 'pricePerMillionRequests', 'cost.prices.perMillion'],
  ['provisionedPricePerGbSecond', 'provisionedPricePerGbSecond', 'cost.prices.provisioned'],
  ['provisionedDurationPricePerGbSecond', 'provisionedDurationPricePerGbSecond', 'cost.prices.provisionedDuration'],
] as const satisfies readonly (readonly [string, FigureName, string])[];

/** Retries of asynchronous events: after a function error (AWS's figures) and after a throttle. */
export function AsyncFields() {
  const { t, lang } = useT();
  const seconds = (name: FigureName) => num(figures[name].value / 1000, lang);
  return (
    <>
      <NumberField
        path={['platform', 'async', 'errorRetries']}
        label={t('cost.editor.errorRetries')}
        placeholder={t('editor.defaultValue', { value: figures.asyncErrorRetries.value })}
        hint={t('cost.editor.errorRetriesHint', { value: figures.asyncErrorRetries.value, source: figures.asyncErrorRetries.source })}
        wide
      />
      <NumberField
        path={['platform', 'async', 'errorRetryBaseMs']}
        label={t('cost.editor.errorRetryBase')}
        scale={1000}
        placeholder={t('editor.defaultValue', { value: seconds('asyncErrorRetryBaseMs') })}
        hint={t('cost.editor.errorRetryBaseHint', { value: seconds('asyncErrorRetryBaseMs'), source: figures.asyncErrorRetryBaseMs.source })}
        wide
      />
      <NumberField
        path={['platform', 'async', 'retryBaseMs']}
        label={t('cost.editor.throttleRetryBase')}
        scale={1000}
        placeholder={t('editor.defaultValue', { value: seconds('asyncRetryBaseMs') })}
        hint={t('cost.editor.throttleRetryBaseHint', { max: seconds('asyncRetryMaxMs') })}
        wide
      />
    </>
  );
}
