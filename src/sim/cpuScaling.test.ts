import { describe, expect, it } from 'vitest';
import { durationAtMemory } from './cpuScaling';
import { fn, instantPlatform, runTraced, scenario } from './testkit';

describe('duration shrinks as memory (and CPU) grows', () => {
  it('leaves durations alone without a CPU-bound fraction (old scenarios run as before)', () => {
    expect(durationAtMemory(120, 128, undefined)).toBe(120);
    expect(durationAtMemory(120, 10_240, 0)).toBe(120);
  });

  it('scales the CPU-bound part by 1769 / memory', () => {
    // Fully CPU-bound, 1 s at one vCPU: 1000 × 1769 / 512 = 3455.078125 ms on 512 MB, 1 s at 1769 MB.
    expect(durationAtMemory(1000, 512, 1)).toBeCloseTo(3455.078125, 9);
    expect(durationAtMemory(1000, 1769, 1)).toBeCloseTo(1000, 9);
    // Half CPU-bound on 3538 MB (two vCPUs): 500 ms of waiting + 500 × 0.5 = 750 ms.
    expect(durationAtMemory(1000, 3538, 0.5)).toBeCloseTo(750, 9);
  });

  it('the engine runs and bills the scaled duration', () => {
    // 100 ms at one vCPU, fully CPU-bound, on 3538 MB: 50 ms; 10 calls of 3538 MB × 50 ms =
    // 10 × 3.455078125 GB × 0.05 s = 1.7275390625 GB-s.
    const r = runTraced(
      scenario({
        durationMs: 10_000,
        platform: { ...instantPlatform, hostMemoryMb: 16_384 },
        functions: [fn({ memoryMb: 3538, cpuBoundFraction: 1, initMs: { dist: 'constant', ms: 0 }, durationMs: { dist: 'constant', ms: 100 }, workload: { type: 'periodic', everyMs: 1000 } })],
      }),
    ).report;
    expect(r.requests.completed).toBe(10);
    expect(r.cost.billedGbSeconds).toBeCloseTo(1.7275390625, 9);
    expect(r.latencyMs.p50).toBeCloseTo(50, 9);
  });
});
