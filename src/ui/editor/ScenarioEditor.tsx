import { useCallback, useId, useMemo, useRef, useState, type JSX, type ReactNode } from 'react';
import { checkScenario } from '../../sim/scenario';
import { AccountsFields } from './AccountsFields';
import { EditorContext, useEditor, type EditorApi } from './context';
import { newFunction } from './defaults';
import { NumberField, Problems, TextField, useField } from './fields';
import { FunctionFields } from './FunctionFields';
import { placeIssues } from './issues';
import { humanMs } from './numberText';
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
  const idPrefix = `se${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
  const check = useMemo(() => checkScenario(draft), [draft]);
  const issues = useMemo(() => placeIssues(check.ok ? [] : check.issues), [check]);
  const set = useCallback((path: DraftPath, value: unknown) => onChange(setIn(draft, path, value)), [draft, onChange]);
  const update = useCallback((change: (d: unknown) => unknown) => onChange(change(draft)), [draft, onChange]);
  const api = useMemo<EditorApi>(() => ({ draft, issues, idPrefix, set, update }), [draft, issues, idPrefix, set, update]);

  return (
    <EditorContext.Provider value={api}>
      {/* A div, not a <form>: the app may already wrap the panel in one, and forms cannot nest. */}
      <div className="se-editor" role="form" aria-label="Scenario editor">
        <p role="status" className={`se-status${issues.total > 0 ? ' se-status-bad' : ''}`}>
          {issues.total === 0 ? '✓ The scenario is valid.' : `⚠ ${issues.total} ${issues.total === 1 ? 'problem' : 'problems'} to fix, each marked ⚠ below.`}
        </p>
        {issues.unplaced.length > 0 && (
          <div role="alert" className="se-alert">
            <p className="se-alert-title">
              <span aria-hidden="true">⚠</span> Problems outside the fields below:
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
        <Section title="Scenario">
          <div className="se-grid">
            <TextField path={['name']} label="Name" wide />
            <NumberField path={['seed']} label="Seed (integer)" placeholder="default 1" hint="Same seed, same run." />
            <NumberField path={['durationMs']} label="Duration (min)" scale={60_000} hint={durationHint(getIn(draft, ['durationMs']))} />
          </div>
        </Section>
        <Section title="Platform">
          <PlatformFields />
        </Section>
        <Section title="Accounts">
          <AccountsFields />
        </Section>
        <Section title="Functions">
          <FunctionsList />
        </Section>
      </div>
    </EditorContext.Provider>
  );
}

const durationHint = (ms: unknown) => (typeof ms === 'number' && Number.isFinite(ms) ? `${ms.toLocaleString('en-US')} ms${ms >= 1_000 ? ` = ${humanMs(ms)}` : ''} of simulated time` : 'Simulated time, in minutes.');

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
          cannotRemove={onlyOne ? 'A scenario needs at least one function.' : undefined}
          onRemove={() => remove(i)}
        />
      ))}
      <button ref={addButton} type="button" className="se-button" onClick={add}>
        Add function
      </button>
    </div>
  );
}
