import { useCallback, useId, useMemo } from 'react';
import { useT } from '../../i18n';
import { figures } from '../../sim/figures';
import { checkScenario } from '../../sim/scenario';
import { useScenarioDraft } from '../../store/scenarioDraft';
import { EditorContext, type EditorApi } from '../editor/context';
import { BillingFields, billingFields } from '../editor/CostFields';
import { placeIssues } from '../editor/issues';
import { setIn, type DraftPath } from '../editor/paths';

/** Edits the scenario draft as the editor does: the preset menu then says "edited", and the run reloads. */
export function editDraft(change: (draft: unknown) => unknown): void {
  useScenarioDraft.setState({ presetId: null });
  const s = useScenarioDraft.getState();
  s.setDraft(change(s.draft));
}

/**
 * The prices, editable here as they are in the scenario editor (the same fields, bound to the
 * same draft): a problem is shown beside its field and what was typed is kept.
 */
export function PricesSection({ headingId }: { headingId: string }) {
  const { t, lang } = useT();
  const draft = useScenarioDraft((s) => s.draft);
  const idPrefix = `cost${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
  const check = useMemo(() => checkScenario(draft), [draft]);
  const issues = useMemo(() => placeIssues(check.ok ? [] : check.issues, lang), [check, lang]);
  const set = useCallback((path: DraftPath, value: unknown) => editDraft((d) => setIn(d, path, value)), []);
  const update = useCallback((change: (d: unknown) => unknown) => editDraft(change), []);
  const api = useMemo<EditorApi>(() => ({ draft, issues, idPrefix, set, update }), [draft, issues, idPrefix, set, update]);
  const awsDefaults = () =>
    editDraft((d) => billingFields.reduce<unknown>((acc, [key, figure]) => setIn(acc, ['platform', 'billing', key], figures[figure].value), d));
  return (
    <section className="cost-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('cost.prices.title')}</h3>
      <EditorContext.Provider value={api}>
        <div className="se-grid cost-prices">
          <BillingFields wide={false} />
        </div>
      </EditorContext.Provider>
      <p>
        <button type="button" className="se-button" onClick={awsDefaults} aria-describedby={`${idPrefix}-aws`}>
          {t('cost.prices.awsDefaults')}
        </button>{' '}
        <span id={`${idPrefix}-aws`} className="subtle">
          {t('cost.prices.awsDefaultsHint')}
        </span>
      </p>
    </section>
  );
}
