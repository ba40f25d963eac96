import type { Scenario } from './scenario';
import { Timeline, type TimelineState } from './timeline';

/** What a sandbox state counts as in the meters. */
export const Category = { None: 0, Initializing: 1, Idle: 2, Busy: 3, ShuttingDown: 4 } as const;
export type Category = (typeof Category)[keyof typeof Category];

/** The final states of the request path chart. */
export type Outcome = 'responded' | 'throttled' | 'timedOut' | 'failed' | 'throttledAtGateway' | 'deadLettered' | 'denied';

/** The counter of each final state (in the meters, the report and the timeline). */
const OUTCOME_COUNTER = {
  responded: 'completed',
  throttled: 'throttled',
  timedOut: 'timedOut',
  failed: 'failed',
  throttledAtGateway: 'gatewayThrottled',
  deadLettered: 'deadLettered',
  denied: 'denied',
} as const satisfies Record<Outcome, string>;

/** Per-function accumulators. Time-averages are integrals of counts over simulated time. */
class FunctionMeter {
  requests = 0;
  completed = 0;
  throttled = 0;
  timedOut = 0;
  failed = 0;
  gatewayThrottled = 0;
  deadLettered = 0;
  /** Refused by the function's resource policy (the caller is not allowed to invoke it). */
  denied = 0;
  /** Event chains stopped by the recursion guard (those events are also dead-lettered). */
  loopsStopped = 0;
  /** Resources an invocation reached for without its execution role allowing it (each one failed the invocation). */
  roleDenied = 0;
  functionErrors = 0;
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
  /** The part of billedMs run on provisioned sandboxes (billed at the provisioned duration price). */
  billedProvisionedMs = 0;
  billedRequests = 0;
  /** billedMs and billedProvisionedMs as they would be at 1 ms and at 100 ms granularity (the report's `billing`). */
  billedMs1 = 0;
  billedProvisionedMs1 = 0;
  billedMs100 = 0;
  billedProvisionedMs100 = 0;
  /** Provisioned sandboxes alive, and their lifetimes: as for all sandboxes (alive, lifetimeSumMs). */
  provisionedAlive = 0;
  provisionedLifetimeSumMs = 0;
  provisionedCreatedAtSumOfAlive = 0;
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
  private sortedCache: Float64Array | null = null;
  add(v: number): void {
    if (this.n === this.values.length) {
      const bigger = new Float64Array(this.values.length * 2);
      bigger.set(this.values);
      this.values = bigger;
    }
    this.values[this.n++] = v;
    this.sum += v;
  }
  /**
   * The values in increasing order: a sorted copy, cached until a value is added. The values
   * themselves stay in arrival order, so a checkpoint can keep just their count.
   */
  sorted(): Float64Array {
    if (this.sortedCache?.length !== this.n) this.sortedCache = this.values.slice(0, this.n).sort();
    return this.sortedCache;
  }

  /** Back to the first `n` values (a rewind); later values will be written again by the replay. */
  truncate(n: number, sum: number): void {
    this.n = n;
    this.sum = sum;
    this.sortedCache = null;
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
  requests: {
    total: number;
    completed: number;
    cold: number;
    warm: number;
    /** Refused by the counting service (over a concurrency limit): HTTP 429. */
    throttled: number;
    timedOut: number;
    failed: number;
    /** Refused by the function's API gateway (token bucket empty): HTTP 429 before the platform. */
    gatewayThrottled: number;
    /** Asynchronous events given up after their retries on function errors: in the dead-letter queue. */
    deadLettered: number;
    /** Invocations that ended in a function error (each attempt of a retried event counts). */
    functionErrors: number;
    /** Calls refused at the frontend: the caller is not in the function's resource policy (HTTP 403). */
    denied: number;
    /** Event chains stopped by the recursion guard (counted in deadLettered too). */
    loopsStopped: number;
    /** Invocations that failed reaching for a resource their execution role does not list. */
    roleDenied: number;
  };
  /** cold / (cold + warm); null before any handler ran. */
  coldStartRatio: number | null;
  /** throttled / total (the counting service's refusals, not the gateway's); null with no requests. */
  throttleRatio: number | null;
  /** Arrival to response, of completed requests. */
  latencyMs: LatencySummary;
  warmLatencyMs: LatencySummary;
  coldLatencyMs: LatencySummary;
  sandboxes: { created: number; avgAlive: number; avgBusy: number; avgIdle: number; avgInitializing: number; peakAlive: number; avgLifetimeMs: number | null };
  /** Allocated: function memory from placement to shutdown; idle: while frozen (the provider's waste). */
  memory: { allocatedGbSeconds: number; idleGbSeconds: number };
  /**
   * What the user pays. `billedGbSeconds`: memory × handler time rounded up to the granularity,
   * on every sandbox; `computeUsd`: that time at the on-demand price, or at the provisioned
   * duration price on provisioned sandboxes; `provisionedGbSeconds`: memory × the time each
   * provisioned sandbox exists, billed as `provisionedUsd` whether busy or not;
   * `totalUsd` = compute + requests + provisioned.
   */
  cost: CostBreakdown;
  /**
   * The same run billed at 1 ms and at 100 ms granularity as well (AWS Lambda before and
   * after December 2020), whatever the scenario's own: the difference is shown without a
   * rerun. `invocations`: handler runs billed (each attempt of a retried event counts).
   */
  billing: { invocations: number; at1Ms: CostBreakdown; at100Ms: CostBreakdown };
}

/** What the user pays, at one billing granularity (see MetricsReport.cost). */
export interface CostBreakdown {
  billedGbSeconds: number;
  computeUsd: number;
  requestsUsd: number;
  totalUsd: number;
  provisionedGbSeconds: number;
  provisionedUsd: number;
}

/** `ms` rounded up to a whole number of `granularityMs` (the tolerance keeps 300.0000001 at 300). */
const roundUpTo = (ms: number, granularityMs: number) => Math.ceil(ms / granularityMs - 1e-9) * granularityMs;

export interface RunReport extends MetricsReport {
  scenario: string;
  seed: number;
  simulatedMs: number;
  perFunction: Record<string, MetricsReport>;
  /**
   * Only with platform.warmPool: cold starts that took a generic sandbox from the pool
   * (`assigned`) or found none ready (`missed`, a full cold start), and the memory its
   * sandboxes held while waiting (`heldGbSeconds`, the provider's price for the pool).
   */
  warmPool?: { assigned: number; missed: number; heldGbSeconds: number };
}

/** Nearest-rank percentile of a sorted array. */
function percentile(sorted: Float64Array, p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

function summarize(parts: Latencies[]): LatencySummary {
  // Each part is sorted once and cached; the per-function and total reports share them.
  // Merged pairwise, in rounds: O(n log k) for k parts, where merging them one after the
  // other into a growing array was O(n k) (half a policy run's time with 180 functions).
  let sorted = parts.map((l) => l.sorted()).filter((a) => a.length > 0);
  while (sorted.length > 1) sorted = sorted.map((a, i) => (i % 2 === 0 ? (i + 1 < sorted.length ? merge(a, sorted[i + 1]!) : a) : null)).filter((a): a is Float64Array => a !== null);
  const all = sorted[0] ?? new Float64Array(0);
  const sum = parts.reduce((s, l) => s + l.sum, 0);
  const n = all.length;
  return { count: n, mean: n > 0 ? sum / n : null, p50: percentile(all, 50), p95: percentile(all, 95), p99: percentile(all, 99) };
}

/** The meters' scalars plus the length of each latency array (append-only, so a prefix suffices). */
export interface MetersState {
  fns: Record<string, unknown>[];
  alive: number;
  peakAlive: number;
  pool: PoolMeter;
  timeline: TimelineState | null;
}

/** The warm pool's counters; `heldMb` is integrated over time into `heldMbMs`. */
interface PoolMeter {
  assigned: number;
  missed: number;
  heldMb: number;
  heldMbMs: number;
  last: number;
}

export class Meters {
  readonly fns: FunctionMeter[];
  alive = 0;
  peakAlive = 0;
  private pool: PoolMeter = { assigned: 0, missed: 0, heldMb: 0, heldMbMs: 0, last: 0 };
  /** Time series for the charts; null when not asked for (the CLI). */
  readonly timeline: Timeline | null;
  private readonly memoryMb: number[];

  constructor(
    private scenario: Scenario,
    withTimeline = false,
  ) {
    this.fns = scenario.functions.map(() => new FunctionMeter());
    this.memoryMb = scenario.functions.map((f) => f.memoryMb);
    this.timeline = withTimeline ? new Timeline(scenario.durationMs, undefined, scenario.platform.billing.provisionedPricePerGbSecond) : null;
  }

  save(): MetersState {
    return {
      fns: this.fns.map((m) => {
        const { warmLatency, coldLatency, ...scalars } = m;
        return { ...scalars, count: [...m.count], area: [...m.area], warmN: warmLatency.n, warmSum: warmLatency.sum, coldN: coldLatency.n, coldSum: coldLatency.sum };
      }),
      alive: this.alive,
      peakAlive: this.peakAlive,
      pool: { ...this.pool },
      timeline: this.timeline?.save() ?? null,
    };
  }

  restore(s: MetersState): void {
    s.fns.forEach((saved, i) => {
      const m = this.fns[i]!;
      const { warmN, warmSum, coldN, coldSum, ...scalars } = saved as Record<string, number> & { count: number[]; area: number[] };
      Object.assign(m, scalars, { count: [...(scalars.count as unknown as number[])], area: [...(scalars.area as unknown as number[])] });
      m.warmLatency.truncate(warmN!, warmSum!);
      m.coldLatency.truncate(coldN!, coldSum!);
    });
    this.alive = s.alive;
    this.peakAlive = s.peakAlive;
    this.pool = { ...s.pool };
    if (this.timeline && s.timeline) this.timeline.restore(s.timeline);
  }

  arrived(fn: number, now: number): void {
    this.fns[fn]!.requests++;
    this.timeline?.add('arrivals', now);
  }

  sandboxMoved(fn: number, from: Category, to: Category, now: number): void {
    const m = this.fns[fn]!;
    m.flush(now);
    m.count[from]!--;
    m.count[to]!++;
    this.timeline?.moved(from, to, this.memoryMb[fn]!, now);
  }

  sandboxCreated(fn: number, now: number, provisioned: boolean): void {
    const m = this.fns[fn]!;
    m.created++;
    m.alive++;
    m.createdAtSumOfAlive += now;
    if (m.alive > m.peakAlive) m.peakAlive = m.alive;
    if (++this.alive > this.peakAlive) this.peakAlive = this.alive;
    if (provisioned) {
      m.provisionedAlive++;
      m.provisionedCreatedAtSumOfAlive += now;
      this.timeline?.provisioned(this.memoryMb[fn]!, now);
    }
  }

  sandboxGone(fn: number, createdAt: number, now: number, provisioned: boolean): void {
    const m = this.fns[fn]!;
    m.alive--;
    this.alive--;
    m.createdAtSumOfAlive -= createdAt;
    m.lifetimeSumMs += now - createdAt;
    if (provisioned) {
      m.provisionedAlive--;
      m.provisionedCreatedAtSumOfAlive -= createdAt;
      m.provisionedLifetimeSumMs += now - createdAt;
      this.timeline?.provisioned(-this.memoryMb[fn]!, now);
    }
  }

  /** Pool sandboxes started (+) or handed to a function (−), in MB of host memory. */
  poolHeld(deltaMb: number, now: number): void {
    const p = this.pool;
    p.heldMbMs += p.heldMb * (now - p.last);
    p.last = now;
    p.heldMb += deltaMb;
  }

  /** A cold start of a function that fits the pool found a ready sandbox there, or not. */
  poolTaken(hit: boolean): void {
    if (hit) this.pool.assigned++;
    else this.pool.missed++;
  }

  handlerStarted(fn: number, cold: boolean, now: number): void {
    const m = this.fns[fn]!;
    if (cold) m.cold++;
    else m.warm++;
    this.timeline?.add(cold ? 'cold' : 'warm', now);
  }

  /**
   * A handler ran for `ms` (capped at the timeout): billed rounded up to the granularity, at
   * the provisioned duration price if it ran on a provisioned sandbox, else at the on-demand one.
   */
  billed(fn: number, ms: number, now: number, provisioned: boolean): void {
    const b = this.scenario.platform.billing;
    const m = this.fns[fn]!;
    const billedMs = roundUpTo(ms, b.granularityMs);
    const billedMs1 = roundUpTo(ms, 1);
    const billedMs100 = roundUpTo(ms, 100);
    m.billedMs += billedMs;
    m.billedMs1 += billedMs1;
    m.billedMs100 += billedMs100;
    if (provisioned) {
      m.billedProvisionedMs += billedMs;
      m.billedProvisionedMs1 += billedMs1;
      m.billedProvisionedMs100 += billedMs100;
    }
    m.billedRequests++;
    const price = provisioned ? b.provisionedDurationPricePerGbSecond : b.pricePerGbSecond;
    this.timeline?.add('costUsd', now, ((billedMs * this.memoryMb[fn]!) / 1024 / 1000) * price + b.pricePerMillionRequests / 1e6);
  }

  /** The recursion guard stopped an event chain. */
  loopStopped(fn: number): void {
    this.fns[fn]!.loopsStopped++;
  }

  /** An invocation reached for a resource its execution role does not list. */
  roleDenied(fn: number): void {
    this.fns[fn]!.roleDenied++;
  }

  /** An invocation ended in a function error. */
  functionError(fn: number): void {
    this.fns[fn]!.functionErrors++;
  }

  ended(fn: number, outcome: Outcome, latencyMs: number, cold: boolean, now: number): void {
    const m = this.fns[fn]!;
    const counter = OUTCOME_COUNTER[outcome];
    m[counter]++;
    if (outcome === 'responded') {
      (cold ? m.coldLatency : m.warmLatency).add(latencyMs);
      this.timeline?.latency(latencyMs, cold);
    }
    this.timeline?.add(counter, now);
  }

  report(now: number): RunReport {
    const s = this.scenario;
    for (const m of this.fns) m.flush(now);
    const perFunction: Record<string, MetricsReport> = {};
    s.functions.forEach((fn, i) => {
      perFunction[fn.name] = this.metrics([this.fns[i]!], [fn.memoryMb], now, this.fns[i]!.peakAlive);
    });
    const total = this.metrics(this.fns, s.functions.map((f) => f.memoryMb), now, this.peakAlive);
    const report: RunReport = { scenario: s.name, seed: s.seed, simulatedMs: now, ...total, perFunction };
    if (s.platform.warmPool) {
      const p = this.pool;
      report.warmPool = { assigned: p.assigned, missed: p.missed, heldGbSeconds: (p.heldMbMs + p.heldMb * (now - p.last)) / 1024 / 1000 };
    }
    return report;
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
      gatewayThrottled: sum((m) => m.gatewayThrottled),
      deadLettered: sum((m) => m.deadLettered),
      functionErrors: sum((m) => m.functionErrors),
      denied: sum((m) => m.denied),
      loopsStopped: sum((m) => m.loopsStopped),
      roleDenied: sum((m) => m.roleDenied),
    };
    const avg = (c: Category) => (now > 0 ? sum((m) => m.area[c]!) / now : 0);
    const gbSeconds = (f: (m: FunctionMeter) => number) => sum((m, i) => (f(m) * memoryMb[i]!) / 1024 / 1000);
    const created = sum((m) => m.created);
    const lifetimes = sum((m) => m.lifetimeSumMs + m.alive * now - m.createdAtSumOfAlive);
    const requestsUsd = (sum((m) => m.billedRequests) * b.pricePerMillionRequests) / 1e6;
    const provisionedGbSeconds = gbSeconds((m) => m.provisionedLifetimeSumMs + m.provisionedAlive * now - m.provisionedCreatedAtSumOfAlive);
    const provisionedUsd = provisionedGbSeconds * b.provisionedPricePerGbSecond;
    const costAt = (billed: (m: FunctionMeter) => number, billedProvisioned: (m: FunctionMeter) => number): CostBreakdown => {
      const billedGbSeconds = gbSeconds(billed);
      // Written so that a run without provisioned sandboxes gives the very same numbers as
      // before they were billed (x + 0 is x).
      const computeUsd = gbSeconds((m) => billed(m) - billedProvisioned(m)) * b.pricePerGbSecond + gbSeconds(billedProvisioned) * b.provisionedDurationPricePerGbSecond;
      return { billedGbSeconds, computeUsd, requestsUsd, totalUsd: computeUsd + requestsUsd + provisionedUsd, provisionedGbSeconds, provisionedUsd };
    };
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
      cost: costAt((m) => m.billedMs, (m) => m.billedProvisionedMs),
      billing: {
        invocations: sum((m) => m.billedRequests),
        at1Ms: costAt((m) => m.billedMs1, (m) => m.billedProvisionedMs1),
        at100Ms: costAt((m) => m.billedMs100, (m) => m.billedProvisionedMs100),
      },
    };
  }
}
