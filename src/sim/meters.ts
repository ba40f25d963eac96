import type { Scenario } from './scenario';

/** What a sandbox state counts as in the meters. */
export const Category = { None: 0, Initializing: 1, Idle: 2, Busy: 3, ShuttingDown: 4 } as const;
export type Category = (typeof Category)[keyof typeof Category];

export type Outcome = 'responded' | 'throttled' | 'timedOut' | 'failed';

/** Per-function accumulators. Time-averages are integrals of counts over simulated time. */
class FunctionMeter {
  requests = 0;
  completed = 0;
  throttled = 0;
  timedOut = 0;
  failed = 0;
  cold = 0;
  warm = 0;
  created = 0;
  /** Sandboxes currently in each category (index = Category). */
  count = [0, 0, 0, 0, 0];
  /** ms-weighted integral of each count since the start. */
  area = [0, 0, 0, 0, 0];
  last = 0;
  alive = 0;
  peakAlive = 0;
  lifetimeSumMs = 0;
  createdAtSumOfAlive = 0;
  billedMs = 0;
  billedRequests = 0;
  warmLatency = new Latencies();
  coldLatency = new Latencies();

  flush(now: number): void {
    const dt = now - this.last;
    if (dt > 0) for (let c = 1; c < 5; c++) this.area[c]! += this.count[c]! * dt;
    this.last = now;
  }
}

/** A growable Float64Array of latencies, sorted lazily for percentiles. */
class Latencies {
  values = new Float64Array(64);
  n = 0;
  sum = 0;
  private sortedN = -1;
  add(v: number): void {
    if (this.n === this.values.length) {
      const bigger = new Float64Array(this.values.length * 2);
      bigger.set(this.values);
      this.values = bigger;
    }
    this.values[this.n++] = v;
    this.sum += v;
  }
  /** The values in increasing order (sorted in place, once per new batch of values). */
  sorted(): Float64Array {
    const view = this.values.subarray(0, this.n);
    if (this.sortedN !== this.n) {
      view.sort();
      this.sortedN = this.n;
    }
    return view;
  }
}

/** Merges two sorted arrays. */
function merge(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let o = 0;
  while (i < a.length && j < b.length) out[o++] = a[i]! <= b[j]! ? a[i++]! : b[j++]!;
  while (i < a.length) out[o++] = a[i++]!;
  while (j < b.length) out[o++] = b[j++]!;
  return out;
}

export interface LatencySummary {
  count: number;
  mean: number | null;
  p50: number | null;
  p95: number | null;
  p99: number | null;
}

export interface MetricsReport {
  requests: { total: number; completed: number; cold: number; warm: number; throttled: number; timedOut: number; failed: number };
  /** cold / (cold + warm); null before any handler ran. */
  coldStartRatio: number | null;
  /** throttled / total; null with no requests. */
  throttleRatio: number | null;
  /** Arrival to response, of completed requests. */
  latencyMs: LatencySummary;
  warmLatencyMs: LatencySummary;
  coldLatencyMs: LatencySummary;
  sandboxes: { created: number; avgAlive: number; avgBusy: number; avgIdle: number; avgInitializing: number; peakAlive: number; avgLifetimeMs: number | null };
  /** Allocated: function memory from placement to shutdown; idle: while frozen (the provider's waste). */
  memory: { allocatedGbSeconds: number; idleGbSeconds: number };
  cost: { billedGbSeconds: number; computeUsd: number; requestsUsd: number; totalUsd: number };
}

export interface RunReport extends MetricsReport {
  scenario: string;
  seed: number;
  simulatedMs: number;
  perFunction: Record<string, MetricsReport>;
}

/** Nearest-rank percentile of a sorted array. */
function percentile(sorted: Float64Array, p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

function summarize(parts: Latencies[]): LatencySummary {
  // Each part is sorted once and cached; the per-function and total reports share them.
  let all: Float64Array = new Float64Array(0);
  let sum = 0;
  for (const l of parts) {
    all = all.length === 0 ? l.sorted() : merge(all, l.sorted());
    sum += l.sum;
  }
  const n = all.length;
  return { count: n, mean: n > 0 ? sum / n : null, p50: percentile(all, 50), p95: percentile(all, 95), p99: percentile(all, 99) };
}

export class Meters {
  readonly fns: FunctionMeter[];
  alive = 0;
  peakAlive = 0;

  constructor(private scenario: Scenario) {
    this.fns = scenario.functions.map(() => new FunctionMeter());
  }

  sandboxMoved(fn: number, from: Category, to: Category, now: number): void {
    const m = this.fns[fn]!;
    m.flush(now);
    m.count[from]!--;
    m.count[to]!++;
  }

  sandboxCreated(fn: number, now: number): void {
    const m = this.fns[fn]!;
    m.created++;
    m.alive++;
    m.createdAtSumOfAlive += now;
    if (m.alive > m.peakAlive) m.peakAlive = m.alive;
    if (++this.alive > this.peakAlive) this.peakAlive = this.alive;
  }

  sandboxGone(fn: number, createdAt: number, now: number): void {
    const m = this.fns[fn]!;
    m.alive--;
    this.alive--;
    m.createdAtSumOfAlive -= createdAt;
    m.lifetimeSumMs += now - createdAt;
  }

  handlerStarted(fn: number, cold: boolean): void {
    const m = this.fns[fn]!;
    if (cold) m.cold++;
    else m.warm++;
  }

  /** A handler ran for `ms` (capped at the timeout): billed rounded up to the granularity. */
  billed(fn: number, ms: number): void {
    const g = this.scenario.platform.billing.granularityMs;
    const m = this.fns[fn]!;
    m.billedMs += Math.ceil(ms / g - 1e-9) * g;
    m.billedRequests++;
  }

  ended(fn: number, outcome: Outcome, latencyMs: number, cold: boolean): void {
    const m = this.fns[fn]!;
    m[outcome === 'responded' ? 'completed' : outcome]++;
    if (outcome === 'responded') (cold ? m.coldLatency : m.warmLatency).add(latencyMs);
  }

  report(now: number): RunReport {
    const s = this.scenario;
    for (const m of this.fns) m.flush(now);
    const perFunction: Record<string, MetricsReport> = {};
    s.functions.forEach((fn, i) => {
      perFunction[fn.name] = this.metrics([this.fns[i]!], [fn.memoryMb], now, this.fns[i]!.peakAlive);
    });
    const total = this.metrics(this.fns, s.functions.map((f) => f.memoryMb), now, this.peakAlive);
    return { scenario: s.name, seed: s.seed, simulatedMs: now, ...total, perFunction };
  }

  private metrics(ms: FunctionMeter[], memoryMb: number[], now: number, peakAlive: number): MetricsReport {
    const sum = (f: (m: FunctionMeter, i: number) => number) => ms.reduce((s, m, i) => s + f(m, i), 0);
    const b = this.scenario.platform.billing;
    const requests = {
      total: sum((m) => m.requests),
      completed: sum((m) => m.completed),
      cold: sum((m) => m.cold),
      warm: sum((m) => m.warm),
      throttled: sum((m) => m.throttled),
      timedOut: sum((m) => m.timedOut),
      failed: sum((m) => m.failed),
    };
    const avg = (c: Category) => (now > 0 ? sum((m) => m.area[c]!) / now : 0);
    const gbSeconds = (f: (m: FunctionMeter) => number) => sum((m, i) => (f(m) * memoryMb[i]!) / 1024 / 1000);
    const created = sum((m) => m.created);
    const lifetimes = sum((m) => m.lifetimeSumMs + m.alive * now - m.createdAtSumOfAlive);
    const billedGbSeconds = gbSeconds((m) => m.billedMs);
    const computeUsd = billedGbSeconds * b.pricePerGbSecond;
    const requestsUsd = (sum((m) => m.billedRequests) * b.pricePerMillionRequests) / 1e6;
    return {
      requests,
      coldStartRatio: requests.cold + requests.warm > 0 ? requests.cold / (requests.cold + requests.warm) : null,
      throttleRatio: requests.total > 0 ? requests.throttled / requests.total : null,
      latencyMs: summarize(ms.flatMap((m) => [m.warmLatency, m.coldLatency])),
      warmLatencyMs: summarize(ms.map((m) => m.warmLatency)),
      coldLatencyMs: summarize(ms.map((m) => m.coldLatency)),
      sandboxes: {
        created,
        avgAlive: avg(Category.Initializing) + avg(Category.Idle) + avg(Category.Busy) + avg(Category.ShuttingDown),
        avgBusy: avg(Category.Busy),
        avgIdle: avg(Category.Idle),
        avgInitializing: avg(Category.Initializing),
        peakAlive,
        avgLifetimeMs: created > 0 ? lifetimes / created : null,
      },
      memory: {
        allocatedGbSeconds: gbSeconds((m) => m.area[1]! + m.area[2]! + m.area[3]! + m.area[4]!),
        idleGbSeconds: gbSeconds((m) => m.area[Category.Idle]!),
      },
      cost: { billedGbSeconds, computeUsd, requestsUsd, totalUsd: computeUsd + requestsUsd },
    };
  }
}
