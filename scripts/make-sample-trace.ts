/**
 * `npx tsx scripts/make-sample-trace.ts`: writes the SYNTHETIC sample day in the Azure
 * Functions 2019 trace format to public/traces/azure-sample/, with a README giving how it was
 * drawn and what it came out as. Deterministic: the same seed writes the same bytes, and
 * src/traces/sample.test.ts checks the shipped files against the generator.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { joinTrace, parseDurations, parseInvocations, parseMemory } from '../src/traces/azure';
import { generateSampleTrace, SAMPLE_FILES, SAMPLE_SEED } from '../src/traces/synthetic';

const dir = join('public', 'traces', 'azure-sample');
mkdirSync(dir, { recursive: true });
const trace = generateSampleTrace(SAMPLE_SEED);
for (const kind of ['invocations', 'durations', 'memory'] as const) writeFileSync(join(dir, SAMPLE_FILES[kind]), trace[kind]);

// What came out, measured with the app's own parsers.
const inv = parseInvocations(trace.invocations);
const durations = parseDurations(trace.durations);
const memory = parseMemory(trace.memory);
joinTrace(inv, durations, memory);
const perApp = new Map<string, number>();
for (const f of inv.functions) perApp.set(f.app, (perApp.get(f.app) ?? 0) + f.total);
const totals = [...perApp.values()].sort((a, b) => a - b);
const share = (n: number, of: number) => `${Math.round((n / of) * 100)}%`;
const triggers = new Map<string, number>();
for (const f of inv.functions) triggers.set(f.trigger, (triggers.get(f.trigger) ?? 0) + 1);
const averages = [...durations.byFunction.values()].map((d) => d.averageMs ?? 0);
const mbs = [...memory.byApp.values()];
const kb = (s: string) => `${Math.round(s.length / 1024)} KB`;

const readme = `# Azure Functions trace sample — SYNTHETIC

**These files are synthetic.** They are not Azure data and describe no real application: they
imitate the *format* of the public Azure Functions 2019 trace
(github.com/Azure/AzurePublicDataset, \`AzureFunctionsDataset2019.md\`) and some characteristics
that Shahrad et al. report in "Serverless in the Wild" (USENIX ATC 2020), so that FaaScope can
show a trace import without shipping the real files (tens to hundreds of MB a day). The hashes are
random hex strings.

## Files (one day, exact column layout of day 1 of the real trace)

| file | rows | size |
|---|---|---|
| \`${SAMPLE_FILES.invocations}\` — \`HashOwner,HashApp,HashFunction,Trigger,1,...,1440\`: invocations per minute | ${inv.functions.length} functions | ${kb(trace.invocations)} |
| \`${SAMPLE_FILES.durations}\` — \`Average,Count,Minimum,Maximum,percentile_Average_0,_1,_25,_50,_75,_99,_100\` (ms) | ${durations.byFunction.size} functions | ${kb(trace.durations)} |
| \`${SAMPLE_FILES.memory}\` — \`SampleCount,AverageAllocatedMb,AverageAllocatedMb_pct1,...,_pct100\` | ${memory.byApp.size} apps | ${kb(trace.memory)} |

## How it was generated

\`npx tsx scripts/make-sample-trace.ts\` (the generator is \`src/traces/synthetic.ts\`), seed ${SAMPLE_SEED},
with seeded pure-rand streams (no \`Math.random\`): the same seed writes the same bytes, and a
unit test (\`src/traces/sample.test.ts\`) checks the files here against the generator.

- ${perApp.size} applications of ${new Set(inv.functions.map((f) => f.owner)).size} owners, 1 to 5 functions each (most have one).
- Each application's daily invocations are drawn in three bands, in the proportions the paper
  reports: 45% of apps at most once an hour on average (1..24 a day), 81% at most once a minute
  (up to 1,440 a day), the rest up to 2,000,000 a day; log-uniform within a band, so rates span
  six orders of magnitude. An app is redrawn until its realised total falls in its band.
- Triggers in roughly the paper's shares of functions (HTTP 55%, timer 15.6%, queue 15.2%,
  orchestration 6.9%, storage 2.8%, event 2.2%, others 2.2%; as recalled from its figure 3).
- Timer functions are periodic: a fixed period (1 minute to 1 day, the nearest to their share of
  the app's invocations) from a random phase; sub-minute timers fire the same number of times
  every minute. HTTP functions are bursty: a daily swell (half the mean rate at 2 am, one and a
  half times it at 2 pm) plus 1 to 5 bursts of 5 to 50 times the base, lasting from a minute to
  an hour or so. Other triggers follow the daily swell with minute-to-minute noise.
- Durations: each function's average is log-normal around 1 s (log10 of ms ~ N(3, 0.9); the
  paper: about half the functions run under 1 s on average); its percentiles spread
  log-normally around it. Memory: each app's average allocation is log-normal with a median
  of 170 MB, a spread chosen so that about 90% of apps stay under 400 MB, as the paper reports.

## What came out

- Apps invoked at most once an hour on average: ${share(totals.filter((t) => t <= 24).length, totals.length)} (target 45%); at most once a minute: ${share(totals.filter((t) => t <= 1440).length, totals.length)} (target 81%).
- Daily invocations per app: median ${totals[Math.floor(totals.length / 2)]}, busiest ${totals[totals.length - 1]!.toLocaleString('en-US')}.
- Functions by trigger: ${[...triggers].sort((a, b) => b[1] - a[1]).map(([t, n]) => `${t} ${n}`).join(', ')}.
- Functions with an average duration under 1 s: ${share(averages.filter((a) => a < 1000).length, averages.length)}; apps under 400 MB: ${share(mbs.filter((m) => m < 400).length, mbs.length)}.
`;
writeFileSync(join(dir, 'README.md'), readme);
console.log(`wrote ${dir}: ${inv.functions.length} functions in ${perApp.size} apps, ${kb(trace.invocations)} + ${kb(trace.durations)} + ${kb(trace.memory)}`);
