import { i18n } from '../../i18n';
import { SPEEDS, usePlayback } from '../../store/playback';
import { playback } from '../playback/controller';
import { isTyping } from '../keyboard';

/**
 * Every playback command, once: the toolbar buttons, the keyboard shortcuts and (later)
 * presenter mode all run these. `perform` drives the worker or a store; it never computes
 * simulation results.
 */
export interface Action {
  name: 'togglePlay' | 'stepForward' | 'stepBack' | 'speedUp' | 'speedDown' | 'reset';
  /** What it does, in the interface's current language (a getter: read it when showing it). */
  readonly label: string;
  /** Shortcut keys (KeyboardEvent.key values) and how the help shows them. */
  keys: string[];
  keyHint: string;
  perform: () => void;
}

/** An action whose `label` is looked up (under `actions.<name>`) each time it is read. */
const action = (name: Action['name'], rest: Omit<Action, 'name' | 'label'>): Action => ({
  name,
  get label() {
    return i18n.t(`actions.${name}`);
  },
  ...rest,
});

export const actions: Action[] = [
  action('togglePlay', { keys: [' '], keyHint: 'Space', perform: () => playback.toggle() }),
  action('stepForward', { keys: ['ArrowRight'], keyHint: '→', perform: () => void playback.step() }),
  action('stepBack', { keys: ['ArrowLeft'], keyHint: '←', perform: () => void playback.stepBack() }),
  action('speedUp', { keys: ['+', '='], keyHint: '+', perform: () => usePlayback.getState().setSpeedIndex(usePlayback.getState().speedIndex + 1) }),
  action('speedDown', { keys: ['-', '_'], keyHint: '−', perform: () => usePlayback.getState().setSpeedIndex(usePlayback.getState().speedIndex - 1) }),
  action('reset', { keys: ['Home'], keyHint: 'Home', perform: () => void playback.reset() }),
];

/** The global keyboard handler; returns true when it ran an action. */
export function handleShortcut(ev: KeyboardEvent): boolean {
  if (ev.ctrlKey || ev.metaKey || ev.altKey || isTyping(ev.target)) return false;
  // Space on a focused button clicks that button; arrows on a slider move the slider.
  if (ev.key === ' ' && (ev.target instanceof HTMLButtonElement || (ev.target instanceof HTMLInputElement && (ev.target.type === 'radio' || ev.target.type === 'checkbox')))) return false;
  if ((ev.key === 'ArrowLeft' || ev.key === 'ArrowRight' || ev.key === 'Home') && ev.target instanceof HTMLInputElement) return false;
  const action = actions.find((a) => a.keys.includes(ev.key));
  if (!action) return false;
  ev.preventDefault();
  action.perform();
  return true;
}

export { SPEEDS };
