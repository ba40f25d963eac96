import { REQUEST, SANDBOX } from '../sim/engine';
import type { History } from '../sim/history';
import { sourceOf, triggerOf } from '../sim/triggers';
import type { Scenario } from '../sim/scenario';
import { MAX_REQUESTS_IN_FRAME, type Frame, type FunctionView, type RequestView } from './frame';
import { GUEST_OS_FIELDS, packGuestOs, packPoolSandbox, packSandbox, SANDBOX_FIELDS, unpackFrame, type WireFrame } from './frameCodec';

interface ScenarioViews {
  functions: FunctionView[];
  warmPool: Frame['warmPool'];
}

const viewsByScenario = new WeakMap<Scenario, ScenarioViews>();

/** The functions and the warm pool as the views see them: fixed for a scenario, so made once per scenario, not per frame. */
function scenarioViews(s: Scenario): ScenarioViews {
  let views = viewsByScenario.get(s);
  if (!views) {
    const pool = s.platform.warmPool;
    const functions = s.functions.map((f, index) => ({
      index,
      name: f.name,
      account: f.account,
      memoryMb: f.memoryMb,
      timeoutMs: f.timeoutMs,
      trigger: triggerOf(f),
      source: sourceOf(f),
      resourcePolicy: f.resourcePolicy ?? null,
      role: f.role ?? null,
      snapStart: f.snapStart ?? false,
    }));
    views = { functions, warmPool: pool && pool.size > 0 ? { size: pool.size, sandboxMb: pool.sandboxMb } : null };
    viewsByScenario.set(s, views);
  }
  return views;
}

const orNull = (v: number) => (v < 0 ? null : v);

/** The frame for the history's current instant: everything a view needs, as plain data. */
export function buildFrame(history: History, seq: number): Frame {
  return unpackFrame(buildWireFrame(history, seq));
}

/** The same frame as the worker posts it: sandboxes and guest OSes packed in transferable columns. */
export function buildWireFrame(history: History, seq: number): WireFrame {
  const sim = history.sim;
  const s = history.scenario;
  const sandboxCounts: Record<string, number> = Object.fromEntries(SANDBOX.states.map((st) => [st, 0]));
  const requestCounts: Record<string, number> = Object.fromEntries(REQUEST.states.map((st) => [st, 0]));
  const summarySandboxes = { initializing: 0, idle: 0, busy: 0, shuttingDown: 0 };

  // Function sandboxes, then the warm pool's generic ones as the last rows (see WireFrame).
  const pool = sim.poolSandboxes();
  const sandboxes = new Float64Array((sim.sandboxes.size + pool.length) * SANDBOX_FIELDS);
  let n = 0;
  for (const sb of sim.sandboxes.values()) {
    const state = SANDBOX.states[sb.state]!;
    sandboxCounts[state]!++;
    if (state === 'idle') summarySandboxes.idle++;
    else if (state === 'invoking') summarySandboxes.busy++;
    else if (state === 'shuttingDown') summarySandboxes.shuttingDown++;
    else summarySandboxes.initializing++;
    packSandbox(sandboxes, n++, sb);
  }
  for (const p of pool) packPoolSandbox(sandboxes, n++, p, sim.now);

  const requests: RequestView[] = [];
  let inFlight = 0;
  for (const rq of sim.requests.values()) {
    inFlight++;
    requestCounts[REQUEST.states[rq.state]!]!++;
  }
  // Map iteration is in insertion (arrival) order: keep the most recent ones.
  let skip = Math.max(0, inFlight - MAX_REQUESTS_IN_FRAME);
  for (const rq of sim.requests.values()) {
    if (skip > 0) {
      skip--;
      continue;
    }
    requests.push({
      id: rq.id,
      fn: rq.fn,
      state: REQUEST.states[rq.state]!,
      stateSince: rq.stateSince,
      stateEndsAt: orNull(rq.stateEndsAt),
      arrivedAt: rq.arrivedAt,
      sandbox: orNull(rq.sandbox),
      cold: rq.cold,
      attempts: rq.attempts,
      via: rq.via,
      caller: rq.caller,
      depth: rq.depth,
      waitingFor: orNull(rq.waitingFor),
      deniedBy: rq.deniedBy,
    });
  }
  const m = sim.meters;
  const total = (k: 'requests' | 'completed' | 'cold' | 'warm' | 'throttled' | 'timedOut' | 'failed' | 'gatewayThrottled' | 'deadLettered' | 'created' | 'denied' | 'loopsStopped' | 'roleDenied') =>
    m.fns.reduce((acc, f) => acc + f[k], 0);
  // Final states hold no live entity: their count is how many have ended there so far.
  requestCounts.responded = total('completed');
  requestCounts.throttled = total('throttled');
  requestCounts.timedOut = total('timedOut');
  requestCounts.failed = total('failed');
  requestCounts.throttledAtGateway = total('gatewayThrottled');
  requestCounts.deadLettered = total('deadLettered');
  requestCounts.denied = total('denied');
  sandboxCounts.gone = total('created') - sim.sandboxes.size;
  const series = m.timeline!.seriesAt(sim.now);
  let costUsd = 0;
  let idleGbSeconds = 0;
  for (let i = 0; i < series.filled; i++) {
    costUsd += series.series.costUsd[i]!;
    idleGbSeconds += series.series.idleGbSeconds[i]!;
  }
  const guestOses = new Float64Array(sim.guestOses.size * GUEST_OS_FIELDS);
  n = 0;
  for (const g of sim.guestOses.values()) packGuestOs(guestOses, n++, g);
  const ka = s.platform.keepAlive;
  const views = scenarioViews(s);
  return {
    seq,
    t: sim.now,
    durationMs: s.durationMs,
    done: history.done,
    scenarioName: s.name,
    functions: views.functions,
    accounts: s.accounts.map((a) => a.id),
    isolation: s.platform.isolation,
    hosts: sim.hosts.map((h) => ({ id: h.id, memoryMb: h.memoryMb, usedMb: h.usedMb })),
    packed: { sandboxes, poolSandboxes: pool.length, guestOses, sandboxStates: [...SANDBOX.states] },
    warmPool: views.warmPool,
    requests,
    requestsNotShown: inFlight - requests.length,
    recentlyEnded: sim.recentlyEnded.map((e) => ({ ...e, sandbox: orNull(e.sandbox) })),
    counts: { sandbox: sandboxCounts, request: requestCounts },
    summary: {
      requests: total('requests'),
      completed: total('completed'),
      cold: total('cold'),
      warm: total('warm'),
      throttled: total('throttled'),
      timedOut: total('timedOut'),
      failed: total('failed'),
      gatewayThrottled: total('gatewayThrottled'),
      deadLettered: total('deadLettered'),
      denied: total('denied'),
      loopsStopped: total('loopsStopped'),
      roleDenied: total('roleDenied'),
      inFlight,
      sandboxes: summarySandboxes,
      costUsd,
      idleGbSeconds,
    },
    series,
    keepAlivePolicy: ka.policy,
    // Hybrid: no one span (each idle sandbox's reclaimAt is the engine's own timer).
    keepAliveMs: ka.policy === 'fixed' ? ka.idleMs : ka.policy === 'hybrid' ? null : 0,
  };
}
