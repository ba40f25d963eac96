import { formatLocale, formatSpecifier, precisionFixed, precisionRound, tickStep, type FormatLocaleObject } from 'd3';
import { getLang, i18n, type Lang } from '../i18n';

/**
 * The render layer's language: its words come from `i18n.t` at draw time (the views are plain
 * D3, not React), its numbers from a d3 number locale built from the browser's own
 * Intl.NumberFormat for the language. d3's format specifiers stay (the charts need its
 * significant-digit and tick-precision rules), only the separators and symbols change:
 * "1,234.5", "$0.0037", "12.5%" in English; "1 234,5", "0,0037 $", "12,5 %" in French.
 */

const locales = new Map<string, { locale: FormatLocaleObject; percent: string }>();

/** Separators and symbols as Intl writes them for `lang`. */
function definitionFor(lang: string) {
  const parts = (opts: Intl.NumberFormatOptions, n: number) => new Intl.NumberFormat(lang, opts).formatToParts(n);
  const isNumber = (p: Intl.NumberFormatPart) => ['integer', 'group', 'decimal', 'fraction'].includes(p.type);
  const text = (ps: Intl.NumberFormatPart[]) => ps.map((p) => p.value).join('');
  // What comes before the number and what after it: "$" and "" in English, "" and " $" in French.
  const around = (ps: Intl.NumberFormatPart[]): [string, string] => {
    const first = ps.findIndex(isNumber);
    let last = ps.length - 1;
    while (last > first && !isNumber(ps[last]!)) last--;
    return [text(ps.slice(0, first)), text(ps.slice(last + 1))];
  };
  const plain = parts({}, 1234567.5);
  return {
    decimal: plain.find((p) => p.type === 'decimal')?.value ?? '.',
    thousands: plain.find((p) => p.type === 'group')?.value ?? ',',
    grouping: [3],
    currency: around(parts({ style: 'currency', currency: 'USD', currencyDisplay: 'narrowSymbol' }, 1.5)),
    percent: around(parts({ style: 'percent' }, 0.5))[1],
  };
}

function localeOf(lang: Lang) {
  let entry = locales.get(lang);
  if (!entry) {
    const definition = definitionFor(lang);
    entry = { locale: formatLocale(definition), percent: definition.percent };
    locales.set(lang, entry);
  }
  return entry;
}

/** The d3 number locale of `lang` (the interface's language by default). */
export function numberLocale(lang: Lang = getLang()): FormatLocaleObject {
  return localeOf(lang).locale;
}

/** What follows a number in percent: "%" in English, " %" (a narrow no-break space first) in French. */
export function percentSign(lang: Lang = getLang()): string {
  return localeOf(lang).percent;
}

const formats = new Map<string, (n: number) => string>();

/** `d3.format(specifier)` in the interface's language (made once per language and specifier). */
export function format(specifier: string): (n: number) => string {
  const lang = getLang();
  const key = `${lang} ${specifier}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = numberLocale(lang).format(specifier)));
  return f;
}

/**
 * A linear scale's tick format (d3-scale's `tickFormat`, whose precision rules this repeats)
 * in the interface's language: d3-scale's own always formats in its default, English, locale.
 */
export function tickFormat(domain: readonly number[], count: number, specifier = ',f'): (n: number) => string {
  const start = domain[0]!;
  const stop = domain.at(-1)!;
  const step = tickStep(start, stop, count);
  const spec = formatSpecifier(specifier);
  let precision: number;
  switch (spec.type) {
    case '':
    case 'e':
    case 'g':
    case 'p':
    case 'r':
      if (spec.precision === undefined && !isNaN((precision = precisionRound(step, Math.max(Math.abs(start), Math.abs(stop)))))) spec.precision = precision - (spec.type === 'e' ? 1 : 0);
      break;
    case 'f':
    case '%':
      if (spec.precision === undefined && !isNaN((precision = precisionFixed(step)))) spec.precision = precision - (spec.type === '%' ? 2 : 0);
      break;
  }
  return numberLocale().format(spec.toString());
}

// `t` for keys built at run time (a machine's state, a plural form): the typed `t` accepts only literal keys.
const looseT = (key: string, options: Record<string, unknown> = {}): string => (i18n.t as unknown as (k: string, o: object) => string).call(i18n, key, options);

/** A translation whose key is only known at run time (a state of a machine), or `fallback` when there is none. */
export function translateOr(key: string, fallback: string, options: Record<string, unknown> = {}): string {
  return i18n.exists(key) ? looseT(key, options) : fallback;
}

const pluralRules = new Map<string, Intl.PluralRules>();

/**
 * `key_one` or `key_other` by the language's plural rule for `count` (French says "0 requête",
 * English "0 requests"). Chosen here rather than by i18next's `count`: French also has a
 * "many" form (for a million) that i18next would look up, not find and take from English.
 */
export function plural(key: string, count: number, options: Record<string, unknown> = {}): string {
  const lang = getLang();
  let rules = pluralRules.get(lang);
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(lang)));
  const form = rules.select(count) === 'one' ? 'one' : 'other';
  return looseT(`${key}_${form}`, options);
}
