import { useT } from '../../i18n';
import { figures } from '../../sim/figures';
import { AsyncFields, BillingFields } from './CostFields';
import { useEditor } from './context';
import { ChoiceField, NumberField } from './fields';
import { hintsFor } from './hints';
import { HybridFields } from './HybridFields';
import { getIn, isRecord, setIn } from './paths';
import { WarmPoolFields } from './WarmPoolFields';

const keepAlivePath = ['platform', 'keepAlive'] as const;
const defaultIdleMs = figures.fixedKeepAliveAwsMs.value;

/** Hosts, isolation, placement, keep-alive, the warm pool and the account limit: the provider's side of a run. */
export function PlatformFields() {
  const { t, lang } = useT();
  const hints = hintsFor(lang);
  const { draft, set } = useEditor();
  const keepAlive = getIn(draft, keepAlivePath);
  // The schema's default keep-alive is fixed at the AWS figure; show it as such when left out.
  const policy = isRecord(keepAlive) ? keepAlive.policy : keepAlive === undefined ? 'fixed' : undefined;
  const idleMs = isRecord(keepAlive) ? keepAlive.idleMs : undefined;
  return (
    <div className="se-grid">
      <NumberField path={['platform', 'hosts']} label={t('editor.platform.hosts')} placeholder={t('editor.defaultValue', { value: 4 })} />
      <NumberField
        path={['platform', 'hostMemoryMb']}
        label={t('editor.platform.hostMemory')}
        placeholder={t('editor.defaultValue', { value: figures.hostMemoryMb.value })}
        hint={hints.hostMemory}
      />
      <ChoiceField
        path={['platform', 'isolation']}
        label={t('editor.platform.isolation')}
        fallback="microvm"
        choices={[
          { value: 'microvm', label: t('editor.platform.microvm'), description: hints.isolation.microvm },
          { value: 'account-vm', label: t('editor.platform.accountVm'), description: hints.isolation['account-vm'] },
        ]}
      />
      <ChoiceField
        path={['platform', 'placement']}
        label={t('editor.platform.placement')}
        fallback="spread"
        choices={[
          { value: 'pack', label: t('editor.platform.pack'), description: hints.placement.pack },
          { value: 'spread', label: t('editor.platform.spread'), description: hints.placement.spread },
        ]}
      />
      <ChoiceField
        path={[...keepAlivePath, 'policy']}
        label={t('editor.platform.keepAlive')}
        value={policy}
        onValue={(p) => set(keepAlivePath, p === 'fixed' ? { policy: 'fixed', idleMs: typeof idleMs === 'number' ? idleMs : defaultIdleMs } : { policy: p })}
        choices={[
          { value: 'none', label: t('editor.platform.none'), description: hints.keepAlivePolicy.none },
          { value: 'fixed', label: t('editor.platform.fixed'), description: hints.keepAlivePolicy.fixed },
          { value: 'hybrid', label: t('editor.platform.hybrid'), description: hints.keepAlivePolicy.hybrid },
        ]}
      />
      {policy === 'fixed' && (
        <NumberField
          path={[...keepAlivePath, 'idleMs']}
          label={t('editor.platform.idle')}
          scale={60_000}
          placeholder={t('editor.defaultValue', { value: defaultIdleMs / 60_000 })}
          value={idleMs}
          onValue={(v) => set(keepAlivePath, setIn(isRecord(keepAlive) ? keepAlive : { policy: 'fixed' }, ['idleMs'], v))}
          hint={hints.keepAliveIdle}
          wide
        />
      )}
      {policy === 'hybrid' && <HybridFields />}
      <WarmPoolFields />
      <NumberField
        path={['platform', 'limits', 'accountConcurrency']}
        label={t('editor.platform.accountConcurrency')}
        placeholder={t('editor.defaultValue', { value: figures.accountConcurrency.value })}
        hint={hints.accountConcurrency}
        wide
      />
      <h4 className="se-subheading se-wide">{t('cost.editor.async')}</h4>
      <AsyncFields />
      <h4 className="se-subheading se-wide">{t('cost.editor.billing')}</h4>
      <BillingFields />
    </div>
  );
}
