import { describe, expect, it } from 'vitest';
import { labEn } from './text.en';
import { labFr } from './text.fr';

function leaves(tree: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (v !== null && typeof v === 'object') for (const [p, x] of leaves(v as object, path)) out.set(p, x);
    else out.set(path, String(v));
  }
  return out;
}
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe("the lab's own text (loaded with its tab)", () => {
  it('has every English line in French, with the same placeholders, and none left in English', () => {
    const en = leaves(labEn);
    const fr = leaves(labFr);
    expect([...fr.keys()].sort()).toEqual([...en.keys()].sort());
    for (const [key, text] of en) {
      expect(placeholders(fr.get(key)!), key).toEqual(placeholders(text));
    }
    const untranslated = [...en].filter(([k, text]) => text.length > 12 && fr.get(k) === text).map(([k]) => k);
    expect(untranslated).toEqual([]);
  });
});

describe('the notes of a trace conversion, in the interface’s language', () => {
  it('has a sentence for every note the conversion can make, in English and French, naming its numbers', async () => {
    const { i18n } = await import('../../i18n');
    const { toScenario, TRACE_NOTE_IDS } = await import('../../traces/toScenario');
    for (const lang of ['en', 'fr'] as const) {
      for (const id of TRACE_NOTE_IDS) {
        const text = i18n.getFixedT(lang)(`lab.notes.${id}`, { count: 2, from: 11, to: 22, kept: 33, of: 44, mb: 55, min: 66, max: 77 });
        expect(text, `${lang} ${id}`).not.toContain('lab.notes');
        expect(text, `${lang} ${id}`).not.toContain('{{');
      }
    }
    // The English sentence the command line prints is the interface's English.
    const trace = { minutesPerDay: 3, functions: [{ owner: 'o', app: 'a', fn: 'f', trigger: 'http', line: 2, minutes: [0], counts: [1] }, { owner: 'o', app: 'b', fn: 'g', trigger: 'http', line: 3, minutes: [], counts: [] }] };
    const { notes } = toScenario(trace as unknown as Parameters<typeof toScenario>[0]);
    const idle = notes.find((n) => n.id === 'idleLeftOut')!;
    expect(i18n.getFixedT('en')('lab.notes.idleLeftOut', idle.values)).toBe(idle.text);
    expect(i18n.getFixedT('fr')('lab.notes.idleLeftOut', idle.values)).toBe('1 fonction jamais invoquée dans les minutes 1 à 3, laissée de côté.');
  });
});
