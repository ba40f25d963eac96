import { useT } from '../../i18n';
import { figures } from '../../sim/figures';
import { useEditor } from './context';
import { CheckboxField, NumberField } from './fields';
import { hintsFor } from './hints';
import { newWarmPool } from './defaults';
import { getIn } from './paths';

const poolPath = ['platform', 'warmPool'] as const;

/**
 * `platform.warmPool`: ticked, a pool of a few generic sandboxes (the schema fills in the rest);
 * unticked, no key at all. The schema's problems (a pool needs microVM isolation, a pool sandbox
 * too large for a host) are shown beside the field they name.
 */
export function WarmPoolFields() {
  const { t, lang } = useT();
  const hints = hintsFor(lang);
  const { draft, set } = useEditor();
  const pool = getIn(draft, poolPath);
  const on = pool !== undefined;
  return (
    <div className="se-group se-wide" data-se-path="platform.warmPool.group">
      <CheckboxField path={poolPath} label={t('editor.platform.warmPool')} value={on} onValue={(v) => set(poolPath, v ? newWarmPool() : undefined)} hint={hints.warmPool} wide />
      {on && (
        <div className="se-grid se-group-body">
          <NumberField path={[...poolPath, 'size']} label={t('editor.platform.poolSize')} placeholder={t('editor.defaultValue', { value: 0 })} hint={hints.poolSize} wide />
          <NumberField
            path={[...poolPath, 'sandboxMb']}
            label={t('editor.platform.poolSandboxMb')}
            placeholder={t('editor.defaultValue', { value: figures.warmPoolSandboxMb.value })}
            hint={hints.poolSandboxMb}
            wide
          />
          <NumberField
            path={[...poolPath, 'assignMs']}
            label={t('editor.platform.poolAssignMs')}
            placeholder={t('editor.defaultValue', { value: figures.warmPoolAssignMs.value })}
            hint={hints.poolAssignMs}
            wide
          />
          <NumberField path={[...poolPath, 'activePerFunction']} label={t('editor.platform.poolActivePerFunction')} placeholder={t('editor.notSet')} hint={hints.poolActivePerFunction} wide />
        </div>
      )}
    </div>
  );
}
