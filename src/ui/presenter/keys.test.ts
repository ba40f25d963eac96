// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { useUi } from '../../store/ui';
import { handleViewShortcut } from './keys';

/** A key pressed on `target` (the page by default), as the window's keydown listener sees it. */
function press(key: string, init: KeyboardEventInit = {}, target: EventTarget = document.body): { handled: boolean; prevented: boolean } {
  const ev = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
  Object.defineProperty(ev, 'target', { value: target });
  const handled = handleViewShortcut(ev);
  return { handled, prevented: ev.defaultPrevented };
}

beforeEach(() => {
  useUi.setState({ presenter: false, helpOpen: false });
  useUi.getState().setTheme('light');
});

describe('the display shortcuts', () => {
  it('P switches presenter mode on and off, whatever the case', () => {
    expect(press('p')).toEqual({ handled: true, prevented: true });
    expect(useUi.getState().presenter).toBe(true);
    press('P', { shiftKey: true });
    expect(useUi.getState().presenter).toBe(false);
  });

  it('T switches the theme, ? opens and closes the help', () => {
    press('t');
    expect(useUi.getState().theme).toBe('dark');
    press('?', { shiftKey: true });
    expect(useUi.getState().helpOpen).toBe(true);
    press('?', { shiftKey: true });
    expect(useUi.getState().helpOpen).toBe(false);
  });

  it('Esc leaves presenter mode, but only closes the help when it is open', () => {
    useUi.setState({ presenter: true, helpOpen: true });
    // The dialog closes itself on Esc; presenter mode stays for the rest of the talk.
    expect(press('Escape').handled).toBe(false);
    expect(useUi.getState().presenter).toBe(true);
    useUi.setState({ helpOpen: false });
    expect(press('Escape').handled).toBe(true);
    expect(useUi.getState().presenter).toBe(false);
    // Nothing to leave: Esc goes on to whoever else wants it.
    expect(press('Escape')).toEqual({ handled: false, prevented: false });
  });

  it('leaves keys typed into a field, browser shortcuts and held keys alone', () => {
    const input = document.createElement('input');
    expect(press('p', {}, input).handled).toBe(false);
    expect(press('p', { ctrlKey: true }).handled).toBe(false); // print
    expect(press('t', { repeat: true }).handled).toBe(false);
    expect(useUi.getState()).toMatchObject({ presenter: false, theme: 'light' });
  });
});
