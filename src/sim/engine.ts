import { compileMachine, type CompiledMachine } from '../machines/compile';
import { requestEventTypes, requestPath, type RequestEventType } from '../machines/requestPath';
import { sandboxEventTypes, sandboxLifecycle, type SandboxEventType } from '../machines/sandboxLifecycle';
import { durationAtMemory } from './cpuScaling';
import { sample } from './distributions';
import { EventKind, EventQueue, type SimEvent } from './eventQueue';
import { Category, Meters, type MetersState, type Outcome, type RunReport } from './meters';
import { InvariantError, type EndedRequest, type GuestOs, type Host, type Request, type Sandbox, type StartKind } from './model';
import { placeSandbox } from './placement';
import { createHybridState, decide, histogramView, observeIdle, type HybridDecision, type HybridHistogramView, type HybridParams, type HybridState } from './policies/hybridHistogram';
import { provisionedAtStart, provisionedStepAt, provisionedStepCount } from './provisioning';
import { Rng } from './rng';
import type { Scenario } from './scenario';
import { copyWarmPool, newWarmPool, poolSandboxMb, startPoolSandbox, takeReadyPoolSandbox, type WarmPoolState } from './warmPool';
import { newCursor, nextArrival, type ArrivalCursor } from './workloads';
import { figures } from './figures';
import { callPrincipal, callResource, isAsyncTrigger, triggerOf, workloadPrincipal, type CallMode } from './triggers';

// The statecharts, compiled once per process (see compile.ts for why a table).
export const SANDBOX = compileMachine<SandboxEventType>(sandboxLifecycle, sandboxEventTypes);
export const REQUEST = compileMachine<RequestEventType>(requestPath, requestEventTypes);

const sbEvent = (t: SandboxEventType) => SANDBOX.eventIndex(t);
const rqEvent = (t: RequestEventType) => REQUEST.eventIndex(t);
const SB_IDLE = SANDBOX.stateIndex('idle');

/** The kind of ending each final request state counts as for the views (see EndedRequest). */
const OUTCOME_KIND: Record<Outcome, EndedRequest['outcome']> = {
  responded: 'responded',
  throttled: 'throttled',
  timedOut: 'timedOut',
  failed: 'failed',
  throttledAtGateway: 'throttled',
  deadLettered: 'failed',
  denied: 'failed',
};

/** HandlerEnd's code for "the caller's timeout, if it is still waiting for a synchronous call". */
const CALL_DEADLINE = 1;

/** Who may call a function and what it may reach, resolved once from the scenario (null: no restriction). */
interface Permissions {
  /** The principal of its workload's calls. */
  principal: string;
  via: string;
  async: boolean;
  policy: ReadonlySet<string> | null;
  role: ReadonlySet<string> | null;
}

/** What a sandbox state counts as in the meters. */
const SANDBOX_CATEGORY: Category[] = SANDBOX.states.map((s) =>
  s === 'idle' ? Category.Idle : s === 'invoking' ? Category.Busy : s === 'shuttingDown' ? Category.ShuttingDown : s === 'gone' ? Category.None : Category.Initializing,
);

/** One state change of a sandbox or a request: what the trace file and the animation show. */
export interface Transition {
  t: number;
  kind: 'sandbox' | 'request';
  id: number;
  /**
   * null when the entity is created. A request is created in the request chart's initial
   * choice, `arriving`, which takes no time: its first transition is shown as the creation.
   */
  from: string | null;
  to: string;
  fn: string;
  account: string;
  host?: number;
  guestOs?: number;
  sandbox?: number;
}

export interface SimulationOptions {
  /** Called for every state transition, in time order. Leave out for speed. */
  onTransition?: (t: Transition) => void;
  /** Record the run as time series for the charts (the live app does; the CLI need not). */
  timeline?: boolean;
}

/** Requests kept after they end, for the animation of their exit. */
const RECENTLY_ENDED = 64;

/** Everything a run's future depends on, as plain data: restoring it and running on gives the same run. */
export interface SimCheckpoint {
  now: number;
  queue: ReturnType<EventQueue['save']>;
  hosts: Host[];
  guestOses: Map<number, GuestOs>;
  sandboxes: Map<number, Sandbox>;
  requests: Map<number, Request>;
  fns: (Omit<FunctionRuntime, 'arrivals' | 'service' | 'failures'> & { arrivals: readonly number[]; service: readonly number[]; failures: readonly number[] })[];
  accounts: AccountRuntime[];
  nextId: { sandbox: number; guestOs: number; request: number };
  warmPool: WarmPoolState;
  endedRequests: number;
  recentlyEnded: EndedRequest[];
  meters: MetersState;
}

interface FunctionRuntime {
  account: number;
  /** Idle sandboxes, most recently used last: the worker manager reuses from the top. */
  idle: number[];
  /** Admitted requests not yet ended: the function's concurrency. */
  inflight: number;
  reserved: number | undefined;
  cursor: ArrivalCursor;
  arrivals: Rng;
  service: Rng;
  /** Function errors: a stream of its own, so that runs without failures draw exactly as before. */
  failures: Rng;
  /** The API gateway's token bucket, in thousandths of a token (exact for whole rates and times). */
  gatewayMilliTokens: number;
  /** When the bucket was last refilled. */
  gatewayRefilledAt: number;
  /** When a handler of this function last ended (-1: never): where its idle time starts. */
  lastEndAt: number;
  /** What the hybrid keep-alive policy has learnt of this function; null under other policies. */
  hybrid: HybridState | null;
  /** The policy's decision after the last invocation; null when an invocation has come since. */
  decision: HybridDecision | null;
  /** Bumped by every pre-warm planned or cancelled: a Prewarm event carrying an older value is stale. */
  prewarmGen: number;
  /** When the planned pre-warm loads a sandbox (-1: none planned), and how long it keeps it loaded. */
  prewarmAt: number;
  prewarmKeepMs: number;
  /** Provisioned concurrency wanted now, and the provisioned sandboxes counting towards it. */
  provisionedTarget: number;
  provisionedKept: number;
}

/** What the keep-alive policy is doing for one function, for the views (see Simulation.keepAliveView). */
export interface KeepAliveView {
  policy: 'none' | 'fixed' | 'hybrid';
  /** Hybrid only: the idle-time histogram and where the percentiles fall. */
  histogram?: HybridHistogramView;
  /** Hybrid only: the spans applied after the last invocation, and why (null before any). */
  decision?: HybridDecision | null;
  /** Hybrid only: when the planned pre-warm will load a sandbox, or null. */
  prewarmAt?: number | null;
}

interface AccountRuntime {
  /** In-flight requests of functions without reserved concurrency. */
  unreservedInflight: number;
  /** Concurrency left to functions without a reservation. */
  unreservedLimit: number;
}

/**
 * The discrete-event simulation of a serverless platform. Pure: no DOM, timers, wall clock or
 * global randomness, so the same run happens in the Web Worker, in unit tests and in the CLI.
 *
 * Every step is a transition of the sandbox lifecycle or the request path statechart; the
 * engine decides data-dependent guards (warm sandbox or not, over the limit or not) and sends
 * them as distinct events, then runs the named actions the chart returns.
 */
export class Simulation {
  now = 0;
  queue = new EventQueue();
  hosts: Host[];
  guestOses = new Map<number, GuestOs>();
  sandboxes = new Map<number, Sandbox>();
  requests = new Map<number, Request>();
  /** The last requests to end, oldest first (at most RECENTLY_ENDED). */
  recentlyEnded: EndedRequest[] = [];
  readonly meters: Meters;
  private fns: FunctionRuntime[];
  private accounts: AccountRuntime[];
  private nextId = { sandbox: 0, guestOs: 0, request: 0 };
  /** Generic sandboxes started ahead of demand (empty without platform.warmPool). */
  private warmPool = newWarmPool();
  private endedRequests = 0;
  private eventCount = 0;
  private readonly onTransition: ((t: Transition) => void) | undefined;
  private readonly sandboxActions: ((sb: Sandbox) => void)[];
  private readonly requestActions: ((rq: Request) => void)[];
  private readonly permissions: Permissions[];
  private readonly fnIndex: ReadonlyMap<string, number>;

  constructor(
    readonly scenario: Scenario,
    options: SimulationOptions = {},
  ) {
    this.onTransition = options.onTransition;
    const p = scenario.platform;
    this.hosts = Array.from({ length: p.hosts }, (_, id) => ({ id, memoryMb: p.hostMemoryMb, usedMb: 0, sandboxesByFn: {}, guestOses: [] }));
    const accountIndex = new Map(scenario.accounts.map((a, i) => [a.id, i]));
    this.accounts = scenario.accounts.map((a) => {
      const reserved = scenario.functions.filter((f) => f.account === a.id).reduce((s, f) => s + (f.reservedConcurrency ?? 0), 0);
      return { unreservedInflight: 0, unreservedLimit: p.limits.accountConcurrency - reserved };
    });
    const ka = p.keepAlive;
    this.fns = scenario.functions.map((f, i) => ({
      account: accountIndex.get(f.account)!,
      idle: [],
      inflight: 0,
      reserved: f.reservedConcurrency,
      cursor: newCursor(),
      arrivals: Rng.stream(scenario.seed, i, 0),
      service: Rng.stream(scenario.seed, i, 1),
      failures: Rng.stream(scenario.seed, i, 2),
      // The bucket starts full.
      gatewayMilliTokens: (f.gateway?.burst ?? 0) * 1000,
      gatewayRefilledAt: 0,
      lastEndAt: -1,
      hybrid: ka.policy === 'hybrid' ? createHybridState(hybridParams(ka)) : null,
      decision: null,
      prewarmGen: 0,
      prewarmAt: -1,
      prewarmKeepMs: 0,
      provisionedTarget: 0,
      provisionedKept: 0,
    }));
    this.meters = new Meters(scenario, options.timeline ?? false);
    this.fnIndex = new Map(scenario.functions.map((f, i) => [f.name, i]));
    this.permissions = scenario.functions.map((f) => {
      const trigger = triggerOf(f);
      return {
        principal: workloadPrincipal(f),
        via: trigger,
        async: f.trigger ? isAsyncTrigger(trigger) : f.invocation === 'async',
        policy: f.resourcePolicy ? new Set(f.resourcePolicy) : null,
        role: f.role ? new Set(f.role) : null,
      };
    });
    this.sandboxActions = bindActions(SANDBOX, this.sandboxActionImpls, 'sandbox');
    this.requestActions = bindActions(REQUEST, this.requestActionImpls, 'request');

    // Started ahead of time: ready when the run begins.
    for (let k = 0; k < (p.warmPool?.size ?? 0); k++) if (!startPoolSandbox(scenario, this.hosts, this.warmPool, 0, 0)) this.warmPool.deficit++;
    this.meters.poolHeld(this.warmPool.sandboxes.length * (p.warmPool ? poolSandboxMb(scenario) : 0), 0);
    scenario.functions.forEach((f, i) => {
      const start = provisionedAtStart(f);
      this.fns[i]!.provisionedTarget = start.count;
      for (let k = 0; k < start.count; k++) this.createSandbox(i, -1, true);
      this.scheduleNextArrival(i);
      this.scheduleProvisionedStep(i, start.nextStep);
    });
  }

  /** Processes every event up to and including time `t` (capped at the scenario's end). */
  runUntil(t: number): void {
    const end = Math.min(t, this.scenario.durationMs);
    while (this.queue.peekTime() <= end) {
      const ev = this.queue.pop()!;
      this.dispatch(ev);
      this.queue.recycle(ev);
    }
    if (end > this.now) this.now = end;
  }

  /** Processes the next event (and any at the same instant); false when the run is over. */
  step(): boolean {
    const t = this.queue.peekTime();
    if (t > this.scenario.durationMs) {
      this.now = this.scenario.durationMs;
      return false;
    }
    this.runUntil(t);
    return true;
  }

  /** Runs to the scenario's end and checks that every request ended exactly once or is in flight. */
  run(): RunReport {
    this.runUntil(this.scenario.durationMs);
    return this.report();
  }

  report(): RunReport {
    const created = this.nextId.request;
    if (this.endedRequests + this.requests.size !== created) {
      throw new InvariantError(`${created} requests created but ${this.endedRequests} ended and ${this.requests.size} in flight`);
    }
    return this.meters.report(this.now);
  }

  /** Time of the next event, or Infinity. */
  nextEventTime(): number {
    return this.queue.peekTime();
  }

  /** A deep copy of the state: restore() it to go back to this instant exactly. */
  save(): SimCheckpoint {
    return this.copyState({ ...this, fns: this.fns.map((f) => ({ ...f, arrivals: f.arrivals.state(), service: f.service.state(), failures: f.failures.state() })), queue: this.queue.save(), meters: this.meters.save() });
  }

  restore(checkpoint: SimCheckpoint): void {
    // Copy again, so the checkpoint stays as it was for the next rewind.
    const c = this.copyState(checkpoint);
    this.now = c.now;
    this.queue = EventQueue.restore(c.queue);
    this.hosts = c.hosts;
    this.guestOses = c.guestOses;
    this.sandboxes = c.sandboxes;
    this.requests = c.requests;
    this.fns = c.fns.map((f) => ({ ...f, arrivals: Rng.fromState(f.arrivals), service: Rng.fromState(f.service), failures: Rng.fromState(f.failures) }));
    this.accounts = c.accounts;
    this.nextId = c.nextId;
    this.warmPool = c.warmPool;
    this.endedRequests = c.endedRequests;
    this.recentlyEnded = c.recentlyEnded;
    this.meters.restore(c.meters);
  }

  /**
   * A deep copy of the state's entities. Hand-written rather than structuredClone: the
   * entities are flat records, and spreading them is several times faster, which matters
   * with thousands of sandboxes and a checkpoint every few hundred thousand events.
   */
  private copyState(c: SimCheckpoint): SimCheckpoint {
    const copyMap = <T extends object>(m: Map<number, T>) => {
      const out = new Map<number, T>();
      for (const [k, v] of m) out.set(k, { ...v });
      return out;
    };
    return {
      now: c.now,
      queue: { items: c.queue.items.map((e) => ({ ...e })), seq: c.queue.seq },
      hosts: c.hosts.map((h) => ({ ...h, sandboxesByFn: { ...h.sandboxesByFn }, guestOses: [...h.guestOses] })),
      guestOses: copyMap(c.guestOses),
      sandboxes: copyMap(c.sandboxes),
      requests: copyMap(c.requests),
      fns: c.fns.map((f) => ({
        ...f,
        idle: [...f.idle],
        cursor: { ...f.cursor, buffer: [...f.cursor.buffer] },
        arrivals: [...f.arrivals],
        service: [...f.service],
        failures: [...f.failures],
        // Decisions are never changed once made, so they can be shared; the histogram is.
        hybrid: f.hybrid && { ...f.hybrid, bins: f.hybrid.bins.slice() },
      })),
      accounts: c.accounts.map((a) => ({ ...a })),
      nextId: { ...c.nextId },
      warmPool: copyWarmPool(c.warmPool),
      endedRequests: c.endedRequests,
      recentlyEnded: c.recentlyEnded.map((e) => ({ ...e })),
      meters: c.meters,
    };
  }

  /** Events dispatched since the start: the History spaces checkpoints by work done. */
  get eventsProcessed(): number {
    return this.eventCount;
  }

  /** How many entities a checkpoint copies. */
  get stateSize(): number {
    return this.sandboxes.size + this.requests.size + this.queue.size + this.guestOses.size;
  }

  /** The function runtime's idle stack (most recently used last), for views and tests. */
  idleSandboxes(fn: number): readonly number[] {
    return this.fns[fn]!.idle;
  }

  /** The warm pool's generic sandboxes, ready or booting (oldest first). */
  poolSandboxes(): readonly Readonly<import('./model').PoolSandbox>[] {
    return this.warmPool.sandboxes;
  }

  /**
   * What the keep-alive policy knows and decided for function `fn`: under the hybrid policy,
   * the idle-time histogram with its head and tail percentiles, the last decision (pre-warm and
   * keep-alive spans, with the reason) and the pending pre-warm. Copies: safe to post.
   */
  keepAliveView(fn: number): KeepAliveView {
    const f = this.fns[fn]!;
    const policy = this.scenario.platform.keepAlive.policy;
    if (!f.hybrid) return { policy };
    return { policy, histogram: histogramView(f.hybrid), decision: f.lastEndAt >= 0 ? this.hybridDecision(fn) : null, prewarmAt: f.prewarmAt >= 0 ? f.prewarmAt : null };
  }

  // ---- the event loop ------------------------------------------------------------------------

  private dispatch(ev: SimEvent): void {
    this.now = ev.t;
    this.eventCount++;
    switch (ev.kind) {
      case EventKind.Arrival:
        this.arrive(ev.id);
        return;
      case EventKind.SandboxEvent:
        this.sendSandbox(this.sandbox(ev.id), ev.code);
        return;
      case EventKind.RequestEvent:
        this.sendRequest(this.request(ev.id), ev.code);
        return;
      case EventKind.GatewayDone:
        this.decideGateway(this.request(ev.id));
        return;
      case EventKind.CountingDone:
        this.decideAdmission(this.request(ev.id));
        return;
      case EventKind.RoutingDone:
        this.decideRoute(this.request(ev.id));
        return;
      case EventKind.InitCodeDone:
        this.initCodeDone(this.sandbox(ev.id));
        return;
      case EventKind.HandlerEnd:
        if (ev.code === CALL_DEADLINE) this.callDeadline(ev.id, ev.t);
        else this.handlerEnd(this.request(ev.id));
        return;
      case EventKind.Prewarm:
        this.prewarm(ev.id, ev.code);
        return;
      case EventKind.ProvisionedStep:
        this.provisionedStep(ev.id, ev.code);
        return;
      case EventKind.KeepAlive: {
        // A timer set when the sandbox last went idle; stale if it has been used since.
        const sb = this.sandboxes.get(ev.id);
        if (sb && sb.state === SB_IDLE && sb.keepAliveGen === ev.code) this.sendSandbox(sb, EV.KEEP_ALIVE_EXPIRED);
        return;
      }
    }
  }

  private sandbox(id: number): Sandbox {
    const sb = this.sandboxes.get(id);
    if (!sb) throw new InvariantError(`event for sandbox ${id}, which is gone`);
    return sb;
  }

  private request(id: number): Request {
    const rq = this.requests.get(id);
    if (!rq) throw new InvariantError(`event for request ${id}, which has already ended`);
    return rq;
  }

  /** Schedules the end of a sandbox's timed step; the frame shows when it will end. */
  private scheduleSandbox(sb: Sandbox, delayMs: number, kind: EventKind, code = 0): void {
    sb.stateEndsAt = this.now + delayMs;
    this.queue.push(sb.stateEndsAt, kind, sb.id, code);
  }

  private scheduleRequest(rq: Request, delayMs: number, kind: EventKind, code = 0): void {
    rq.stateEndsAt = this.now + delayMs;
    this.queue.push(rq.stateEndsAt, kind, rq.id, code);
  }

  private scheduleNextArrival(fn: number): void {
    const f = this.fns[fn]!;
    const t = nextArrival(this.scenario.functions[fn]!.workload, f.cursor, f.arrivals);
    if (t < this.scenario.durationMs) this.queue.push(t, EventKind.Arrival, fn, 0);
  }

  // ---- statechart transitions ----------------------------------------------------------------

  private sendSandbox(sb: Sandbox, event: number): void {
    const cell = sb.state * SANDBOX.events.length + event;
    const next = SANDBOX.next[cell]!;
    if (next < 0) throw new InvariantError(`sandbox ${sb.id} in ${SANDBOX.states[sb.state]} cannot take ${SANDBOX.events[event]}`);
    const from = sb.state;
    sb.state = next;
    sb.stateSince = this.now;
    sb.stateEndsAt = -1;
    this.sandboxMoved(sb, from, next);
    for (const a of SANDBOX.cellActions[cell]!) this.sandboxActions[a]!(sb);
  }

  private sendRequest(rq: Request, event: number): void {
    const cell = rq.state * REQUEST.events.length + event;
    const next = REQUEST.next[cell]!;
    if (next < 0) throw new InvariantError(`request ${rq.id} in ${REQUEST.states[rq.state]} cannot take ${REQUEST.events[event]}`);
    const from = rq.state;
    rq.state = next;
    rq.stateSince = this.now;
    rq.stateEndsAt = -1;
    // Leaving the initial choice (which takes no time) is the request's creation, in the trace.
    if (this.onTransition) this.emitRequest(rq, from === REQUEST.initialState ? null : REQUEST.states[from]!);
    for (const a of REQUEST.cellActions[cell]!) this.requestActions[a]!(rq);
  }

  private sandboxMoved(sb: Sandbox, from: number, to: number): void {
    const fromCat = SANDBOX_CATEGORY[from]!;
    const toCat = SANDBOX_CATEGORY[to]!;
    if (fromCat !== toCat) this.meters.sandboxMoved(sb.fn, fromCat, toCat, this.now);
    if (from === SB_IDLE) {
      const idle = this.fns[sb.fn]!.idle;
      if (idle[idle.length - 1] === sb.id) idle.pop();
      else {
        // A sandbox without keep-alive was never offered for reuse, so it may be missing here.
        const i = idle.indexOf(sb.id);
        if (i >= 0) idle.splice(i, 1);
      }
    }
    if (this.onTransition) this.emitSandbox(sb, SANDBOX.states[from]!);
  }

  private emitSandbox(sb: Sandbox, from: string | null): void {
    const f = this.scenario.functions[sb.fn]!;
    this.onTransition!({ t: this.now, kind: 'sandbox', id: sb.id, from, to: SANDBOX.states[sb.state]!, fn: f.name, account: f.account, host: sb.host, guestOs: sb.guestOs });
  }

  private emitRequest(rq: Request, from: string | null): void {
    const f = this.scenario.functions[rq.fn]!;
    const tr: Transition = { t: this.now, kind: 'request', id: rq.id, from, to: REQUEST.states[rq.state]!, fn: f.name, account: f.account };
    const sb = rq.sandbox >= 0 ? this.sandboxes.get(rq.sandbox) : undefined;
    if (sb) {
      tr.host = sb.host;
      tr.guestOs = sb.guestOs;
      tr.sandbox = sb.id;
    }
    this.onTransition!(tr);
  }

  // ---- decisions the engine takes (the charts' data-dependent guards) ------------------------

  private arrive(fn: number): void {
    const rq = this.createRequest(fn);
    const p = this.permissions[fn]!;
    rq.async = p.async;
    rq.via = p.via;
    rq.caller = p.principal;
    // The initial choice: through the function's API gateway, or straight to the load balancer.
    this.sendRequest(rq, this.scenario.functions[fn]!.gateway ? RQ.VIA_GATEWAY : RQ.DIRECT);
    this.scheduleNextArrival(fn);
  }

  /** A new request of function `fn`, in the chart's initial choice (the caller sends DIRECT or VIA_GATEWAY). */
  private createRequest(fn: number): Request {
    const id = this.nextId.request++;
    const rq: Request = {
      id,
      fn,
      arrivedAt: this.now,
      state: REQUEST.initialState,
      stateSince: this.now,
      stateEndsAt: -1,
      sandbox: -1,
      cold: false,
      admitted: false,
      attempts: 0,
      handlerMs: 0,
      timesOut: false,
      fails: false,
      failures: 0,
      async: false,
      via: '',
      caller: '',
      depth: 1,
      parent: -1,
      waitingFor: -1,
      waitStartedAt: -1,
      nextCall: 0,
      deniedBy: '',
    };
    this.requests.set(id, rq);
    this.meters.arrived(fn, this.now);
    for (const a of REQUEST.initialActions) this.requestActions[a]!(rq);
    return rq;
  }

  /**
   * A call from a running invocation to another function (or itself): an invocation through the
   * SDK, synchronous (the caller waits) or as an event, or an object written to the callee's bucket.
   */
  private spawnCall(caller: Request, fn: number, mode: CallMode): Request {
    const rq = this.createRequest(fn);
    rq.async = mode !== 'sync';
    rq.via = mode === 'storage' ? 'storage' : mode === 'async' && this.permissions[fn]!.via === 'queue' ? 'queue' : 'sdk';
    rq.caller = callPrincipal(this.scenario.functions[caller.fn]!.name, mode, this.scenario.functions[fn]!);
    rq.depth = caller.depth + 1;
    rq.parent = mode === 'sync' ? caller.id : -1;
    this.sendRequest(rq, RQ.DIRECT);
    return rq;
  }

  /**
   * The frontend's checks: the caller must be in the function's resource policy; an event chain
   * (bucket writes and asynchronous calls) longer than the recursion guard allows is stopped
   * and its event dead-lettered, as AWS Lambda's recursive loop detection does.
   */
  private frontendVerdict(rq: Request): number {
    const p = this.permissions[rq.fn]!;
    if (p.policy && !p.policy.has(rq.caller)) {
      rq.deniedBy = 'policy';
      return RQ.DENIED;
    }
    if (rq.async && rq.depth > figures.recursionGuardInvocations.value && this.scenario.platform.recursionGuard) {
      rq.deniedBy = 'guard';
      this.meters.loopStopped(rq.fn);
      return RQ.LOOP_DETECTED;
    }
    return RQ.HOP_DONE;
  }

  /**
   * After the handler's own work: the resources it uses (its execution role must list them),
   * then its calls in order. Returns true while it waits for a synchronous call's answer: its
   * sandbox stays busy and its billed duration grows.
   */
  private makeCalls(rq: Request): boolean {
    const spec = this.scenario.functions[rq.fn]!;
    const role = this.permissions[rq.fn]!.role;
    if (rq.nextCall === 0 && role && spec.uses) {
      const missing = spec.uses.find((r) => !role.has(r));
      if (missing !== undefined) return this.roleRefused(rq, missing);
    }
    const calls = spec.calls;
    if (!calls) return false;
    while (rq.nextCall < calls.length && !rq.fails) {
      const call = calls[rq.nextCall++]!;
      const callee = this.fnIndex.get(call.fn)!;
      const resource = callResource(call.mode, this.scenario.functions[callee]!);
      if (role && !role.has(resource)) return this.roleRefused(rq, resource);
      const child = this.spawnCall(rq, callee, call.mode);
      if (call.mode === 'sync') {
        rq.waitingFor = child.id;
        rq.waitStartedAt = this.now;
        rq.stateEndsAt = -1;
        this.sandbox(rq.sandbox).stateEndsAt = -1;
        // Its timeout still runs: handler start + timeout.
        this.queue.push(rq.stateSince + spec.timeoutMs, EventKind.HandlerEnd, rq.id, CALL_DEADLINE);
        return true;
      }
    }
    return false;
  }

  /** A resource the execution role does not list: the call fails (AccessDenied), and with it the invocation. */
  private roleRefused(rq: Request, resource: string): false {
    this.meters.roleDenied(rq.fn);
    rq.fails = true;
    rq.deniedBy = `role:${resource}`;
    return false;
  }

  /** A synchronous call answered: the caller goes on with its next call, or ends (failing if the call did). */
  private callAnswered(child: Request, outcome: Outcome): void {
    const parent = this.requests.get(child.parent);
    if (!parent || parent.waitingFor !== child.id) return;
    parent.handlerMs += this.now - parent.waitStartedAt;
    parent.waitingFor = -1;
    if (outcome !== 'responded') {
      parent.fails = true;
      parent.deniedBy = `call:${this.scenario.functions[child.fn]!.name}:${outcome}`;
    }
    parent.stateEndsAt = this.now;
    this.queue.push(this.now, EventKind.HandlerEnd, parent.id, 0);
  }

  /** The caller's timeout came while it waited for a synchronous call: it times out (the callee runs on). */
  private callDeadline(id: number, t: number): void {
    const rq = this.requests.get(id);
    if (!rq || rq.waitingFor < 0) return;
    const spec = this.scenario.functions[rq.fn]!;
    if (rq.stateSince + spec.timeoutMs !== t) return;
    const child = this.requests.get(rq.waitingFor);
    if (child) child.parent = -1;
    rq.deniedBy = `timeout:${child ? this.scenario.functions[child.fn]!.name : ''}`;
    rq.waitingFor = -1;
    rq.handlerMs = spec.timeoutMs;
    rq.timesOut = true;
    this.handlerEnd(rq);
  }

  /**
   * The API gateway's token bucket: refilled at the steady rate since the last call, up to the
   * burst; a call takes one token, or gets HTTP 429 when less than one is left.
   */
  private decideGateway(rq: Request): void {
    const g = this.scenario.functions[rq.fn]!.gateway!;
    const f = this.fns[rq.fn]!;
    // ratePerSec tokens a second = ratePerSec thousandths of a token a millisecond.
    f.gatewayMilliTokens = Math.min(g.burst * 1000, f.gatewayMilliTokens + g.ratePerSec * (this.now - f.gatewayRefilledAt));
    f.gatewayRefilledAt = this.now;
    if (f.gatewayMilliTokens >= 1000) {
      f.gatewayMilliTokens -= 1000;
      this.sendRequest(rq, RQ.GATEWAY_PASSED);
    } else {
      this.sendRequest(rq, RQ.GATEWAY_THROTTLED);
    }
  }

  /** The counting service: reserved concurrency caps a function; the rest share the account's pool. */
  private decideAdmission(rq: Request): void {
    const f = this.fns[rq.fn]!;
    const underLimit = f.reserved !== undefined ? f.inflight < f.reserved : this.accounts[f.account]!.unreservedInflight < this.accounts[f.account]!.unreservedLimit;
    if (underLimit) this.sendRequest(rq, RQ.ADMITTED);
    else this.sendRequest(rq, rq.async ? RQ.OVER_LIMIT_ASYNC : RQ.OVER_LIMIT);
  }

  /** The worker manager: the most recently used idle sandbox of the function, if any. */
  private decideRoute(rq: Request): void {
    const f = this.fns[rq.fn]!;
    if (f.hybrid) {
      // The policy learns the function's idle time: from the end of its last invocation to
      // this one, 0 while another is in flight (invocations overlap). Any planned pre-warm is
      // cancelled: a new decision follows this invocation.
      if (f.lastEndAt >= 0) observeIdle(f.hybrid, f.inflight > 1 ? 0 : this.now - f.lastEndAt);
      f.decision = null;
      f.prewarmGen++;
      f.prewarmAt = -1;
    }
    const idle = f.idle;
    if (idle.length > 0) {
      rq.sandbox = idle[idle.length - 1]!;
      this.sendRequest(rq, RQ.WARM_SANDBOX);
    } else {
      this.sendRequest(rq, RQ.NO_WARM_SANDBOX);
    }
  }

  private initCodeDone(sb: Sandbox): void {
    sb.initEndedAt = this.now;
    if (sb.waitingRequest < 0) {
      this.sendSandbox(sb, EV.INIT_DONE);
      return;
    }
    const rq = this.request(sb.waitingRequest);
    sb.waitingRequest = -1;
    this.bind(sb, rq);
    this.sendSandbox(sb, EV.INIT_DONE_FOR_REQUEST);
    rq.cold = true;
    this.sendRequest(rq, RQ.SANDBOX_READY);
  }

  private handlerEnd(rq: Request): void {
    if (!rq.timesOut && this.makeCalls(rq)) return;
    const sb = this.sandbox(rq.sandbox);
    this.fns[rq.fn]!.lastEndAt = this.now;
    this.meters.billed(rq.fn, rq.handlerMs, this.now, sb.provisioned);
    sb.currentRequest = -1;
    this.sendRequest(rq, rq.timesOut ? RQ.HANDLER_TIMED_OUT : rq.fails ? this.decideAfterError(rq) : RQ.HANDLER_DONE);
    this.sendSandbox(sb, rq.timesOut ? EV.INVOKE_TIMED_OUT : EV.INVOKE_DONE);
  }

  /**
   * A function error: the synchronous caller gets it; an asynchronous event is retried (AWS:
   * twice), then sent to the dead-letter queue. The sandbox itself is unharmed.
   */
  private decideAfterError(rq: Request): number {
    this.meters.functionError(rq.fn);
    if (!rq.async) return RQ.HANDLER_FAILED;
    rq.failures++;
    return rq.failures <= this.scenario.platform.async.errorRetries ? RQ.HANDLER_FAILED_RETRY : RQ.HANDLER_FAILED_FINAL;
  }

  /** Pairs a request with the sandbox that will run it, checking the isolation rules. */
  private bind(sb: Sandbox, rq: Request): void {
    if (sb.fn !== rq.fn) throw new InvariantError(`sandbox ${sb.id} of function ${sb.fn} asked to serve function ${rq.fn}`);
    if (sb.currentRequest >= 0) throw new InvariantError(`sandbox ${sb.id} asked to serve request ${rq.id} while serving ${sb.currentRequest}`);
    const g = this.guestOses.get(sb.guestOs)!;
    if (g.account !== this.fns[rq.fn]!.account) throw new InvariantError(`guest OS ${g.id} of account ${g.account} asked to serve another account`);
    sb.currentRequest = rq.id;
    rq.sandbox = sb.id;
  }

  // ---- creating and removing sandboxes -------------------------------------------------------

  /**
   * Places a new sandbox; returns null when no host has room. Its cold start restores the
   * function's snapshot (snapStart), or takes a ready sandbox from the warm pool (if the
   * function fits in one), or goes through every phase. `loadedUntil`: a pre-warm's end.
   */
  private createSandbox(fn: number, waitingRequest: number, provisioned: boolean, loadedUntil = -1): Sandbox | null {
    const f = this.fns[fn]!;
    const spec = this.scenario.functions[fn]!;
    const pool = this.scenario.platform.warmPool;
    let start: StartKind = spec.snapStart ? 'snapshot' : 'full';
    let where: ReturnType<typeof placeSandbox> = null;
    if (start === 'full' && pool !== undefined && pool.size > 0 && spec.memoryMb <= pool.sandboxMb) {
      const taken = takeReadyPoolSandbox(this.warmPool, this.now);
      this.meters.poolTaken(taken !== null);
      if (taken) {
        // The generic microVM becomes this function's guest OS; its memory stays reserved on
        // its host (it moves from the pool to the guest, below).
        this.meters.poolHeld(-taken.memoryMb, this.now);
        this.hosts[taken.host]!.usedMb -= taken.memoryMb;
        where = { host: this.hosts[taken.host]!, newGuest: true, guestMemoryMb: taken.memoryMb };
        start = 'pool';
      }
    }
    where ??= placeSandbox(this.scenario, this.hosts, this.guestOses, fn, f.account, spec.memoryMb);
    if (!where) return null;
    const host = where.host;
    let guest: GuestOs;
    if (where.newGuest) {
      const microvm = this.scenario.platform.isolation === 'microvm';
      guest = {
        id: this.nextId.guestOs++,
        host: host.id,
        account: f.account,
        kind: microvm ? 'microvm' : 'account-vm',
        memoryMb: where.guestMemoryMb,
        usedMb: 0,
        sandboxes: 0,
        // An account VM boots before its first container can start; a microVM's boot is the sandbox start.
        readyAt: microvm ? this.now : this.now + this.scenario.platform.hopsMs.placement + this.scenario.platform.coldStart.accountVmBootMs,
        createdAt: this.now,
      };
      this.guestOses.set(guest.id, guest);
      host.guestOses.push(guest.id);
      host.usedMb += guest.memoryMb;
      if (host.usedMb > host.memoryMb) throw new InvariantError(`host ${host.id} over-committed: ${host.usedMb} of ${host.memoryMb} MB`);
    } else {
      guest = where.guestOs;
    }
    if (guest.account !== f.account) throw new InvariantError(`guest OS ${guest.id} of account ${guest.account} given a sandbox of account ${f.account}`);
    guest.usedMb += spec.memoryMb;
    guest.sandboxes++;
    host.sandboxesByFn[fn] = (host.sandboxesByFn[fn] ?? 0) + 1;
    const sb: Sandbox = {
      id: this.nextId.sandbox++,
      fn,
      host: host.id,
      guestOs: guest.id,
      state: SANDBOX.initialState,
      stateSince: this.now,
      stateEndsAt: -1,
      createdAt: this.now,
      provisioned,
      deprovisioned: false,
      start,
      loadedUntil,
      invocations: 0,
      waitingRequest,
      currentRequest: -1,
      keepAliveGen: 0,
      initStartedAt: this.now,
      initEndedAt: -1,
    };
    this.sandboxes.set(sb.id, sb);
    if (provisioned) f.provisionedKept++;
    this.meters.sandboxCreated(fn, this.now, provisioned);
    this.meters.sandboxMoved(fn, Category.None, SANDBOX_CATEGORY[sb.state]!, this.now);
    if (this.onTransition) this.emitSandbox(sb, null);
    // The pool's replacement starts booting once the taken sandbox's memory is the guest's again.
    if (start === 'pool') this.replenishPool();
    for (const a of SANDBOX.initialActions) this.sandboxActions[a]!(sb);
    return sb;
  }

  private removeSandbox(sb: Sandbox): void {
    const spec = this.scenario.functions[sb.fn]!;
    const host = this.hosts[sb.host]!;
    const guest = this.guestOses.get(sb.guestOs)!;
    guest.usedMb -= spec.memoryMb;
    guest.sandboxes--;
    host.sandboxesByFn[sb.fn]!--;
    if (guest.sandboxes === 0) {
      // A microVM goes with its sandbox; an empty account VM is shut down too.
      this.guestOses.delete(guest.id);
      host.guestOses.splice(host.guestOses.indexOf(guest.id), 1);
      host.usedMb -= guest.memoryMb;
    }
    this.sandboxes.delete(sb.id);
    this.meters.sandboxGone(sb.fn, sb.createdAt, this.now, sb.provisioned);
    // Memory has been freed: pool sandboxes that found no room can start now.
    while (this.warmPool.deficit > 0 && this.startPoolSandbox()) this.warmPool.deficit--;
    if (!sb.provisioned) return;
    const f = this.fns[sb.fn]!;
    if (!sb.deprovisioned) f.provisionedKept--;
    // Provisioned concurrency is kept at its level: a lost provisioned sandbox is replaced.
    if (f.provisionedKept < f.provisionedTarget && this.now < this.scenario.durationMs) this.createSandbox(sb.fn, -1, true);
  }

  // ---- cold-start mitigations: warm pool, pre-warming, provisioned schedules -----------------

  /** Starts a pool sandbox (placement, microVM boot, runtime boot ahead of demand); false if no host has room. */
  private startPoolSandbox(): boolean {
    const c = this.scenario.platform.coldStart;
    const ok = startPoolSandbox(this.scenario, this.hosts, this.warmPool, this.now, this.scenario.platform.hopsMs.placement + c.microVmBootMs + c.runtimeBootMs);
    if (ok) this.meters.poolHeld(poolSandboxMb(this.scenario), this.now);
    return ok;
  }

  private replenishPool(): void {
    if (!this.startPoolSandbox()) this.warmPool.deficit++;
  }

  /** The hybrid policy's decision for function `fn`, made once per invocation and kept. */
  private hybridDecision(fn: number): HybridDecision {
    const f = this.fns[fn]!;
    f.decision ??= decide(f.hybrid!);
    return f.decision;
  }

  /** How long a sandbox that has just gone idle is kept (0: reclaimed at once). */
  private keepAliveMs(sb: Sandbox): number {
    const ka = this.scenario.platform.keepAlive;
    let keepMs = ka.policy === 'fixed' ? ka.idleMs : ka.policy === 'hybrid' ? this.hybridKeepAliveMs(sb) : 0;
    // The function's active pool is full: this used sandbox is not kept.
    const cap = this.scenario.platform.warmPool?.activePerFunction;
    if (keepMs > 0 && cap !== undefined && this.fns[sb.fn]!.idle.length >= cap) keepMs = 0;
    return keepMs;
  }

  /**
   * The hybrid policy applied to a sandbox going idle: a pre-warmed sandbox that has just
   * initialized stays loaded to the end of its keep-alive span; otherwise, with no pre-warm the sandbox
   * is kept for the decided keep-alive, and with one it is unloaded now and a sandbox is loaded
   * again `prewarmMs` later, for `keepAliveMs`.
   *
   * The paper decides for an application as one unit. Here every sandbox of the function that
   * goes idle gets the function's decision, and one sandbox is pre-warmed: a busy function whose
   * idle times are all under a minute keeps the extra sandboxes of a burst for about a minute,
   * where a fixed 10-minute keep-alive would keep them for 10 (more cold starts, less idle memory).
   */
  private hybridKeepAliveMs(sb: Sandbox): number {
    if (sb.loadedUntil >= 0) {
      const keepMs = Math.max(0, sb.loadedUntil - this.now);
      sb.loadedUntil = -1;
      return keepMs;
    }
    const d = this.hybridDecision(sb.fn);
    if (d.prewarmMs <= 0) return d.keepAliveMs;
    const f = this.fns[sb.fn]!;
    f.prewarmGen++;
    f.prewarmAt = this.now + d.prewarmMs;
    f.prewarmKeepMs = d.keepAliveMs;
    if (f.prewarmAt < this.scenario.durationMs) this.queue.push(f.prewarmAt, EventKind.Prewarm, sb.fn, f.prewarmGen);
    return 0;
  }

  /**
   * A planned pre-warm: loads a sandbox unless one is already loaded (or the plan is stale). It
   * starts its cold start at the planned instant; a call arriving before that start ends is
   * routed like any other (no idle sandbox: a cold start of its own).
   */
  private prewarm(fn: number, gen: number): void {
    const f = this.fns[fn]!;
    if (gen !== f.prewarmGen) return;
    f.prewarmAt = -1;
    if (f.idle.length > 0) return;
    this.createSandbox(fn, -1, false, this.now + f.prewarmKeepMs);
  }

  private scheduleProvisionedStep(fn: number, k: number): void {
    const t = provisionedStepAt(this.scenario.functions[fn]!, k);
    if (t < this.scenario.durationMs) this.queue.push(t, EventKind.ProvisionedStep, fn, k);
  }

  /**
   * A step of the provisioned-concurrency schedule: raising the level initializes sandboxes at
   * once; lowering it reclaims idle provisioned sandboxes now and busy ones when they finish.
   */
  private provisionedStep(fn: number, k: number): void {
    const f = this.fns[fn]!;
    f.provisionedTarget = provisionedStepCount(this.scenario.functions[fn]!, k);
    while (f.provisionedKept < f.provisionedTarget && this.createSandbox(fn, -1, true)) {
      // createSandbox counts it in provisionedKept.
    }
    for (const id of [...f.idle]) {
      if (f.provisionedKept <= f.provisionedTarget) break;
      const sb = this.sandbox(id);
      if (!sb.provisioned) continue;
      this.deprovision(sb);
      this.sendSandbox(sb, EV.DEPROVISIONED);
    }
    this.scheduleProvisionedStep(fn, k + 1);
  }

  private deprovision(sb: Sandbox): void {
    sb.deprovisioned = true;
    this.fns[sb.fn]!.provisionedKept--;
  }

  // ---- the charts' named actions -------------------------------------------------------------

  private readonly sandboxActionImpls: Record<string, (sb: Sandbox) => void> = {
    schedulePlacement: (sb) =>
      this.scheduleSandbox(sb, this.scenario.platform.hopsMs.placement, EventKind.SandboxEvent, sb.start === 'pool' ? EV.PLACED_FROM_POOL : sb.start === 'snapshot' ? EV.PLACED_FOR_RESTORE : EV.PLACED),
    scheduleCodeFetch: (sb) => this.scheduleSandbox(sb, this.scenario.functions[sb.fn]!.packageMb * this.scenario.platform.coldStart.codeFetchMsPerMb, EventKind.SandboxEvent, EV.CODE_FETCHED),
    scheduleSandboxStart: (sb) => {
      const c = this.scenario.platform.coldStart;
      const g = this.guestOses.get(sb.guestOs)!;
      const ms = g.kind === 'microvm' ? c.microVmBootMs : Math.max(0, g.readyAt - this.now) + c.containerStartMs;
      this.scheduleSandbox(sb, ms, EventKind.SandboxEvent, EV.SANDBOX_STARTED);
    },
    scheduleRuntimeBoot: (sb) => this.scheduleSandbox(sb, this.scenario.platform.coldStart.runtimeBootMs, EventKind.SandboxEvent, EV.RUNTIME_BOOTED),
    scheduleAssignment: (sb) => this.scheduleSandbox(sb, this.scenario.platform.warmPool!.assignMs, EventKind.SandboxEvent, EV.ASSIGNED),
    // Ends like init code does (InitCodeDone): the waiting request, if any, runs at once.
    scheduleSnapshotRestore: (sb) => this.scheduleSandbox(sb, this.scenario.platform.coldStart.snapshotRestoreMs, EventKind.InitCodeDone),
    scheduleInitCode: (sb) => {
      const spec = this.scenario.functions[sb.fn]!;
      const initMs = sample(spec.initMs, this.fns[sb.fn]!.service);
      // Provisioned sandboxes initialize ahead of demand, where the 10 s limit does not apply
      // (AWS: up to 130 s or the timeout, whichever is longer).
      const limit = sb.provisioned ? Math.max(130_000, spec.timeoutMs) : this.scenario.platform.coldStart.initLimitMs;
      if (initMs > limit) this.scheduleSandbox(sb, limit, EventKind.SandboxEvent, EV.INIT_FAILED);
      else this.scheduleSandbox(sb, initMs, EventKind.InitCodeDone);
    },
    startKeepAliveTimer: (sb) => {
      if (sb.provisioned && this.fns[sb.fn]!.provisionedKept > this.fns[sb.fn]!.provisionedTarget) {
        // Surplus since the provisioned level was lowered: reclaimed as soon as it is idle.
        this.deprovision(sb);
        this.scheduleSandbox(sb, 0, EventKind.SandboxEvent, EV.DEPROVISIONED);
        return;
      }
      const keepMs = sb.provisioned ? Infinity : this.keepAliveMs(sb);
      // Without keep-alive the sandbox is reclaimed as soon as it is frozen: it must not be
      // offered to a request routed at that same instant (which would make that request warm).
      if (keepMs > 0) this.fns[sb.fn]!.idle.push(sb.id);
      if (keepMs === Infinity) return;
      sb.keepAliveGen++;
      this.scheduleSandbox(sb, keepMs, EventKind.KeepAlive, sb.keepAliveGen);
    },
    runInvocation: (sb) => {
      sb.invocations++;
    },
    failWaitingRequest: (sb) => {
      if (sb.waitingRequest < 0) return;
      const rq = this.request(sb.waitingRequest);
      sb.waitingRequest = -1;
      this.sendRequest(rq, RQ.INIT_FAILED);
    },
    scheduleShutdown: (sb) => this.scheduleSandbox(sb, this.scenario.platform.coldStart.shutdownMs, EventKind.SandboxEvent, EV.SHUTDOWN_DONE),
    releaseMemory: (sb) => this.removeSandbox(sb),
  };

  private readonly requestActionImpls: Record<string, (rq: Request) => void> = {
    scheduleGatewayHop: (rq) => this.scheduleRequest(rq, this.scenario.platform.hopsMs.gateway, EventKind.GatewayDone),
    scheduleLoadBalancerHop: (rq) => this.scheduleRequest(rq, this.scenario.platform.hopsMs.loadBalancer, EventKind.RequestEvent, RQ.HOP_DONE),
    scheduleFrontendHop: (rq) => this.scheduleRequest(rq, this.scenario.platform.hopsMs.frontend, EventKind.RequestEvent, this.frontendVerdict(rq)),
    scheduleCountingHop: (rq) => this.scheduleRequest(rq, this.scenario.platform.hopsMs.counting, EventKind.CountingDone),
    acquireConcurrency: (rq) => {
      const f = this.fns[rq.fn]!;
      f.inflight++;
      if (f.reserved === undefined) this.accounts[f.account]!.unreservedInflight++;
      rq.admitted = true;
    },
    releaseConcurrency: (rq) => {
      const f = this.fns[rq.fn]!;
      f.inflight--;
      if (f.reserved === undefined) this.accounts[f.account]!.unreservedInflight--;
      rq.admitted = false;
    },
    scheduleRetry: (rq) => {
      // Asynchronous events over the limit stay queued and are retried with exponential
      // back-off, for up to the maximum event age (AWS: 6 hours).
      const a = this.scenario.platform.async;
      const backoff = Math.min(a.retryBaseMs * 2 ** rq.attempts, a.retryMaxMs);
      rq.attempts++;
      const deadline = rq.arrivedAt + a.maxEventAgeMs;
      // Given up at its maximum age: dropped if it never ran, dead-lettered if it ran and failed.
      if (this.now + backoff > deadline) this.scheduleRequest(rq, Math.max(0, deadline - this.now), EventKind.RequestEvent, rq.failures > 0 ? RQ.DEAD_LETTER : RQ.RETRIES_EXHAUSTED);
      else this.scheduleRequest(rq, backoff, EventKind.RequestEvent, RQ.RETRY);
    },
    scheduleErrorRetry: (rq) => {
      // After a function error (AWS: about 1 min before the first retry, 2 min before the
      // second), within the maximum event age; the retry is a new attempt, on any sandbox.
      const a = this.scenario.platform.async;
      const wait = a.errorRetryBaseMs * 2 ** (rq.failures - 1);
      rq.cold = false;
      rq.sandbox = -1;
      const deadline = rq.arrivedAt + a.maxEventAgeMs;
      if (this.now + wait > deadline) this.scheduleRequest(rq, Math.max(0, deadline - this.now), EventKind.RequestEvent, RQ.DEAD_LETTER);
      else this.scheduleRequest(rq, wait, EventKind.RequestEvent, RQ.RETRY);
    },
    scheduleWorkerManagerHop: (rq) => this.scheduleRequest(rq, this.scenario.platform.hopsMs.workerManager, EventKind.RoutingDone),
    assignWarmSandbox: (rq) => {
      const sb = this.sandbox(rq.sandbox);
      this.bind(sb, rq);
      this.sendSandbox(sb, EV.INVOKE);
    },
    requestNewSandbox: (rq) => {
      const sb = this.createSandbox(rq.fn, rq.id, false);
      if (sb) rq.sandbox = sb.id;
      else this.scheduleRequest(rq, this.scenario.platform.hopsMs.placement, EventKind.RequestEvent, RQ.NO_CAPACITY);
    },
    startHandler: (rq) => {
      const spec = this.scenario.functions[rq.fn]!;
      // Scaled by the memory's share of CPU when the function says part of it is CPU-bound (cpuScaling.ts).
      const ms = durationAtMemory(sample(spec.durationMs, this.fns[rq.fn]!.service), spec.memoryMb, spec.cpuBoundFraction);
      rq.timesOut = ms > spec.timeoutMs;
      rq.handlerMs = rq.timesOut ? spec.timeoutMs : ms;
      // Drawn only when errors can happen, from the function's own stream.
      const failureRate = spec.failureRate ?? 0;
      rq.fails = failureRate > 0 && this.fns[rq.fn]!.failures.next() < failureRate;
      rq.nextCall = 0;
      rq.deniedBy = '';
      this.meters.handlerStarted(rq.fn, rq.cold, this.now);
      this.sandbox(rq.sandbox).stateEndsAt = this.now + rq.handlerMs;
      this.scheduleRequest(rq, rq.handlerMs, EventKind.HandlerEnd);
    },
    recordOutcome: (rq) => {
      if (!this.requests.delete(rq.id)) throw new InvariantError(`request ${rq.id} ended twice`);
      this.endedRequests++;
      if (rq.admitted) throw new InvariantError(`request ${rq.id} ended still holding concurrency`);
      const outcome = REQUEST.states[rq.state] as Outcome;
      this.meters.ended(rq.fn, outcome, this.now - rq.arrivedAt, rq.cold, this.now);
      if (this.meters.timeline) this.recentlyEnded.push({ id: rq.id, fn: rq.fn, outcome: OUTCOME_KIND[outcome], state: outcome, endedAt: this.now, arrivedAt: rq.arrivedAt, cold: rq.cold, sandbox: rq.sandbox, via: rq.via, caller: rq.caller, deniedBy: rq.deniedBy });
      if (this.recentlyEnded.length > RECENTLY_ENDED) this.recentlyEnded.shift();
      if (rq.parent >= 0) this.callAnswered(rq, outcome);
    },
  };
}

const EV = Object.fromEntries(sandboxEventTypes.map((t) => [t, sbEvent(t)])) as Record<SandboxEventType, number>;
const RQ = Object.fromEntries(requestEventTypes.map((t) => [t, rqEvent(t)])) as Record<RequestEventType, number>;

/** Maps each action the compiled chart names to its implementation; a missing one fails at start-up. */
function bindActions<T>(machine: CompiledMachine, impls: Record<string, (x: T) => void>, what: string): ((x: T) => void)[] {
  return machine.actions.map((name) => {
    const impl = impls[name];
    if (!impl) throw new Error(`the ${what} chart names action "${name}" but the engine does not implement it`);
    return impl;
  });
}

/** The hybrid policy's parameters out of the scenario's keep-alive setting. */
function hybridParams(ka: Extract<Scenario['platform']['keepAlive'], { policy: 'hybrid' }>): HybridParams {
  return {
    binMs: ka.binMs,
    rangeMs: ka.rangeMs,
    headPercentile: ka.headPercentile,
    tailPercentile: ka.tailPercentile,
    margin: ka.margin,
    cvThreshold: ka.cvThreshold,
    minSamples: ka.minSamples,
    outOfRangeShare: ka.outOfRangeShare,
    forecastMargin: ka.forecastMargin,
    forecastSmoothing: ka.forecastSmoothing,
    fallbackKeepAliveMs: ka.fallbackKeepAliveMs,
  };
}
