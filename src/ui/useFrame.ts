import { useEffect, useState } from 'react';
import { latestFrame, subscribeFrames } from '../store/latestFrame';
import { usePlayback } from '../store/playback';
import type { Frame } from '../worker/frame';

/**
 * The latest frame for a React panel, at most `hz` times a second while playing (panels need
 * not redraw at 60 fps) but at once when paused, stepped or rewound.
 */
export function useFrame(hz: number): Frame | null {
  const [frame, setFrameState] = useState<Frame | null>(() => latestFrame.getState().frame);
  useEffect(() => {
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let shownT = -1;
    const unsubscribe = subscribeFrames((f) => {
      const now = performance.now();
      const urgent = !usePlayback.getState().playing || f.t < shownT;
      if (timer) clearTimeout(timer);
      timer = null;
      if (urgent || now - last >= 1000 / hz) {
        last = now;
        shownT = f.t;
        setFrameState(f);
      } else {
        timer = setTimeout(() => {
          last = performance.now();
          shownT = f.t;
          setFrameState(latestFrame.getState().frame);
        }, 1000 / hz - (now - last));
      }
    });
    // Paused: the throttled frame still waiting is shown at once, so a panel never shows an
    // older moment than the clock while the lecturer talks over a paused run.
    const unsubscribePlayback = usePlayback.subscribe((s, prev) => {
      if (s.playing || !prev.playing || !timer) return;
      clearTimeout(timer);
      timer = null;
      last = performance.now();
      const f = latestFrame.getState().frame;
      shownT = f?.t ?? -1;
      setFrameState(f);
    });
    return () => {
      unsubscribe();
      unsubscribePlayback();
      if (timer) clearTimeout(timer);
    };
  }, [hz]);
  return frame;
}

const reducedMotion = typeof matchMedia === 'function' ? matchMedia('(prefers-reduced-motion: reduce)') : null;

/** True when the user asked the system for reduced motion (read live: it can change mid-lecture). */
export function prefersReducedMotion(): boolean {
  return reducedMotion?.matches ?? false;
}

/**
 * Whether views animate their changes. While playing, positions already follow simulated time
 * frame by frame, so transitions would only add work; they are for steps and seeks, where a
 * jump would otherwise be lost, and only while there are few elements to move.
 */
export function shouldAnimate(elements: number): boolean {
  return !prefersReducedMotion() && !usePlayback.getState().playing && elements <= 400;
}
