import { describe, expect, it } from 'vitest';
import { breakEvenRate, defaultVm, functionsMonthlyUsd, peakFactor, ratePerVm, SECONDS_PER_MONTH, vmCapacityGb, vmMonthlyUsd, vmMonthlyUsdEach, vmsNeeded, vmStaircase, workloadFromReport, type Workload } from './breakEven';
import type { MetricsReport } from './meters';

/**
 * Worked by hand with the default figures: an m5.large (2 vCPU, 8,192 MB) at $0.096 an hour,
 * 730 hours a month ($70.08); one vCPU per 1,769 MB of function memory; $0.0000166667 per
 * GB-s and $0.20 per million requests.
 */

// 512 MB × 120 ms: 0.06 GB-s a call; 0.06 × 0.0000166667 + 0.0000002 = $0.000001200002 a call.
const api: Workload = { ratePerSec: 10, usdPerRequest: 0.000001200002, gbSecondsPerRequest: 0.06, peakFactor: 2, fixedUsdPerMonth: 0 };

describe('an m5.large against functions', () => {
  it('holds min(2 × 1769, 8192) MB = 3538 MB = 3.455078125 GB of functions at once, for $70.08 a month', () => {
    expect(vmCapacityGb(defaultVm)).toBe(3.455078125);
    expect(vmMonthlyUsdEach(defaultVm)).toBeCloseTo(70.08, 10);
    expect(SECONDS_PER_MONTH).toBe(2_628_000);
  });

  it('a month of 10 calls a second costs 10 × 2,628,000 × $0.000001200002 = $31.53605256 on functions', () => {
    expect(functionsMonthlyUsd(api, 10)).toBeCloseTo(31.53605256, 8);
  });

  it('one VM carries 3.455078125 / (0.06 × 2) = 28.7923 calls a second; 100 calls a second need 4 ($280.32)', () => {
    expect(ratePerVm(api, defaultVm)).toBeCloseTo(28.792317708, 8);
    // 100 × 0.06 × 2 = 12 GB at the peak; 12 / 3.455 = 3.47, so 4 VMs.
    expect(vmsNeeded(api, defaultVm, 100)).toBe(4);
    expect(vmMonthlyUsd(api, defaultVm, 100)).toBeCloseTo(280.32, 8);
    // Even an idle service keeps one VM on.
    expect(vmsNeeded(api, defaultVm, 0)).toBe(1);
  });

  it('breaks even at $70.08 / ($3.153605256 per call a second) = 22.222 calls a second', () => {
    const r = breakEvenRate(api, defaultVm)!;
    expect(r).toBeCloseTo(70.08 / 3.153605256, 9);
    expect(r).toBeCloseTo(22.2222, 3);
    // Below it the functions are cheaper, above it (within the first VM) the VM is.
    expect(functionsMonthlyUsd(api, r - 1)).toBeLessThan(vmMonthlyUsd(api, defaultVm, r - 1));
    expect(functionsMonthlyUsd(api, r + 1)).toBeGreaterThan(vmMonthlyUsd(api, defaultVm, r + 1));
  });

  it('a spiky workload never breaks even: VMs sized for a peak 10 times the mean cost more at every rate', () => {
    // 1 GB × 1 s a call: $0.0000168667 a call; one VM carries 3.455 / 10 = 0.3455 calls a second, at
    // which the functions cost 0.3455 × 2,628,000 × 0.0000168667 = $15.32 < $70.08; each further
    // VM adds $70.08 and the functions only $15.32 more.
    const spiky: Workload = { ratePerSec: 0.1, usdPerRequest: 0.0000168667, gbSecondsPerRequest: 1, peakFactor: 10, fixedUsdPerMonth: 0 };
    expect(breakEvenRate(spiky, defaultVm)).toBeNull();
  });

  it('provisioned concurrency dearer than a VM: the VM is cheaper from a rate of 0', () => {
    expect(breakEvenRate({ ...api, fixedUsdPerMonth: 80 }, defaultVm)).toBe(0);
  });

  it('draws the staircase: flat at k VMs up to k × 28.79 calls a second, then up by $70.08', () => {
    const R = ratePerVm(api, defaultVm);
    const points = vmStaircase(api, defaultVm, 0, 100);
    const expected = [
      [0, 70.08],
      [R, 70.08],
      [R, 140.16],
      [2 * R, 140.16],
      [2 * R, 210.24],
      [3 * R, 210.24],
      [3 * R, 280.32],
      [100, 280.32],
    ];
    expect(points).toHaveLength(expected.length);
    points.forEach((p, i) => {
      expect(p.x).toBeCloseTo(expected[i]![0]!, 9);
      expect(p.y).toBeCloseTo(expected[i]![1]!, 9);
    });
  });
});

describe('the workload a run measured', () => {
  it('peak factor: the busiest 10 s over the mean, at least 1, only buckets simulated so far', () => {
    // 10 s buckets: the busiest bucket.
    expect(peakFactor([0.5, 2, 1, 9], 3, 1, 10_000)).toBe(2);
    expect(peakFactor([0.5, 0.5], 2, 1, 10_000)).toBe(1);
    expect(peakFactor([0, 0], 2, 0, 10_000)).toBe(1);
    // 5 s buckets, so 10 s windows of two: (0 + 4) / 2, (4 + 2) / 2 = 3, (2 + 0) / 2; over a mean of 1.5.
    expect(peakFactor([0, 4, 2, 0], 4, 1.5, 5_000)).toBe(2);
    // A run shorter than the window: its whole average.
    expect(peakFactor([1, 3], 2, 1, 2_000)).toBe(2);
  });

  it('extrapolates the run: 1,000 calls in 100 s is 10 a second; provisioned $0.01 in 100 s is $262.80 a month', () => {
    const cost = { billedGbSeconds: 100, computeUsd: 0.00166667, requestsUsd: 0.0002, provisionedGbSeconds: 0, provisionedUsd: 0.01, totalUsd: 0.01186667 };
    const at1Ms = { ...cost, billedGbSeconds: 60 };
    const report = { cost, billing: { invocations: 1000, at1Ms, at100Ms: cost } } as unknown as MetricsReport;
    const w = workloadFromReport(report, 100_000, cost, 3)!;
    expect(w.ratePerSec).toBe(10);
    expect(w.usdPerRequest).toBeCloseTo(0.00000186667, 15);
    // The VMs are sized on the time actually used (1 ms granularity), whatever the price's.
    expect(w.gbSecondsPerRequest).toBeCloseTo(0.06, 12);
    expect(w.peakFactor).toBe(3);
    expect(w.fixedUsdPerMonth).toBeCloseTo(262.8, 9);
    expect(workloadFromReport({ ...report, billing: { ...report.billing, invocations: 0 } }, 100_000, cost, 3)).toBeNull();
  });
});
