// @vitest-environment jsdom
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { presets } from '../lessons/presets';
import { setFrame } from '../store/latestFrame';
import { control, group, mountEditor, type Mounted } from '../ui/editor/testDom';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { SummaryBar } from '../ui/SummaryBar';
import type { Frame } from '../worker/frame';
import { en } from './en';
import { fr } from './fr';
import { getLang, LANG_STORAGE_KEY, pluralKey, setLang } from './index';

/** Every leaf of a message tree, as `path → text`. */
function leaves(tree: object, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [k, v] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (v !== null && typeof v === 'object') for (const [p, x] of leaves(v as object, path)) out.set(p, x);
    else out.set(path, v);
  }
  return out;
}

const enLeaves = leaves(en);
const frLeaves = leaves(fr);
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
const boldMarks = (text: string) => (text.match(/<\/?b>/g) ?? []).length;
/** French numbers group with a narrow no-break space; read them as plain spaces. */
const plain = (text: string | null | undefined) => (text ?? '').replace(/[\u202f\u00a0]/g, ' ');

describe('the French text matches the English one', () => {
  it('has every key of the English, and no other', () => {
    expect([...frLeaves.keys()].filter((k) => !enLeaves.has(k))).toEqual([]);
    expect([...enLeaves.keys()].filter((k) => !frLeaves.has(k))).toEqual([]);
  });

  it('has no empty or non-string text in either language', () => {
    for (const [lang, all] of [['en', enLeaves], ['fr', frLeaves]] as const) {
      for (const [key, text] of all) {
        expect(typeof text, `${lang} ${key}`).toBe('string');
        expect((text as string).trim(), `${lang} ${key}`).not.toBe('');
      }
    }
  });

  it('uses the same {{placeholders}} and bold marks, key by key', () => {
    for (const [key, text] of enLeaves) {
      const other = frLeaves.get(key) as string;
      expect(placeholders(other), key).toEqual(placeholders(text as string));
      expect(boldMarks(other), key).toBe(boldMarks(text as string));
    }
  });

  it('gives every plural both its forms', () => {
    const plurals = [...enLeaves.keys()].filter((k) => /_(one|other)$/.test(k));
    expect(plurals.length).toBeGreaterThan(0);
    for (const key of plurals) {
      const base = key.replace(/_(one|other)$/, '');
      for (const all of [enLeaves, frLeaves]) {
        expect(all.has(`${base}_one`), `${base}_one`).toBe(true);
        expect(all.has(`${base}_other`), `${base}_other`).toBe(true);
        expect(all.has(base), `${base} without a form`).toBe(false);
      }
    }
  });

  it('gives every preset a title and a summary in both languages', () => {
    for (const p of presets) for (const text of [p.title, p.summary]) for (const lang of ['en', 'fr'] as const) expect(text[lang].trim(), `${p.id} ${lang}`).not.toBe('');
  });
});

describe('plural forms follow each language', () => {
  it('counts 0 as plural in English, singular in French, and a million as plural in both', () => {
    expect(pluralKey('summary.requests', 0, 'en')).toBe('summary.requests_other');
    expect(pluralKey('summary.requests', 1, 'en')).toBe('summary.requests_one');
    expect(pluralKey('summary.requests', 0, 'fr')).toBe('summary.requests_one');
    expect(pluralKey('summary.requests', 1, 'fr')).toBe('summary.requests_one');
    expect(pluralKey('summary.requests', 2, 'fr')).toBe('summary.requests_other');
    // French's "many" form (1,000,000) is written with the plural, not taken from English.
    expect(pluralKey('summary.requests', 1_000_000, 'fr')).toBe('summary.requests_other');
  });
});

describe('the interface in French', () => {
  let editor: Mounted | undefined;
  let cleanup: (() => void) | undefined;
  afterEach(() => {
    editor?.unmount();
    editor = undefined;
    cleanup?.();
    cleanup = undefined;
    act(() => setLang('en'));
  });

  it('labels the scenario editor in French, with French numbers, and switches live', () => {
    act(() => setLang('en'));
    editor = mountEditor(structuredClone(presets.find((p) => p.id === 'warm-reuse')!.scenario));
    expect(control(editor.container, 'Memory (MB)')).toBeTruthy();

    act(() => setLang('fr'));
    expect(getLang()).toBe('fr');
    expect(document.documentElement.lang).toBe('fr');
    const c = editor.container;
    expect(() => control(c, 'Memory (MB)')).toThrow();
    expect(control(c, 'Mémoire (Mo)')).toBeTruthy();
    expect(control(c, 'Hôtes (nombre)')).toBeTruthy();
    const idle = control(c, 'Durée de maintien en vie (min)');
    expect((idle as HTMLInputElement).value).toBe('5');
    expect(control(group(c, 'Maintien en vie (keep-alive)'), 'aucun').type).toBe('radio');
    expect(c.querySelector('[role="form"]')!.getAttribute('aria-label')).toBe('Éditeur de scénario');
    expect(c.textContent).toContain('Le scénario est valide.');
    // 12 minutes, with the French thousands separator.
    expect(plain(c.textContent)).toContain('720 000 ms = 12 min de temps simulé');
  });

  it('writes the live summary in French: "0 requête", French numbers and dollars', () => {
    act(() => setLang('fr'));
    const summary = { requests: 0, completed: 0, cold: 1, warm: 1234, throttled: 2, timedOut: 0, failed: 0, inFlight: 0, sandboxes: { initializing: 0, idle: 1, busy: 0, shuttingDown: 0 }, costUsd: 0.0123, idleGbSeconds: 0 };
    setFrame({ t: 12_400, summary } as unknown as Frame);
    const container = document.createElement('div');
    document.body.append(container);
    const root = createRoot(container);
    act(() => root.render(createElement(SummaryBar)));
    cleanup = () => {
      act(() => root.unmount());
      container.remove();
    };
    const text = plain(container.textContent);
    expect(text).toContain('12,4 s simulées');
    expect(text).toContain('0 requête');
    expect(text).not.toContain('0 requêtes');
    expect(text).toContain('1 démarrage à froid');
    expect(text).toContain('1 234 à chaud');
    expect(text).toContain('2 limitées');
    expect(text).toContain('coût 0,0123 $');
    expect(container.querySelectorAll('b').length).toBe(9);
  });
});

describe('the language menu', () => {
  it('names each language in itself, switches the interface and remembers the choice', () => {
    act(() => setLang('en'));
    const container = document.createElement('div');
    document.body.append(container);
    const root = createRoot(container);
    act(() => root.render(createElement(LanguageSwitch)));
    const label = container.querySelector('label')!;
    const select = label.querySelector('select')!;
    expect(label.textContent).toContain('Language');
    expect([...select.options].map((o) => [o.value, o.lang, o.textContent])).toEqual([
      ['en', 'en', 'English'],
      ['fr', 'fr', 'Français'],
    ]);

    act(() => {
      select.value = 'fr';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(getLang()).toBe('fr');
    expect(label.textContent).toContain('Langue');
    expect(select.value).toBe('fr');
    expect(document.documentElement.lang).toBe('fr');
    expect(localStorage.getItem(LANG_STORAGE_KEY)).toBe('fr');

    act(() => root.unmount());
    container.remove();
    act(() => setLang('en'));
  });
});
