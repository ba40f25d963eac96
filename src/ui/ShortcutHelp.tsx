import { useEffect, useRef } from 'react';
import { pick, useT, type Lang, type Localized } from '../i18n';
import { useUi } from '../store/ui';
import { actions, type Action } from './actions';
import { viewShortcuts } from './presenter/keys';

/** This dialog's words; kept here (not in en.ts / fr.ts) so the component is self-contained. */
export const labels = {
  title: { en: 'Keyboard shortcuts', fr: 'Raccourcis clavier' },
  close: { en: 'Close', fr: 'Fermer' },
  playback: { en: 'Playback', fr: 'Lecture' },
  lessons: { en: 'Lessons', fr: 'Leçons' },
  view: { en: 'Display', fr: 'Affichage' },
  more: { en: 'More', fr: 'Autres' },
  nextStep: { en: 'Next lesson step', fr: 'Étape suivante de la leçon' },
  previousStep: { en: 'Previous lesson step', fr: 'Étape précédente de la leçon' },
  clicker: {
    en: 'A presentation clicker sends Page Down and Page Up: it moves through the lesson. Nothing needs the mouse.',
    fr: 'Une télécommande de présentation envoie Pg suiv et Pg préc : elle fait avancer la leçon. Rien ne demande la souris.',
  },
} satisfies Record<string, Localized>;

/** Key names as printed on keyboards in each language. */
const KEY_NAMES: Record<string, Localized> = {
  Space: { en: 'Space', fr: 'Espace' },
  Home: { en: 'Home', fr: 'Début' },
  Esc: { en: 'Esc', fr: 'Échap' },
  PageDown: { en: 'Page Down', fr: 'Pg suiv' },
  PageUp: { en: 'Page Up', fr: 'Pg préc' },
};

/** One line of the help: the keys (each shown as a key cap) and what they do. */
export interface ShortcutEntry {
  keyHint: string | string[];
  label: string | Localized;
}

export interface ShortcutHelpProps {
  /** More shortcuts (a lesson panel's, say), listed after the built-in ones. */
  extra?: ShortcutEntry[];
}

/** An action's label, whether it is a string, a getter or a function (the i18n of actions may change its shape). */
function actionLabel(a: Action): string {
  const label: unknown = a.label;
  return typeof label === 'function' ? String((label as () => unknown)()) : String(label);
}

const lessonEntries: ShortcutEntry[] = [
  { keyHint: 'PageDown', label: labels.nextStep },
  { keyHint: 'PageUp', label: labels.previousStep },
];

/** Every shortcut, grouped, in the language given: the playback actions, lesson steps, display keys and `extra`. */
export function shortcutGroups(lang: Lang, extra: ShortcutEntry[] = []): { title: string; entries: { keys: string[]; label: string }[] }[] {
  const text = (l: string | Localized) => (typeof l === 'string' ? l : pick(l, lang));
  const keys = (k: string | string[]) => (Array.isArray(k) ? k : [k]).map((name) => (KEY_NAMES[name] ? pick(KEY_NAMES[name], lang) : name));
  const entries = (list: ShortcutEntry[]) => list.map((e) => ({ keys: keys(e.keyHint), label: text(e.label) }));
  const groups = [
    { title: pick(labels.playback, lang), entries: entries(actions.map((a) => ({ keyHint: a.keyHint, label: actionLabel(a) }))) },
    { title: pick(labels.lessons, lang), entries: entries(lessonEntries) },
    { title: pick(labels.view, lang), entries: entries(viewShortcuts) },
    { title: pick(labels.more, lang), entries: entries(extra) },
  ];
  return groups.filter((g) => g.entries.length > 0);
}

/**
 * The list of every keyboard shortcut, in a modal dialog (`?` opens it). A native <dialog>
 * opened with showModal(): the page behind is inert, focus stays inside, Esc closes it, and
 * focus goes back where it was. Open and closed is the store's `helpOpen`, so the key, the
 * button and the dialog's own close all agree.
 */
export function ShortcutHelp({ extra = [] }: ShortcutHelpProps) {
  const { lang } = useT();
  const open = useUi((s) => s.helpOpen);
  const setHelp = useUi((s) => s.setHelp);
  const ref = useRef<HTMLDialogElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', ''); // engines without modal dialogs (jsdom)
      dialog.querySelector<HTMLElement>('.close')?.focus();
    } else if (!open) {
      if (dialog.open) {
        if (typeof dialog.close === 'function') dialog.close();
        else dialog.removeAttribute('open');
      }
      returnTo.current?.focus();
      returnTo.current = null;
    }
  }, [open]);

  const titleId = 'shortcut-help-title';
  return (
    <dialog
      ref={ref}
      className="shortcut-help"
      aria-labelledby={titleId}
      // Esc, or close() from elsewhere: the store follows.
      onClose={() => setHelp(false)}
      // A click on the dimmed page around the dialog (the dialog element itself, outside its content) closes it.
      onClick={(e) => {
        if (e.target === e.currentTarget) setHelp(false);
      }}
    >
      <div className="shortcut-help-body">
        <div className="shortcut-help-head">
          <h2 id={titleId}>{pick(labels.title, lang)}</h2>
          <button type="button" className="close" onClick={() => setHelp(false)}>
            {pick(labels.close, lang)}
          </button>
        </div>
        {open &&
          shortcutGroups(lang, extra).map((g) => (
            <table key={g.title}>
              <caption>{g.title}</caption>
              <tbody>
                {g.entries.map((e) => (
                  <tr key={e.keys.join(' ') + e.label}>
                    <th scope="row">
                      {e.keys.map((k) => (
                        <kbd key={k}>{k}</kbd>
                      ))}
                    </th>
                    <td>{e.label}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
        <p className="hint">{pick(labels.clicker, lang)}</p>
      </div>
    </dialog>
  );
}
