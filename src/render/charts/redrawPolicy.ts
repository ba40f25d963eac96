import type { Frame } from '../../worker/frame';

/** At most this often during playback (5 redraws a second): six SVG charts cost a few ms each. */
export const REDRAW_INTERVAL_MS = 200;

/** A jump of more than this many buckets between two frames out of sequence is a seek. */
export const SEEK_BUCKETS = 3;

/** What the throttle remembers of the last frame it saw. */
export interface DrawnFrame {
  seq: number;
  t: number;
  durationMs: number;
  scenarioName: string;
}

export function drawnFrame(f: Frame): DrawnFrame {
  return { seq: f.seq, t: f.t, durationMs: f.durationMs, scenarioName: f.scenarioName };
}

/**
 * Whether a frame must be drawn at once or may wait for the next slot. Playback can wait: a
 * chart a fifth of a second behind is still read as live. A user's own jump cannot: after a
 * rewind or a seek, a chart still showing the old instant looks broken, and it would keep
 * marks past the new now line until the next slot.
 */
export function redrawDecision(previous: DrawnFrame | null, next: Frame, msSinceLastDraw: number): 'now' | 'later' {
  if (!previous) return 'now';
  if (next.durationMs !== previous.durationMs || next.scenarioName !== previous.scenarioName) return 'now';
  if (next.t < previous.t) return 'now';
  const jumped = next.seq !== previous.seq + 1 && Math.abs(next.t - previous.t) > SEEK_BUCKETS * next.series.bucketMs;
  if (jumped) return 'now';
  if (next.done) return 'now';
  return msSinceLastDraw >= REDRAW_INTERVAL_MS ? 'now' : 'later';
}
