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
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [hz]);
  return frame;
}

/** True when the user asked the system for reduced motion. */
export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}
