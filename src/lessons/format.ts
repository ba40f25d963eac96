import type { Lang } from '../i18n/types';

/** Numbers in a lesson's explanation, written the way each language writes them. */
export const num = (x: number, lang: Lang, digits = 0) => new Intl.NumberFormat(lang, { maximumFractionDigits: digits }).format(x);

/** Dollars with a few significant digits: lesson runs cost fractions of a cent. */
export const usd = (x: number, lang: Lang, significant = 2) => new Intl.NumberFormat(lang, { style: 'currency', currency: 'USD', maximumSignificantDigits: significant }).format(x);

/** Milliseconds as seconds with one decimal; a dash when there is no value. */
export const seconds = (ms: number | null, lang: Lang) => (ms === null ? '–' : `${num(ms / 1000, lang, 1)} s`);

/** A share as a whole percentage. */
export const pct = (part: number, whole: number, lang: Lang) => new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(whole > 0 ? part / whole : 0);
