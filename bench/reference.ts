import type { ScenarioInput } from '../src/sim/scenario';

/**
 * The reference run of issue 2: one function, Poisson 0.9 requests/s, exponential durations
 * with mean 1,991 ms, init adding 253 ms, fixed keep-alive of 10 minutes, 10^6 simulated
 * seconds (about 900,000 requests).
 */
export const referenceScenario: ScenarioInput = {
  version: 1,
  name: 'bench: reference (900k requests)',
  seed: 7,
  durationMs: 1e9,
  platform: { keepAlive: { policy: 'fixed', idleMs: 600_000 } },
  accounts: [{ id: 'bench' }],
  functions: [
    {
      name: 'ref',
      account: 'bench',
      memoryMb: 256,
      timeoutMs: 900_000,
      initMs: { dist: 'constant', ms: 253 },
      durationMs: { dist: 'exponential', meanMs: 1991 },
      workload: { type: 'poisson', ratePerSec: 0.9 },
    },
  ],
};
