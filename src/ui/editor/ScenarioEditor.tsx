import { useCallback, useId, useMemo, useRef, useState, type JSX, type ReactNode } from 'react';
import { i18n, pluralKey, useT, type Lang } from '../../i18n';
import { checkScenario } from '../../sim/scenario';
import { AccountsFields } from './AccountsFields';
import { EditorContext, useEditor, type EditorApi } from './context';
import { newFunction } from './defaults';
import { NumberField, Problems, TextField, useField } from './fields';
import { FunctionFields } from './FunctionFields';
import { placeIssues } from './issues';
import { formatNumber, humanMs } from './numberText';
import { asArray, getIn, removeIn, setIn, type DraftPath } from './paths';
import { PlatformFields } from './PlatformFields';
import './editor.css';

export interface ScenarioEditorProps {
  /** The draft as the user has it: may be invalid (a field may hold a string while typing). */
  draft: unknown;
  onChange: (draft: unknown) => void;
}

/**
 * The scenario as a form: every field of `draft` a lecturer or student edits, each with the
 * schema's problems beside it. Controlled: each edit calls `onChange` with a new draft (the old
 * one is never mutated), and text that is not yet a valid value is kept in the draft as typed.
 *
 * @example
 * const [draft, setDraft] = useState<unknown>(presets[0].scenario);
 * <ScenarioEditor draft={draft} onChange={setDraft} />
 */
export function ScenarioEditor({ draft, onChange }: ScenarioEditorProps): JSX.Element {
  const { t, lang } = useT();
  const idPrefix = `se${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
  const check = useMemo(() => checkScenario(draft), [draft]);
  const issues = useMemo(() => placeIssues(check.ok ? [] : check.issues, lang), [check, lang]);
  const set = useCallback((path: DraftPath, value: unknown) => onChange(setIn(draft, path, value)), [draft, onChange]);
  const update = useCallback((change: (d: unknown) => unknown) => onChange(change(draft)), [draft, onChange]);
  const api = useMemo<EditorApi>(() => ({ draft, issues, idPrefix, set, update }), [draft, issues, idPrefix, set, update]);

  return (
    <EditorContext.Provider value={api}>
      {/* A div, not a <form>: the app may already wrap the panel in one, and forms cannot nest. */}
      <div className="se-editor" role="form" aria-label={t('editor.label')}>
        <p role="status" className={`se-status${issues.total > 0 ? ' se-status-bad' : ''}`}>
          {issues.total === 0 ? t('editor.valid') : t(pluralKey('editor.problems', issues.total, lang), { n: formatNumber(issues.total, lang) })}
        </p>
        {issues.unplaced.length > 0 && (
          <div role="alert" className="se-alert">
            <p className="se-alert-title">
              <span aria-hidden="true">⚠</span> {t('editor.outside')}
            </p>
            <ul>
              {issues.unplaced.map((issue, k) => (
                <li key={k}>
                  <code>{issue.message}</code>
                </li>
              ))}
            </ul>
          </div>
        )}
        <Section title={t('editor.sections.scenario')}>
          <div className="se-grid">
            <TextField path={['name']} label={t('editor.scenario.name')} wide />
            <NumberField path={['seed']} label={t('editor.scenario.seed')} placeholder={t('editor.defaultValue', { value: 1 })} hint={t('editor.scenario.seedHint')} />
            <NumberField path={['durationMs']} label={t('editor.scenario.duration')} scale={60_000} hint={durationHint(getIn(draft, ['durationMs']), lang)} />
          </div>
        </Section>
        <Section title={t('editor.sections.platform')}>
          <PlatformFields />
        </Section>
        <Section title={t('editor.sections.accounts')}>
          <AccountsFields />
        </Section>
        <Section title={t('editor.sections.functions')}>
          <FunctionsList />
        </Section>
      </div>
    </EditorContext.Provider>
  );
}

/** "150,000 ms = 2.5 min of simulated time": what the minutes typed are stored as. */
function durationHint(ms: unknown, lang: Lang): string {
  const t = i18n.getFixedT(lang);
  if (typeof ms !== 'number' || !Number.isFinite(ms)) return t('editor.scenario.durationEmpty');
  const human = humanMs(ms, lang);
  return human ? t('editor.scenario.durationMsLong', { ms: formatNumber(ms, lang), human }) : t('editor.scenario.durationMs', { ms: formatNumber(ms, lang) });
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="se-section" aria-labelledby={id}>
      <h3 id={id} className="se-heading">
        {title}
      </h3>
      {children}
    </section>
  );
}

/** The functions, one collapsible section each; at least one always stays. */
function FunctionsList() {
  const { t } = useT();
  const { draft, update } = useEditor();
  const { id, problems } = useField(['functions'], false);
  const functions = asArray(getIn(draft, ['functions']));
  const [added, setAdded] = useState<number | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const onlyOne = functions.length <= 1;

  const add = () => {
    setAdded(functions.length);
    update((d) => setIn(d, ['functions'], [...asArray(getIn(d, ['functions'])), newFunction(d)]));
  };
  const remove = (i: number) => {
    setAdded(null);
    update((d) => removeIn(d, ['functions', i]));
    // The button pressed is gone with its section: keep the keyboard in the list.
    addButton.current?.focus();
  };

  return (
    <div className="se-functions" data-se-path="functions">
      <Problems id={`${id}-problems`} lines={problems} />
      {functions.map((_, i) => (
        <FunctionFields
          key={i}
          index={i}
          defaultOpen={i === 0 || i === added}
          focusName={i === added}
          cannotRemove={onlyOne ? t('editor.functions.atLeastOne') : undefined}
          onRemove={() => remove(i)}
        />
      ))}
      <button ref={addButton} type="button" className="se-button" onClick={add}>
        {t('editor.functions.add')}
      </button>
    </div>
  );
}
