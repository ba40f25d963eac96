import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binCountCv, createHybridState, decide, defaultHybridParams, histogramView, hybridFigures, observeIdle, type HybridParams, type HybridState } from './hybridHistogram';

const MIN = 60_000;
const HOUR = 60 * MIN;

function stateAfter(idleTimesMs: number[], params: Partial<HybridParams> = {}): HybridState {
  const s = createHybridState(params);
  for (const t of idleTimesMs) observeIdle(s, t);
  return s;
}

/**
 * A single sandbox of one application, run by hand: invocations start at the given times and
 * last `durationMs`. At each start the idle time since the previous end is observed; at each
 * end the policy decides when the sandbox is loaded next. An invocation that finds the
 * sandbox loaded is warm. Returns which invocations were cold and the time the sandbox spent
 * loaded but idle (the provider's cost of keeping it).
 */
function runOneSandbox(startsMs: number[], durationMs: number, state: HybridState | 'fixed10') {
  const cold: number[] = [];
  let loadedFrom = -Infinity;
  let loadedUntil = -Infinity;
  let idleLoadedMs = 0;
  let lastEnd = -1;
  startsMs.forEach((start, k) => {
    if (k > 0) {
      if (state !== 'fixed10') observeIdle(state, start - lastEnd);
      // Loaded from loadedFrom until loadedUntil, or until this invocation uses it.
      idleLoadedMs += Math.max(0, Math.min(start, loadedUntil) - loadedFrom);
    }
    if (!(start >= loadedFrom && start <= loadedUntil)) cold.push(k);
    lastEnd = start + durationMs;
    const d = state === 'fixed10' ? { prewarmMs: 0, keepAliveMs: 10 * MIN } : decide(state);
    loadedFrom = lastEnd + d.prewarmMs;
    loadedUntil = loadedFrom + d.keepAliveMs;
  });
  return { cold, idleLoadedMs };
}

describe('the defaults are the paper’s, each with its source', () => {
  it('1-minute bins over 4 hours, 5th and 99th percentiles, 10% margin, CV 2, a 10-minute fallback', () => {
    expect(defaultHybridParams).toMatchObject({ binMs: MIN, rangeMs: 4 * HOUR, headPercentile: 5, tailPercentile: 99, margin: 0.1, cvThreshold: 2, fallbackKeepAliveMs: 10 * MIN });
    expect(createHybridState().bins).toHaveLength(240);
    for (const f of Object.values(hybridFigures)) expect(f.source.length).toBeGreaterThan(10);
  });

  it('rejects parameters that make no sense', () => {
    expect(() => createHybridState({ headPercentile: 50, tailPercentile: 10 })).toThrow(RangeError);
    expect(() => createHybridState({ binMs: 0 })).toThrow(/binMs/);
    expect(() => createHybridState({ margin: 1 })).toThrow(/margin/);
  });
});

describe('an application invoked every 30 minutes', () => {
  // Handlers of 1 s: each idle time is 30 min − 1 s = 29 min 59 s, in bin 29 ([29, 30) min).
  const idle = 30 * MIN - 1000;

  it('is predicted by the histogram: unload, pre-warm just before 30 min, keep until just after', () => {
    const d = decide(stateAfter(Array<number>(10).fill(idle)));
    expect(d.mode).toBe('histogram');
    // Head and tail both in bin 29: load at 29 min − 10% = 26.1 min, keep until 30 min + 10% = 33 min.
    expect(d.prewarmMs).toBeCloseTo(26.1 * MIN, 6);
    expect(d.prewarmMs + d.keepAliveMs).toBeCloseTo(33 * MIN, 6);
    expect(d.reason).toContain('26.1 min');
  });

  it('has a CV of √240 ≈ 15.5: all idle times in one of 240 bins', () => {
    // n counts in one bin: mean n/240, sample variance (n² − n²/240)/239 = n²/240.
    expect(binCountCv(stateAfter(Array<number>(10).fill(idle)))).toBeCloseTo(Math.sqrt(240), 9);
  });

  it('has no cold start after warm-up, and keeps its sandbox idle for 3 min 53 s a cycle instead of 10 min', () => {
    const starts = Array.from({ length: 48 }, (_, k) => k * 30 * MIN); // a day
    const hybrid = runOneSandbox(starts, 1000, createHybridState());
    // Warm-up: the decision after invocation k has seen k idle times; the histogram is used
    // from k = 10 (minSamples), so invocations 0..10 are cold and every later one is warm.
    expect(hybrid.cold).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // After warm-up the sandbox is loaded from 26.1 min after the end to the next start at 29 min 59 s.
    const perCycle = idle - 26.1 * MIN;
    expect(perCycle).toBe(233_000);
    const fixed = runOneSandbox(starts, 1000, 'fixed10');
    expect(fixed.cold).toHaveLength(48); // 10 minutes never reach the next invocation
    expect(fixed.idleLoadedMs).toBe(47 * 10 * MIN);
    // Gaps 1..10 follow decisions made at the 10-minute fallback; gaps 11..47 are predicted.
    expect(hybrid.idleLoadedMs).toBeCloseTo(10 * 10 * MIN + 37 * perCycle, 3);
  });

  it('uses the histogram sooner when fewer samples are asked for', () => {
    expect(decide(stateAfter([idle, idle, idle], { minSamples: 3 })).mode).toBe('histogram');
    expect(decide(stateAfter([idle, idle], { minSamples: 3 })).mode).toBe('fixed');
  });
});

describe('falling back to the fixed keep-alive', () => {
  it('with too few idle times, says how many it has seen', () => {
    const d = decide(stateAfter(Array<number>(9).fill(30 * MIN)));
    expect(d).toMatchObject({ mode: 'fixed', prewarmMs: 0, keepAliveMs: 10 * MIN });
    expect(d.reason).toContain('9 idle times seen, fewer than 10');
  });

  it('when idle times are erratic (spread over the whole range): the histogram is not representative', () => {
    // 200 idle times in 200 distinct bins (97 and 240 are coprime): counts are 200 ones and 40 zeros.
    // mean = 200/240, sample variance = (200 − 200²/240)/239 = 0.13947, CV = 0.3735/0.8333 = 0.448 < 2.
    const s = stateAfter(Array.from({ length: 200 }, (_, i) => (((i * 97) % 240) + 0.5) * MIN));
    expect(binCountCv(s)).toBeCloseTo(0.448, 3);
    const d = decide(s);
    expect(d).toMatchObject({ mode: 'fixed', prewarmMs: 0, keepAliveMs: 10 * MIN });
    expect(d.reason).toContain('CV 0.45 < 2');
  });

  it('the fallback keep-alive is a parameter (20 minutes, as on Azure)', () => {
    expect(decide(stateAfter([], { fallbackKeepAliveMs: 20 * MIN })).keepAliveMs).toBe(20 * MIN);
  });
});

describe('two habits: every 5 or every 60 minutes', () => {
  it('loads at the head of the short one and keeps to the tail of the long one', () => {
    const s = stateAfter(Array.from({ length: 20 }, (_, i) => (i % 2 ? 60.5 : 5.5) * MIN));
    // Two bins of 10: CV = √((200 − 400/240)/239) / (20/240) = 10.93.
    expect(binCountCv(s)).toBeCloseTo(10.93, 2);
    const d = decide(s);
    expect(d.mode).toBe('histogram');
    expect(d.prewarmMs).toBeCloseTo(5 * 0.9 * MIN, 6);
    expect(d.prewarmMs + d.keepAliveMs).toBeCloseTo(61 * 1.1 * MIN, 6);
    const view = histogramView(s);
    expect(view).toMatchObject({ binMs: MIN, headBin: 5, tailBin: 60, inRange: 20, outOfRange: 0 });
    expect(view.counts[5]).toBe(10);
    expect(view.counts[60]).toBe(10);
  });

  it('keeps the sandbox loaded when the head is in the first bin (invoked within the minute)', () => {
    const d = decide(stateAfter(Array.from({ length: 20 }, (_, i) => (i % 4 === 0 ? 2.5 * MIN : 10_000))));
    // 15 of 20 in bin 0, 5 in bin 2: head bin 0, tail bin 2 → keep loaded until 3 min + 10%.
    expect(d.mode).toBe('histogram');
    expect(d.prewarmMs).toBe(0);
    expect(d.keepAliveMs).toBeCloseTo(3.3 * MIN, 6);
  });
});

describe('idle times beyond the 4-hour range', () => {
  it('an idle time of exactly 4 hours is out of range', () => {
    const s = stateAfter([4 * HOUR, 4 * HOUR - 1]);
    expect(s.outOfRange).toBe(1);
    expect(s.bins[239]).toBe(1);
  });

  it('are forecast: load at 85% of the forecast and keep until 115%', () => {
    const d = decide(stateAfter(Array<number>(10).fill(5 * HOUR)));
    expect(d.mode).toBe('forecast');
    expect(d.prewarmMs).toBeCloseTo(4.25 * HOUR, 6);
    expect(d.keepAliveMs).toBeCloseTo(1.5 * HOUR, 6);
  });

  it('the forecast follows the latest idle times (EWMA, α = 0.5)', () => {
    // Ten of 5 h, then one of 7 h: 0.5·7 + 0.5·5 = 6 h.
    const s = stateAfter([...Array<number>(10).fill(5 * HOUR), 7 * HOUR]);
    expect(s.forecastMs).toBe(6 * HOUR);
    expect(decide(s).prewarmMs).toBeCloseTo(0.85 * 6 * HOUR, 6);
  });

  it('is used once half the idle times are out of range', () => {
    const inRange = Array<number>(5).fill(30 * MIN);
    expect(decide(stateAfter([...inRange, ...Array<number>(5).fill(6 * HOUR)])).mode).toBe('forecast');
    expect(decide(stateAfter([...inRange, ...Array<number>(4).fill(6 * HOUR), 30 * MIN])).mode).toBe('histogram');
  });
});

describe('odd inputs', () => {
  it('overlapping invocations count as an idle time of 0; non-finite ones are ignored', () => {
    const s = stateAfter([-500, Number.NaN, Number.POSITIVE_INFINITY]);
    expect(s.bins[0]).toBe(1);
    expect(s.inRange + s.outOfRange).toBe(1);
  });
});

describe('properties', () => {
  const params = fc.record({
    binMs: fc.integer({ min: 1_000, max: 10 * MIN }),
    bins: fc.integer({ min: 1, max: 400 }),
    headPercentile: fc.double({ min: 0, max: 50, noNaN: true }),
    tailPercentile: fc.double({ min: 50, max: 100, noNaN: true }),
    margin: fc.double({ min: 0, max: 0.99, noNaN: true }),
    cvThreshold: fc.double({ min: 0, max: 20, noNaN: true }),
    minSamples: fc.integer({ min: 0, max: 30 }),
    outOfRangeShare: fc.double({ min: 0.01, max: 1, noNaN: true }),
    forecastMargin: fc.double({ min: 0, max: 0.99, noNaN: true }),
    forecastSmoothing: fc.double({ min: 0.01, max: 1, noNaN: true }),
    fallbackKeepAliveMs: fc.integer({ min: 0, max: 24 * HOUR }),
  });
  const idleTimes = fc.array(fc.oneof(fc.double({ min: -HOUR, max: 12 * HOUR, noNaN: true }), fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -Number.MAX_VALUE, Number.MAX_VALUE, 0)), { maxLength: 120 });

  it('decide() never returns a negative, infinite or NaN span, and the state stays JSON data a checkpoint can copy', () => {
    fc.assert(
      fc.property(params, idleTimes, ({ bins, ...p }, idle) => {
        const s = createHybridState({ ...p, rangeMs: bins * p.binMs });
        const copies: string[] = [];
        for (const t of idle) {
          observeIdle(s, t);
          const d = decide(s);
          for (const v of [d.prewarmMs, d.keepAliveMs]) {
            expect(Number.isFinite(v)).toBe(true);
            expect(v).toBeGreaterThanOrEqual(0);
          }
          expect(['histogram', 'fixed', 'forecast']).toContain(d.mode);
          copies.push(JSON.stringify(s));
        }
        // A JSON copy decides as the original does, and later observations do not reach it.
        const back = JSON.parse(JSON.stringify(s)) as HybridState;
        expect(back).toEqual(s);
        expect(decide(back)).toEqual(decide(s));
        if (copies.length > 0) {
          const early = JSON.parse(copies[0]!) as HybridState;
          const before = JSON.stringify(early);
          observeIdle(s, 1000);
          expect(JSON.stringify(early)).toBe(before);
        }
      }),
      { numRuns: 200 },
    );
  });
});
