import { getLang, i18n, type Lang } from '../../i18n';

/**
 * Numbers as the user types them. Text that is a number is stored as a number; anything else is
 * stored as typed, so the schema can say `expected number, got "12a"` beside the field and the
 * user can correct it: nothing typed is lost.
 */

// Plain decimal notation only: `Number()` would also accept "0x10", "Infinity" and "" (as 0).
const decimal = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * What to store for `text`: undefined when empty, a number when it reads as one (times `scale`,
 * e.g. minutes typed and ms stored), else the text itself.
 */
export function parseNumberText(text: string, scale = 1): number | string | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  if (!decimal.test(t)) return text;
  const n = Number(t);
  if (!Number.isFinite(n)) return text;
  // Rounded to 1/1000 of the stored unit: enough for ms, and it hides 0.1 × 60000 float noise.
  const stored = scale === 1 ? n : Math.round(n * scale * 1000) / 1000;
  // A huge number times the unit's scale overflows: kept as typed, so the schema names it.
  return Number.isFinite(stored) ? stored : text;
}

/** The text for a stored value (a number divided by `scale`, a string as it is). */
export function formatNumberText(value: unknown, scale = 1): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return String(scale === 1 ? value : Number((value / scale).toPrecision(12)));
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** Comma-separated numbers, e.g. per-minute counts; a part that is not a number is kept as typed. */
export function parseNumberList(text: string): (number | string)[] {
  return text
    .split(',')
    .map((part) => parseNumberText(part))
    .filter((v): v is number | string => v !== undefined)
    .map((v) => (typeof v === 'string' ? v.trim() : v));
}

export function formatNumberList(value: unknown): string {
  return Array.isArray(value) ? value.map((v) => formatNumberText(v)).join(', ') : formatNumberText(value);
}

const units = [[86_400_000, 'd'], [3_600_000, 'h'], [60_000, 'min'], [1_000, 's']] as const;

/** `1 min`, `2.5 h` (`2,5 h`, `3 j` in French): a ms figure in the unit a student reads at a glance. */
export function humanMs(ms: unknown, lang: Lang = getLang()): string | undefined {
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 1_000) return undefined;
  const [size, name] = units.find(([u]) => ms >= u)!;
  return `${new Intl.NumberFormat(lang).format(Number((ms / size).toPrecision(4)))} ${i18n.getFixedT(lang)(`editor.units.${name}`)}`;
}

/** A number as the language writes it ("150,000", "150 000"), for hints that show a stored value. */
export const formatNumber = (v: number, lang: Lang = getLang()): string => new Intl.NumberFormat(lang, { maximumFractionDigits: 3 }).format(v);
