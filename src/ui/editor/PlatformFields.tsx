import { figures } from '../../sim/figures';
import { useEditor } from './context';
import { ChoiceField, NumberField } from './fields';
import { hints } from './hints';
import { getIn, isRecord, setIn } from './paths';

const keepAlivePath = ['platform', 'keepAlive'] as const;
const defaultIdleMs = figures.fixedKeepAliveAwsMs.value;

/** Hosts, isolation, placement, keep-alive and the account limit: the provider's side of a run. */
export function PlatformFields() {
  const { draft, set } = useEditor();
  const keepAlive = getIn(draft, keepAlivePath);
  // The schema's default keep-alive is fixed at the AWS figure; show it as such when left out.
  const policy = isRecord(keepAlive) ? keepAlive.policy : keepAlive === undefined ? 'fixed' : undefined;
  const idleMs = isRecord(keepAlive) ? keepAlive.idleMs : undefined;
  return (
    <div className="se-grid">
      <NumberField path={['platform', 'hosts']} label="Hosts (count)" placeholder="default 4" />
      <NumberField path={['platform', 'hostMemoryMb']} label="Host memory (MB)" placeholder={`default ${figures.hostMemoryMb.value}`} hint={hints.hostMemory} />
      <ChoiceField
        path={['platform', 'isolation']}
        label="Isolation"
        fallback="microvm"
        choices={[
          { value: 'microvm', label: 'microVM per sandbox', description: hints.isolation.microvm },
          { value: 'account-vm', label: 'VM per account', description: hints.isolation['account-vm'] },
        ]}
      />
      <ChoiceField
        path={['platform', 'placement']}
        label="Placement"
        fallback="spread"
        choices={[
          { value: 'pack', label: 'pack', description: hints.placement.pack },
          { value: 'spread', label: 'spread', description: hints.placement.spread },
        ]}
      />
      <ChoiceField
        path={[...keepAlivePath, 'policy']}
        label="Keep-alive"
        value={policy}
        onValue={(p) => set(keepAlivePath, p === 'fixed' ? { policy: 'fixed', idleMs: typeof idleMs === 'number' ? idleMs : defaultIdleMs } : { policy: p })}
        choices={[
          { value: 'none', label: 'none', description: hints.keepAlivePolicy.none },
          { value: 'fixed', label: 'fixed', description: hints.keepAlivePolicy.fixed },
        ]}
      />
      {policy === 'fixed' && (
        <NumberField
          path={[...keepAlivePath, 'idleMs']}
          label="Keep-alive idle time (min)"
          scale={60_000}
          placeholder={`default ${defaultIdleMs / 60_000}`}
          value={idleMs}
          onValue={(v) => set(keepAlivePath, setIn(isRecord(keepAlive) ? keepAlive : { policy: 'fixed' }, ['idleMs'], v))}
          hint={hints.keepAliveIdle}
          wide
        />
      )}
      <NumberField
        path={['platform', 'limits', 'accountConcurrency']}
        label="Account concurrency limit (executions)"
        placeholder={`default ${figures.accountConcurrency.value}`}
        hint={hints.accountConcurrency}
        wide
      />
    </div>
  );
}
