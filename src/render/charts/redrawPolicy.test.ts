import { describe, expect, it } from 'vitest';
import type { Frame } from '../../worker/frame';
import { drawnFrame, redrawDecision, REDRAW_INTERVAL_MS, SEEK_BUCKETS } from './redrawPolicy';

const BUCKET_MS = 200;
const frame = (seq: number, t: number, extra: Partial<Frame> = {}): Frame =>
  ({ seq, t, durationMs: 120_000, scenarioName: 'burst', done: false, series: { bucketMs: BUCKET_MS }, ...extra }) as Frame;

describe('chart redraws during playback', () => {
  const previous = drawnFrame(frame(10, 30_000));

  it('draws the first frame at once', () => {
    expect(redrawDecision(null, frame(1, 0), 0)).toBe('now');
  });

  it('waits for the next slot while playing forward', () => {
    expect(redrawDecision(previous, frame(11, 30_050), 16)).toBe('later');
    expect(redrawDecision(previous, frame(11, 30_050), REDRAW_INTERVAL_MS)).toBe('now');
  });

  it('draws a rewind at once, however recent the last draw', () => {
    expect(redrawDecision(previous, frame(11, 29_000), 1)).toBe('now');
  });

  it('draws a seek (frames skipped, time jumped by more than a few buckets) at once', () => {
    expect(redrawDecision(previous, frame(14, 90_000), 1)).toBe('now');
  });

  it('does not treat skipped frames within a few buckets as a seek', () => {
    expect(redrawDecision(previous, frame(13, 30_000 + SEEK_BUCKETS * BUCKET_MS), 1)).toBe('later');
  });

  it('draws a new scenario and the end of a run at once', () => {
    expect(redrawDecision(previous, frame(11, 30_050, { scenarioName: 'other' }), 1)).toBe('now');
    expect(redrawDecision(previous, frame(11, 30_050, { done: true }), 1)).toBe('now');
  });
});
