import { i18n } from '../../i18n';
import { format, percentSign } from '../locale';

/**
 * Numbers, times and units as the charts write them, in the interface's language: every
 * function reads the language when called, so a chart redrawn after a switch is all French.
 */

/** The unit the time axis counts in, picked from the scenario's duration. */
export interface TimeUnit {
  name: 's' | 'min' | 'h' | 'd';
  ms: number;
}

const TIME_UNITS: readonly TimeUnit[] = [
  { name: 's', ms: 1000 },
  { name: 'min', ms: 60_000 },
  { name: 'h', ms: 3_600_000 },
  { name: 'd', ms: 86_400_000 },
];

/**
 * The largest unit the duration spans at least three of: a 2-minute burst reads in seconds
 * (0–120 s), an hour in minutes (0–60 min), a day in hours. Fewer than three ticks of a unit
 * would push the axis to fractions ("0.5 min"), which students misread.
 */
export function timeUnitFor(durationMs: number): TimeUnit {
  let unit = TIME_UNITS[0]!;
  for (const u of TIME_UNITS) if (durationMs / u.ms >= 3) unit = u;
  return unit;
}

/** A unit's symbol in the interface's language (a day is "d" in English, "j" in French). */
export function unitSymbol(name: TimeUnit['name'] | 'ms'): string {
  return i18n.t(`render.units.${name}`);
}

const pad2 = (v: number) => String(v).padStart(2, '0');

/** A simulated instant as a person says it, in the scale of the run: "42.5 s", "4 min 07 s", "2 h 05 min". */
export function formatSimTime(ms: number, durationMs: number): string {
  const unit = timeUnitFor(durationMs);
  const total = Math.max(0, ms);
  const u = unitSymbol;
  if (unit.name === 's') return `${format('.1f')(total / 1000)} ${u('s')}`;
  if (unit.name === 'min') {
    const s = Math.floor(total / 1000);
    return `${Math.floor(s / 60)} ${u('min')} ${pad2(s % 60)} ${u('s')}`;
  }
  if (unit.name === 'h') {
    const m = Math.floor(total / 60_000);
    return `${Math.floor(m / 60)} ${u('h')} ${pad2(m % 60)} ${u('min')}`;
  }
  const h = Math.floor(total / 3_600_000);
  return `${Math.floor(h / 24)} ${u('d')} ${pad2(h % 24)} ${u('h')}`;
}

/** A length of time for a label ("per 1 s", "per 30 s", "per 2 min"). */
export function formatSpan(ms: number): string {
  const f = format('.3~r');
  if (ms < 1000) return `${f(ms)} ${unitSymbol('ms')}`;
  if (ms < 120_000) return `${f(ms / 1000)} ${unitSymbol('s')}`;
  if (ms < 7_200_000) return `${f(ms / 60_000)} ${unitSymbol('min')}`;
  return `${f(ms / 3_600_000)} ${unitSymbol('h')}`;
}

/** A latency with its unit, for the log axis and the summary: "8 ms", "250 ms", "1.2 s", "2 min". */
export function formatLatency(ms: number): string {
  const f = format('.2~r');
  if (ms < 1000) return `${f(ms)} ${unitSymbol('ms')}`;
  if (ms < 60_000) return `${f(ms / 1000)} ${unitSymbol('s')}`;
  return `${f(ms / 60_000)} ${unitSymbol('min')}`;
}

/** Whole numbers with the language's thousands separator ("12,345"; "12 345"). */
export const formatCount = (v: number) => format(',.0f')(v);
/** Rates and ratios: three significant digits, trailing zeros dropped ("240", "2.5", "0.333"). */
export const formatNumber = (v: number) => format(',.3~r')(v);
/** Costs are tiny in a teaching run ($0.0037), so significant digits, not cents. */
export const formatUsd = (v: number) => (v === 0 ? format('$,.0f')(0) : format('$,.3~r')(v));
/** A percentage given in percent (12.5 → "12.5%"; "12,5 %" in French). */
export const formatPercent = (v: number) => `${format('.3~r')(v)}${percentSign()}`;
