// @vitest-environment jsdom
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setLang } from '../i18n';
import { useUi } from '../store/ui';
import { ThemeSwitch } from './ThemeSwitch';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root;
let container: HTMLElement;

beforeEach(() => {
  setLang('en');
  useUi.getState().setTheme('light');
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  act(() => root.render(createElement(ThemeSwitch)));
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

const button = (text: string) => [...container.querySelectorAll('button')].find((b) => b.textContent === text)!;

describe('the theme switch', () => {
  it('is a group labelled "Theme" whose pressed button is the theme in force', () => {
    expect(container.querySelector('[role="group"]')?.getAttribute('aria-label')).toBe('Theme');
    expect(button('Light').getAttribute('aria-pressed')).toBe('true');
    expect(button('Dark').getAttribute('aria-pressed')).toBe('false');
  });

  it('applies and remembers the theme clicked, and follows the T key', () => {
    act(() => button('Dark').click());
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(localStorage.getItem('faascope.theme')).toBe('dark');
    expect(button('Dark').getAttribute('aria-pressed')).toBe('true');
    act(() => useUi.getState().toggleTheme());
    expect(button('Light').getAttribute('aria-pressed')).toBe('true');
  });

  it('names the themes in French', () => {
    act(() => setLang('fr'));
    expect(container.querySelector('[role="group"]')?.getAttribute('aria-label')).toBe('Thème');
    expect(button('Sombre')).toBeDefined();
  });
});
