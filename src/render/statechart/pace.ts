/**
 * Paces a live view: frames arrive at up to 60 a second, but counts that change faster than a
 * person can read them only cost work. The view draws a frame at once when `minIntervalMs` of wall
 * time has passed since its last drawing, or when simulated time went backwards (a rewind or a new
 * run must not show stale counts); otherwise the newest frame is drawn when the interval is up, so
 * the last frame before a pause is the one left on screen.
 *
 * @example
 * const paced = paceFrames((f) => renderStatechart(svg, graph, layout, stateOf(f)), { minIntervalMs: 200 });
 * const stop = subscribeFrames(paced.push);
 * // on unmount: stop(); paced.cancel();
 */
export interface PacedFrames<F> {
  push(frame: F): void;
  /** Draws `frame` now (after a selection change, say) and restarts the interval. */
  drawNow(frame: F): void;
  cancel(): void;
}

export interface PaceOptions {
  minIntervalMs: number;
  /** Wall clock, ms; `performance.now` unless a test passes its own. */
  now?: () => number;
}

export function paceFrames<F extends { t: number }>(draw: (frame: F) => void, opts: PaceOptions): PacedFrames<F> {
  const now = opts.now ?? (() => performance.now());
  let lastDrawnAt = -Infinity;
  let lastT = -Infinity;
  let newest: F | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const drawNow = (frame: F) => {
    clearTimeout(timer);
    timer = undefined;
    newest = null;
    lastDrawnAt = now();
    draw(frame);
  };
  return {
    push(frame) {
      const rewound = frame.t < lastT;
      lastT = frame.t;
      const wait = opts.minIntervalMs - (now() - lastDrawnAt);
      if (rewound || wait <= 0) return drawNow(frame);
      newest = frame;
      timer ??= setTimeout(() => {
        if (newest) drawNow(newest);
      }, wait);
    },
    drawNow,
    cancel() {
      clearTimeout(timer);
      timer = undefined;
      newest = null;
    },
  };
}
