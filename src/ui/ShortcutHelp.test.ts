// @vitest-environment jsdom
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setLang } from '../i18n';
import { useUi } from '../store/ui';
import { actions } from './actions';
import { viewShortcuts } from './presenter/keys';
import { ShortcutHelp, type ShortcutHelpProps } from './ShortcutHelp';
import { ShortcutHelpButton } from './ShortcutHelpButton';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root;
let container: HTMLElement;

function mount(props: ShortcutHelpProps = {}) {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  act(() => root.render([createElement(ShortcutHelpButton, { key: 'b' }), createElement(ShortcutHelp, { key: 'd', ...props })]));
}

const dialog = () => container.querySelector('dialog')!;
/** The help's rows as "keys: what they do", as a reader would go through them. */
const rows = () => [...dialog().querySelectorAll('tbody tr')].map((tr) => `${[...tr.querySelectorAll('kbd')].map((k) => k.textContent).join(' ')}: ${tr.querySelector('td')!.textContent}`);
const label = (a: (typeof actions)[number]): string => {
  const l: unknown = a.label;
  return typeof l === 'function' ? String((l as () => unknown)()) : String(l);
};

beforeEach(() => {
  setLang('en');
  useUi.setState({ helpOpen: false });
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

describe('the shortcut help', () => {
  it('is a dialog titled "Keyboard shortcuts", closed until asked for', () => {
    mount();
    expect(dialog().open).toBe(false);
    act(() => useUi.getState().setHelp(true));
    expect(dialog().open).toBe(true);
    const title = document.getElementById(dialog().getAttribute('aria-labelledby')!);
    expect(title?.textContent).toBe('Keyboard shortcuts');
  });

  it('lists every playback action with its key, and the display keys', () => {
    mount();
    act(() => useUi.getState().setHelp(true));
    const listed = rows();
    for (const a of actions) expect(listed).toContain(`${a.keyHint}: ${label(a)}`);
    for (const s of viewShortcuts) expect(listed).toContain(`${s.keyHint.join(' ')}: ${s.label.en}`);
    expect(listed).toContain('Page Down: Next lesson step');
    expect(listed).toContain('Page Up: Previous lesson step');
  });

  it('lists the extra entries it is given', () => {
    mount({ extra: [{ keyHint: ['L'], label: { en: 'Open the lesson list', fr: 'Ouvrir la liste des leçons' } }] });
    act(() => useUi.getState().setHelp(true));
    expect(rows()).toContain('L: Open the lesson list');
  });

  it('speaks French when the interface does, key names included', () => {
    setLang('fr');
    mount();
    act(() => useUi.getState().setHelp(true));
    expect(document.getElementById(dialog().getAttribute('aria-labelledby')!)?.textContent).toBe('Raccourcis clavier');
    expect(rows()).toContain('Pg suiv: Étape suivante de la leçon');
    expect(rows().some((r) => r.startsWith('Espace:'))).toBe(true);
  });

  it('opens from its button, and its Close button returns focus to where it was', () => {
    mount();
    const opener = container.querySelector<HTMLButtonElement>('.help-button')!;
    opener.focus();
    act(() => opener.click());
    expect(useUi.getState().helpOpen).toBe(true);
    expect(document.activeElement?.textContent).toBe('Close');
    act(() => dialog().querySelector<HTMLButtonElement>('.close')!.click());
    expect(useUi.getState().helpOpen).toBe(false);
    expect(dialog().open).toBe(false);
    expect(document.activeElement).toBe(opener);
  });

  it('follows the dialog when it closes itself (Esc)', () => {
    mount();
    act(() => useUi.getState().setHelp(true));
    act(() => void dialog().dispatchEvent(new Event('close')));
    expect(useUi.getState().helpOpen).toBe(false);
  });
});
