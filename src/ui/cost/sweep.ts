import type { RunReport } from '../../sim/meters';
import { checkScenario } from '../../sim/scenario';
import { getIn, setIn } from '../editor/paths';

/**
 * The memory sweep (the way memory-tuning tools such as AWS Lambda Power Tuning show it): the
 * same scenario run once per memory size of one function, its cost per million invocations and
 * its median latency read from each run. Pure: the panel runs the inputs in the worker.
 */

/** The sizes swept, from Lambda's minimum to its maximum; 1,769 MB is one vCPU. */
export const SWEEP_MEMORY_MB = [128, 256, 512, 1024, 1769, 2048, 3008, 4096, 6144, 8192, 10240] as const;

/** One size to run: the scenario with the function's memory changed, or why it cannot run. */
export type SweepInput = { memoryMb: number; input: unknown } | { memoryMb: number; problem: string };

/** The draft at each swept size; sizes the scenario rejects (a host too small) come with the schema's reason. */
export function sweepInputs(draft: unknown, fnIndex: number, sizes: readonly number[] = SWEEP_MEMORY_MB): SweepInput[] {
  const path = ['functions', fnIndex, 'memoryMb'];
  return sizes.map((memoryMb) => {
    const input = setIn(draft, path, memoryMb);
    const check = checkScenario(input);
    if (check.ok) return { memoryMb, input };
    const own = check.issues.find((i) => i.path.join('.') === path.join('.')) ?? check.issues[0]!;
    return { memoryMb, problem: own.message };
  });
}

/** What one run says about the swept function. */
export interface SweepPoint {
  memoryMb: number;
  /** Everything the function was billed (compute, requests, provisioned) per million invocations, USD; null without invocations. */
  costPerMillionUsd: number | null;
  /** Median latency of its completed requests, ms; null without any. */
  p50Ms: number | null;
}

export function sweepPoint(report: RunReport, fnName: string, memoryMb: number): SweepPoint {
  const m = report.perFunction[fnName];
  const n = m?.billing.invocations ?? 0;
  return { memoryMb, costPerMillionUsd: m && n > 0 ? (m.cost.totalUsd / n) * 1e6 : null, p50Ms: m?.latencyMs.p50 ?? null };
}

/** The cheapest and the fastest sizes (the smaller memory on a tie), or null when no run measured one. */
export function bestOf(points: readonly SweepPoint[]): { cheapest: SweepPoint | null; fastest: SweepPoint | null } {
  const min = (get: (p: SweepPoint) => number | null) =>
    points.reduce<SweepPoint | null>((best, p) => {
      const v = get(p);
      if (v === null) return best;
      return best === null || v < get(best)! || (v === get(best) && p.memoryMb < best.memoryMb) ? p : best;
    }, null);
  return { cheapest: min((p) => p.costPerMillionUsd), fastest: min((p) => p.p50Ms) };
}

/** The function's name in the draft (what the report keys it by). */
export const functionName = (draft: unknown, fnIndex: number): string => String(getIn(draft, ['functions', fnIndex, 'name']) ?? '');
