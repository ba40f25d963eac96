import { createStore } from 'zustand/vanilla';
import type { Frame } from '../worker/frame';

/**
 * The last frame the worker sent. Views read it through a subscription, not through React
 * state: at 60 frames a second React re-renders nothing, and D3 draws.
 */
export const latestFrame = createStore<{ frame: Frame | null }>(() => ({ frame: null }));

/**
 * Publishes a frame; every view subscribed draws it synchronously. When the UI benchmark asks
 * for it (`__FAASCOPE_BENCH__`), the time that takes is recorded as a `faascope:draw` measure;
 * otherwise nothing is recorded, so a long lecture does not fill the performance buffer.
 */
export function setFrame(frame: Frame): void {
  const bench = (globalThis as { __FAASCOPE_BENCH__?: boolean }).__FAASCOPE_BENCH__;
  const start = bench ? performance.now() : 0;
  latestFrame.setState({ frame });
  if (bench) performance.measure('faascope:draw', { start, end: performance.now(), detail: { sandboxes: frame.sandboxes.length } });
}

/** Calls `cb` with the current frame (if any) and every later one; returns the unsubscriber. */
export function subscribeFrames(cb: (frame: Frame) => void): () => void {
  const now = latestFrame.getState().frame;
  if (now) cb(now);
  return latestFrame.subscribe((s, prev) => {
    if (s.frame && s.frame !== prev.frame) cb(s.frame);
  });
}

/** Runs `draw`, recording its duration as `faascope:<name>` when the UI benchmark asks. */
export function measured(name: string, draw: () => void): void {
  if (!(globalThis as { __FAASCOPE_BENCH__?: boolean }).__FAASCOPE_BENCH__) {
    draw();
    return;
  }
  const start = performance.now();
  draw();
  performance.measure(`faascope:${name}`, { start, end: performance.now() });
}
