import { describe, expect, it } from 'vitest';
import { LATENCY_BIN_EDGES_MS, SERIES_NAMES, type SeriesData, type SeriesName } from '../sim/timeline';
import type { Frame } from '../worker/frame';
import { chartsCsv, latencyCsv, plainNumber, toCsv } from './csv';

/** A run of four 2-second buckets, seen at `t`, with the given per-bucket values. */
function frameAt(t: number, values: Partial<Record<SeriesName, number[]>>): Frame {
  const series = Object.fromEntries(SERIES_NAMES.map((n) => [n, Float64Array.from(values[n] ?? [0, 0, 0, 0])])) as SeriesData['series'];
  const latencyWarm = new Float64Array(LATENCY_BIN_EDGES_MS.length);
  const latencyCold = new Float64Array(LATENCY_BIN_EDGES_MS.length);
  latencyWarm[20] = 7; // 100 ms
  latencyCold[LATENCY_BIN_EDGES_MS.length - 1] = 2; // over 15 min
  return { t, durationMs: 8_000, series: { bucketMs: 2_000, bucketCount: 4, filled: 4, series, latencyWarm, latencyCold } } as Frame;
}

/** The CSV as rows of fields (the test data has no quoted fields). */
const table = (csv: string) =>
  csv
    .split('\r\n')
    .slice(0, -1)
    .map((line) => line.split(','));
const column = (csv: string, name: string) => {
  const [header, ...rows] = table(csv);
  const i = header!.indexOf(name);
  expect(i, `column "${name}"`).toBeGreaterThanOrEqual(0);
  return rows.map((r) => r[i]);
};

describe('CSV fields', () => {
  it('are quoted only when they hold a comma, a quote or a line break (RFC 4180)', () => {
    expect(toCsv([['a', 'b,c', 'say "hi"', 'two\nlines', null, 3]])).toBe('a,"b,c","say ""hi""","two\nlines",,3\r\n');
  });

  it('write numbers as plain decimals that any spreadsheet reads', () => {
    expect(plainNumber(1e-7)).toBe('0.0000001');
    expect(plainNumber(2.5e-10)).toBe('0.00000000025');
    expect(plainNumber(1.5e21)).toBe('1500000000000000000000');
    expect(plainNumber(0.1 + 0.2)).toBe('0.3');
    expect(plainNumber(-0)).toBe('0');
    expect(plainNumber(-12.5)).toBe('-12.5');
    expect(plainNumber(Number.NaN)).toBe('');
  });
});

describe('the charts data', () => {
  const frame = frameAt(5_000, {
    arrivals: [10, 4, 6, 0],
    throttled: [2, 0, 0, 0],
    cold: [3, 0, 1, 0],
    warm: [1, 4, 0, 0],
    completed: [4, 4, 1, 0],
    // Time-averaged over the bucket's full 2 s, also for the bucket in progress.
    sandboxesIdle: [0.5, 2, 0.75, 0],
    idleGbSeconds: [1, 3, 0.5, 0],
    costUsd: [0.000001, 0.0000005, 0.00000025, 0],
  });

  it('has a header naming each series with its unit', () => {
    const header = table(chartsCsv(frame))[0]!;
    expect(header).toContain('Start (s)');
    expect(header).toContain('Arriving (req/s)');
    expect(header).toContain('Cold-start ratio (% of starts)');
    expect(header).toContain('Idle memory held (GB)');
    expect(header).toContain('Cumulative cost (USD)');
    expect(header.length).toBe(new Set(header).size);
    expect(chartsCsv(frame).split('\r\n')[0]).not.toContain('"');
  });

  it('has one row per bucket up to the instant shown, the last one ending at it', () => {
    expect(column(chartsCsv(frame), 'Start (s)')).toEqual(['0', '2', '4']);
    expect(column(chartsCsv(frame), 'End (s)')).toEqual(['2', '4', '5']);
    expect(table(chartsCsv(frameAt(0, {})))).toHaveLength(1);
  });

  it('gives rates per second of the time each row covers', () => {
    const csv = chartsCsv(frame);
    expect(column(csv, 'Arriving (req/s)')).toEqual(['5', '2', '6']);
    expect(column(csv, 'Throttled with HTTP 429 (req/s)')).toEqual(['1', '0', '0']);
    expect(column(csv, 'Idle memory held (GB)')).toEqual(['0.5', '1.5', '0.5']);
    // 0.75 sandboxes averaged over 2 s, accumulated in the 1 s so far: 1.5 on average.
    expect(column(csv, 'Sandboxes idle (average)')).toEqual(['0.5', '2', '1.5']);
  });

  it('leaves the cold-start ratio empty where no request started (not 0 %)', () => {
    const csv = chartsCsv(frameAt(8_000, { cold: [3, 0, 1, 0], warm: [1, 4, 0, 0] }));
    expect(column(csv, 'Cold-start ratio (% of starts)')).toEqual(['75', '0', '100', '']);
  });

  it('adds up the cost, in plain decimals', () => {
    const csv = chartsCsv(frame);
    expect(column(csv, 'Cost in interval (USD)')).toEqual(['0.000001', '0.0000005', '0.00000025']);
    expect(column(csv, 'Cumulative cost (USD)')).toEqual(['0.000001', '0.0000015', '0.00000175']);
  });

  it('speaks French when asked', () => {
    expect(table(chartsCsv(frame, 'fr'))[0]).toContain('Coût cumulé (USD)');
  });

  it('has the latency histogram, the last bin open-ended', () => {
    const rows = table(latencyCsv(frame));
    expect(rows[0]).toEqual(['Latency above (ms)', 'Latency up to (ms; empty: no limit)', 'Warm requests', 'Cold requests']);
    expect(rows[1]).toEqual(['0', '1', '0', '0']);
    expect(rows[21]).toEqual([plainNumber(LATENCY_BIN_EDGES_MS[19]!), '100', '7', '0']);
    expect(rows.at(-1)!.slice(1)).toEqual(['', '0', '2']);
  });
});
