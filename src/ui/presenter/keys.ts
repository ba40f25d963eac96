import type { Localized } from '../../i18n';
import { useUi } from '../../store/ui';
import { isTyping } from '../keyboard';

/**
 * The keys that change how the page looks rather than what the simulation does: presenter
 * mode, theme, the shortcut help, and Esc to leave. One list serves the keyboard handler and
 * the help dialog, so the help never lists a key that does nothing (or misses one that works).
 * The playback keys (Space, arrows, +/−, Home) are src/ui/actions.
 */
export interface ViewShortcut {
  /** KeyboardEvent.key values, compared without case. */
  keys: string[];
  /** What the help shows, one <kbd> each. */
  keyHint: string[];
  label: Localized;
  /** Runs the shortcut; returns false when the key has nothing to do now (so it goes on to others). */
  perform: () => boolean;
}

export const viewShortcuts: ViewShortcut[] = [
  {
    keys: ['p'],
    keyHint: ['P'],
    label: { en: 'Presenter mode on / off (full screen, large type)', fr: 'Mode présentation oui / non (plein écran, grands caractères)' },
    perform: () => (useUi.getState().togglePresenter(), true),
  },
  {
    keys: ['t'],
    keyHint: ['T'],
    label: { en: 'Light / dark theme', fr: 'Thème clair / sombre' },
    perform: () => (useUi.getState().toggleTheme(), true),
  },
  {
    keys: ['?'],
    keyHint: ['?'],
    label: { en: 'Show this list of shortcuts', fr: 'Afficher cette liste de raccourcis' },
    perform: () => (useUi.getState().toggleHelp(), true),
  },
  {
    keys: ['escape'],
    keyHint: ['Esc'],
    label: { en: 'Close this list; leave presenter mode', fr: 'Fermer cette liste ; quitter le mode présentation' },
    perform: () => {
      const ui = useUi.getState();
      // An open dialog closes itself on Esc (and says so through its close event).
      if (ui.helpOpen || !ui.presenter) return false;
      ui.setPresenter(false);
      return true;
    },
  },
];

/**
 * The page's keyboard handler for these keys (call it beside `handleShortcut` from
 * src/ui/actions); returns true when it ran one. A held key does not repeat a toggle.
 */
export function handleViewShortcut(ev: KeyboardEvent): boolean {
  if (ev.ctrlKey || ev.metaKey || ev.altKey || ev.repeat || isTyping(ev.target)) return false;
  const key = ev.key.toLowerCase();
  const shortcut = viewShortcuts.find((s) => s.keys.includes(key));
  if (!shortcut || !shortcut.perform()) return false;
  ev.preventDefault();
  return true;
}
