import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkScenario } from '../sim/scenario';
import { joinTrace, parseDurations, parseInvocations, parseMemory, perMinute } from './azure';
import { generateSampleTrace, SAMPLE_FILES, SAMPLE_SEED } from './synthetic';
import { toScenario } from './toScenario';

/** The sample shipped in public/traces/azure-sample/, as the app would fetch it. */
const dir = fileURLToPath(new URL('../../public/traces/azure-sample/', import.meta.url));
const shipped = {
  invocations: readFileSync(join(dir, SAMPLE_FILES.invocations), 'utf8'),
  durations: readFileSync(join(dir, SAMPLE_FILES.durations), 'utf8'),
  memory: readFileSync(join(dir, SAMPLE_FILES.memory), 'utf8'),
};

function parsedSample() {
  const inv = parseInvocations(shipped.invocations);
  const durations = parseDurations(shipped.durations);
  const memory = parseMemory(shipped.memory);
  const summary = joinTrace(inv, durations, memory);
  return { inv, durations, memory, summary };
}

describe('the synthetic sample trace', () => {
  it('is what the documented script generates from its seed, and says it is synthetic', () => {
    expect(generateSampleTrace(SAMPLE_SEED)).toEqual(shipped);
    expect(readFileSync(join(dir, 'README.md'), 'utf8').split('\n')[0]).toContain('SYNTHETIC');
  });

  it('parses without a problem, every function with its durations and its app’s memory', () => {
    const { inv, durations, memory, summary } = parsedSample();
    expect([...inv.problems, ...durations.problems, ...memory.problems]).toEqual([]);
    expect(inv.minutesPerDay).toBe(1440);
    expect(summary.functions).toBeGreaterThanOrEqual(150);
    expect(summary.functions).toBeLessThanOrEqual(250);
    expect(summary).toMatchObject({ withDurations: summary.functions, withMemory: summary.functions, unmatchedDurationRows: 0, unmatchedMemoryRows: 0 });
    expect(shipped.invocations.length).toBeLessThan(1024 * 1024);
  });

  it('has the paper’s spread: about 45% of apps invoked at most once an hour, 81% at most once a minute', () => {
    const perApp = new Map<string, number>();
    for (const f of parsedSample().inv.functions) perApp.set(`${f.owner}/${f.app}`, (perApp.get(`${f.owner}/${f.app}`) ?? 0) + f.total);
    const totals = [...perApp.values()].sort((a, b) => a - b);
    const share = (atMost: number) => totals.filter((t) => t <= atMost).length / totals.length;
    // Once an hour on average over a day: at most 24 invocations; once a minute: at most 1,440.
    expect(Math.abs(share(24) - 0.45)).toBeLessThanOrEqual(0.03);
    expect(Math.abs(share(1440) - 0.81)).toBeLessThanOrEqual(0.03);
    // A few apps very often: the busiest is invoked over a thousand times as often as the median one.
    expect(totals[totals.length - 1]!).toBeGreaterThan(1000 * totals[Math.floor(totals.length / 2)]!);
  });

  it('has periodic timers and bursty HTTP functions', () => {
    const fns = parsedSample().inv.functions;
    const timers = fns.filter((f) => f.trigger === 'timer');
    expect(timers.length).toBeGreaterThan(10);
    for (const t of timers) {
      // The same gap between every two firing minutes, the same count each time.
      const gaps = new Set(t.minutes.slice(1).map((m, i) => m - t.minutes[i]!));
      expect(gaps.size).toBeLessThanOrEqual(1);
      expect(new Set(t.counts).size).toBe(1);
    }
    // Per-minute counts of a Poisson stream have variance ≈ mean; bursts make it far larger.
    const busyHttp = fns.filter((f) => f.trigger === 'http' && f.total >= 1440);
    expect(busyHttp.length).toBeGreaterThan(3);
    for (const f of busyHttp) {
      const counts = perMinute(f, 1440);
      const mean = f.total / 1440;
      const variance = counts.reduce((a, c) => a + (c - mean) ** 2, 0) / 1439;
      expect(variance / mean).toBeGreaterThan(2);
    }
  });

  it('turns into a valid scenario of its 20 busiest functions', () => {
    const { inv } = parsedSample();
    const { scenario } = toScenario(inv, { top: 20 });
    expect(scenario.functions).toHaveLength(20);
    expect(checkScenario(scenario).ok).toBe(true);
  });
});
