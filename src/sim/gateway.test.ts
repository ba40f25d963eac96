import { describe, expect, it } from 'vitest';
import { fn, instantPlatform, peakConcurrency, requestTransitions, runTraced, scenario, timeToEnd } from './testkit';

/**
 * An API gateway in front of a synchronous function throttles with a token bucket: it holds
 * up to `burst` tokens and starts full; it gains `ratePerSec` tokens a second; each call
 * takes one, and a call that finds less than one gets HTTP 429 at the gateway, before the
 * platform (so before the counting service and its concurrency limits).
 */

/** A call every 50 ms (20/s) through a gateway of 10 tokens/s, 5 deep. */
const throughGateway = (overrides: Parameters<typeof fn>[0] = {}, durationMs = 10_000) =>
  runTraced(
    scenario({
      durationMs,
      platform: instantPlatform,
      functions: [fn({ initMs: { dist: 'constant', ms: 0 }, gateway: { ratePerSec: 10, burst: 5 }, workload: { type: 'periodic', everyMs: 50 }, ...overrides })],
    }),
  );

/** Arrival index (0, 1, ...) of each call that passed the gateway, for calls every `everyMs` from `offsetMs`. */
function passedIndices(trace: ReturnType<typeof throughGateway>['trace'], everyMs: number, offsetMs = 0): number[] {
  const arrived = new Map(requestTransitions(trace).filter((t) => t.from === null).map((t) => [t.id, t.t]));
  return requestTransitions(trace, 'atLoadBalancer').map((t) => (arrived.get(t.id)! - offsetMs) / everyMs);
}

describe('the API gateway token bucket', () => {
  it('lets the burst through, then the steady rate: 20 calls/s against 10/s and a burst of 5, over 10 s', () => {
    // The bucket gains half a token between calls. Before call k (while all pass) it holds
    // 5 − k/2 tokens: calls 0 to 8 pass (call 8 finds exactly 1), call 9 finds half a token
    // and is refused, call 10 finds one again: from there every other call passes.
    // 9 + the even k of 10..198 (95) = 104 pass, which is 5 + 10/s × 9.95 s rounded down; 96 are refused.
    const { report, trace } = throughGateway();
    expect(report.requests.total).toBe(200);
    expect(report.requests.gatewayThrottled).toBe(96);
    expect(report.requests.completed).toBe(104);
    expect(report.requests.throttled).toBe(0);
    const expected = [...Array.from({ length: 9 }, (_, k) => k), ...Array.from({ length: 95 }, (_, i) => 10 + 2 * i)];
    expect(passedIndices(trace, 50)).toEqual(expected);
  });

  it('never holds more than the burst: after 5 quiet seconds the same calls pass as from a full bucket', () => {
    // Uncapped, 5 s at 10/s would add 50 tokens and let 55 calls pass in a row.
    const { report, trace } = throughGateway({ workload: { type: 'periodic', everyMs: 50, offsetMs: 5_000 } }, 15_000);
    expect(report.requests.gatewayThrottled).toBe(96);
    expect(passedIndices(trace, 50, 5_000).slice(0, 11)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 12]);
  });

  it('with a steady rate of 0, exactly the burst gets through', () => {
    const { report } = throughGateway({ gateway: { ratePerSec: 0, burst: 3 } });
    expect(report.requests).toMatchObject({ total: 200, completed: 3, gatewayThrottled: 197 });
  });

  it('a call refused at the gateway gets its 429 after the gateway hop, and the platform never sees it', () => {
    const gatewayMs = 13;
    const { report, trace } = runTraced(
      scenario({
        durationMs: 10_000,
        platform: { ...instantPlatform, hopsMs: { ...instantPlatform.hopsMs, gateway: gatewayMs, loadBalancer: 2, frontend: 3 } },
        functions: [fn({ initMs: { dist: 'constant', ms: 0 }, durationMs: { dist: 'constant', ms: 10 }, gateway: { ratePerSec: 0, burst: 1 }, workload: { type: 'periodic', everyMs: 1000 } })],
      }),
    );
    const ends = [...timeToEnd(trace).entries()];
    // The first call passes: gateway, load balancer, frontend, then 10 ms in the handler.
    expect(ends[0]![1]).toEqual({ outcome: 'responded', ms: gatewayMs + 2 + 3 + 10 });
    for (const [, e] of ends.slice(1)) expect(e).toEqual({ outcome: 'throttledAtGateway', ms: gatewayMs });
    for (const t of requestTransitions(trace, 'throttledAtGateway')) expect(t.from).toBe('atGateway');
    expect(report.requests.gatewayThrottled).toBe(9);
    // Not billed: only the call that ran is.
    expect(report.cost.requestsUsd).toBeCloseTo(0.2 / 1e6, 18);
  });

  it("keeps the function's concurrency out of it: the counting service sees only the calls that passed", () => {
    // 1 s handlers under a reserved concurrency of 3: the counting service throttles some of
    // the 104 calls the gateway lets through, and never counts the 96 it refused.
    const { report, trace } = throughGateway({ reservedConcurrency: 3, durationMs: { dist: 'constant', ms: 1000 } });
    expect(report.requests.gatewayThrottled).toBe(96);
    expect(new Set(requestTransitions(trace, 'counting').map((t) => t.id)).size).toBe(104);
    expect(report.requests.throttled).toBeGreaterThan(0);
    expect(report.requests.throttled + report.requests.completed + report.requests.timedOut + report.requests.failed).toBeLessThanOrEqual(104);
    expect(peakConcurrency(trace, () => true)).toBe(3);
    const refused = new Set(requestTransitions(trace, 'throttledAtGateway').map((t) => t.id));
    for (const t of requestTransitions(trace)) if (refused.has(t.id)) expect(['atGateway', 'throttledAtGateway']).toContain(t.to);
  });

  it('each function has its own bucket: a flood on one route does not throttle another', () => {
    const { report } = runTraced(
      scenario({
        durationMs: 10_000,
        platform: instantPlatform,
        functions: [
          fn({ name: 'flooded', gateway: { ratePerSec: 10, burst: 5 }, workload: { type: 'periodic', everyMs: 10 } }),
          fn({ name: 'quiet', gateway: { ratePerSec: 10, burst: 5 }, workload: { type: 'periodic', everyMs: 200 } }),
        ],
      }),
    );
    expect(report.perFunction.flooded!.requests.gatewayThrottled).toBeGreaterThan(800);
    expect(report.perFunction.quiet!.requests.gatewayThrottled).toBe(0);
  });

  it('without a gateway, a call goes straight to the load balancer, as before', () => {
    const { trace } = runTraced(scenario({ durationMs: 5_000, platform: instantPlatform, functions: [fn({ workload: { type: 'periodic', everyMs: 1000 } })] }));
    const created = requestTransitions(trace).filter((t) => t.from === null);
    expect(created.map((t) => t.to)).toEqual(Array(5).fill('atLoadBalancer'));
    expect(requestTransitions(trace, 'atGateway')).toHaveLength(0);
  });
});
