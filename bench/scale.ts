/**
 * `npm run bench` (engine part): the worker's step time as a run grows, in Node, on the same
 * code the Web Worker runs for each animation frame: advance the History by one frame's worth
 * of simulated time, then build the frame posted to the page. Two sweeps: sandboxes alive from
 * 100 to 20,000 (at 1× and 100×), and request rates from 1 to 10,000 per second (at 1×).
 * Prints a table; asserts nothing. The topology view's frame time in the browser is in bench/ui.ts.
 */
import { cpus, loadavg } from 'node:os';
import { History } from '../src/sim/history';
import { limits } from '../src/sim/limits';
import { parseScenario, type ScenarioInput } from '../src/sim/scenario';
import { buildWireFrame } from '../src/worker/frameBuilder';

/** Events per advance, as in src/worker/api.ts: caps one step, whatever the speed. */
const EVENTS_PER_ADVANCE = 200_000;
const FRAME_MS = 1000 / 60;

/** About `concurrent` sandboxes busy at once (Little's law: rate × mean duration), one function. */
function bySandboxes(concurrent: number): ScenarioInput {
  return {
    version: 1,
    name: `~${concurrent} sandboxes`,
    seed: 11,
    durationMs: 3_600_000,
    platform: { hosts: Math.ceil((concurrent * 1.3 * 133) / 65_536), hostMemoryMb: 65_536, limits: { accountConcurrency: concurrent * 3 }, keepAlive: { policy: 'fixed', idleMs: 60_000 } },
    accounts: [{ id: 'bench' }],
    functions: [{ name: 'api', account: 'bench', memoryMb: 128, timeoutMs: 900_000, durationMs: { dist: 'exponential', meanMs: 10_000 }, workload: { type: 'poisson', ratePerSec: concurrent / 10 } }],
  };
}

/** `rate` requests per second of 100 ms each, spread over 10 functions. */
function byRate(rate: number): ScenarioInput {
  const fns = 10;
  return {
    version: 1,
    name: `${rate} requests/s`,
    seed: 12,
    durationMs: 3_600_000,
    platform: { hosts: Math.max(4, Math.ceil(rate / 200)), hostMemoryMb: 65_536, limits: { accountConcurrency: Math.max(1_000, rate) } },
    accounts: [{ id: 'bench' }],
    functions: Array.from({ length: fns }, (_, i) => ({ name: `f${i}`, account: 'bench', memoryMb: 256, durationMs: { dist: 'exponential' as const, meanMs: 100 }, workload: { type: 'poisson' as const, ratePerSec: rate / fns } })),
  };
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;

interface Row {
  label: string;
  speed: number;
  sandboxes: number;
  eventsPerStep: number;
  p50: number;
  p95: number;
  frameMs: number;
  fps: string;
}

/** Warms the run up to steady state, then times `steps` worker steps at `speed`. */
function measure(label: string, input: ScenarioInput, speed: number, warmMs: number, steps = 60): Row {
  const h = new History(parseScenario(input));
  h.advanceTo(warmMs);
  const times: number[] = [];
  const frameTimes: number[] = [];
  let events = 0;
  let seq = 0;
  for (let i = 0; i < steps; i++) {
    const before = h.sim.eventsProcessed;
    const t0 = performance.now();
    h.advanceTo(h.now + FRAME_MS * speed, EVENTS_PER_ADVANCE);
    const t1 = performance.now();
    buildWireFrame(h, ++seq);
    const t2 = performance.now();
    times.push(t2 - t0);
    frameTimes.push(t2 - t1);
    events += h.sim.eventsProcessed - before;
  }
  const p95 = pct(times, 95);
  // A step under one animation frame (16.7 ms) keeps 60 frames a second; the page draws in parallel.
  const fps = p95 <= FRAME_MS ? '60' : `${Math.floor(1000 / p95)}`;
  return { label, speed, sandboxes: h.sim.sandboxes.size, eventsPerStep: Math.round(events / steps), p50: pct(times, 50), p95, frameMs: pct(frameTimes, 50), fps };
}

function print(title: string, rows: Row[]): void {
  console.log(`\n${title}`);
  console.log('  scenario                   speed   sandboxes   events/step   step p50   step p95   of which frame   steps/s at p95');
  for (const r of rows) {
    const over = r.sandboxes > limits.liveSandboxes.value ? ' (over the live limit)' : '';
    console.log(
      `  ${r.label.padEnd(25)} ${`${r.speed}×`.padStart(6)} ${r.sandboxes.toLocaleString('en-US').padStart(11)} ${r.eventsPerStep.toLocaleString('en-US').padStart(13)} ${`${r.p50.toFixed(2)} ms`.padStart(10)} ${`${r.p95.toFixed(2)} ms`.padStart(10)} ${`${r.frameMs.toFixed(2)} ms`.padStart(16)} ${r.fps.padStart(16)}${over}`,
    );
  }
}

const only = process.argv.find((a) => a.startsWith('--max='));
const maxSandboxes = only ? Number(only.slice(6)) : 20_000;
console.log('Worker step time (Node, engine + frame building; one step per animation frame)');
// The p95 includes garbage collection and rewind checkpoints, and whatever else the machine runs.
console.log(`  ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
const sandboxRows: Row[] = [];
for (const n of [100, 500, 2_000, 5_000, 10_000, 20_000].filter((n) => n <= maxSandboxes)) {
  for (const speed of [1, 100]) sandboxRows.push(measure(`~${n.toLocaleString('en-US')} sandboxes`, bySandboxes(n), speed, 60_000, speed === 1 ? 60 : 30));
}
print('Sandboxes alive (busy ~ target, plus idle ones kept alive 60 s)', sandboxRows);
const rateRows: Row[] = [];
for (const rate of [1, 10, 100, 1_000, 10_000]) rateRows.push(measure(`${rate.toLocaleString('en-US')} requests/s`, byRate(rate), 1, 30_000));
print('Request rate (100 ms invocations, 10 functions)', rateRows);
