import { getLang, i18n, type Lang } from '../../i18n';
import { asArray, getIn, setIn } from './paths';

/** The names (or positions, "function 2") of the functions that run under account `id`. */
export function functionsOfAccount(draft: unknown, id: unknown, lang: Lang = getLang()): string[] {
  return asArray(getIn(draft, ['functions']))
    .map((f, i) => ({ account: getIn(f, ['account']), name: getIn(f, ['name']), i }))
    .filter((f) => f.account === id)
    .map((f) => (typeof f.name === 'string' && f.name !== '' ? f.name : i18n.getFixedT(lang)('editor.functions.unnamed', { n: f.i + 1 })));
}

/**
 * Renames account `index` and moves its functions along, so a rename never strands them. The
 * functions follow only while the rename is unambiguous: while the old id or the new one is
 * shared with another account (a duplicate typed on the way), they stay where they are and the
 * schema shows the problem.
 */
export function renameAccount(draft: unknown, index: number, id: string): unknown {
  const accounts = asArray(getIn(draft, ['accounts']));
  const old = getIn(accounts[index], ['id']);
  let next = setIn(draft, ['accounts', index, 'id'], id);
  const ids = accounts.map((a) => getIn(a, ['id']));
  const shared = (v: unknown) => ids.filter((x, k) => k !== index && x === v).length > 0;
  if (typeof old !== 'string' || old === id || shared(old) || shared(id)) return next;
  asArray(getIn(draft, ['functions'])).forEach((f, i) => {
    if (getIn(f, ['account']) === old) next = setIn(next, ['functions', i, 'account'], id);
  });
  return next;
}
