import { describe, expect, it } from 'vitest';
import { SERIES_NAMES, type SeriesData, type SeriesName } from '../../sim/timeline';
import { bucketsPerWindow, completeBuckets, sumOver, windowsOf } from './buckets';

function series(bucketCount: number, bucketMs: number, filled: number): SeriesData {
  const s = Object.fromEntries(SERIES_NAMES.map((n) => [n, new Float64Array(bucketCount)])) as Record<SeriesName, Float64Array>;
  s.arrivals.fill(1);
  return { bucketMs, bucketCount, filled, series: s, latencyWarm: new Float64Array(60), latencyCold: new Float64Array(60) };
}

describe('time windows of the event-count charts', () => {
  const s = series(600, 200, 301);

  it('leave out the current, partial bucket', () => {
    expect(completeBuckets(s, 60_000)).toBe(300);
    expect(completeBuckets(s, 60_199)).toBe(300);
    expect(completeBuckets(s, 120_000)).toBe(600);
  });

  it('are wide enough to read and tile the run exactly', () => {
    const k = bucketsPerWindow(s, 550);
    expect(600 % k).toBe(0);
    expect((k * 550) / 600).toBeGreaterThanOrEqual(4);
    const w = windowsOf(s, 120_000, k);
    expect(w[0]!.from).toBe(0);
    expect(w.at(-1)!.to).toBe(600);
    expect(w.every((x, i) => i === 0 || x.from === w[i - 1]!.to)).toBe(true);
  });

  it('give a rate over however much of the last window has happened', () => {
    const w = windowsOf(s, 61_000, 10).at(-1)!;
    expect(w.to - w.from).toBe(5);
    // One arrival per 0.2 s bucket is 5 requests/s, whatever the window's length.
    expect(sumOver(s, 'arrivals', w) / w.seconds).toBeCloseTo(5, 9);
  });
});
