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
  const { draft, set, update } = useEditor();
  const { id, problems } = useField(['accounts'], false);
  const accounts = asArray(getIn(draft, ['accounts']));
  return (
    <div className="se-accounts" data-se-path="accounts">
      <Problems id={`${id}-problems`} lines={problems} />
      <ul className="se-rows">
        {accounts.map((account, i) => {
          const users = functionsOfAccount(draft, getIn(account, ['id']));
          const reason =
            accounts.length <= 1 ? 'A scenario needs at least one account.' : users.length > 0 ? `Used by ${users.join(', ')}: move ${users.length === 1 ? 'it' : 'them'} to another account first.` : undefined;
          const reasonId = `${id}-${i}-reason`;
          return (
            <li key={i} className="se-row">
              <TextField path={['accounts', i, 'id']} label={`Account ${i + 1} (id)`} onValue={(v) => update((d) => renameAccount(d, i, v))} />
              <button
                type="button"
                className="se-button se-remove"
                disabled={reason !== undefined}
                aria-label={`Remove account ${String(getIn(account, ['id']) ?? i + 1)}`}
                aria-describedby={reason ? reasonId : undefined}
                onClick={() => update((d) => removeIn(d, ['accounts', i]))}
              >
                Remove
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
        Add account
      </button>
    </div>
  );
}
