import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { parseArgs, runCli, runCompareCli, USAGE, wantsComparison } from './runCli';

/** A scenario as a user writes it: Poisson traffic for one minute. */
const scenarioText = JSON.stringify({
  version: 1,
  name: 'cli test',
  seed: 42,
  durationMs: 60_000,
  accounts: [{ id: 'acme' }],
  functions: [{ name: 'thumbnail', account: 'acme', memoryMb: 512, durationMs: { dist: 'exponential', meanMs: 300 }, workload: { type: 'poisson', ratePerSec: 2 } }],
});

const files: Record<string, string> = { 'good.json': scenarioText, 'broken.json': '{ "version": 1, ', 'invalid.json': scenarioText.replace('"memoryMb":512', '"memoryMb":64') };
const readFile = (path: string) => {
  const text = files[path];
  if (text === undefined) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
  return text;
};
const run = (...argv: string[]) => runCli(argv, readFile);
const failure = (...argv: string[]) => {
  const r = run(...argv);
  if (r.ok) throw new Error(`expected ${argv.join(' ')} to fail`);
  return r;
};

describe('bad input is reported, never run', () => {
  it('a file that is not JSON', () => {
    const r = failure('broken.json');
    expect(r.message).toMatch(/^broken\.json: invalid scenario:\n {2}\(scenario\): not valid JSON/);
    expect(r.exitCode).not.toBe(0);
  });

  it('a scenario that does not validate names the field', () => {
    const r = failure('invalid.json');
    expect(r.message).toContain('functions[0].memoryMb: expected 128..10240, got 64');
    expect(r.exitCode).not.toBe(0);
  });

  it('an unknown option, with the usage', () => {
    const r = failure('good.json', '--speed', '2');
    expect(r.message).toBe(`unknown option --speed\n${USAGE}`);
    expect(r.exitCode).not.toBe(0);
  });

  it('a missing file, and no file at all', () => {
    const r = failure('nope.json');
    expect(r.message).toMatch(/^cannot read nope\.json: ENOENT/);
    expect(r.exitCode).not.toBe(0);
    expect(failure().message).toBe(`missing the scenario file\n${USAGE}`);
    expect(failure('good.json', 'other.json').message).toMatch(/^unexpected argument "other\.json"/);
  });

  it('a trace file that cannot be written is reported before running', () => {
    const r = failure('good.json', '--trace', join(tmpdir(), 'no-such-dir-faascope', 'trace.jsonl'));
    expect(r.message).toMatch(/^cannot write the trace to .*trace\.jsonl: ENOENT/);
    expect(r.exitCode).not.toBe(0);
  });
});

describe('--seed and --duration-ms', () => {
  it('--seed replaces the scenario seed, and another seed gives another run', () => {
    const base = run('good.json');
    const other = run('good.json', '--seed', '7');
    if (!base.ok || !other.ok) throw new Error('expected both runs to succeed');
    expect(base.report.seed).toBe(42);
    expect(other.report.seed).toBe(7);
    expect(JSON.stringify(other.report.latencyMs)).not.toBe(JSON.stringify(base.report.latencyMs));
    const again = run('good.json', '--seed', '7');
    expect(again.ok && JSON.stringify(again.report)).toBe(JSON.stringify(other.report));
  });

  it('--seed is validated like the file, and named by its flag', () => {
    expect(failure('good.json', '--seed', '-1').message).toMatch(/^--seed: expected 0\.\.2147483647, got -1\n/);
    expect(failure('good.json', '--seed', '1.5').message).toMatch(/^--seed: expected an integer 0\.\.2147483647, got 1\.5\n/);
    expect(failure('good.json', '--seed', 'abc').message).toMatch(/^--seed: expected a number, got "abc"\n/);
    expect(failure('good.json', '--seed').message).toMatch(/^--seed: expected a number, got nothing\n/);
    for (const bad of [['-1'], ['1.5'], ['abc']]) expect(failure('good.json', '--seed', ...bad).exitCode).not.toBe(0);
  });

  it('--duration-ms sets how much simulated time runs', () => {
    const r = run('good.json', '--duration-ms', '5000');
    expect(r.ok && r.report.simulatedMs).toBe(5000);
    expect(failure('good.json', '--duration-ms', '0').message).toMatch(/^--duration-ms: expected 1\.\./);
  });

  it('parseArgs reads the options in any order', () => {
    expect(parseArgs(['--seed', '3', 's.json', '--trace', 't.jsonl', '--duration-ms', '10'])).toEqual({ scenarioPath: 's.json', seed: 3, tracePath: 't.jsonl', durationMs: 10 });
  });
});

describe('the report', () => {
  it('has the documented shape', () => {
    const r = run('good.json');
    if (!r.ok) throw new Error(r.message);
    const report = r.report;
    const metricKeys = ['requests', 'coldStartRatio', 'throttleRatio', 'latencyMs', 'sandboxes', 'memory', 'cost'];
    expect(Object.keys(report)).toEqual(expect.arrayContaining([...metricKeys, 'perFunction', 'scenario', 'seed', 'simulatedMs']));
    expect(Object.keys(report.requests).sort()).toEqual(['cold', 'completed', 'deadLettered', 'denied', 'failed', 'functionErrors', 'gatewayThrottled', 'loopsStopped', 'roleDenied', 'throttled', 'timedOut', 'total', 'warm']);
    expect(Object.keys(report.latencyMs)).toEqual(expect.arrayContaining(['mean', 'p50', 'p95', 'p99']));
    expect(Object.keys(report.sandboxes).sort()).toEqual(['avgAlive', 'avgBusy', 'avgIdle', 'avgInitializing', 'avgLifetimeMs', 'created', 'peakAlive']);
    expect(Object.keys(report.memory).sort()).toEqual(['allocatedGbSeconds', 'idleGbSeconds']);
    expect(Object.keys(report.cost).sort()).toEqual(['billedGbSeconds', 'computeUsd', 'provisionedGbSeconds', 'provisionedUsd', 'requestsUsd', 'totalUsd']);
    expect(Object.keys(report.perFunction)).toEqual(['thumbnail']);
    expect(Object.keys(report.perFunction.thumbnail!)).toEqual(expect.arrayContaining(metricKeys));
    // A minute of 2/s Poisson traffic: about 120 calls, mostly warm.
    expect(report.requests.total).toBeGreaterThan(80);
    expect(report.requests.total).toBeLessThan(160);
    expect(report.coldStartRatio).toBeLessThan(0.2);
    expect(report.latencyMs.p50!).toBeLessThanOrEqual(report.latencyMs.p95!);
    expect(report.latencyMs.p95!).toBeLessThanOrEqual(report.latencyMs.p99!);
  });
});

describe('the real command line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'faascope-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const sim = (...args: string[]) =>
    promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/sim.ts', ...args], { cwd: process.cwd() }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );

  it('on a bad file: nothing on stdout, the problem on stderr, a non-zero exit code', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, files['invalid.json']!);
    const r = await sim(bad);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('functions[0].memoryMb: expected 128..10240, got 64');
    expect(r.code).not.toBe(0);
  }, 30_000);

  it('on a good file: the report as JSON on stdout, and --trace writes one transition per line in time order', async () => {
    const good = join(dir, 'good.json');
    const tracePath = join(dir, 'trace.jsonl');
    writeFileSync(good, scenarioText);
    const r = await sim(good, '--duration-ms', '20000', '--trace', tracePath);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { requests: { total: number }; simulatedMs: number };
    expect(report.simulatedMs).toBe(20_000);
    const lines = readFileSync(tracePath, 'utf8').trimEnd().split('\n');
    const trace = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    for (const t of trace) expect(Object.keys(t)).toEqual(expect.arrayContaining(['t', 'kind', 'id', 'from', 'to', 'fn', 'account']));
    const times = trace.map((t) => t.t as number);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const running = trace.filter((t) => t.kind === 'request' && t.to === 'running');
    expect(running.length).toBeGreaterThan(10);
    for (const t of running) expect(typeof t.sandbox).toBe('number');
    expect(new Set(trace.filter((t) => t.kind === 'request' && t.from === null).map((t) => t.id)).size).toBe(report.requests.total);
  }, 30_000);
});

describe('--compare-policies', () => {
  // A timer every 15 minutes for 2 hours (8 calls): a 10-minute keep-alive lets every sandbox
  // go before the next call; a 20-minute one keeps it for all but the first.
  const timerText = JSON.stringify({
    version: 1,
    name: 'timer',
    durationMs: 2 * 3_600_000,
    accounts: [{ id: 'acme' }],
    functions: [{ name: 'tick', account: 'acme', memoryMb: 1024, durationMs: { dist: 'constant', ms: 100 }, workload: { type: 'periodic', everyMs: 900_000 } }],
  });
  const read = (path: string) => (path === 'timer.json' ? timerText : readFile(path));
  const compare = (...argv: string[]) => runCompareCli(argv, read);

  it('parseArgs reads the flag and a policy list', () => {
    expect(parseArgs(['s.json', '--compare-policies', '--policies', 'none,fixed:20,fixed:2.5,hybrid'])).toEqual({
      scenarioPath: 's.json',
      comparePolicies: true,
      policies: [
        { id: 'none', label: 'no keep-alive', keepAlive: { policy: 'none' } },
        { id: 'fixed-20min', label: 'fixed 20 min', keepAlive: { policy: 'fixed', idleMs: 1_200_000 } },
        { id: 'fixed-150000ms', label: 'fixed 2.5 min', keepAlive: { policy: 'fixed', idleMs: 150_000 } },
        { id: 'hybrid-default', label: 'hybrid histogram', keepAlive: { policy: 'hybrid' } },
      ],
    });
    expect(wantsComparison(['s.json', '--compare-policies'])).toBe(true);
    expect(wantsComparison(['s.json'])).toBe(false);
  });

  it('refuses a bad policy list, --policies alone, and --trace with it, naming the flag', () => {
    expect(() => parseArgs(['s.json', '--compare-policies', '--policies', 'fixed:ten'])).toThrow(/^--policies: "fixed:ten" is not a policy: expected none, fixed:<minutes>/);
    expect(() => parseArgs(['s.json', '--compare-policies', '--policies'])).toThrow(/^--policies: expected a list/);
    expect(() => parseArgs(['s.json', '--policies', 'none'])).toThrow(/^--policies: goes with --compare-policies/);
    expect(() => parseArgs(['s.json', '--compare-policies', '--trace', 't.jsonl'])).toThrow(/^--trace: cannot be used with --compare-policies/);
  });

  it('prints one row per policy, the baseline (fixed 10 min) added and marked', () => {
    const r = compare('timer.json', '--compare-policies', '--policies', 'none,fixed:20');
    if (!r.ok) throw new Error(r.message);
    expect(r.comparison.policies.map((p) => [p.id, p.coldStarts, p.invocations])).toEqual([
      ['fixed-10min', 8, 8],
      ['none', 8, 8],
      ['fixed-20min', 1, 8],
    ]);
    const lines = r.table.split('\n');
    expect(lines[0]).toBe('timer: keep-alive policies compared over 1 invoked function');
    const row = (label: string) => lines.find((l) => l.startsWith(label))!.split(/\s{2,}/);
    expect(lines[3]!.split(/\s{2,}/)).toEqual(['policy', 'invocations', 'cold starts', 'cold % p50', 'cold % p75', 'cold % p99', 'idle GB-s', 'idle vs fixed 10 min']);
    // 8 cold calls, each followed by 10 idle minutes of 1 GB: 4,800 GB-s.
    expect(row('fixed 10 min (baseline)')).toEqual(['fixed 10 min (baseline)', '8', '8', '100.0', '100.0', '100.0', '4,800', '1.00']);
    expect(row('no keep-alive')).toEqual(['no keep-alive', '8', '8', '100.0', '100.0', '100.0', '0', '0.00']);
    // One cold call of 8 (12.5%); idle almost all of the 2 hours after it (7,200 GB-s = 1.50 × 4,800).
    expect(row('fixed 20 min').slice(0, 6)).toEqual(['fixed 20 min', '8', '1', '12.5', '12.5', '12.5']);
    expect(row('fixed 20 min')[7]).toBe('1.50');
  });

  it('--seed and --duration-ms apply to every run; problems exit non-zero', () => {
    const r = compare('timer.json', '--compare-policies', '--duration-ms', '1800000', '--policies', 'fixed:20');
    expect(r.ok && r.comparison.policies.map((p) => p.invocations)).toEqual([2, 2]);
    const bad = compare('timer.json', '--compare-policies', '--policies', 'fixed:-1');
    expect(bad.ok).toBe(false);
    const invalid = compare('invalid.json', '--compare-policies');
    expect(!invalid.ok && invalid.message).toContain('functions[0].memoryMb: expected 128..10240, got 64');
    expect(!invalid.ok && invalid.exitCode).not.toBe(0);
  });

  it('runCli leaves the comparison to runCompareCli', () => {
    expect(failure('good.json', '--compare-policies').exitCode).not.toBe(0);
  });

  it('the real command line prints the table on stdout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'faascope-cli-compare-'));
    try {
      const path = join(dir, 'timer.json');
      writeFileSync(path, timerText);
      const r = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/sim.ts', path, '--compare-policies', '--policies', 'fixed:20'], { cwd: process.cwd() });
      expect(r.stdout.split('\n').filter((l) => /^fixed \d+ min/.test(l))).toHaveLength(2);
      expect(r.stdout).toContain('fixed 10 min (baseline)');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
