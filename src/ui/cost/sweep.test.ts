import { describe, expect, it } from 'vitest';
import { Simulation } from '../../sim/engine';
import { parseScenario } from '../../sim/scenario';
import { bestOf, sweepInputs, sweepPoint } from './sweep';

const constant = (ms: number) => ({ dist: 'constant' as const, ms });

/**
 * A fully CPU-bound handler of 1,769 ms at one vCPU, 10 calls (one every 10 s, all warm after
 * the first). On M MB it runs 1769 × 1769 / M ms, so the GB-seconds a call are
 * M/1024 × 1769²/(M × 1000) = 1769² / 1,024,000 = 3.0559… whatever M: compute costs the same
 * at every size (as long as nothing is rounded), and more memory is only faster.
 */
const draft = {
  version: 1,
  seed: 1,
  durationMs: 100_000,
  platform: {
    hostMemoryMb: 8192,
    hopsMs: { loadBalancer: 0, frontend: 0, counting: 0, workerManager: 0, placement: 0, gateway: 0 },
    coldStart: { codeFetchMsPerMb: 0, microVmBootMs: 0, containerStartMs: 0, accountVmBootMs: 0, runtimeBootMs: 0, shutdownMs: 0 },
  },
  accounts: [{ id: 'a' }],
  functions: [{ name: 'crunch', account: 'a', memoryMb: 512, timeoutMs: 900_000, cpuBoundFraction: 1, initMs: constant(0), durationMs: constant(1769), workload: { type: 'periodic', everyMs: 10_000 } }],
};

describe('the memory sweep', () => {
  it('changes only the swept function, and skips sizes the hosts cannot hold, with the reason', () => {
    const inputs = sweepInputs(draft, 0, [128, 1769, 10_240]);
    expect(inputs.map((i) => i.memoryMb)).toEqual([128, 1769, 10_240]);
    expect('input' in inputs[0]! && parseScenario(inputs[0].input).functions[0]!.memoryMb).toBe(128);
    // 10,240 MB + 5 MiB of microVM does not fit on an 8,192 MB host.
    expect('problem' in inputs[2]! && inputs[2].problem).toMatch(/cannot fit on a host/);
    // The draft itself is not changed.
    expect(draft.functions[0]!.memoryMb).toBe(512);
  });

  it('reads cost per million and p50 from each run: a CPU-bound function costs the same and gets faster', () => {
    const points = sweepInputs(draft, 0, [128, 1769, 3538]).map((i) => {
      if (!('input' in i)) throw new Error(i.problem);
      return sweepPoint(new Simulation(parseScenario(i.input)).run(), 'crunch', i.memoryMb);
    });
    // p50 = 1769² / M ms: 24,448.0 on 128 MB (rounded 1 ms billing aside), 1,769 on 1,769 MB, 884.5 on 3,538 MB.
    expect(points[0]!.p50Ms).toBeCloseTo((1769 * 1769) / 128, 6);
    expect(points[1]!.p50Ms).toBeCloseTo(1769, 6);
    expect(points[2]!.p50Ms).toBeCloseTo(884.5, 6);
    // Per call: 3.0559 GB-s × $0.0000166667 + $0.0000002 ≈ $0.0000511 → about $51.13 per million,
    // give or take the 1 ms rounding (at most 1 ms × 3.455 GB a call: $0.06 per million).
    const perMillion = ((1769 * 1769) / 1_024_000) * 0.0000166667 * 1e6 + 0.2;
    for (const p of points) expect(Math.abs(p.costPerMillionUsd! - perMillion)).toBeLessThan(0.06);
    const best = bestOf(points);
    expect(best.fastest!.memoryMb).toBe(3538);
  });

  it('picks the cheapest and the fastest, the smaller memory on a tie, ignoring sizes without data', () => {
    const best = bestOf([
      { memoryMb: 128, costPerMillionUsd: null, p50Ms: null },
      { memoryMb: 256, costPerMillionUsd: 2, p50Ms: 300 },
      { memoryMb: 512, costPerMillionUsd: 2, p50Ms: 150 },
      { memoryMb: 1024, costPerMillionUsd: 3, p50Ms: 150 },
    ]);
    expect(best.cheapest!.memoryMb).toBe(256);
    expect(best.fastest!.memoryMb).toBe(512);
    expect(bestOf([]).cheapest).toBeNull();
  });
});
