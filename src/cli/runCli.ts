import { createWriteStream, openSync } from 'node:fs';
import { once } from 'node:events';
import { Simulation, type Transition } from '../sim/engine';
import type { RunReport } from '../sim/meters';
import { parseScenario, parseScenarioText, ScenarioError, type Scenario } from '../sim/scenario';

export const USAGE = 'usage: npm run --silent sim -- <scenario.json> [--seed N] [--duration-ms N] [--trace <file.jsonl>]';

export interface CliArgs {
  scenarioPath: string;
  seed?: number;
  durationMs?: number;
  tracePath?: string;
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
    } else if (a.startsWith('--')) throw new Error(`unknown option ${a}\n${USAGE}`);
    else if (args.scenarioPath === undefined) args.scenarioPath = a;
    else throw new Error(`unexpected argument ${JSON.stringify(a)}\n${USAGE}`);
  }
  if (args.scenarioPath === undefined) throw new Error(`missing the scenario file\n${USAGE}`);
  return args as CliArgs;
}

/** Runs a scenario file as the CLI does; file reading is injected so tests need no files. */
export function runCli(argv: readonly string[], readFile: (path: string) => string): CliResult {
  let args: CliArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    return { ok: false, message: (e as Error).message, exitCode: 2 };
  }
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
