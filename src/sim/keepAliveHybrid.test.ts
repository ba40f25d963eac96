import { describe, expect, it } from 'vitest';
import { Simulation } from './engine';
import { fn, requestTransitions, runTraced, sandboxTransitions, scenario, type PlatformInput } from './testkit';

/**
 * The hybrid histogram keep-alive policy ("Serverless in the Wild", USENIX ATC 2020) run by the
 * engine: the policy's decisions (policies/hybridHistogram.test.ts) applied to real sandboxes.
 */

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

const hybrid = (params: Record<string, number> = {}): PlatformInput => ({ keepAlive: { policy: 'hybrid', ...params } });

/** A function called at the given minutes of the run (at the start of each), 1 s handlers. */
function atMinutes(minutes: number[], days: number) {
  const counts = new Array<number>(days * 1440).fill(0);
  for (const m of minutes) counts[m]!++;
  return fn({ durationMs: { dist: 'constant', ms: 1000 }, workload: { type: 'perMinute', counts } });
}

describe('an application invoked every 30 minutes, under the hybrid policy', () => {
  const run = (platform: PlatformInput) =>
    runTraced(scenario({ durationMs: DAY, platform, functions: [fn({ durationMs: { dist: 'constant', ms: 1000 }, workload: { type: 'periodic', everyMs: 30 * MIN } })] }));

  it('has no cold start after warm-up: 11 cold (10 idle times to learn, then the first decision), 37 warm', () => {
    const { report } = run(hybrid());
    expect(report.requests.total).toBe(48);
    expect(report.requests.cold).toBe(11);
    expect(report.requests.warm).toBe(37);
    // A fixed 10-minute keep-alive never reaches the next call.
    expect(run({ keepAlive: { policy: 'fixed', idleMs: 10 * MIN } }).report.requests.cold).toBe(48);
  });

  it('unloads after each call and pre-warms just before the next: a sandbox created with no request about 26 min after the last ended', () => {
    const { trace } = run(hybrid());
    const created = sandboxTransitions(trace).filter((t) => t.from === null);
    const ends = requestTransitions(trace, 'responded').map((t) => t.t);
    // Sandboxes 0..10 were created for cold requests; from the 11th on, each is a pre-warm (the
    // last one, at 23:56, for a call the day does not have).
    const prewarms = created.slice(11);
    expect(prewarms.length).toBe(38);
    for (const p of prewarms) {
      const lastEnd = Math.max(...ends.filter((e) => e < p.t));
      // Head percentile in bin 29 ([29, 30) min): load at 29 min − 10% = 26.1 min after the end.
      expect(p.t - lastEnd).toBeCloseTo(26.1 * MIN, 0);
    }
  });

  it('holds far less idle memory than a fixed 30-minute keep-alive that would also keep it warm', () => {
    const hybridIdle = run(hybrid()).report.memory.idleGbSeconds;
    const fixed30 = run({ keepAlive: { policy: 'fixed', idleMs: 31 * MIN } }).report;
    expect(fixed30.requests.cold).toBe(1);
    // Fixed: idle ~30 min of every 30. Hybrid after warm-up: ~3.9 min (26.1 min + init → 30 min),
    // plus the 10-minute fallback for the first 11 cycles.
    expect(hybridIdle).toBeLessThan(0.4 * fixed30.memory.idleGbSeconds);
  });

  it('shows its histogram and its decision for the function', () => {
    const sim = new Simulation(scenario({ durationMs: DAY, platform: hybrid(), functions: [fn({ durationMs: { dist: 'constant', ms: 1000 }, workload: { type: 'periodic', everyMs: 30 * MIN } })] }));
    expect(sim.keepAliveView(0)).toMatchObject({ policy: 'hybrid', decision: null, prewarmAt: null });
    sim.runUntil(12 * HOUR + 10 * MIN);
    const view = sim.keepAliveView(0);
    // 25 calls by 12:00, so 24 idle times, all in bin 29.
    expect(view.histogram!.counts[29]).toBe(24);
    expect(view.histogram!.inRange).toBe(24);
    expect([view.histogram!.headBin, view.histogram!.tailBin]).toEqual([29, 29]);
    expect(view.decision!.mode).toBe('histogram');
    expect(view.decision!.prewarmMs).toBeCloseTo(26.1 * MIN, 6);
    // Planned: 26.1 min after the 12:00 call ended.
    expect(view.prewarmAt! - (12 * HOUR + 26.1 * MIN)).toBeGreaterThan(0);
    expect(view.prewarmAt! - (12 * HOUR + 26.1 * MIN)).toBeLessThan(2000);
  });
});

describe('an application with erratic idle times', () => {
  // Idle times spread evenly over the 4-hour range (1..239 minutes, by the golden-ratio
  // sequence), for a week: 83 of them, too spread for the histogram to predict anything.
  const minutes: number[] = [];
  for (let m = 0, k = 1; m < 7 * 1440; k++) {
    minutes.push(m);
    m += 1 + Math.floor(((k * 0.6180339887) % 1) * 239);
  }
  const s = scenario({ durationMs: 7 * DAY, platform: hybrid(), functions: [atMinutes(minutes, 7)] });

  it('falls back to the fixed keep-alive once it has seen enough: the histogram is not representative (CV < 2)', () => {
    const sim = new Simulation(s);
    const modes: string[] = [];
    for (let day = 1; day <= 7; day++) {
      sim.runUntil(day * DAY);
      modes.push(sim.keepAliveView(0).decision!.mode);
    }
    // A few idle times scattered over 240 bins look concentrated (CV 4.6 with 11 of them, 2.0
    // with 48): the policy trusts them for four days. From about 60 on, it no longer does.
    expect(modes).toEqual(['histogram', 'histogram', 'histogram', 'histogram', 'fixed', 'fixed', 'fixed']);
    expect(sim.keepAliveView(0).histogram!.cv).toBeLessThan(2);
  });

  it('then keeps each idle sandbox exactly the fallback 10 minutes, with no pre-warm', () => {
    const { trace } = runTraced(s);
    const idleSince = new Map<number, number>();
    let checked = 0;
    for (const t of sandboxTransitions(trace)) {
      if (t.to === 'idle') idleSince.set(t.id, t.t);
      if (t.from === 'idle' && t.to === 'shuttingDown' && t.t > 5 * DAY) {
        expect(t.t - idleSince.get(t.id)!).toBe(10 * MIN);
        checked++;
      }
      // No sandbox is created without a request (a pre-warm) in the last two days.
      if (t.from === null && t.t > 5 * DAY) expect(requestTransitions(trace, 'waitingForSandbox').some((r) => r.t === t.t)).toBe(true);
    }
    expect(checked).toBeGreaterThan(20);
  });
});

describe('an application idle for longer than the histogram’s range', () => {
  it('is forecast (EWMA of the out-of-range idle times) and pre-warmed in time: every 6 hours, warm after warm-up', () => {
    const s = scenario({
      durationMs: 5 * DAY,
      platform: hybrid(),
      functions: [fn({ durationMs: { dist: 'constant', ms: 1000 }, workload: { type: 'periodic', everyMs: 6 * HOUR } })],
    });
    const sim = new Simulation(s);
    const report = sim.run();
    expect(report.requests.total).toBe(20);
    expect(report.requests.cold).toBe(11);
    expect(sim.keepAliveView(0).decision).toMatchObject({ mode: 'forecast' });
    // Loaded over [85%, 115%] of the forecast 6 h: loaded 0.9 h before each call.
    expect(sim.keepAliveView(0).decision!.prewarmMs).toBeCloseTo(0.85 * (6 * HOUR - 1000), -3);
  });
});

describe('with concurrent invocations', () => {
  it('counts overlapping invocations as idle times of 0 and keeps sandboxes loaded (head percentile in bin 0)', () => {
    const s = scenario({
      durationMs: 10 * MIN,
      platform: hybrid(),
      functions: [fn({ durationMs: { dist: 'constant', ms: 2000 }, workload: { type: 'poisson', ratePerSec: 5 } })],
    });
    const sim = new Simulation(s);
    const report = sim.run();
    const view = sim.keepAliveView(0);
    expect(view.histogram!.counts[0]).toBe(view.histogram!.inRange);
    expect(view.decision).toMatchObject({ mode: 'histogram', prewarmMs: 0 });
    // 10 sandboxes or so serve 5 calls a second of 2 s: almost every call is warm.
    expect(report.coldStartRatio!).toBeLessThan(0.02);
  });
});
