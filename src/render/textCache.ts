import { i18n } from '../i18n';

/**
 * The views' sentences, made once per language and key. The plane and the topology ask for a
 * label per host, worker box or token on every frame, and an i18next lookup with
 * interpolation costs far more than a Map lookup; their inputs (ids, counts, states) repeat.
 * Bounded: cleared when it grows past 20,000 entries.
 */
const sentences = new Map<string, string>();

export function cachedText(key: string, make: () => string): string {
  const k = `${i18n.language}|${key}`;
  let v = sentences.get(k);
  if (v === undefined) {
    v = make();
    if (sentences.size >= 20_000) sentences.clear();
    sentences.set(k, v);
  }
  return v;
}
