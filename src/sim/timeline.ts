import type { Category } from './meters';

/**
 * The run as time series, for the charts: a fixed number of buckets over the scenario's
 * duration, so memory stays bounded however long the run (a simulated week or a minute).
 * Plain typed arrays: cheap to copy into a checkpoint and to transfer to the page.
 */
export const SERIES_NAMES = [
  /** Requests arriving in the bucket. */
  'arrivals',
  'completed',
  'cold',
  'warm',
  'throttled',
  'timedOut',
  'failed',
  /** Calls refused by an API gateway (HTTP 429 before the platform). */
  'gatewayThrottled',
  /** Asynchronous events sent to the dead-letter queue after their retries. */
  'deadLettered',
  /** Calls refused by the function's resource policy. */
  'denied',
  /** Time-averaged number of sandboxes in each state during the bucket. */
  'sandboxesInitializing',
  'sandboxesIdle',
  'sandboxesBusy',
  'sandboxesShuttingDown',
  /** GB-seconds of function memory held by idle (frozen) sandboxes in the bucket: the provider's waste. */
  'idleGbSeconds',
  'allocatedGbSeconds',
  /** Dollars billed in the bucket (compute + requests + provisioned concurrency). */
  'costUsd',
  /** The part of costUsd paid for provisioned concurrency being there (busy or not). */
  'provisionedUsd',
] as const;
export type SeriesName = (typeof SERIES_NAMES)[number];

/** Upper edges of the latency histogram's bins, in ms (log-spaced, 1 ms to about 15 min). */
export const LATENCY_BIN_EDGES_MS: readonly number[] = Array.from({ length: 60 }, (_, i) => 10 ** (i / 10));

export interface SeriesData {
  bucketMs: number;
  bucketCount: number;
  /** Buckets up to (not including) this index are complete or current. */
  filled: number;
  series: Record<SeriesName, Float64Array>;
  /** Completed requests per latency bin (last bin catches everything above). */
  latencyWarm: Float64Array;
  latencyCold: Float64Array;
}

const CATEGORY_SERIES: (SeriesName | null)[] = [null, 'sandboxesInitializing', 'sandboxesIdle', 'sandboxesBusy', 'sandboxesShuttingDown'];

export class Timeline {
  readonly data: SeriesData;
  /** Sandboxes currently in each category, all functions together. */
  private count = [0, 0, 0, 0, 0];
  /** Memory (MB) held by sandboxes in each category. */
  private memoryMb = [0, 0, 0, 0, 0];
  private last = 0;
  /** Memory (MB) of the provisioned sandboxes alive, billed by the GB-s while they exist. */
  private provisionedMb = 0;

  constructor(
    durationMs: number,
    bucketCount = 600,
    private readonly provisionedPricePerGbSecond = 0,
  ) {
    const bucketMs = durationMs / bucketCount;
    const series = Object.fromEntries(SERIES_NAMES.map((n) => [n, new Float64Array(bucketCount)])) as Record<SeriesName, Float64Array>;
    this.data = { bucketMs, bucketCount, filled: 0, series, latencyWarm: new Float64Array(LATENCY_BIN_EDGES_MS.length), latencyCold: new Float64Array(LATENCY_BIN_EDGES_MS.length) };
  }

  private bucket(t: number): number {
    return Math.min(this.data.bucketCount - 1, Math.floor(t / this.data.bucketMs));
  }

  add(name: SeriesName, t: number, v = 1): void {
    const b = this.bucket(t);
    this.data.series[name][b]! += v;
    if (b + 1 > this.data.filled) this.data.filled = b + 1;
  }

  latency(ms: number, cold: boolean): void {
    let i = 0;
    while (i < LATENCY_BIN_EDGES_MS.length - 1 && ms > LATENCY_BIN_EDGES_MS[i]!) i++;
    (cold ? this.data.latencyCold : this.data.latencyWarm)[i]!++;
  }

  /** A sandbox of `memoryMb` moved between categories at `now`. */
  moved(from: Category, to: Category, memoryMb: number, now: number): void {
    this.flush(now);
    this.count[from]!--;
    this.memoryMb[from]! -= memoryMb;
    this.count[to]!++;
    this.memoryMb[to]! += memoryMb;
  }

  /** A provisioned sandbox of `memoryMb` was created (or, negative, removed) at `now`. */
  provisioned(memoryMb: number, now: number): void {
    this.flush(now);
    this.provisionedMb += memoryMb;
  }

  /** Integrates the counts since the last change into the buckets they span. */
  flush(now: number): void {
    const { bucketMs, bucketCount, series } = this.data;
    let t = this.last;
    for (let b = this.bucket(t); t < now; b++) {
      const end = b >= bucketCount - 1 ? now : Math.min(now, (b + 1) * bucketMs);
      const dt = end - t;
      // A bucket's end computed in floating point can fall at or just below t (400,000 ms in
      // 600 buckets: 2 × 666.66... / 666.66... < 2): the time belongs to the next bucket.
      if (dt <= 0) continue;
      for (let c = 1; c < 5; c++) {
        const name = CATEGORY_SERIES[c]!;
        series[name][b]! += (this.count[c]! * dt) / bucketMs;
      }
      series.idleGbSeconds[b]! += (this.memoryMb[2]! * dt) / 1024 / 1000;
      series.allocatedGbSeconds[b]! += ((this.memoryMb[1]! + this.memoryMb[2]! + this.memoryMb[3]! + this.memoryMb[4]!) * dt) / 1024 / 1000;
      if (this.provisionedMb > 0) {
        const usd = ((this.provisionedMb * dt) / 1024 / 1000) * this.provisionedPricePerGbSecond;
        series.costUsd[b]! += usd;
        series.provisionedUsd[b]! += usd;
      }
      if (b + 1 > this.data.filled) this.data.filled = b + 1;
      t = end;
    }
    if (now > this.last) this.last = now;
  }

  /**
   * The series as they stand at `now`: sandbox time integrated up to now, on a copy. The
   * timeline itself only integrates when a sandbox changes state, so a sandbox idle for
   * minutes would otherwise not show until keep-alive reclaims it.
   */
  seriesAt(now: number): SeriesData {
    const copy = new Timeline(this.data.bucketMs * this.data.bucketCount, this.data.bucketCount, this.provisionedPricePerGbSecond);
    // One copy of the series (restore makes it), not two: this runs for every frame sent.
    copy.restore({ data: this.data, count: this.count, memoryMb: this.memoryMb, last: this.last, provisionedMb: this.provisionedMb });
    copy.flush(now);
    return copy.data;
  }

  save(): TimelineState {
    return { data: cloneSeries(this.data), count: [...this.count], memoryMb: [...this.memoryMb], last: this.last, provisionedMb: this.provisionedMb };
  }

  restore(s: TimelineState): void {
    const d = cloneSeries(s.data);
    Object.assign(this.data, d);
    this.count = [...s.count];
    this.memoryMb = [...s.memoryMb];
    this.last = s.last;
    this.provisionedMb = s.provisionedMb;
  }
}

export interface TimelineState {
  data: SeriesData;
  count: number[];
  memoryMb: number[];
  last: number;
  provisionedMb: number;
}

export function cloneSeries(d: SeriesData): SeriesData {
  return {
    bucketMs: d.bucketMs,
    bucketCount: d.bucketCount,
    filled: d.filled,
    series: Object.fromEntries(SERIES_NAMES.map((n) => [n, d.series[n].slice()])) as Record<SeriesName, Float64Array>,
    latencyWarm: d.latencyWarm.slice(),
    latencyCold: d.latencyCold.slice(),
  };
}
