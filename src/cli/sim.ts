/**
 * The command-line runner: the same engine as the app, for scripts, notebooks and research.
 *
 *   npm run --silent sim -- scenario.json [--seed N] [--duration-ms N] [--trace out.jsonl]
 *   npm run --silent sim -- scenario.json --compare-policies [--policies none,fixed:10,hybrid]
 *
 * stdout carries nothing but the run's metrics as one JSON object (or, with
 * --compare-policies, the comparison's table); errors go to stderr with a non-zero exit code.
 */
import { readFileSync } from 'node:fs';
import { runCli, runCompareCli, wantsComparison } from './runCli';

const argv = process.argv.slice(2);
const read = (path: string) => readFileSync(path, 'utf8');

if (wantsComparison(argv)) {
  // Which policy runs now, on a terminal only: a redirected stderr stays for errors.
  const progress = process.stderr.isTTY ? (line: string) => process.stderr.write(`${line}\n`) : undefined;
  const result = runCompareCli(argv, read, progress, () => performance.now());
  if (result.ok) process.stdout.write(`${result.table}\n`);
  else {
    process.stderr.write(`${result.message}\n`);
    process.exitCode = result.exitCode;
  }
} else {
  const result = runCli(argv, read);
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
}
