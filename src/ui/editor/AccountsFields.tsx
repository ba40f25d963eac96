import { pluralKey, useT } from '../../i18n';
import { functionsOfAccount, renameAccount } from './accounts';
import { useEditor } from './context';
import { newAccountId } from './defaults';
import { Problems, TextField, useField } from './fields';
import { asArray, getIn, removeIn } from './paths';

/**
 * The tenants. An account that still has functions cannot be removed (the button says which
 * functions to move first); renaming one moves its functions along.
 */
export function AccountsFields() {
  const { t, lang } = useT();
  const { draft, set, update } = useEditor();
  const { id, problems } = useField(['accounts'], false);
  const accounts = asArray(getIn(draft, ['accounts']));
  return (
    <div className="se-accounts" data-se-path="accounts">
      <Problems id={`${id}-problems`} lines={problems} />
      <ul className="se-rows">
        {accounts.map((account, i) => {
          const users = functionsOfAccount(draft, getIn(account, ['id']), lang);
          const reason =
            accounts.length <= 1
              ? t('editor.accounts.atLeastOne')
              : users.length > 0
                ? t(pluralKey('editor.accounts.usedBy', users.length, lang), { names: users.join(', ') })
                : undefined;
          const reasonId = `${id}-${i}-reason`;
          return (
            <li key={i} className="se-row">
              <TextField path={['accounts', i, 'id']} label={t('editor.accounts.id', { n: i + 1 })} onValue={(v) => update((d) => renameAccount(d, i, v))} />
              <button
                type="button"
                className="se-button se-remove"
                disabled={reason !== undefined}
                aria-label={t('editor.accounts.removeAccount', { id: String(getIn(account, ['id']) ?? i + 1) })}
                aria-describedby={reason ? reasonId : undefined}
                onClick={() => update((d) => removeIn(d, ['accounts', i]))}
              >
                {t('editor.remove')}
              </button>
              {reason && (
                <p id={reasonId} className="se-hint se-reason">
                  {reason}
                </p>
              )}
            </li>
          );
        })}
      </ul>
      <button type="button" className="se-button" onClick={() => set(['accounts'], [...accounts, { id: newAccountId(draft) }])}>
        {t('editor.accounts.add')}
      </button>
    </div>
  );
}
