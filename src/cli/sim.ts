/**
 * The command-line runner: the same engine as the app, for scripts, notebooks and research.
 *
 *   npm run --silent sim -- scenario.json [--seed N] [--duration-ms N] [--trace out.jsonl]
 *
 * stdout carries nothing but the run's metrics as one JSON object; errors go to stderr with a
 * non-zero exit code.
 */
import { readFileSync } from 'node:fs';
import { runCli } from './runCli';

const result = runCli(process.argv.slice(2), (path) => readFileSync(path, 'utf8'));
if (result.ok) {
  try {
    await result.flush();
    process.stdout.write(`${JSON.stringify(result.report, null, 2)}\n`);
  } catch (e) {
    // A trace that could not be written (disk full...): say so, and print no report.
    process.stderr.write(`cannot write the trace: ${(e as Error).message}\n`);
    process.exitCode = 2;
  }
} else {
  process.stderr.write(`${result.message}\n`);
  process.exitCode = result.exitCode;
}
