import type { TFunction } from 'i18next';
import { useState, type ReactNode, type Ref } from 'react';
import { useT } from '../../i18n';
import { useEditor } from './context';
import { formatNumberText, parseNumberText } from './numberText';
import { domKey, getIn, pathKey, type DraftPath } from './paths';

/**
 * The editor's inputs. Each one is bound to a draft path: it shows the value there, writes back
 * through the editor context, and shows the problems the schema reports for that path right
 * below itself, linked with `aria-describedby` so a screen reader reads them with the field.
 */

/** The attributes a control needs to be tied to its label, problems and hint. */
export interface ControlAria {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

export interface FieldProps {
  path: DraftPath;
  /** Visible label, with units: "Memory (MB)". */
  label: ReactNode;
  hint?: ReactNode;
  /** Take the whole row of the field grid (long hints, text). */
  wide?: boolean;
  /** The id of a problem list this field shares with others (percentiles out of order, steps out of order). */
  groupProblemsId?: string;
}

/** The problems of one field; `id` is what the input's `aria-describedby` points at. */
export function Problems({ id, lines }: { id: string; lines: readonly string[] }) {
  if (lines.length === 0) return null;
  return (
    <ul id={id} className="se-problems">
      {lines.map((line, k) => (
        <li key={k} className="se-problem">
          <span aria-hidden="true" className="se-problem-icon">
            ⚠
          </span>{' '}
          {line}
        </li>
      ))}
    </ul>
  );
}

/** Ids and problems of the field at `path`. */
export function useField(path: DraftPath, hasHint: boolean, groupProblemsId?: string) {
  const { idPrefix, issues } = useEditor();
  const id = `${idPrefix}-${domKey(path)}`;
  const problems = issues.at(pathKey(path));
  const describedBy = [problems.length > 0 ? `${id}-problems` : '', groupProblemsId ?? '', hasHint ? `${id}-hint` : ''].filter(Boolean).join(' ');
  const invalid = problems.length > 0 || groupProblemsId !== undefined;
  const aria: ControlAria = { id, 'aria-invalid': invalid ? true : undefined, 'aria-describedby': describedBy || undefined };
  return { id, problems, aria };
}

/** Label, control, problems and hint, in that order. */
export function Field({ path, label, hint, wide, groupProblemsId, children }: FieldProps & { children: (aria: ControlAria) => ReactNode }) {
  const { id, problems, aria } = useField(path, hint !== undefined, groupProblemsId);
  return (
    <div className={`se-field${wide ? ' se-wide' : ''}${problems.length > 0 ? ' se-invalid' : ''}`} data-se-path={pathKey(path)}>
      <label htmlFor={id} className="se-label">
        {label}
      </label>
      {children(aria)}
      <Problems id={`${id}-problems`} lines={problems} />
      {hint !== undefined && (
        <p id={`${id}-hint`} className="se-hint">
          {hint}
        </p>
      )}
    </div>
  );
}

/**
 * Keeps the text being typed while it still means the stored value ("1." while typing "1.5",
 * "0.50" for 0.5), and shows the stored value's own text otherwise (on blur, or when the draft
 * changes from elsewhere).
 */
export function useEditingText<T>(stored: unknown, format: (v: unknown) => string, parse: (text: string) => T, same: (a: T, b: unknown) => boolean = Object.is) {
  const [editing, setEditing] = useState<string | null>(null);
  const shown = editing !== null && same(parse(editing), stored) ? editing : format(stored);
  return {
    shown,
    edit: (text: string): T => {
      setEditing(text);
      return parse(text);
    },
    done: () => setEditing(null),
  };
}

interface ValueProps<T> {
  /** The value to show; the draft's value at `path` when left out. */
  value?: unknown;
  /** Where an edit goes; `set(path, value)` when left out. */
  onValue?: (value: T) => void;
}

function useBinding<T>(path: DraftPath, props: ValueProps<T>) {
  const { draft, set } = useEditor();
  const value = 'value' in props ? props.value : getIn(draft, path);
  const write = props.onValue ?? ((v: T) => set(path, v));
  return { value, write };
}

export interface NumberFieldProps extends FieldProps, ValueProps<number | string | undefined> {
  /** Typed in a unit `scale` times the stored one: minutes typed, ms stored is 60000. */
  scale?: number;
  placeholder?: string;
}

/** A number; empty removes the key (so a default applies, or "missing" is reported). */
export function NumberField(props: NumberFieldProps) {
  const { path, label, hint, wide, scale = 1, placeholder, groupProblemsId } = props;
  const { value, write } = useBinding(path, props);
  const text = useEditingText(value, (v) => formatNumberText(v, scale), (t) => parseNumberText(t, scale));
  return (
    <Field path={path} label={label} hint={hint} wide={wide} groupProblemsId={groupProblemsId}>
      {(aria) => (
        <input
          {...aria}
          className="se-input se-number"
          type="text"
          inputMode="decimal"
          autoComplete="off"
          spellCheck={false}
          placeholder={placeholder}
          value={text.shown}
          onChange={(e) => write(text.edit(e.target.value))}
          onBlur={text.done}
        />
      )}
    </Field>
  );
}

export interface TextFieldProps extends FieldProps, ValueProps<string> {
  inputRef?: Ref<HTMLInputElement>;
}

export function TextField(props: TextFieldProps) {
  const { path, label, hint, wide, inputRef } = props;
  const { value, write } = useBinding(path, props);
  return (
    <Field path={path} label={label} hint={hint} wide={wide}>
      {(aria) => (
        <input {...aria} ref={inputRef} className="se-input" type="text" autoComplete="off" spellCheck={false} value={formatNumberText(value)} onChange={(e) => write(e.target.value)} />
      )}
    </Field>
  );
}

export interface Choice {
  value: string;
  label: string;
  /** One line on what the choice means. */
  description?: string;
}

/** The options, plus one for a value in the draft that is none of them, so it is shown rather than silently replaced. */
function withCurrent(choices: readonly Choice[], value: unknown, t: TFunction): readonly Choice[] {
  if (choices.some((c) => c.value === value)) return choices;
  if (value === undefined) return [{ value: '', label: t('editor.chooseOne') }, ...choices];
  return [{ value: String(value), label: t('editor.notValid', { value: formatNumberText(value) }) }, ...choices];
}

export interface SelectFieldProps extends FieldProps, ValueProps<string> {
  choices: readonly Choice[];
}

export function SelectField(props: SelectFieldProps) {
  const { path, label, hint, wide, choices } = props;
  const { t } = useT();
  const { value, write } = useBinding(path, props);
  const options = withCurrent(choices, value, t);
  return (
    <Field path={path} label={label} hint={hint} wide={wide}>
      {(aria) => (
        <select {...aria} className="se-input se-select" value={value === undefined ? '' : String(value)} onChange={(e) => e.target.value !== '' && write(e.target.value)}>
          {options.map((c) => (
            <option key={c.value} value={c.value} disabled={c.value === ''}>
              {c.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export interface ChoiceFieldProps extends Omit<FieldProps, 'hint'>, ValueProps<string> {
  choices: readonly Choice[];
  /** Shown as checked when the draft leaves the field out (the schema's default). */
  fallback?: string;
}

/** Radio buttons, each with its one-line description: for choices a student should compare. */
export function ChoiceField(props: ChoiceFieldProps) {
  const { path, label, choices, fallback } = props;
  const { value, write } = useBinding(path, props);
  const { id, problems, aria } = useField(path, false);
  const current = value === undefined ? fallback : value;
  return (
    <fieldset {...aria} id={`${id}-group`} role="radiogroup" className={`se-choices se-wide${problems.length > 0 ? ' se-invalid' : ''}`} data-se-path={pathKey(path)}>
      <legend className="se-label">{label}</legend>
      {choices.map((c) => (
        <div key={c.value} className="se-choice">
          <input type="radio" id={`${id}-${c.value}`} name={id} value={c.value} checked={current === c.value} onChange={() => write(c.value)} aria-describedby={c.description ? `${id}-${c.value}-desc` : undefined} />
          <label htmlFor={`${id}-${c.value}`}>{c.label}</label>
          {c.description && (
            <span id={`${id}-${c.value}-desc`} className="se-hint se-choice-hint">
              {c.description}
            </span>
          )}
        </div>
      ))}
      <Problems id={`${id}-problems`} lines={problems} />
    </fieldset>
  );
}

export interface CheckboxFieldProps extends FieldProps, ValueProps<boolean> {
  /**
   * The caller shows this path's problems itself (after the fields the checkbox turns on, say),
   * as `<Problems id={`${useField(path).id}-problems`} …>`; the checkbox still points at them.
   */
  problemsElsewhere?: boolean;
}

/**
 * An on/off setting: checked when the draft holds `true` at `path` (or when `value` is true).
 * A value that is not a boolean shows unchecked, with the schema's problem beside it.
 */
export function CheckboxField(props: CheckboxFieldProps) {
  const { path, label, hint, wide, groupProblemsId, problemsElsewhere } = props;
  const { value, write } = useBinding(path, props);
  const { id, problems, aria } = useField(path, hint !== undefined, groupProblemsId);
  return (
    <div className={`se-field se-check${wide ? ' se-wide' : ''}${problems.length > 0 ? ' se-invalid' : ''}`} data-se-path={pathKey(path)}>
      <div className="se-check-row">
        <input {...aria} type="checkbox" checked={value === true} onChange={(e) => write(e.target.checked)} />
        <label htmlFor={id} className="se-label">
          {label}
        </label>
      </div>
      {!problemsElsewhere && <Problems id={`${id}-problems`} lines={problems} />}
      {hint !== undefined && (
        <p id={`${id}-hint`} className="se-hint">
          {hint}
        </p>
      )}
    </div>
  );
}
