import { createWriteStream, openSync } from 'node:fs';
import { once } from 'node:events';
import { Simulation, type Transition } from '../sim/engine';
import type { RunReport } from '../sim/meters';
import { parseScenario, parseScenarioText, ScenarioError, type Scenario } from '../sim/scenario';
import { comparePolicies, defaultPolicies, fixedPolicy, HYBRID_DEFAULT, NO_KEEP_ALIVE } from '../sim/compare';
import type { PolicyComparison, PolicyUnderTest } from '../sim/compareTypes';

export const USAGE =
  'usage: npm run --silent sim -- <scenario.json> [--seed N] [--duration-ms N] [--trace <file.jsonl>]\n' +
  '       npm run --silent sim -- <scenario.json> --compare-policies [--policies none,fixed:10,hybrid] [--seed N] [--duration-ms N]';

export interface CliArgs {
  scenarioPath: string;
  seed?: number;
  durationMs?: number;
  tracePath?: string;
  /** Run the scenario once per keep-alive policy and print the comparison as a table. */
  comparePolicies?: boolean;
  /** The policies to compare (default: defaultPolicies()). */
  policies?: PolicyUnderTest[];
}

export type CliResult = { ok: true; report: RunReport; flush: () => Promise<void> } | { ok: false; message: string; exitCode: number };

/** Parses the command line; throws with a message that says what to fix. */
export function parseArgs(argv: readonly string[]): CliArgs {
  const args: Partial<CliArgs> = {};
  const number = (flag: string, v: string | undefined) => {
    if (v === undefined || v.trim() === '' || !Number.isFinite(Number(v))) throw new Error(`${flag}: expected a number, got ${v === undefined ? 'nothing' : JSON.stringify(v)}\n${USAGE}`);
    return Number(v);
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--seed') args.seed = number(a, argv[++i]);
    else if (a === '--duration-ms') args.durationMs = number(a, argv[++i]);
    else if (a === '--trace') {
      const v = argv[++i];
      if (!v) throw new Error(`--trace: expected a file path\n${USAGE}`);
      args.tracePath = v;
    } else if (a === '--compare-policies') args.comparePolicies = true;
    else if (a === '--policies') args.policies = parsePolicies(argv[++i]);
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}\n${USAGE}`);
    else if (args.scenarioPath === undefined) args.scenarioPath = a;
    else throw new Error(`unexpected argument ${JSON.stringify(a)}\n${USAGE}`);
  }
  if (args.scenarioPath === undefined) throw new Error(`missing the scenario file\n${USAGE}`);
  if (args.policies && !args.comparePolicies) throw new Error(`--policies: goes with --compare-policies\n${USAGE}`);
  if (args.tracePath && args.comparePolicies) throw new Error(`--trace: cannot be used with --compare-policies (it records one run, a comparison makes several)\n${USAGE}`);
  return args as CliArgs;
}

/** `none,fixed:10,fixed:2.5,hybrid`: no keep-alive, fixed keep-alives in minutes, the hybrid policy with its defaults. */
export function parsePolicies(v: string | undefined): PolicyUnderTest[] {
  if (!v || v.trim() === '') throw new Error(`--policies: expected a list such as none,fixed:10,hybrid, got nothing\n${USAGE}`);
  return v.split(',').map((token) => {
    const t = token.trim();
    if (t === 'none') return NO_KEEP_ALIVE;
    if (t === 'hybrid') return HYBRID_DEFAULT;
    const m = /^fixed:(.+)$/.exec(t);
    const minutes = m ? Number(m[1]) : NaN;
    if (m && Number.isFinite(minutes) && minutes >= 0) return fixedPolicy(Math.round(minutes * 60_000));
    throw new Error(`--policies: "${t}" is not a policy: expected none, fixed:<minutes> (e.g. fixed:10) or hybrid\n${USAGE}`);
  });
}

type Failure = { ok: false; message: string; exitCode: number };

/** Reads, validates and applies the overrides to the scenario the arguments name. */
function loadScenario(args: CliArgs, readFile: (path: string) => string): { ok: true; scenario: Scenario } | Failure {
  let text: string;
  try {
    text = readFile(args.scenarioPath);
  } catch (e) {
    return { ok: false, message: `cannot read ${args.scenarioPath}: ${(e as Error).message}`, exitCode: 2 };
  }
  let scenario: Scenario;
  try {
    scenario = parseScenarioText(text);
  } catch (e) {
    if (e instanceof ScenarioError) return { ok: false, message: `${args.scenarioPath}: ${e.message}`, exitCode: 1 };
    throw e;
  }
  // Overrides go through the schema too, so `--seed -1` is refused with the same rule, named by its flag.
  if (args.seed !== undefined || args.durationMs !== undefined) {
    try {
      scenario = parseScenario({ ...scenario, ...(args.seed !== undefined && { seed: args.seed }), ...(args.durationMs !== undefined && { durationMs: args.durationMs }) });
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      const flags = e.issues.map((line) => line.replace(/^seed:/, '--seed:').replace(/^durationMs:/, '--duration-ms:'));
      return { ok: false, message: `${flags.join('\n')}\n${USAGE}`, exitCode: 2 };
    }
  }
  return { ok: true, scenario };
}

/** Runs a scenario file as the CLI does; file reading is injected so tests need no files. */
export function runCli(argv: readonly string[], readFile: (path: string) => string): CliResult {
  let args: CliArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    return { ok: false, message: (e as Error).message, exitCode: 2 };
  }
  if (args.comparePolicies) return { ok: false, message: `--compare-policies: run it through runCompareCli\n${USAGE}`, exitCode: 2 };
  const loaded = loadScenario(args, readFile);
  if (!loaded.ok) return loaded;
  const scenario = loaded.scenario;
  let onTransition: ((t: Transition) => void) | undefined;
  let flush = async () => {};
  if (args.tracePath) {
    // Opened before the run, so an unwritable path is reported at once rather than after the run.
    let fd: number;
    try {
      fd = openSync(args.tracePath, 'w');
    } catch (e) {
      return { ok: false, message: `cannot write the trace to ${args.tracePath}: ${(e as Error).message}`, exitCode: 2 };
    }
    const out = createWriteStream(args.tracePath, { fd });
    let buffer: string[] = [];
    onTransition = (t) => {
      buffer.push(JSON.stringify(t));
      if (buffer.length >= 4096) {
        out.write(`${buffer.join('\n')}\n`);
        buffer = [];
      }
    };
    flush = async () => {
      if (buffer.length > 0) out.write(`${buffer.join('\n')}\n`);
      out.end();
      await once(out, 'finish');
    };
  }
  const report = new Simulation(scenario, { onTransition }).run();
  return { ok: true, report, flush };
}

export type CompareCliResult = { ok: true; comparison: PolicyComparison; table: string } | Failure;

/** True when the command line asks for a policy comparison rather than one run. */
export const wantsComparison = (argv: readonly string[]) => argv.includes('--compare-policies');

/**
 * `--compare-policies`: the scenario once per keep-alive policy (same seed), and the table of
 * cold starts against idle memory that the cold-start lab plots. `onProgress` is told which
 * policy runs (the CLI writes it to stderr when that is a terminal).
 */
export function runCompareCli(argv: readonly string[], readFile: (path: string) => string, onProgress?: (line: string) => void, now?: () => number): CompareCliResult {
  let args: CliArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    return { ok: false, message: (e as Error).message, exitCode: 2 };
  }
  const loaded = loadScenario(args, readFile);
  if (!loaded.ok) return loaded;
  const result = comparePolicies(loaded.scenario, args.policies ?? defaultPolicies(), {
    now,
    onProgress: (p) => {
      if (p.done < p.total) onProgress?.(`running ${p.label} (${p.done + 1} of ${p.total})`);
    },
  });
  if (!result.ok) return { ok: false, message: result.issues.join('\n'), exitCode: 1 };
  return { ok: true, comparison: result.comparison, table: comparisonTable(result.comparison) };
}

/** Numbers as the table prints them: `1,234`, `12.5`, `0.87`. */
const whole = (n: number) => Math.round(n).toLocaleString('en-US');
const fixed = (n: number, digits: number) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/**
 * The comparison as a plain-text table, one row per policy: invocations, cold starts, the
 * cold-start percentage over functions (p50, p75, p99), idle memory in GB-s and normalised to
 * the baseline (fixed 10 minutes).
 */
export function comparisonTable(c: PolicyComparison): string {
  const apps = c.policies[0]?.apps.filter((a) => a.invocations > 0).length ?? 0;
  const head = ['policy', 'invocations', 'cold starts', 'cold % p50', 'cold % p75', 'cold % p99', 'idle GB-s', 'idle vs fixed 10 min'];
  const rows = c.policies.map((p) => [
    p.id === c.baselineId ? `${p.label} (baseline)` : p.label,
    whole(p.invocations),
    whole(p.coldStarts),
    fixed(p.coldStartPct.p50, 1),
    fixed(p.coldStartPct.p75, 1),
    fixed(p.coldStartPct.p99, 1),
    whole(p.idleGbSeconds),
    fixed(p.idleMemoryNormalised, 2),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ').trimEnd();
  return [
    `${c.scenarioName}: keep-alive policies compared over ${apps} invoked function${apps === 1 ? '' : 's'}`,
    '(cold % = cold starts per 100 invocations of one function; p75 = 75th percentile over functions)',
    '',
    line(head),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
  ].join('\n');
}
