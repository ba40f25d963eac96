import { createStore } from 'zustand/vanilla';
import type { Frame } from '../worker/frame';

/**
 * The last frame the worker sent. Views read it through a subscription, not through React
 * state: at 60 frames a second React re-renders nothing, and D3 draws.
 */
export const latestFrame = createStore<{ frame: Frame | null }>(() => ({ frame: null }));

export function setFrame(frame: Frame): void {
  latestFrame.setState({ frame });
}

/** Calls `cb` with the current frame (if any) and every later one; returns the unsubscriber. */
export function subscribeFrames(cb: (frame: Frame) => void): () => void {
  const now = latestFrame.getState().frame;
  if (now) cb(now);
  return latestFrame.subscribe((s, prev) => {
    if (s.frame && s.frame !== prev.frame) cb(s.frame);
  });
}
