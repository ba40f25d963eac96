import { figures } from './figures';
import type { CostBreakdown, MetricsReport } from './meters';

/**
 * Serverless against serverful (domain.md §8): what the same workload costs a month on
 * functions, billed per request and per GB-second, and on always-on VMs sized for its peak,
 * billed by the hour busy or idle. Pure arithmetic, so the chart and the tests agree.
 *
 * The VMs run the same handlers with the same share of CPU: a function of M MB has M / 1769
 * of a vCPU (figures.memoryPerVcpuMb), so a VM of V vCPUs and G MB holds
 * min(V × 1769, G) / 1024 GB of functions running at once. The load in GB running at once is
 * (Little's law) rate × GB-seconds per request, times the run's peak-to-mean ratio: the VMs
 * must carry the peak, a function platform scales to it.
 */

/** The workload, as measured by a run and scaled by its request rate. */
export interface Workload {
  /** Average invocations a second over the run. */
  ratePerSec: number;
  /** Functions' price of one invocation: compute and request, USD. */
  usdPerRequest: number;
  /** Handler GB-seconds per invocation (at 1 ms granularity: the time actually used). */
  gbSecondsPerRequest: number;
  /** Peak concurrency over mean concurrency (at least 1): the VMs are sized for the peak. */
  peakFactor: number;
  /** Paid whatever the rate (provisioned concurrency), USD a month. */
  fixedUsdPerMonth: number;
}

/** One kind of VM and its price. */
export interface VmSpec {
  pricePerHour: number;
  vcpus: number;
  memoryMb: number;
}

/** The defaults: an m5.large at its on-demand price (see figures.ts for the source). */
export const defaultVm: VmSpec = { pricePerHour: figures.vmPricePerHour.value, vcpus: figures.vmVcpus.value, memoryMb: figures.vmMemoryMb.value };

/** Seconds in a billing month of 730 hours. */
export const SECONDS_PER_MONTH = figures.hoursPerMonth.value * 3600;

/** GB of functions one VM runs at once: its CPU in function-memory terms, or its memory if smaller. */
export function vmCapacityGb(vm: VmSpec): number {
  return Math.min(vm.vcpus * figures.memoryPerVcpuMb.value, vm.memoryMb) / 1024;
}

/** What one VM costs a month, always on. */
export const vmMonthlyUsdEach = (vm: VmSpec) => vm.pricePerHour * figures.hoursPerMonth.value;

/** The functions' bill for a month at `ratePerSec`. */
export function functionsMonthlyUsd(w: Workload, ratePerSec: number): number {
  return ratePerSec * SECONDS_PER_MONTH * w.usdPerRequest + w.fixedUsdPerMonth;
}

/** VMs needed to carry the peak at `ratePerSec` (at least one: a service that is on has a VM). */
export function vmsNeeded(w: Workload, vm: VmSpec, ratePerSec: number): number {
  const peakGb = ratePerSec * w.gbSecondsPerRequest * w.peakFactor;
  // The tolerance keeps a load of exactly 2 VMs at 2, not 3, despite rounding.
  return Math.max(1, Math.ceil(peakGb / vmCapacityGb(vm) - 1e-9));
}

export function vmMonthlyUsd(w: Workload, vm: VmSpec, ratePerSec: number): number {
  return vmsNeeded(w, vm, ratePerSec) * vmMonthlyUsdEach(vm);
}

/** The highest rate one VM carries (its peak fills it). Infinity for a workload that takes no time. */
export function ratePerVm(w: Workload, vm: VmSpec): number {
  const perRate = w.gbSecondsPerRequest * w.peakFactor;
  return perRate > 0 ? vmCapacityGb(vm) / perRate : Infinity;
}

/**
 * The lowest rate from which the functions cost at least as much as the VMs, or null if they
 * never do. The functions' bill is a line a + b·r; the VMs' a staircase, k VMs up to k × R
 * (R = ratePerVm). Within the first step the line meets V (one VM's price) at (V − a) / b. If it
 * has not met it by R, each later step rises by V while the line rises by b·R < V, so it never
 * catches up: the answer is in the first step or nowhere.
 */
export function breakEvenRate(w: Workload, vm: VmSpec): number | null {
  const a = w.fixedUsdPerMonth;
  const b = SECONDS_PER_MONTH * w.usdPerRequest;
  const v = vmMonthlyUsdEach(vm);
  if (a >= v) return 0;
  if (b <= 0) return null;
  const r = (v - a) / b;
  return r <= ratePerVm(w, vm) ? r : null;
}

/**
 * The VMs' staircase between two rates, as corner points for a line: flat at k VMs up to k × R,
 * then straight up. At most `maxSteps` corners; beyond that the staircase is drawn through its
 * step ends (a line that close to straight looks the same on a chart).
 */
export function vmStaircase(w: Workload, vm: VmSpec, fromRate: number, toRate: number, maxSteps = 400): { x: number; y: number }[] {
  const each = vmMonthlyUsdEach(vm);
  const perVm = ratePerVm(w, vm);
  const first = vmsNeeded(w, vm, fromRate);
  const last = vmsNeeded(w, vm, toRate);
  const points = [{ x: fromRate, y: first * each }];
  const stride = Math.max(1, Math.ceil((last - first) / maxSteps));
  for (let k = first; k < last; k += stride) {
    const edge = k * perVm;
    if (stride === 1) points.push({ x: edge, y: k * each }, { x: edge, y: (k + 1) * each });
    else points.push({ x: edge, y: k * each });
  }
  points.push({ x: toRate, y: last * each });
  return points;
}

/** The span over which the peak is taken: long enough that one long request is not "the peak" of a quiet run. */
export const PEAK_WINDOW_MS = 10_000;

/**
 * Peak concurrency over mean concurrency, from the busy-sandbox series (a time average per
 * bucket of `bucketMs`), averaged over spans of at least PEAK_WINDOW_MS: at least 1, and 1
 * when nothing ran. Only the buckets simulated so far count.
 */
export function peakFactor(busy: ArrayLike<number>, filled: number, meanBusy: number, bucketMs = PEAK_WINDOW_MS): number {
  if (meanBusy <= 0 || filled <= 0) return 1;
  const perWindow = Math.min(filled, Math.max(1, Math.ceil(PEAK_WINDOW_MS / bucketMs - 1e-9)));
  let sum = 0;
  for (let i = 0; i < perWindow; i++) sum += busy[i]!;
  let peak = sum;
  for (let i = perWindow; i < filled; i++) {
    sum += busy[i]! - busy[i - perWindow]!;
    peak = Math.max(peak, sum);
  }
  return Math.max(1, peak / perWindow / meanBusy);
}

/**
 * The workload a report measured, priced at `cost` (the report's own, or `billing.at1Ms` /
 * `at100Ms`), or null before any invocation.
 */
export function workloadFromReport(report: MetricsReport, simulatedMs: number, cost: CostBreakdown, peak: number): Workload | null {
  const n = report.billing.invocations;
  if (n === 0 || simulatedMs <= 0) return null;
  const seconds = simulatedMs / 1000;
  return {
    ratePerSec: n / seconds,
    usdPerRequest: (cost.computeUsd + cost.requestsUsd) / n,
    gbSecondsPerRequest: report.billing.at1Ms.billedGbSeconds / n,
    peakFactor: peak,
    fixedUsdPerMonth: (cost.provisionedUsd / seconds) * SECONDS_PER_MONTH,
  };
}
