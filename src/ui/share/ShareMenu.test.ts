// @vitest-environment jsdom
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLang } from '../../i18n';
import { presets } from '../../lessons/presets';
import { decodeLink } from '../../share/link';
import { usePlayback } from '../../store/playback';
import { useScenarioDraft } from '../../store/scenarioDraft';
import { ShareMenu } from './ShareMenu';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root;
let container: HTMLElement;
/** Keys that got past the menu to the page, where the playback shortcuts listen. */
let keysOnPage: string[];
const onPageKey = (e: KeyboardEvent) => keysOnPage.push(e.key);

function mount(props: Parameters<typeof ShareMenu>[0] = {}) {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  act(() => root.render(createElement(ShareMenu, props)));
}

const menuButton = () => container.querySelector<HTMLButtonElement>('button[aria-haspopup="menu"]')!;
const items = () => [...container.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')];
const item = (text: string) => {
  const found = items().find((b) => b.textContent?.startsWith(text));
  if (!found) throw new Error(`no menu item "${text}" in ${items().map((b) => b.textContent).join(' | ')}`);
  return found;
};
const key = (el: Element, k: string) => act(() => void el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true })));
const status = () => container.querySelector('[role="status"]')!.textContent;
const alert = () => container.querySelector('[role="alert"]')!.textContent;
/** Lets pending promises (clipboard, file reading) settle and React render what they said. */
// The menu fetches its exports module on demand: wait for it, then for the work it started.
const settle = () =>
  act(async () => {
    await import('./exports');
    for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
  });

async function choose(text: string) {
  act(() => menuButton().click());
  await act(async () => item(text).click());
  await settle();
}

function chooseFile(file: File) {
  const input = container.querySelector<HTMLInputElement>('input[type="file"]')!;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  act(() => void input.dispatchEvent(new Event('change', { bubbles: true })));
}

const original = structuredClone(presets[0]!.scenario);

beforeEach(() => {
  keysOnPage = [];
  window.addEventListener('keydown', onPageKey);
  useScenarioDraft.setState({ draft: structuredClone(original), presetId: presets[0]!.id });
  usePlayback.setState({ t: 12_500, speedIndex: 3 });
  act(() => setLang('en'));
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  window.removeEventListener('keydown', onPageKey);
  vi.restoreAllMocks();
});

describe('the share menu, from the keyboard', () => {
  it('opens with ↓ on the first item, moves with the arrows, Home and End, and closes with Escape', () => {
    mount();
    const button = menuButton();
    expect(button.textContent).toContain('Share & export');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    button.focus();
    key(button, 'ArrowDown');
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(container.querySelector('[role="menu"]')?.getAttribute('aria-labelledby')).toBe(button.id);
    expect(document.activeElement).toBe(item('Copy link'));
    key(document.activeElement!, 'ArrowDown');
    expect(document.activeElement).toBe(item('Copy embed code'));
    key(document.activeElement!, 'End');
    expect(document.activeElement).toBe(items().at(-1));
    key(document.activeElement!, 'ArrowDown');
    expect(document.activeElement).toBe(item('Copy link'));
    key(document.activeElement!, 'Home');
    expect(document.activeElement).toBe(item('Copy link'));
    key(document.activeElement!, 'Escape');
    expect(container.querySelector('[role="menu"]')).toBeNull();
    expect(document.activeElement).toBe(button);
    // Home and the arrows in the menu must not also reset or step the run.
    expect(keysOnPage).toEqual([]);
  });

  it('offers every export the lecturer needs', () => {
    mount();
    act(() => menuButton().click());
    expect(items().map((b) => b.textContent)).toEqual([
      'Copy link',
      'Copy embed code',
      'Export scenario (JSON)',
      'Import scenario (JSON)…',
      'Charts as an image (PNG)',
      'Charts data (CSV)',
      'Latency histogram data (CSV)',
      'Topology as a drawing (SVG)',
    ]);
  });

  it('speaks French when the interface does', () => {
    act(() => setLang('fr'));
    mount();
    expect(menuButton().textContent).toContain('Partager et exporter');
  });
});

describe('copying a link', () => {
  it('copies a link that opens this scenario, at this moment, in this lesson step', async () => {
    const writeText = vi.fn(async (_: string) => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    mount({ lessonPosition: () => ({ lessonId: 'cold-start', step: 2 }) });
    await choose('Copy link');
    expect(status()).toBe('Link copied.');
    const url = new URL(writeText.mock.calls[0]![0]);
    expect(decodeLink(url.hash)).toEqual({
      kind: 'ok',
      state: { v: 1, scenario: original, presetId: presets[0]!.id, lessonId: 'cold-start', step: 2, t: 12_500, speedIndex: 3, lang: 'en' },
    });
  });

  it('shows the link in a selected field when the browser refuses the clipboard', async () => {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) }, configurable: true });
    mount();
    await choose('Copy link');
    const field = [...container.querySelectorAll('label')].find((l) => l.textContent === 'Link to this view');
    const input = document.getElementById(field!.htmlFor) as HTMLInputElement;
    expect(input.readOnly).toBe(true);
    expect(decodeLink(new URL(input.value).hash).kind).toBe('ok');
    expect(document.activeElement).toBe(input);
    expect(status()).toContain('Copy it from this field');
  });
});

describe('scenario files', () => {
  it('exports the scenario being edited as a JSON file named after it', async () => {
    URL.createObjectURL = vi.fn(() => 'blob:x');
    URL.revokeObjectURL = vi.fn();
    const saved: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    mount();
    await choose('Export scenario (JSON)');
    expect(saved).toEqual(['one-cold-start-step-by-step.json']);
    expect(status()).toBe('Saved one-cold-start-step-by-step.json.');
  });

  it('imports a valid file into the editor', async () => {
    mount();
    const other = structuredClone(presets[2]!.scenario);
    chooseFile(new File([JSON.stringify(other)], 'burst.json'));
    await settle();
    expect(useScenarioDraft.getState().draft).toEqual(other);
    expect(status()).toBe('Imported burst.json.');
  });

  it('keeps the current scenario when a file has problems, and says which fields', async () => {
    mount();
    const bad = structuredClone(presets[2]!.scenario) as { functions: { memoryMb: unknown }[] };
    bad.functions[0]!.memoryMb = 64;
    chooseFile(new File([JSON.stringify(bad)], 'bad.json'));
    await settle();
    expect(alert()).toContain('functions[0].memoryMb: expected 128..10240, got 64');
    expect(alert()).toContain('Your current scenario is unchanged.');
    expect(useScenarioDraft.getState().draft).toEqual(original);
    // The user may still take the file to the editor, to fix it there.
    const anyway = [...container.querySelectorAll('button')].find((b) => b.textContent === 'Open it in the editor anyway')!;
    act(() => anyway.click());
    expect(useScenarioDraft.getState().draft).toEqual(bad);
    expect(alert()).toBe('');
  });

  it('says where a broken JSON file breaks', async () => {
    mount();
    chooseFile(new File(['{ "version": 1,, }'], 'broken.json'));
    await settle();
    expect(alert()).toMatch(/"broken\.json" is not valid JSON: line 1, column 16 /);
    expect(useScenarioDraft.getState().draft).toEqual(original);
    expect(container.querySelector('[role="alert"] button')?.textContent).toBe('Dismiss');
  });
});

describe('exports with nothing to export', () => {
  it('says so instead of saving an empty file', async () => {
    mount();
    await choose('Charts data (CSV)');
    expect(alert()).toContain('Nothing to export yet');
  });
});
