import type { Workload } from './scenario';
import type { Rng } from './rng';

const MINUTE_MS = 60_000;

/**
 * Where a function's arrival process stands: plain data, so that a checkpoint can copy it.
 * Arrivals are generated lazily, one pending arrival per function in the event queue.
 */
export interface ArrivalCursor {
  /** Time of the last arrival produced (or the start). */
  t: number;
  /** periodic: arrivals produced so far; steps: index of the current step. */
  k: number;
  /** perMinute: the minute whose arrivals are buffered, and the sorted times left in it. */
  minute: number;
  buffer: number[];
}

export function newCursor(): ArrivalCursor {
  return { t: 0, k: 0, minute: -1, buffer: [] };
}

const exp = (ratePerSec: number, rng: Rng) => (-Math.log(1 - rng.next()) / ratePerSec) * 1000;

/** The time of the next arrival after the cursor, or Infinity when the workload has ended. */
export function nextArrival(w: Workload, c: ArrivalCursor, rng: Rng): number {
  switch (w.type) {
    case 'poisson':
      if (w.ratePerSec <= 0) return Infinity;
      c.t += exp(w.ratePerSec, rng);
      return c.t;
    case 'periodic':
      c.t = w.offsetMs + c.k * w.everyMs;
      c.k++;
      return c.t;
    case 'steps': {
      // Poisson within each step. The exponential is memoryless, so a draw that crosses a
      // step boundary can be restarted at the boundary with the new rate without bias.
      const steps = w.steps;
      if (c.k === 0 && c.t < steps[0]!.atMs) c.t = steps[0]!.atMs;
      for (;;) {
        const rate = steps[c.k]!.ratePerSec;
        const end = c.k + 1 < steps.length ? steps[c.k + 1]!.atMs : Infinity;
        const t = rate > 0 ? c.t + exp(rate, rng) : Infinity;
        if (t < end) {
          c.t = t;
          return t;
        }
        if (end === Infinity) return Infinity;
        c.t = end;
        c.k++;
      }
    }
    case 'perMinute': {
      // Each minute's count is spread uniformly at random within the minute, as trace replay does.
      while (c.buffer.length === 0) {
        c.minute++;
        if (c.minute >= w.counts.length) return Infinity;
        const n = w.counts[c.minute]!;
        const start = c.minute * MINUTE_MS;
        for (let i = 0; i < n; i++) c.buffer.push(start + rng.next() * MINUTE_MS);
        c.buffer.sort((a, b) => b - a); // descending: pop() yields the earliest
      }
      c.t = c.buffer.pop()!;
      return c.t;
    }
  }
}
