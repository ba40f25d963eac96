import { useState } from 'react';
import { useT } from '../i18n';
import { checkScenario } from '../sim/scenario';
import { useScenarioDraft } from '../store/scenarioDraft';
import { ScenarioEditor } from './editor/ScenarioEditor';

/** The scenario editor: a form, and the same scenario as JSON for pasting one a lecturer prepared. */
export function ScenarioPanel() {
  const { t } = useT();
  const draft = useScenarioDraft((s) => s.draft);
  const setDraft = useScenarioDraft((s) => s.setDraft);
  const [view, setView] = useState<'form' | 'json'>('form');
  const [jsonText, setJsonText] = useState<string | null>(null);
  /** JSON.parse's message, when the text is not JSON (worded at render time, in the current language). */
  const [jsonError, setJsonError] = useState<string | null>(null);
  const text = jsonText ?? JSON.stringify(draft, null, 2);
  const check = checkScenario(draft);

  const edit = (next: unknown) => {
    // An edited scenario is no longer the preset: the preset menu says so.
    useScenarioDraft.setState({ presetId: null });
    setDraft(next);
  };

  const onJson = (value: string) => {
    setJsonText(value);
    try {
      const parsed: unknown = JSON.parse(value);
      setJsonError(null);
      edit(parsed);
    } catch (e) {
      // Keep the text as typed; the simulation keeps the last valid scenario.
      setJsonError((e as Error).message);
    }
  };

  return (
    <section className="panel scenario-panel" aria-labelledby="scenario-title">
      <h2 id="scenario-title">
        {t('scenario.title')}
        <span className="segmented" role="group" aria-label={t('scenario.editAs')}>
          <button type="button" aria-pressed={view === 'form'} onClick={() => setView('form')}>
            {t('scenario.form')}
          </button>
          <button type="button" aria-pressed={view === 'json'} onClick={() => setView('json')}>
            {t('scenario.json')}
          </button>
        </span>
      </h2>
      {view === 'form' ? (
        <ScenarioEditor draft={draft} onChange={edit} />
      ) : (
        <>
          <label className="json-editor">
            <span>{t('scenario.jsonLabel')}</span>
            <textarea
              value={text}
              onChange={(e) => onJson(e.target.value)}
              onBlur={() => !jsonError && setJsonText(null)}
              spellCheck={false}
              rows={18}
              aria-invalid={!!jsonError || !check.ok}
            />
          </label>
          {(jsonError || !check.ok) && (
            <ul className="issues" role="alert">
              {jsonError && <li>{t('scenario.notJson', { message: jsonError })}</li>}
              {!check.ok && check.issues.map((i) => <li key={i.message}>{i.message}</li>)}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
