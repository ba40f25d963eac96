import { describe, expect, it } from 'vitest';
import { checkScenario } from '../sim/scenario';
import { joinTrace, parseDurations, parseInvocations, parseMemory } from './azure';
import { durationsFile, durationsRow, HEADER, invocationRow } from './fixtures';
import { toScenario } from './toScenario';

const owner1 = '1'.repeat(64);
const owner2 = '2'.repeat(64);
const appA = 'aaaaaaaa' + '0'.repeat(56);
const appB = 'bbbbbbbb' + '0'.repeat(56);

/** Three functions of two owners: 10, 3 and 1 invocations; the first two in app A. */
function trace() {
  const inv = parseInvocations(
    [
      HEADER,
      invocationRow(owner1, appA, 'f'.repeat(8) + '1', 'http', { 1: 4, 2: 6 }),
      invocationRow(owner1, appA, 'f'.repeat(8) + '2', 'http', { 30: 3 }),
      invocationRow(owner2, appB, 'e'.repeat(9), 'timer', { 60: 1 }),
      invocationRow(owner2, appB, 'never', 'http', {}),
    ].join('\n'),
  );
  const durations = parseDurations(durationsFile([durationsRow(owner1, appA, 'f'.repeat(8) + '1', [1, 2, 10, 20, 30, 90, 4000])]));
  const memory = parseMemory(`HashOwner,HashApp,SampleCount,AverageAllocatedMb\n${owner1},${appA},1,60.2\n${owner2},${appB},1,20000\n`);
  joinTrace(inv, durations, memory);
  return inv;
}

describe('a trace as a FaaScope scenario', () => {
  it('is a valid scenario: one account per owner, per-minute workloads, empirical durations, clamped memory', () => {
    const { scenario, notes } = toScenario(trace());
    const checked = checkScenario(scenario);
    expect(checked.ok).toBe(true);
    expect(scenario.durationMs).toBe(1440 * 60_000);
    expect(scenario.accounts).toEqual([{ id: 'owner-11111111' }, { id: 'owner-22222222' }]);
    const [http, http2, timer] = scenario.functions;
    // The most invoked first; names from trigger, app and function hashes, made unique.
    expect(scenario.functions.map((f) => f.name)).toEqual(['http-aaaaaaaa-ffffffff', 'http-aaaaaaaa-ffffffff-2', 'timer-bbbbbbbb-eeeeeeee']);
    expect(http!.workload).toEqual({ type: 'perMinute', counts: expect.any(Array) as number[] });
    const counts = (http!.workload as { counts: number[] }).counts;
    expect(counts).toHaveLength(1440);
    expect(counts.slice(0, 3)).toEqual([4, 6, 0]);
    expect(http!.durationMs).toEqual({ dist: 'empirical', percentiles: { p0: 1, p1: 2, p25: 10, p50: 20, p75: 30, p99: 90, p100: 4000 } });
    // Above the longest duration (4 s), so replay times nothing out.
    expect(http!.timeoutMs).toBe(4001);
    // 60.2 MB → 128 MB, 20,000 MB → 10,240 MB.
    expect([http!.memoryMb, http2!.memoryMb, timer!.memoryMb]).toEqual([128, 128, 10240]);
    // HTTP callers wait; a timer's events are queued and retried.
    expect([http!.invocation, http2!.invocation, timer!.invocation]).toEqual(['sync', 'sync', 'async']);
    expect(http2!.durationMs).toEqual({ dist: 'lognormal', medianMs: 1000, sigma: 1 });
    expect(notes.map((n) => n.text)).toEqual([
      '1 function not invoked in minutes 1..1440 left out.',
      '2 functions have no durations row: a lognormal of median 1 s is used.',
      '3 memory sizes brought into 128..10240 MB.',
    ]);
  });

  it('keeps the top N functions by invocations', () => {
    const { scenario, notes } = toScenario(trace(), { top: 2 });
    expect(scenario.functions.map((f) => f.name)).toEqual(['http-aaaaaaaa-ffffffff', 'http-aaaaaaaa-ffffffff-2']);
    expect(scenario.accounts).toEqual([{ id: 'owner-11111111' }]);
    expect(notes.map((n) => n.text)).toContain('The 2 most invoked of 3 functions kept.');
    expect(checkScenario(scenario).ok).toBe(true);
  });

  it('replays a span of the day, ranking functions by their invocations in it', () => {
    // Minutes 2..30 (1-based): the first function has 6, the second 3, the timer none.
    const { scenario } = toScenario(trace(), { fromMinute: 1, toMinute: 30 });
    expect(scenario.durationMs).toBe(29 * 60_000);
    expect(scenario.functions.map((f) => (f.workload as { counts: number[] }).counts.reduce((a, b) => a + b))).toEqual([6, 3]);
    expect(checkScenario(scenario).ok).toBe(true);
  });

  it('caps the number of functions', () => {
    expect(toScenario(trace(), { maxFunctions: 1 }).scenario.functions).toHaveLength(1);
  });
});
