/**
 * `npm run bench`: speed and memory of the simulation core, printed as numbers.
 * Targets (issue 2): the reference run in under 2 s on a 2-core machine, under 300 MB.
 */
import { Simulation } from '../src/sim/engine';
import { parseScenario } from '../src/sim/scenario';
import { referenceScenario } from './reference';

function measure(label: string, runs: number): void {
  const scenario = parseScenario(referenceScenario);
  const times: number[] = [];
  let requests = 0;
  let peakRss = 0;
  for (let i = 0; i < runs; i++) {
    globalThis.gc?.();
    const start = performance.now();
    const sim = new Simulation(scenario);
    const report = sim.run();
    times.push(performance.now() - start);
    requests = report.requests.total;
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  times.sort((a, b) => a - b);
  const best = times[0]!;
  const median = times[Math.floor(times.length / 2)]!;
  console.log(`${label}`);
  console.log(`  requests simulated        ${requests.toLocaleString('en-US')}`);
  console.log(`  wall time (median of ${runs})   ${(median / 1000).toFixed(2)} s   (best ${(best / 1000).toFixed(2)} s; target < 2 s)`);
  console.log(`  simulated requests / s    ${Math.round(requests / (median / 1000)).toLocaleString('en-US')}`);
  console.log(`  peak RSS                  ${(peakRss / 2 ** 20).toFixed(0)} MB   (target < 300 MB)`);
}

measure('reference scenario: 1 function, Poisson 0.9/s, 10^6 simulated seconds', 3);
