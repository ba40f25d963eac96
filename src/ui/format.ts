import { getLang, type Lang } from '../i18n';

/**
 * Numbers, times and money as the panels write them, in the interface's language: "12.4 s" and
 * "1,234" in English, "12,4 s" and "1 234" in French. Each takes the language (a component
 * passes the one `useT()` gave it, so it redraws on a switch); it defaults to the current one.
 * Unit symbols (ms, s, min, h) are international and the same in both languages.
 */

const formats = new Map<string, Intl.NumberFormat>();

/** A cached Intl.NumberFormat (making one is slow, and the summary formats several per frame). */
function numberFormat(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang} ${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.NumberFormat(lang, options)));
  return f;
}

/** `v` with exactly `digits` decimals (and the language's separators). */
export const formatFixed = (v: number, digits: number, lang: Lang = getLang()) => numberFormat(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v);

const pad2 = (v: number) => String(v).padStart(2, '0');

/** Simulated time as a student reads it: 850 ms, 12.4 s, 3 min 20 s, 2 h 05 min. */
export function formatTime(ms: number, lang: Lang = getLang()): string {
  if (ms < 1_000) return `${formatFixed(ms, ms < 10 ? 2 : 0, lang)} ms`;
  if (ms < 60_000) return `${formatFixed(ms / 1_000, ms < 10_000 ? 2 : 1, lang)} s`;
  if (ms < 3_600_000) return `${Math.floor(ms / 60_000)} min ${pad2(Math.floor((ms % 60_000) / 1_000))} s`;
  return `${formatCount(Math.floor(ms / 3_600_000), lang)} h ${pad2(Math.floor((ms % 3_600_000) / 60_000))} min`;
}

/** A whole count with the language's thousands separator: "12,345", "12 345". */
export const formatCount = (n: number, lang: Lang = getLang()) => numberFormat(lang, { maximumFractionDigits: 0 }).format(n);

/** A playback speed: "0.25×", "1,000×". */
export function formatSpeed(speed: number, lang: Lang = getLang()): string {
  return `${numberFormat(lang, { maximumFractionDigits: 3 }).format(speed)}×`;
}

/** A share of a whole (0.123 is "12.3%", "12,3 %"); a dash when there is none. */
export function formatPercent(ratio: number | null, lang: Lang = getLang(), digits = 1): string {
  return ratio === null ? '–' : numberFormat(lang, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(ratio);
}

/**
 * Costs are tiny in a teaching run: three significant digits under a cent ("$0.00371", "0,00371 $"),
 * else `decimals` decimals (four under $10, two above, unless told).
 */
export function formatUsd(v: number, lang: Lang = getLang(), decimals?: number): string {
  const usd = { style: 'currency', currency: 'USD', currencyDisplay: 'narrowSymbol' } as const;
  if (v === 0) return numberFormat(lang, { ...usd, maximumFractionDigits: 0 }).format(0);
  if (v < 0.01) return numberFormat(lang, { ...usd, minimumSignificantDigits: 3, maximumSignificantDigits: 3 }).format(v);
  const digits = decimals ?? (v < 10 ? 4 : 2);
  return numberFormat(lang, { ...usd, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v);
}
