import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hybridSupported } from '../sim/compare';
import { checkScenario } from '../sim/scenario';
import { instantPlatform } from '../sim/testkit';
import { durationsFile, durationsRow, HEADER, invocationRow } from '../traces/fixtures';
import { SAMPLE_FILES } from '../traces/synthetic';
import { hostsFor, idleHistogram, importTrace, type ImportProgress } from './lab';

const owner = 'o'.repeat(16);
const app = 'a'.repeat(16);

/** Line 1 the header; 2 a good http function; 3 a bad trigger; 4 a bad count; 5 a busy timer; 6 a rare one. */
const invocations = [
  HEADER,
  invocationRow(owner, app, 'good', 'http', { 1: 2, 60: 3 }),
  invocationRow(owner, app, 'badtrigger', 'carrier-pigeon', { 1: 1 }),
  invocationRow(owner, app, 'badcount', 'http', { 5: 'lots' }),
  invocationRow(owner, app, 'busy', 'timer', Object.fromEntries(Array.from({ length: 1440 }, (_, i) => [i + 1, 100]))),
  invocationRow(owner, app, 'rare', 'queue', { 700: 1 }),
].join('\n');

describe('importing a trace', () => {
  it('reports bad rows by file and line, skips them, and converts the rest', async () => {
    const durations = durationsFile([durationsRow(owner, app, 'good', [1, 2, 3, 4, 5, 6, 7]), durationsRow(owner, app, 'rare', [5, 4, 3, 2, 1, 0, 0])]);
    const r = await importTrace({ invocations, durations });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.problems.map((p) => [p.file, p.line])).toEqual([
      ['invocations', 3],
      ['invocations', 4],
      ['durations', 3],
    ]);
    expect(r.problems[0]!.message).toMatch(/Trigger/);
    expect(r.problems[1]!.message).toMatch(/column "5": expected a whole number, got "lots"/);
    expect(r.problems[2]!.message).toMatch(/below the previous percentile/);
    // 'busy' has 144,000 calls, over the default cap of 50,000: left out, and counted.
    expect(r.summary).toMatchObject({ functions: 3, busyLeftOut: 1, kept: 2, invocations: 6, withDurations: 1 });
    expect(r.scenario.functions.map((f) => f.name)).toEqual(['http-aaaaaaaa-good', 'queue-aaaaaaaa-rare']);
    expect(checkScenario(r.scenario).ok).toBe(true);
  });

  it('replays the minutes asked for, and keeps busy functions under a higher cap', async () => {
    const r = await importTrace({ invocations }, { firstMinute: 60, lastMinute: 61, maxInvocationsPerFunction: 1_000 });
    if (!r.ok) throw new Error('expected an import');
    // Minutes 60..61: good has 3 calls, busy 200, rare none.
    expect(r.scenario.durationMs).toBe(2 * 60_000);
    expect(r.scenario.functions.map((f) => [f.name, f.workload.type === 'perMinute' && f.workload.counts])).toEqual([
      ['timer-aaaaaaaa-busy', [100, 100]],
      ['http-aaaaaaaa-good', [3, 0]],
    ]);
    expect(r.scenario.name).toBe('Azure Functions trace, minutes 60..61');
    expect(r.summary.busyLeftOut).toBe(0);
  });

  it('fails when the invocations file has no header it can use, or nothing to replay', async () => {
    const noHeader = await importTrace({ invocations: 'a,b,c\n1,2,3\n' });
    expect(noHeader.ok).toBe(false);
    expect(noHeader.problems[0]).toMatchObject({ file: 'invocations', line: 1 });
    const empty = await importTrace({ invocations: `${HEADER}\n${invocationRow(owner, app, 'never', 'http', {})}` });
    expect(empty.ok).toBe(false);
  });

  it('refuses a file over the size limit before reading it, naming it', async () => {
    const huge = { size: 300 * 1024 * 1024, name: 'day1.csv' } as unknown as Blob;
    const r = await importTrace({ invocations: huge });
    expect(r.ok).toBe(false);
    expect(r.problems[0]!.message).toMatch(/^"day1\.csv" is 300 MB, over the 256 MB/);
  });

  it('reads Blobs as streams, with progress up to their total size; the sample converts to a valid scenario', async () => {
    const dir = fileURLToPath(new URL('../../public/traces/azure-sample/', import.meta.url));
    const blob = (name: string) => new Blob([readFileSync(join(dir, name))]);
    const files = { invocations: blob(SAMPLE_FILES.invocations), durations: blob(SAMPLE_FILES.durations), memory: blob(SAMPLE_FILES.memory) };
    const seen: ImportProgress[] = [];
    const r = await importTrace(files, {}, (p) => seen.push(p));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const total = files.invocations.size + files.durations.size + files.memory.size;
    expect(seen.at(-1)).toEqual({ file: 'memory', read: total, total });
    expect(seen.map((p) => p.read)).toEqual([...seen.map((p) => p.read)].sort((a, b) => a - b));
    expect(r.problems).toEqual([]);
    expect(r.summary.withDurations).toBe(r.summary.functions);
    expect(r.summary.kept + r.summary.busyLeftOut).toBeLessThanOrEqual(r.summary.functions);
    expect(checkScenario(r.scenario).ok).toBe(true);
  });
});

describe('hosts for a trace scenario', () => {
  const one = (counts: number[], memoryMb: number, ms: number) => ({ name: 'f', account: 'a', memoryMb, durationMs: { dist: 'constant' as const, ms }, workload: { type: 'perMinute' as const, counts } });
  const hosts = (counts: number[], memoryMb: number, ms: number) => hostsFor({ version: 1, durationMs: 60_000, accounts: [{ id: 'a' }], functions: [one(counts, memoryMb, ms)] });
  // Each sandbox needs its memory + 5 MB (microVM); hosts have 16,384 MB; a quarter is added.
  const hostsForMb = (mb: number) => Math.ceil((mb * 1.25) / 16_384);

  it('never under 4 hosts', () => {
    expect(hosts([1], 128, 100)).toBe(4);
  });

  it("Little's law in the busiest minute, plus 4 standard deviations and one sandbox", () => {
    // 6,000 calls in a minute holding a sandbox 1 s + 2 s: m = 300 sandboxes of 1,029 MB.
    expect(hosts([10, 6_000, 20], 1024, 1_000)).toBe(hostsForMb(300 * 1029 + 4 * Math.sqrt(300) * 1029 + 1029));
  });

  it("at most the account's concurrency (1,000) at once", () => {
    // 60,000 calls in a minute would keep 3,000 busy: the account lets 1,000 run.
    expect(hosts([60_000], 1024, 1_000)).toBe(hostsForMb(1_000 * 1029 + 4 * Math.sqrt(1_000) * 1029 + 1029));
  });

  it('calls longer than a minute: every call of their span may still run, not the rate times their length', () => {
    // 100 calls in one minute, each holding its sandbox 4 minutes: 100 at once, not 400.
    expect(hosts([100, 0, 0, 0], 4096, 238_000)).toBe(hostsForMb(100 * 4101 + 4 * 10 * 4101 + 4101));
  });
});

describe('the idle-time histogram of one function', () => {
  const MIN = 60_000;
  const input = {
    version: 1,
    durationMs: 6 * 60 * MIN,
    platform: instantPlatform,
    accounts: [{ id: 'acme' }],
    functions: [
      { name: 'every30', account: 'acme', memoryMb: 256, initMs: { dist: 'constant', ms: 0 }, durationMs: { dist: 'constant', ms: 100 }, workload: { type: 'periodic', everyMs: 30 * MIN } },
      { name: 'other', account: 'acme', memoryMb: 256, durationMs: { dist: 'constant', ms: 100 }, workload: { type: 'periodic', everyMs: 7 * MIN } },
    ],
  };

  it('every 30 minutes: 11 idle times of 29.998 min, all in bin 29; the policy pre-warms before the next call', () => {
    const r = idleHistogram(input, 'every30');
    if (!r.ok) throw new Error(r.issues.join('\n'));
    const h = r.histogram;
    expect([h.invocations, h.idleTimes]).toEqual([12, 11]);
    // The engine's own histogram when it runs the hybrid policy, else the replay's.
    expect(h.source).toBe(hybridSupported() ? 'engine' : 'replay');
    expect(h.view.counts[29]).toBe(11);
    expect(h.view.counts.reduce((a, b) => a + b, 0)).toBe(11);
    expect([h.view.headBin, h.view.tailBin, h.view.outOfRange]).toEqual([29, 29, 0]);
    // Load at 29 min − 10% = 26.1 min after the call; keep until 30 min + 10% = 33 min.
    expect(h.decision.mode).toBe('histogram');
    expect(h.decision.prewarmMs).toBeCloseTo(29 * MIN * 0.9, 6);
    expect(h.decision.prewarmMs + h.decision.keepAliveMs).toBeCloseTo(30 * MIN * 1.1, 6);
  });

  it('with fewer idle times than the policy needs, it keeps the fixed fallback', () => {
    const r = idleHistogram(input, 'every30', { minSamples: 12 });
    expect(r.ok && r.histogram.decision.mode).toBe('fixed');
  });

  it('an unknown function or a bad parameter is explained', () => {
    expect(idleHistogram(input, 'nope')).toEqual({ ok: false, issues: ['no function named "nope" in the scenario'] });
    const bad = idleHistogram(input, 'every30', { margin: 2 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues[0]).toMatch(/margin/);
  });
});
