import { describe, expect, it } from 'vitest';
import { presets } from '../lessons/presets';
import { buildFrame } from '../worker/frameBuilder';
import { History } from './history';
import { parseScenario } from './scenario';

const scenario = (id: string) => parseScenario(presets.find((p) => p.id === id)!.scenario);
const frameAt = (h: History) => ({ ...buildFrame(h, 0), seq: 0 });

describe('rewind', () => {
  it('seeking back then forward reproduces the same frame', () => {
    const s = scenario('two-accounts-account-vm');
    const straight = new History(s);
    straight.advanceTo(200_000);
    const expected = frameAt(straight);

    const scrubbed = new History(s);
    scrubbed.advanceTo(250_000);
    scrubbed.seek(37_000);
    scrubbed.seek(200_000);
    expect(frameAt(scrubbed)).toEqual(expected);
  });

  it('seeking back restores the exact earlier state, not an approximation', () => {
    const s = scenario('burst');
    const h = new History(s);
    h.advanceTo(41_234.5);
    const at = frameAt(h);
    h.advanceTo(90_000);
    expect(frameAt(h).summary.requests).toBeGreaterThan(at.summary.requests);
    h.seek(41_234.5);
    expect(frameAt(h)).toEqual(at);
    // The final report is the same as a straight run's, whatever the scrubbing before.
    h.seek(s.durationMs);
    const straight = new History(s);
    straight.advanceTo(s.durationMs);
    expect(h.sim.report()).toEqual(straight.sim.report());
  });

  it('restores the gateway buckets, the failure draws and the provisioned charge too', () => {
    const s = parseScenario({
      version: 1,
      seed: 5,
      durationMs: 400_000,
      platform: { async: { errorRetryBaseMs: 20_000 } },
      accounts: [{ id: 'acme' }],
      functions: [
        { name: 'api', account: 'acme', memoryMb: 512, provisionedConcurrency: 2, failureRate: 0.2, gateway: { ratePerSec: 3, burst: 4 }, durationMs: { dist: 'exponential', meanMs: 300 }, workload: { type: 'poisson', ratePerSec: 5 } },
        { name: 'jobs', account: 'acme', memoryMb: 256, invocation: 'async', failureRate: 0.6, durationMs: { dist: 'constant', ms: 200 }, workload: { type: 'periodic', everyMs: 3000 } },
      ],
    });
    const straight = new History(s);
    straight.advanceTo(300_000);
    const expected = frameAt(straight);
    expect(expected.summary.gatewayThrottled).toBeGreaterThan(0);
    expect(expected.summary.deadLettered).toBeGreaterThan(0);
    expect(expected.series.series.provisionedUsd.some((v) => v > 0)).toBe(true);
    const scrubbed = new History(s);
    scrubbed.advanceTo(350_000);
    scrubbed.seek(123_456);
    scrubbed.seek(300_000);
    expect(frameAt(scrubbed)).toEqual(expected);
    straight.advanceTo(s.durationMs);
    scrubbed.seek(s.durationMs);
    expect(scrubbed.sim.report()).toEqual(straight.sim.report());
    // The live cost in the summary is the report's, provisioned charge included.
    const report = straight.sim.report();
    expect(frameAt(straight).summary.costUsd).toBeCloseTo(report.cost.totalUsd, 12);
    expect(report.cost.provisionedUsd).toBeGreaterThan(0);
  });

  it('step forward then step back returns to the same instant and state', () => {
    const h = new History(scenario('one-cold-start'));
    h.advanceTo(1_005);
    const before = frameAt(h);
    h.stepForward();
    expect(h.now).toBeGreaterThan(1_005);
    h.stepBack();
    // Back to the last instant at which something happened at or before 1,005 ms.
    expect(h.now).toBeLessThanOrEqual(1_005);
    const back = frameAt(h);
    expect(back.requests).toEqual(before.requests);
    expect(back.sandboxes).toEqual(before.sandboxes);
  });

  it('stepping walks a cold start through every phase of init, in order', () => {
    const h = new History(scenario('one-cold-start'));
    const seen: string[] = [];
    while (h.stepForward()) {
      const sb = buildFrame(h, 0).sandboxes[0];
      if (sb && seen[seen.length - 1] !== sb.state) seen.push(sb.state);
      if (sb?.state === 'idle') break;
    }
    expect(seen).toEqual(['placing', 'initializing.fetchingCode', 'initializing.startingSandbox', 'initializing.bootingRuntime', 'initializing.runningInit', 'invoking', 'idle']);
  });

  it('an advance with an event budget stops early and resumes to the same result', () => {
    const s = scenario('burst');
    const budgeted = new History(s);
    while (budgeted.now < 60_000) budgeted.advanceTo(60_000, 500);
    const straight = new History(s);
    straight.advanceTo(60_000);
    expect(frameAt(budgeted)).toEqual(frameAt(straight));
  });
});
