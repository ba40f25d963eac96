import { describe, expect, it } from 'vitest';
import { joinTrace, parseDurations, parseInvocations, parseMemory, perMinute } from './azure';
import { MAX_LISTED_PROBLEMS, traceSizeProblem } from './csvTable';
import { durationsFile, durationsRow, HEADER, invocationRow } from './fixtures';

const O1 = 'a'.repeat(64);
const A1 = 'b'.repeat(64);
const A2 = 'c'.repeat(64);

describe('the invocations file (HashOwner,HashApp,HashFunction,Trigger,1..1440)', () => {
  const good = [HEADER, invocationRow(O1, A1, 'f1', 'http', { 1: 3, 1440: 2 }), invocationRow(O1, A2, 'f2', 'timer', { 60: 1, 120: 1 })].join('\n');

  it('reads each function with its counts per minute', () => {
    const r = parseInvocations(`${good}\n`);
    expect(r.problems).toEqual([]);
    expect(r.complete).toBe(true);
    expect(r.minutesPerDay).toBe(1440);
    expect(r.functions.map((f) => [f.fn, f.trigger, f.total, f.line])).toEqual([
      ['f1', 'http', 5, 2],
      ['f2', 'timer', 2, 3],
    ]);
    // Minute column "1" is the first minute of the day (index 0).
    const counts = perMinute(r.functions[0]!, 1440);
    expect(counts[0]).toBe(3);
    expect(counts[1439]).toBe(2);
    expect(counts.reduce((a, b) => a + b)).toBe(5);
  });

  it('reports each bad row with its line number and reads the good ones', () => {
    const row = invocationRow(O1, A1, 'f1', 'http', { 10: 1 });
    const lines = [
      HEADER, // 1
      row, // 2
      row.split(',').slice(0, -1).join(','), // 3: a column short
      invocationRow(O1, A1, 'g', 'http', { 5: '1.5' }), // 4
      invocationRow(O1, A1, 'h', 'http', { 7: -3 }), // 5
      invocationRow(O1, A1, 'i', 'cron', { 1: 1 }), // 6
      row, // 7: the same function again
      invocationRow(O1, '', 'j', 'queue', { 1: 1 }), // 8
      '', // 9: blank, skipped silently
      invocationRow(O1, A1, 'k', 'queue', { 2: 4 }), // 10
    ];
    const r = parseInvocations(lines.join('\n'));
    expect(r.functions.map((f) => f.line)).toEqual([2, 10]);
    expect(r.problems.map((p) => p.line)).toEqual([3, 4, 5, 6, 7, 8]);
    const message = (line: number) => r.problems.find((p) => p.line === line)!.message;
    expect(message(3)).toBe('expected 1444 columns as in the header, found 1443');
    expect(message(4)).toBe('column "5": expected a whole number, got "1.5"');
    expect(message(5)).toBe('column "7": expected a count of at least 0, got -3');
    expect(message(6)).toBe('column "Trigger": expected one of http, timer, event, queue, storage, orchestration, others, got "cron"');
    expect(message(7)).toContain('already on line 2');
    expect(message(8)).toBe('column "HashApp" is empty');
    expect(r.complete).toBe(true);
  });

  it('reads CRLF line endings and a byte-order mark as it reads LF', () => {
    const lf = parseInvocations(good);
    const crlf = parseInvocations(`\uFEFF${good.replaceAll('\n', '\r\n')}\r\n`);
    expect(crlf).toEqual(lf);
  });

  it('reads the same from pieces cut anywhere, reporting its progress', () => {
    const text = `${good}\n${invocationRow(O1, A1, 'bad', 'http', { 3: 'x' })}\n`;
    const pieces: string[] = [];
    for (let i = 0; i < text.length; i += 997) pieces.push(text.slice(i, i + 997));
    const progress: number[] = [];
    const r = parseInvocations(pieces, (p) => progress.push(p.chars));
    expect(r).toEqual(parseInvocations(text));
    expect(r.problems).toEqual([{ line: 4, message: 'column "3": expected a whole number, got "x"' }]);
    expect(progress).toHaveLength(pieces.length);
    expect(progress.at(-1)).toBe(text.length);
  });

  it('names the missing column of a header, and reads nothing more', () => {
    const noTrigger = parseInvocations([HEADER.replace(',Trigger,', ','), invocationRow(O1, A1, 'f', 'http', {})].join('\n'));
    expect(noTrigger.problems).toEqual([{ line: 1, message: expect.stringContaining('no column "Trigger"') as string }]);
    expect(noTrigger.functions).toEqual([]);
    expect(noTrigger.complete).toBe(false);
    const noMinute720 = parseInvocations(HEADER.replace(',720,', ','));
    expect(noMinute720.problems[0]!.message).toContain('no column "720"');
    // A file without its header line: its first row is taken as the header and explained.
    const headless = parseInvocations(invocationRow(O1, A1, 'f', 'http', { 1: 1 }));
    expect(headless.problems[0]!.message).toContain('"HashOwner"');
    expect(headless.problems[0]!.message).toContain('header');
  });

  it('says an empty file is empty', () => {
    expect(parseInvocations('\n\n').problems).toEqual([{ line: 0, message: 'the invocations file is empty: expected a header line and rows' }]);
  });

  it('lists the first problems of a badly broken file and counts the rest', () => {
    const bad = invocationRow(O1, A1, 'f', 'nope', {});
    const r = parseInvocations([HEADER, ...Array<string>(MAX_LISTED_PROBLEMS + 50).fill(bad)].join('\n'));
    expect(r.problems).toHaveLength(MAX_LISTED_PROBLEMS);
    expect(r.moreProblems).toBe(50);
    expect(r.rows).toBe(MAX_LISTED_PROBLEMS + 50);
  });

  it('refuses a file over the size limit, before and while reading', () => {
    expect(traceSizeProblem('d01.csv', 300 * 1024 * 1024)).toBe('"d01.csv" is 300 MB, over the 256 MB a trace file may have: cut it to fewer rows (its header line first) and load it again.');
    expect(traceSizeProblem('d01.csv', 100 * 1024 * 1024)).toBeNull();
    // The first piece fits: its header and first row are read; its last line has no newline yet
    // and waits for the next piece, which goes over the limit.
    const r = parseInvocations([good, `\n${good}`], undefined, good.length + 10);
    expect(r.complete).toBe(false);
    expect(r.problems).toEqual([{ line: 0, message: `the invocations file is over ${good.length + 10} bytes: only its first 2 lines were read` }]);
    expect(r.functions.map((f) => f.fn)).toEqual(['f1']);
  });
});

describe('durations and memory, joined by their hashes', () => {
  const invocations = parseInvocations(
    [HEADER, invocationRow(O1, A1, 'f1', 'http', { 1: 1 }), invocationRow(O1, A1, 'f2', 'queue', { 1: 1 }), invocationRow(O1, A2, 'f3', 'timer', { 1: 1 })].join('\n'),
  );

  it('gives each function its duration percentiles and its app’s memory', () => {
    const durations = parseDurations(
      durationsFile([
        durationsRow(O1, A1, 'f1', [1, 2, 10, 20, 30, 90, 100]), // 2
        durationsRow(O1, A1, 'f2', [1, 2, 10, 5, 30, 90, 100]), // 3: p50 below p25
        durationsRow(O1, A1, 'f9', [0, 0, 0, 0, 0, 0, 0]), // 4: no such function
        durationsRow(O1, A2, 'f3', [0, 0, 'fast', 0, 0, 0, 0]), // 5
      ]),
    );
    expect(durations.problems).toEqual([
      { line: 3, message: 'column "percentile_Average_50": 5 ms is below the previous percentile (10 ms); percentiles must not decrease' },
      { line: 5, message: 'column "percentile_Average_25": expected a number of ms, got "fast"' },
    ]);
    const memory = parseMemory(
      [
        'HashOwner,HashApp,SampleCount,AverageAllocatedMb,AverageAllocatedMb_pct1,AverageAllocatedMb_pct5,AverageAllocatedMb_pct25,AverageAllocatedMb_pct50,AverageAllocatedMb_pct75,AverageAllocatedMb_pct95,AverageAllocatedMb_pct99,AverageAllocatedMb_pct100',
        `${O1},${A1},120,170.5,150,155,160,170,180,190,195,200`,
        `${O1},${A1},120,99,1,1,1,1,1,1,1,1`,
      ].join('\n'),
    );
    expect(memory.problems).toEqual([{ line: 3, message: expect.stringContaining('already on line 2') as string }]);

    const summary = joinTrace(invocations, durations, memory);
    expect(summary).toEqual({ functions: 3, withDurations: 1, withMemory: 2, unmatchedDurationRows: 1, unmatchedMemoryRows: 0 });
    const [f1, f2, f3] = invocations.functions;
    expect(f1!.durations).toEqual({ averageMs: 25, count: 7, percentiles: { p0: 1, p1: 2, p25: 10, p50: 20, p75: 30, p99: 90, p100: 100 } });
    expect(f2!.durations).toBeUndefined();
    expect([f1!.appMemoryMb, f2!.appMemoryMb, f3!.appMemoryMb]).toEqual([170.5, 170.5, undefined]);
  });

  it('names a missing percentile column', () => {
    const r = parseDurations('HashOwner,HashApp,HashFunction,Average,Count,percentile_Average_0\n');
    expect(r.problems[0]).toEqual({ line: 1, message: expect.stringContaining('"percentile_Average_1"') as string });
  });
});
