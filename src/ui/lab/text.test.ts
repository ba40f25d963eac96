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
