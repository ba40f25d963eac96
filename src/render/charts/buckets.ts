import type { SeriesData, SeriesName } from '../../sim/timeline';

/**
 * Buckets that ended at or before `t`. The current bucket is left out on purpose: it has
 * only part of its requests so far, so its rate or time-averaged count would dip at the
 * now line on every frame and recover on the next.
 */
export function completeBuckets(series: SeriesData, t: number): number {
  return Math.max(0, Math.min(series.bucketCount, Math.floor(t / series.bucketMs + 1e-9)));
}

/** A run of consecutive buckets drawn as one point or bar. */
export interface TimeWindow {
  /** First bucket (inclusive) and last bucket (exclusive). */
  from: number;
  to: number;
  startMs: number;
  endMs: number;
  midMs: number;
  /** Seconds of simulated time the window covers (fewer at the now edge). */
  seconds: number;
}

/** Fewest pixels a window of event counts gets: narrower, the line is Poisson noise. */
const MIN_WINDOW_PX = 4;

/**
 * How many buckets to merge into one window of event counts (arrivals, cold starts) so each
 * window spans at least MIN_WINDOW_PX: 600 buckets of 0.2 s on a 550-pixel chart would draw a
 * zigzag between 0 and 10 req/s at 2 req/s. Only divisors of the bucket count, so windows
 * tile the run exactly and stay put as time passes. Time-averaged series (sandbox counts,
 * idle memory) are smooth already and keep one point per bucket.
 */
export function bucketsPerWindow(series: SeriesData, plotWidthPx: number): number {
  const bucketPx = plotWidthPx / series.bucketCount;
  for (let k = 1; k <= series.bucketCount; k++) {
    if (series.bucketCount % k === 0 && k * bucketPx >= MIN_WINDOW_PX) return k;
  }
  return series.bucketCount;
}

/** Windows of `k` buckets over the complete buckets; the last one may be shorter. */
export function windowsOf(series: SeriesData, t: number, k: number): TimeWindow[] {
  const n = completeBuckets(series, t);
  const out: TimeWindow[] = [];
  for (let from = 0; from < n; from += k) {
    const to = Math.min(n, from + k);
    const startMs = from * series.bucketMs;
    const endMs = to * series.bucketMs;
    out.push({ from, to, startMs, endMs, midMs: (startMs + endMs) / 2, seconds: (endMs - startMs) / 1000 });
  }
  return out;
}

/** Sum of one series over a window. */
export function sumOver(series: SeriesData, name: SeriesName, w: Pick<TimeWindow, 'from' | 'to'>): number {
  const a = series.series[name];
  let s = 0;
  for (let i = w.from; i < w.to; i++) s += a[i]!;
  return s;
}

