import { figures, type Figure } from '../figures';

/**
 * The hybrid histogram keep-alive policy of Shahrad et al., "Serverless in the Wild",
 * USENIX ATC 2020 (section 4), for one application.
 *
 * The policy learns the application's idle times (from the end of one invocation to the start
 * of the next) in a range-limited histogram of 1-minute bins over 4 hours, and after each
 * invocation decides two spans:
 * - `prewarmMs`: how long after the invocation ends to load the sandbox again (0: keep it
 *   loaded; more than 0: unload it now and load it back then);
 * - `keepAliveMs`: how long after that to keep it loaded.
 *
 * Three modes, tried in this order:
 * 1. too few idle times seen → `fixed`: no pre-warm, a fixed keep-alive;
 * 2. most idle times longer than the histogram's range → `forecast`: a time-series forecast of
 *    the next idle time. The paper fits an ARIMA model; FaaScope uses an exponentially weighted
 *    moving average (EWMA) of the out-of-range idle times, a one-parameter model a student can
 *    compute by hand (`next = α·latest + (1 − α)·previous`). With the paper's 15% margin the
 *    sandbox is loaded over [85%, 115%] of the forecast;
 * 3. the histogram is representative (coefficient of variation of its bin counts at or above
 *    the threshold: idle times concentrated in a few bins) → `histogram`: load at the head
 *    percentile minus a margin, keep until the tail percentile plus the margin; otherwise
 *    (idle times spread evenly, nothing to predict) → `fixed`.
 *
 * The state is plain data (numbers and arrays): a checkpoint copies it with a spread and
 * `bins.slice()`, and it survives JSON. `observeIdle` updates it in place; `decide` reads it.
 */

/** The policy's parameters; every one is editable in a scenario. */
export interface HybridParams {
  /** Width of one histogram bin. */
  binMs: number;
  /** Idle times at or beyond this are out of the histogram's range. */
  rangeMs: number;
  /** Percentile of idle times at which to load the sandbox again (0..100). */
  headPercentile: number;
  /** Percentile of idle times until which to keep it (0..100). */
  tailPercentile: number;
  /** Pre-warm this fraction earlier than the head, keep this fraction longer than the tail. */
  margin: number;
  /** Coefficient of variation of the bin counts at or above which the histogram is trusted. */
  cvThreshold: number;
  /** Idle times to see before anything but the fixed keep-alive is tried. */
  minSamples: number;
  /** Share of out-of-range idle times at or above which the forecast is used (0..1]. */
  outOfRangeShare: number;
  /** The forecast's margin: load at (1 − m)·forecast, keep for 2m·forecast. */
  forecastMargin: number;
  /** EWMA weight α of the latest out-of-range idle time (0..1]. */
  forecastSmoothing: number;
  /** Keep-alive of the fixed mode (no pre-warm). */
  fallbackKeepAliveMs: number;
}

const paper = 'Shahrad et al., "Serverless in the Wild", USENIX ATC 2020';

/**
 * Default values with their sources. Values marked "as cited" are from the paper as recalled
 * (the PDF was not at hand), cross-checked against the open-source dslab-faas implementation
 * of this policy, which uses the same numbers (CV threshold 2, margin 10%, forecast margin 15%,
 * out-of-range share 0.5).
 */
export const hybridFigures = {
  binMs: { value: 60_000, unit: 'ms', source: `${paper}, policy design` },
  rangeMs: { value: 4 * 3_600_000, unit: 'ms', source: `${paper}, policy design` },
  headPercentile: { value: 5, unit: 'percentile', source: `${paper}, policy design` },
  tailPercentile: { value: 99, unit: 'percentile', source: `${paper}, policy design` },
  margin: { value: 0.1, unit: 'fraction', source: `${paper} (as cited)` },
  cvThreshold: { value: 2, unit: 'coefficient of variation', source: `${paper} (as cited)` },
  minSamples: { value: 10, unit: 'idle times', source: 'illustrative (no minimum recalled from the paper; it matters because a few samples in a 240-bin histogram always have a high CV)' },
  outOfRangeShare: { value: 0.5, unit: 'fraction', source: `${paper} (as cited; threshold uncertain, 0.5 as in dslab-faas)` },
  forecastMargin: { value: 0.15, unit: 'fraction', source: `${paper} (as cited, for its ARIMA forecast)` },
  forecastSmoothing: { value: 0.5, unit: 'EWMA weight', source: 'illustrative (FaaScope forecasts with an EWMA where the paper fits ARIMA)' },
  fallbackKeepAliveMs: { value: figures.fixedKeepAliveAwsMs.value, unit: 'ms', source: `${figures.fixedKeepAliveAwsMs.source}; the paper falls back to a keep-alive as long as the histogram range (as cited)` },
} as const satisfies Record<keyof HybridParams, Figure>;

export const defaultHybridParams: Readonly<HybridParams> = Object.fromEntries(Object.entries(hybridFigures).map(([k, f]) => [k, f.value])) as unknown as HybridParams;

/** What the policy knows of one application. Plain data: copy it with `{ ...s, bins: s.bins.slice() }`. */
export interface HybridState {
  params: HybridParams;
  /** Idle times per bin: bin i holds [i·binMs, (i+1)·binMs). */
  bins: number[];
  inRange: number;
  outOfRange: number;
  /** Σ bins[i]², so the CV needs no scan. */
  sumOfSquares: number;
  /** Lowest and highest non-empty bins (−1 while empty): percentile scans stay within them. */
  lowBin: number;
  highBin: number;
  /** EWMA of out-of-range idle times, or null before the first one. */
  forecastMs: number | null;
}

export type HybridMode = 'histogram' | 'fixed' | 'forecast';

export interface HybridDecision {
  mode: HybridMode;
  /** How long after the invocation ends to load the sandbox again; 0 keeps it loaded. */
  prewarmMs: number;
  /** How long after the pre-warm (or the invocation's end) to keep it loaded. */
  keepAliveMs: number;
  /** One sentence a student can read: why this mode, and the numbers behind the spans. */
  reason: string;
}

/** Longest idle time counted: keeps every sum finite (about 31 years). */
const MAX_IDLE_MS = 1e12;

/** A fresh state; missing parameters take their defaults. Throws RangeError on a nonsensical parameter. */
export function createHybridState(params: Partial<HybridParams> = {}): HybridState {
  const p: HybridParams = { ...defaultHybridParams, ...params };
  const problems = hybridParamProblems(p);
  if (problems.length > 0) throw new RangeError(`hybrid keep-alive: ${problems.join('; ')}`);
  return { params: p, bins: new Array<number>(Math.ceil(p.rangeMs / p.binMs)).fill(0), inRange: 0, outOfRange: 0, sumOfSquares: 0, lowBin: -1, highBin: -1, forecastMs: null };
}

/**
 * What is wrong with a set of parameters, one line each, naming the field first (`margin: expected
 * 0 <= margin < 1, got 1`); empty when they make sense. The scenario schema reports these.
 */
export function hybridParamProblems(p: HybridParams): string[] {
  const out: string[] = [];
  const need = (ok: boolean, field: keyof HybridParams, what: string) => {
    if (!ok) out.push(`${field}: expected ${what}`);
  };
  need(p.binMs > 0 && Number.isFinite(p.binMs), 'binMs', `binMs > 0, got ${p.binMs}`);
  need(p.rangeMs >= p.binMs && p.rangeMs / p.binMs <= 100_000, 'rangeMs', `binMs <= rangeMs <= 100000 bins, got ${p.rangeMs}`);
  need(p.headPercentile >= 0 && p.headPercentile <= p.tailPercentile && p.tailPercentile <= 100, 'headPercentile', `0 <= headPercentile <= tailPercentile <= 100, got ${p.headPercentile} and ${p.tailPercentile}`);
  need(p.margin >= 0 && p.margin < 1, 'margin', `0 <= margin < 1, got ${p.margin}`);
  need(p.cvThreshold >= 0, 'cvThreshold', `cvThreshold >= 0, got ${p.cvThreshold}`);
  need(Number.isInteger(p.minSamples) && p.minSamples >= 0, 'minSamples', `an integer minSamples >= 0, got ${p.minSamples}`);
  need(p.outOfRangeShare > 0 && p.outOfRangeShare <= 1, 'outOfRangeShare', `0 < outOfRangeShare <= 1, got ${p.outOfRangeShare}`);
  need(p.forecastMargin >= 0 && p.forecastMargin < 1, 'forecastMargin', `0 <= forecastMargin < 1, got ${p.forecastMargin}`);
  need(p.forecastSmoothing > 0 && p.forecastSmoothing <= 1, 'forecastSmoothing', `0 < forecastSmoothing <= 1, got ${p.forecastSmoothing}`);
  need(p.fallbackKeepAliveMs >= 0 && Number.isFinite(p.fallbackKeepAliveMs), 'fallbackKeepAliveMs', `a finite fallbackKeepAliveMs >= 0, got ${p.fallbackKeepAliveMs}`);
  return out;
}

/**
 * Records one idle time. Concurrent invocations overlap (a negative gap): they count as 0.
 * A non-finite value is ignored.
 */
export function observeIdle(state: HybridState, idleMs: number): void {
  if (!Number.isFinite(idleMs)) return;
  const idle = Math.min(Math.max(idleMs, 0), MAX_IDLE_MS);
  const bin = Math.floor(idle / state.params.binMs);
  if (bin >= state.bins.length) {
    state.outOfRange++;
    const a = state.params.forecastSmoothing;
    state.forecastMs = state.forecastMs === null ? idle : a * idle + (1 - a) * state.forecastMs;
    return;
  }
  const c = state.bins[bin]!;
  state.bins[bin] = c + 1;
  state.sumOfSquares += 2 * c + 1;
  state.inRange++;
  if (state.lowBin < 0 || bin < state.lowBin) state.lowBin = bin;
  if (bin > state.highBin) state.highBin = bin;
}

/** Coefficient of variation of the bin counts (sample standard deviation over the mean); 0 when empty. */
export function binCountCv(state: HybridState): number {
  const b = state.bins.length;
  const n = state.inRange;
  if (n === 0 || b < 2) return 0;
  const mean = n / b;
  const variance = Math.max(0, (state.sumOfSquares - (n * n) / b) / (b - 1));
  return Math.sqrt(variance) / mean;
}

/** The first bin at which the share of in-range idle times reaches `percentile`; −1 when empty. */
export function percentileBin(state: HybridState, percentile: number): number {
  if (state.inRange === 0) return -1;
  const target = (percentile / 100) * state.inRange - 1e-9;
  let seen = 0;
  for (let i = state.lowBin; i < state.highBin; i++) {
    seen += state.bins[i]!;
    if (seen >= target) return i;
  }
  return state.highBin;
}

/** The spans to apply after an invocation ends, and why. */
export function decide(state: HybridState): HybridDecision {
  const p = state.params;
  const total = state.inRange + state.outOfRange;
  const fixed = (why: string): HybridDecision => ({ mode: 'fixed', prewarmMs: 0, keepAliveMs: p.fallbackKeepAliveMs, reason: `${why}: fixed keep-alive of ${minutes(p.fallbackKeepAliveMs)}` });
  if (total < p.minSamples || total === 0) return fixed(`${total} idle time${total === 1 ? '' : 's'} seen, fewer than ${p.minSamples}`);
  if (state.outOfRange >= p.outOfRangeShare * total && state.forecastMs !== null) {
    const f = state.forecastMs;
    return {
      mode: 'forecast',
      prewarmMs: f * (1 - p.forecastMargin),
      keepAliveMs: 2 * p.forecastMargin * f,
      reason: `${state.outOfRange} of ${total} idle times beyond the ${minutes(p.rangeMs)} range: the next is forecast (EWMA) at ${minutes(f)}; load ${pct(p.forecastMargin)} before it and keep ${pct(p.forecastMargin)} past it`,
    };
  }
  const cv = binCountCv(state);
  if (cv < p.cvThreshold) return fixed(`idle times too spread to predict (CV ${cv.toFixed(2)} < ${p.cvThreshold})`);
  const head = percentileBin(state, p.headPercentile);
  const tail = percentileBin(state, p.tailPercentile);
  const prewarmMs = head * p.binMs * (1 - p.margin);
  const loadedUntilMs = (tail + 1) * p.binMs * (1 + p.margin);
  return {
    mode: 'histogram',
    prewarmMs,
    keepAliveMs: loadedUntilMs - prewarmMs,
    reason:
      `${state.inRange} idle times, CV ${cv.toFixed(2)} >= ${p.cvThreshold}: ` +
      (prewarmMs > 0 ? `unload, load again at ${minutes(prewarmMs)} (${ordinal(p.headPercentile)} percentile ${minutes(head * p.binMs)} − ${pct(p.margin)})` : `keep loaded (${ordinal(p.headPercentile)} percentile in the first bin)`) +
      `, until ${minutes(loadedUntilMs)} (${ordinal(p.tailPercentile)} percentile ${minutes((tail + 1) * p.binMs)} + ${pct(p.margin)})`,
  };
}

/** What a histogram view draws: bin counts and the bins the percentiles fall in (−1 when empty). */
export interface HybridHistogramView {
  binMs: number;
  counts: readonly number[];
  headBin: number;
  tailBin: number;
  inRange: number;
  outOfRange: number;
  cv: number;
}

export function histogramView(state: HybridState): HybridHistogramView {
  const p = state.params;
  return {
    binMs: p.binMs,
    counts: state.bins.slice(),
    headBin: percentileBin(state, p.headPercentile),
    tailBin: percentileBin(state, p.tailPercentile),
    inRange: state.inRange,
    outOfRange: state.outOfRange,
    cv: binCountCv(state),
  };
}

/** `26.1 min`, `5 h`: one decimal at most, hours from 2 h up. */
function minutes(ms: number): string {
  const m = ms / 60_000;
  return m >= 120 ? `${Math.round(m / 6) / 10} h` : `${Math.round(m * 10) / 10} min`;
}

const pct = (f: number) => `${Math.round(f * 1000) / 10}%`;

function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${s}`;
}
