import { Rng } from '../sim/rng';
import type { Trigger } from './azure';

/**
 * A SYNTHETIC day in the exact format of the Azure Functions 2019 trace, for the sample that
 * ships with FaaScope (`npx tsx scripts/make-sample-trace.ts` writes it to
 * public/traces/azure-sample/). Nothing in it comes from Azure: hashes are random hex, counts
 * are drawn from seeded streams (pure-rand, via src/sim/rng.ts) to show the characteristics
 * the ATC 2020 paper reports:
 *
 * - invocation rates spread over orders of magnitude, most applications rare: 45% of apps
 *   invoked at most once an hour on average, 81% at most once a minute (exactly so here: apps
 *   are drawn in three bands of daily invocations, 1..24, 25..1440 and 1441..2,000,000, in
 *   those proportions, log-uniform within a band);
 * - timer-triggered functions periodic (a fixed period and phase); HTTP ones bursty (a daily
 *   swell plus a few bursts of 5 to 50 times the base rate); the other triggers follow the
 *   daily swell with minute-to-minute noise;
 * - triggers in roughly the paper's shares of functions, 1 to 5 functions per app (most have
 *   one), average durations log-normal around 1 s (about half under 1 s), app memory
 *   log-normal around 170 MB (about 90% under 400 MB).
 */

export const SAMPLE_SEED = 2019;

/** The file names of day 1 of the real trace. */
export const SAMPLE_FILES = {
  invocations: 'invocations_per_function_md.anon.d01.csv',
  durations: 'function_durations_percentiles.anon.d01.csv',
  memory: 'app_memory_percentiles.anon.d01.csv',
} as const;

const DAY = 1440;

/** Daily invocations per application band, and the share of apps in each (as cited in domain.md). */
const BANDS = [
  { upTo: 0.45, lo: 1, hi: 24 }, // at most once an hour
  { upTo: 0.81, lo: 25, hi: 1440 }, // at most once a minute
  { upTo: 1, lo: 1441, hi: 2_000_000 },
];

// Shares of functions by trigger, approximately as in the paper's figure 3 (as recalled).
const TRIGGER_SHARES: [Trigger, number][] = [
  ['http', 55],
  ['timer', 15.6],
  ['queue', 15.2],
  ['orchestration', 6.9],
  ['storage', 2.8],
  ['event', 2.2],
  ['others', 2.2],
];
const FUNCTIONS_PER_APP: [number, number][] = [
  [1, 54],
  [2, 20],
  [3, 12],
  [4, 8],
  [5, 6],
];
const TIMER_PERIODS = [1, 2, 5, 10, 15, 20, 30, 60, 120, 180, 240, 360, 480, 720, 1440];
/** Standard normal quantiles of the percentiles each file gives (0th and 100th taken as ±3). */
const Z = { p0: -3, p1: -2.326, p5: -1.645, p25: -0.674, p50: 0, p75: 0.674, p95: 1.645, p99: 2.326, p100: 3 };

interface Fn {
  hash: string;
  trigger: Trigger;
  counts: number[];
}
interface App {
  owner: string;
  hash: string;
  fns: Fn[];
}

export interface SampleTrace {
  invocations: string;
  durations: string;
  memory: string;
}

export function generateSampleTrace(seed = SAMPLE_SEED, appCount = 100): SampleTrace {
  const ownerRng = Rng.stream(seed, 0, 1);
  const owners: string[] = [];
  const apps: App[] = [];
  for (let i = 0; i < appCount; i++) {
    const rng = Rng.stream(seed, i + 1, 2);
    // Most owners have one app; a quarter of apps join an earlier owner's.
    const owner = owners.length > 0 && ownerRng.next() < 0.25 ? owners[Math.floor(ownerRng.next() * owners.length)]! : hex(ownerRng);
    if (!owners.includes(owner)) owners.push(owner);
    const band = BANDS.find((b) => i < b.upTo * appCount)!;
    apps.push({ owner, hash: hex(rng), fns: appFunctions(rng, band) });
  }
  const byHash = <T extends { owner: string; hash: string }>(a: T, b: T) => cmp(a.owner, b.owner) || cmp(a.hash, b.hash);
  apps.sort(byHash);

  const inv = [['HashOwner', 'HashApp', 'HashFunction', 'Trigger', ...Array.from({ length: DAY }, (_, m) => m + 1)].join(',')];
  const dur = ['HashOwner,HashApp,HashFunction,Average,Count,Minimum,Maximum,percentile_Average_0,percentile_Average_1,percentile_Average_25,percentile_Average_50,percentile_Average_75,percentile_Average_99,percentile_Average_100'];
  const mem = ['HashOwner,HashApp,SampleCount,AverageAllocatedMb,AverageAllocatedMb_pct1,AverageAllocatedMb_pct5,AverageAllocatedMb_pct25,AverageAllocatedMb_pct50,AverageAllocatedMb_pct75,AverageAllocatedMb_pct95,AverageAllocatedMb_pct99,AverageAllocatedMb_pct100'];
  apps.forEach((app, i) => {
    const rng = Rng.stream(seed, i + 1, 3);
    for (const f of [...app.fns].sort((a, b) => cmp(a.hash, b.hash))) {
      inv.push([app.owner, app.hash, f.hash, f.trigger, ...f.counts].join(','));
      dur.push([app.owner, app.hash, f.hash, ...durationColumns(rng, sum(f.counts))].join(','));
    }
    const active = new Set(app.fns.flatMap((f) => f.counts.flatMap((c, m) => (c > 0 ? [m] : [])))).size;
    // Memory is sampled every 5 s and averaged each minute the app runs: 12 samples a minute.
    const avgMb = Math.min(4000, Math.max(20, 170 * Math.exp(0.668 * normal(rng))));
    const pct = [Z.p1, Z.p5, Z.p25, Z.p50, Z.p75, Z.p95, Z.p99, Z.p100].map((z) => Math.round(avgMb * Math.exp(0.12 * z)));
    mem.push([app.owner, app.hash, active * 12, Math.round(avgMb), ...pct].join(','));
  });
  return { invocations: `${inv.join('\n')}\n`, durations: `${dur.join('\n')}\n`, memory: `${mem.join('\n')}\n` };
}

/** An app's functions whose daily total falls in its band (redrawn until it does). */
function appFunctions(rng: Rng, band: { lo: number; hi: number }): Fn[] {
  for (let attempt = 0; ; attempt++) {
    const total = Math.round(logUniform(rng, band.lo, band.hi));
    const n = Math.min(total, weighted(rng, FUNCTIONS_PER_APP));
    const shares = split(rng, total, n);
    const fns = shares.map((share) => {
      const trigger = weighted(rng, TRIGGER_SHARES);
      return { hash: hex(rng), trigger, counts: trigger === 'timer' ? timer(rng, share) : spread(rng, share, trigger === 'http' ? bursty(rng) : swell(rng)) };
    });
    const realized = sum(fns.flatMap((f) => f.counts));
    if ((realized >= band.lo && realized <= band.hi) || attempt === 50) return fns;
  }
}

/** A timer: every `period` minutes from a random phase, the period nearest to what `n` a day asks. */
function timer(rng: Rng, n: number): number[] {
  const counts = new Array<number>(DAY).fill(0);
  if (n >= DAY) return counts.fill(Math.min(60, Math.round(n / DAY))); // sub-minute timers, up to every second
  const want = DAY / n;
  const period = TIMER_PERIODS.reduce((best, p) => (Math.abs(Math.log(p / want)) < Math.abs(Math.log(best / want)) ? p : best));
  for (let m = Math.floor(rng.next() * period); m < DAY; m += period) counts[m] = 1;
  return counts;
}

/** The daily swell: 0.5 at 2 am to 1.5 at 2 pm. */
const diurnal = (m: number) => 1 + 0.5 * Math.sin((2 * Math.PI * (m - 480)) / DAY);

/** HTTP: the swell, plus 1 to 5 bursts of 5 to 50 times it, lasting a minute to an hour or so. */
function bursty(rng: Rng): number[] {
  const lift = new Array<number>(DAY).fill(1);
  const bursts = 1 + Math.floor(rng.next() * 5);
  for (let b = 0; b < bursts; b++) {
    const start = Math.floor(rng.next() * DAY);
    const length = 1 + Math.floor(-Math.log(1 - rng.next()) * 15);
    const height = logUniform(rng, 5, 50);
    for (let m = start; m < Math.min(DAY, start + length); m++) lift[m]! += height;
  }
  return lift.map((l, m) => l * diurnal(m));
}

/** Queues, events, storage, orchestrations: the swell with minute-to-minute noise. */
function swell(rng: Rng): number[] {
  return Array.from({ length: DAY }, (_, m) => diurnal(m) * (0.5 + rng.next()));
}

/** `n` invocations placed by minute weights: drawn one by one, or (past 20,000) rounded at random. */
function spread(rng: Rng, n: number, weights: number[]): number[] {
  const total = sum(weights);
  const counts = new Array<number>(DAY).fill(0);
  if (n > 20_000) return weights.map((w) => {
    const e = (n * w) / total;
    return Math.floor(e) + (rng.next() < e - Math.floor(e) ? 1 : 0);
  });
  const cdf: number[] = [];
  weights.reduce((acc, w, i) => (cdf[i] = acc + w / total), 0);
  for (let k = 0; k < n; k++) {
    const u = rng.next();
    let lo = 0;
    let hi = DAY - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    counts[lo]!++;
  }
  return counts;
}

/** `total` split into `n` parts of at least 1, skewed (one function of an app usually dominates). */
function split(rng: Rng, total: number, n: number): number[] {
  const w = Array.from({ length: n }, () => Math.exp(2 * normal(rng)));
  const W = sum(w);
  const parts = w.map((x) => 1 + Math.floor(((total - n) * x) / W));
  parts[w.indexOf(Math.max(...w))]! += total - sum(parts);
  return parts;
}

/** A durations row after the hashes: Average, Count, Minimum, Maximum, then percentiles 0..100 of the averages. */
function durationColumns(rng: Rng, count: number): number[] {
  // log10 of the average in ms ~ N(3, 0.9): half under 1 s, about 97% under a minute.
  const avg = Math.min(600_000, Math.max(1, 10 ** (3 + 0.9 * normal(rng))));
  const sigma = 0.2 + 0.8 * rng.next();
  const median = avg / Math.exp((sigma * sigma) / 2);
  const p = [Z.p0, Z.p1, Z.p25, Z.p50, Z.p75, Z.p99, Z.p100].map((z) => Math.round(median * Math.exp(sigma * z)));
  return [Math.round(avg), count, Math.floor(p[0]! * 0.8), Math.ceil(p[6]! * 1.5), ...p];
}

function hex(rng: Rng): string {
  let s = '';
  for (let i = 0; i < 64; i++) s += Math.floor(rng.next() * 16).toString(16);
  return s;
}

function weighted<T>(rng: Rng, choices: [T, number][]): T {
  let u = rng.next() * sum(choices.map((c) => c[1]));
  for (const [v, w] of choices) if ((u -= w) < 0) return v;
  return choices[choices.length - 1]![0];
}

const logUniform = (rng: Rng, lo: number, hi: number) => Math.exp(Math.log(lo) + rng.next() * (Math.log(hi) - Math.log(lo)));

function normal(rng: Rng): number {
  return Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
