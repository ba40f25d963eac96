// @vitest-environment jsdom
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setLang } from '../../i18n';
import { useUi } from '../../store/ui';
import { PresenterButton } from './PresenterButton';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root;
let container: HTMLElement;

beforeEach(() => {
  setLang('en');
  useUi.setState({ presenter: false });
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  act(() => root.render(createElement(PresenterButton)));
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

describe('the presenter mode button', () => {
  it('is named "Presenter mode", says its key, and shows whether the mode is on', () => {
    const button = container.querySelector('button')!;
    // The visible key cap is hidden from the name; the key is announced by aria-keyshortcuts.
    const name = [...button.childNodes].filter((n) => !(n instanceof Element && n.getAttribute('aria-hidden') === 'true')).map((n) => n.textContent).join('');
    expect(name).toBe('Presenter mode');
    expect(button.getAttribute('aria-keyshortcuts')).toBe('P');
    expect(button.getAttribute('aria-pressed')).toBe('false');
    act(() => button.click());
    expect(useUi.getState().presenter).toBe(true);
    expect(button.getAttribute('aria-pressed')).toBe('true');
    act(() => button.click());
    expect(useUi.getState().presenter).toBe(false);
  });
});
