/** Small trace files in the Azure Functions 2019 format, for the tests. */

/** The invocations header: the three hashes, the trigger, then minutes 1..1440. */
export const HEADER = ['HashOwner', 'HashApp', 'HashFunction', 'Trigger', ...Array.from({ length: 1440 }, (_, i) => String(i + 1))].join(',');

/** One invocations row; `counts` maps 1-based minutes to what their cells hold (0 elsewhere). */
export function invocationRow(owner: string, app: string, fn: string, trigger: string, counts: Record<number, number | string>): string {
  const cells = Array.from({ length: 1440 }, (_, i) => String(counts[i + 1] ?? 0));
  return [owner, app, fn, trigger, ...cells].join(',');
}

export const DURATIONS_HEADER =
  'HashOwner,HashApp,HashFunction,Average,Count,Minimum,Maximum,percentile_Average_0,percentile_Average_1,percentile_Average_25,percentile_Average_50,percentile_Average_75,percentile_Average_99,percentile_Average_100';

/** One durations row: average 25 ms over 7 invocations, then the seven percentiles p0..p100. */
export function durationsRow(owner: string, app: string, fn: string, percentiles: (number | string)[]): string {
  return [owner, app, fn, 25, 7, percentiles[0], percentiles[6], ...percentiles].join(',');
}

export function durationsFile(rows: string[]): string {
  return [DURATIONS_HEADER, ...rows].join('\n');
}
