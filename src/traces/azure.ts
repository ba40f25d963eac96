import { amountField, countField, CsvTable, feed, MAX_TRACE_BYTES, idField, tableReader, type Header, type TableResult, type TraceInput, type TraceProblem, type TraceProgress, type TraceReader } from './csvTable';

/**
 * The public Azure Functions 2019 trace (Shahrad et al., "Serverless in the Wild", USENIX ATC
 * 2020; github.com/Azure/AzurePublicDataset, AzureFunctionsDataset2019.md). Each day has:
 *
 * - `invocations_per_function_md.anon.dNN.csv`: `HashOwner,HashApp,HashFunction,Trigger,1,...,1440`,
 *   invocations of one function in each minute of the day. Trigger is one of the paper's seven
 *   groups: http, timer, event, queue, storage, orchestration, others.
 * - `function_durations_percentiles.anon.dNN.csv`: `HashOwner,HashApp,HashFunction,Average,Count,
 *   Minimum,Maximum,percentile_Average_0,percentile_Average_1,percentile_Average_25,
 *   percentile_Average_50,percentile_Average_75,percentile_Average_99,percentile_Average_100`, in ms
 *   (percentiles of 30-second averages, weighted by invocations; no cold-start time).
 * - `app_memory_percentiles.anon.dNN.csv`: `HashOwner,HashApp,SampleCount,AverageAllocatedMb,
 *   AverageAllocatedMb_pct1,_pct5,_pct25,_pct50,_pct75,_pct95,_pct99,_pct100`, per application.
 *
 * Hashes are consistent across the three files, so durations join on (owner, app, function) and
 * memory on (owner, app). Columns are found by name; only those read are required.
 */

export const TRIGGERS = ['http', 'timer', 'event', 'queue', 'storage', 'orchestration', 'others'] as const;
export type Trigger = (typeof TRIGGERS)[number];

/** Milliseconds of a duration row's percentiles, as FaaScope's `empirical` distribution takes them. */
export interface DurationPercentiles {
  p0: number;
  p1: number;
  p25: number;
  p50: number;
  p75: number;
  p99: number;
  p100: number;
}

export interface DurationStats {
  averageMs: number | null;
  count: number | null;
  percentiles: DurationPercentiles;
}

/** One function of the trace, with what the other files say of it once joined. */
export interface TraceFunction {
  owner: string;
  app: string;
  fn: string;
  trigger: Trigger;
  /** Line of its row in the invocations file. */
  line: number;
  /** Invocations over the whole file. */
  total: number;
  /** The minutes (0-based) with at least one invocation, ascending, and their counts: most functions are idle most minutes. */
  minutes: number[];
  counts: number[];
  durations?: DurationStats;
  /** The application's average allocated memory, in MB. */
  appMemoryMb?: number;
}

export interface InvocationsResult extends TableResult {
  /** Minutes per row (1440 in a full day). */
  minutesPerDay: number;
  functions: TraceFunction[];
}

/** A function's counts for every minute of the day. */
export function perMinute(f: TraceFunction, minutesPerDay: number): number[] {
  const out = new Array<number>(minutesPerDay).fill(0);
  f.minutes.forEach((m, i) => (out[m] = f.counts[i]!));
  return out;
}

const functionKey = (owner: string, app: string, fn: string) => `${owner}\u0000${app}\u0000${fn}`;
const appKey = (owner: string, app: string) => `${owner}\u0000${app}`;

function missingOf(names: readonly string[]): (h: Header) => string[] {
  return (h) => names.filter((n) => !h.index.has(n));
}

const HASHES = ['HashOwner', 'HashApp', 'HashFunction'] as const;

/** Reads ids by column name; a problem when one is empty. */
function ids(fields: string[], h: Header, names: readonly string[]): string[] | string {
  const out: string[] = [];
  for (const n of names) {
    const v = idField(fields[h.index.get(n)!]!);
    if (v === null) return `column "${n}" is empty`;
    out.push(v);
  }
  return out;
}

/** Incremental reader of an invocations file: `push` pieces as they arrive, then `finish`. */
export function invocationsReader(onProgress?: TraceProgress, maxChars = MAX_TRACE_BYTES): TraceReader<InvocationsResult> {
  const functions: TraceFunction[] = [];
  const seen = new Map<string, number>();
  let minuteColumns: number[] = [];
  const table = new CsvTable(
    {
      what: 'invocations file',
      maxChars,
      missing: (h) => {
        const named = missingOf([...HASHES, 'Trigger'])(h);
        // Minute columns 1..N, N being the last one present (1440 in a full day).
        let last = 0;
        for (const k of h.index.keys()) if (/^\d+$/.test(k) && Number(k) <= 1440) last = Math.max(last, Number(k));
        if (last === 0) return [...named, '1'];
        const gaps: string[] = [];
        for (let m = 1; m <= last; m++) if (!h.index.has(String(m))) gaps.push(String(m));
        minuteColumns = Array.from({ length: last }, (_, i) => h.index.get(String(i + 1))!);
        return [...named, ...gaps];
      },
      row: (fields, line, h) => {
        const id = ids(fields, h, HASHES);
        if (typeof id === 'string') return id;
        const [owner, app, fn] = id as [string, string, string];
        const trigger = fields[h.index.get('Trigger')!]!.trim().toLowerCase();
        if (!(TRIGGERS as readonly string[]).includes(trigger)) return `column "Trigger": expected one of ${TRIGGERS.join(', ')}, got "${trigger}"`;
        const minutes: number[] = [];
        const counts: number[] = [];
        let total = 0;
        for (let m = 0; m < minuteColumns.length; m++) {
          const cell = fields[minuteColumns[m]!]!;
          if (cell === '0') continue;
          const c = countField(cell, String(m + 1));
          if (typeof c === 'string') return c;
          if (c > 0) {
            minutes.push(m);
            counts.push(c);
            total += c;
          }
        }
        const key = functionKey(owner, app, fn);
        const first = seen.get(key);
        if (first !== undefined) return `function ${fn.slice(0, 12)}… of app ${app.slice(0, 12)}… is already on line ${first}: this row is ignored`;
        seen.set(key, line);
        functions.push({ owner, app, fn, trigger: trigger as Trigger, line, total, minutes, counts });
        return null;
      },
    },
    onProgress,
  );
  return tableReader(table, () => ({ minutesPerDay: minuteColumns.length, functions }));
}

/** Parses an invocations file given whole or in pieces. */
export function parseInvocations(input: TraceInput, onProgress?: TraceProgress, maxChars = MAX_TRACE_BYTES): InvocationsResult {
  const r = invocationsReader(onProgress, maxChars);
  feed(r.push, input);
  return r.finish();
}

const PERCENTILE_COLUMNS = { p0: 'percentile_Average_0', p1: 'percentile_Average_1', p25: 'percentile_Average_25', p50: 'percentile_Average_50', p75: 'percentile_Average_75', p99: 'percentile_Average_99', p100: 'percentile_Average_100' } as const;

export interface DurationsResult extends TableResult {
  byFunction: Map<string, DurationStats>;
}

export function durationsReader(onProgress?: TraceProgress, maxChars = MAX_TRACE_BYTES): TraceReader<DurationsResult> {
  const byFunction = new Map<string, DurationStats>();
  const lines = new Map<string, number>();
  const table = new CsvTable(
    {
      what: 'durations file',
      maxChars,
      missing: missingOf([...HASHES, ...Object.values(PERCENTILE_COLUMNS)]),
      row: (fields, line, h) => {
        const id = ids(fields, h, HASHES);
        if (typeof id === 'string') return id;
        const p = {} as DurationPercentiles;
        let previous = 0;
        for (const [k, col] of Object.entries(PERCENTILE_COLUMNS) as [keyof DurationPercentiles, string][]) {
          const v = amountField(fields[h.index.get(col)!]!, col, 'ms');
          if (typeof v === 'string') return v;
          if (v < previous) return `column "${col}": ${v} ms is below the previous percentile (${previous} ms); percentiles must not decrease`;
          p[k] = previous = v;
        }
        const optional = (col: string, read: (s: string) => number | string): number | null => {
          const i = h.index.get(col);
          if (i === undefined || fields[i]!.trim() === '') return null;
          const v = read(fields[i]!);
          return typeof v === 'number' ? v : null;
        };
        const key = functionKey(id[0]!, id[1]!, id[2]!);
        const first = lines.get(key);
        if (first !== undefined) return `function ${id[2]!.slice(0, 12)}… is already on line ${first}: this row is ignored`;
        lines.set(key, line);
        byFunction.set(key, { averageMs: optional('Average', (s) => amountField(s, 'Average', 'ms')), count: optional('Count', (s) => countField(s, 'Count')), percentiles: p });
        return null;
      },
    },
    onProgress,
  );
  return tableReader(table, () => ({ byFunction }));
}

export function parseDurations(input: TraceInput, onProgress?: TraceProgress, maxChars = MAX_TRACE_BYTES): DurationsResult {
  const r = durationsReader(onProgress, maxChars);
  feed(r.push, input);
  return r.finish();
}

export interface MemoryResult extends TableResult {
  /** Average allocated MB by application. */
  byApp: Map<string, number>;
}

export function memoryReader(onProgress?: TraceProgress, maxChars = MAX_TRACE_BYTES): TraceReader<MemoryResult> {
  const byApp = new Map<string, number>();
  const lines = new Map<string, number>();
  const table = new CsvTable(
    {
      what: 'memory file',
      maxChars,
      missing: missingOf(['HashOwner', 'HashApp', 'AverageAllocatedMb']),
      row: (fields, line, h) => {
        const id = ids(fields, h, ['HashOwner', 'HashApp']);
        if (typeof id === 'string') return id;
        const mbValue = amountField(fields[h.index.get('AverageAllocatedMb')!]!, 'AverageAllocatedMb', 'MB');
        if (typeof mbValue === 'string') return mbValue;
        const key = appKey(id[0]!, id[1]!);
        const first = lines.get(key);
        if (first !== undefined) return `app ${id[1]!.slice(0, 12)}… is already on line ${first}: this row is ignored`;
        lines.set(key, line);
        byApp.set(key, mbValue);
        return null;
      },
    },
    onProgress,
  );
  return tableReader(table, () => ({ byApp }));
}

export function parseMemory(input: TraceInput, onProgress?: TraceProgress, maxChars = MAX_TRACE_BYTES): MemoryResult {
  const r = memoryReader(onProgress, maxChars);
  feed(r.push, input);
  return r.finish();
}

/** What the join found: how many functions the optional files covered. */
export interface JoinSummary {
  functions: number;
  withDurations: number;
  withMemory: number;
  /** Rows of the durations and memory files that match no function of the invocations file. */
  unmatchedDurationRows: number;
  unmatchedMemoryRows: number;
}

/**
 * Adds durations and app memory to the invocations' functions (in place), matched by hashes.
 * A function without a durations row, or whose app has no memory row, keeps them undefined.
 */
export function joinTrace(invocations: InvocationsResult, durations?: DurationsResult, memory?: MemoryResult): JoinSummary {
  const usedDurations = new Set<string>();
  const usedApps = new Set<string>();
  let withDurations = 0;
  let withMemory = 0;
  for (const f of invocations.functions) {
    const fk = functionKey(f.owner, f.app, f.fn);
    const d = durations?.byFunction.get(fk);
    if (d) {
      f.durations = d;
      usedDurations.add(fk);
      withDurations++;
    }
    const ak = appKey(f.owner, f.app);
    const m = memory?.byApp.get(ak);
    if (m !== undefined) {
      f.appMemoryMb = m;
      usedApps.add(ak);
      withMemory++;
    }
  }
  return {
    functions: invocations.functions.length,
    withDurations,
    withMemory,
    unmatchedDurationRows: (durations?.byFunction.size ?? 0) - usedDurations.size,
    unmatchedMemoryRows: (memory?.byApp.size ?? 0) - usedApps.size,
  };
}

export type { TraceProblem, TraceInput, TraceProgress, TraceReader };
