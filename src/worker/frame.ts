import type { EndedRequest } from '../sim/model';
import type { SeriesData } from '../sim/timeline';
import type { Trigger } from '../sim/triggers';

/**
 * What the simulation worker posts to the page after each advance: the platform at one
 * simulated instant. Views draw a frame and nothing else, so any instant (after a rewind too)
 * can be drawn from the frame alone. `seq` changes whenever the content does: views memoize on it.
 */
export interface Frame {
  seq: number;
  /** Simulated time, ms. */
  t: number;
  durationMs: number;
  /** The run has reached its end. */
  done: boolean;
  scenarioName: string;
  functions: FunctionView[];
  accounts: string[];
  isolation: 'microvm' | 'account-vm';
  hosts: HostView[];
  guestOses: GuestOsView[];
  sandboxes: SandboxView[];
  /**
   * The warm pool's generic sandboxes (platform.warmPool), booting or ready: on a host, holding
   * memory there, but no function's yet. Not in `sandboxes`, nor in any count or summary of them.
   */
  poolSandboxes: PoolSandboxView[];
  /** The warm pool as configured (null: none), for the views' legends. */
  warmPool: { size: number; sandboxMb: number } | null;
  /** Requests in flight (at most MAX_REQUESTS_IN_FRAME of them, the most recent). */
  requests: RequestView[];
  /** Requests in flight not listed because of the cap. */
  requestsNotShown: number;
  /** Requests that ended shortly before `t` (for the animation of their exit). */
  recentlyEnded: EndedRequestView[];
  /** Entities in each state of the sandbox lifecycle and of the request path, keyed by state path. */
  counts: { sandbox: Record<string, number>; request: Record<string, number> };
  summary: Summary;
  series: SeriesData;
  /** The keep-alive policy (platform.keepAlive.policy). */
  keepAlivePolicy: 'none' | 'fixed' | 'hybrid';
  /**
   * How long the keep-alive policy keeps every idle sandbox: `idleMs` under `fixed`, 0 under
   * `none`; null under `hybrid`, where the engine decides it per function and per sandbox. When
   * a given idle sandbox is reclaimed, under any policy, is its `reclaimAt`.
   */
  keepAliveMs: number | null;
}

export interface FunctionView {
  index: number;
  name: string;
  account: string;
  memoryMb: number;
  timeoutMs: number;
  /** How events reach it (see sim/triggers.ts), and the bucket, schedule or queue they come from. */
  trigger?: Trigger;
  source?: string;
  /** Who may invoke it, and what it may reach (null: no restriction). */
  resourcePolicy?: string[] | null;
  role?: string[] | null;
  /** Its cold starts restore a snapshot (phase `initializing.restoringSnapshot`). */
  snapStart?: boolean;
}

export interface HostView {
  id: number;
  memoryMb: number;
  usedMb: number;
}

export interface GuestOsView {
  id: number;
  host: number;
  account: string;
  kind: 'microvm' | 'account-vm';
  memoryMb: number;
  usedMb: number;
  createdAt: number;
  readyAt: number;
}

export interface SandboxView {
  id: number;
  fn: number;
  host: number;
  guestOs: number;
  /** State path in the sandbox lifecycle chart, e.g. `initializing.bootingRuntime`. */
  state: string;
  stateSince: number;
  /** When the current state's timed step ends (init phase, handler, keep-alive expiry), or null. */
  stateEndsAt: number | null;
  createdAt: number;
  initEndedAt: number | null;
  invocations: number;
  provisioned: boolean;
  currentRequest: number | null;
  /**
   * Idle only: when keep-alive will reclaim it if no call comes, as the engine scheduled it
   * (its keep-alive timer, under every policy); null when not idle or never (provisioned).
   */
  reclaimAt: number | null;
}

/** The state of a warm-pool sandbox: starting (placement, microVM and runtime boot) or ready to be assigned. */
export type PoolSandboxState = 'pool.booting' | 'pool.ready';

/** A generic sandbox of the warm pool: a microVM with its runtime booted, no function yet. Its ids are the pool's own. */
export interface PoolSandboxView {
  id: number;
  host: number;
  state: PoolSandboxState;
  /** When it started booting, and when it is (or was) ready. */
  createdAt: number;
  readyAt: number;
  /** Held on its host: the pool's sandbox size plus the microVM overhead. */
  memoryMb: number;
}

export interface RequestView {
  id: number;
  fn: number;
  /** State path in the request path chart, e.g. `atFrontend`. */
  state: string;
  stateSince: number;
  stateEndsAt: number | null;
  arrivedAt: number;
  sandbox: number | null;
  cold: boolean;
  attempts: number;
  /** How it was made (a trigger, or "sdk" / "storage" for a call from a function) and by which principal. */
  via: string;
  caller: string;
  /** Its place in a chain of calls (1: called by the workload). */
  depth: number;
  /** The synchronous call its handler is waiting for, or null. */
  waitingFor: number | null;
  /** What refused or failed it: "policy", "guard", "role:<resource>", "call:<fn>:<outcome>", "timeout:<fn>", or "". */
  deniedBy: string;
}

/** An ended request as the engine keeps it, with "no sandbox" as null rather than -1. */
export type EndedRequestView = Omit<EndedRequest, 'sandbox'> & { sandbox: number | null };

export interface Summary {
  requests: number;
  completed: number;
  cold: number;
  warm: number;
  throttled: number;
  timedOut: number;
  failed: number;
  /** Calls refused by an API gateway (HTTP 429 before the platform; not in `throttled`). */
  gatewayThrottled: number;
  /** Asynchronous events sent to the dead-letter queue after their retries (not in `failed`). */
  deadLettered: number;
  /** Calls refused by a resource policy (at the frontend). */
  denied: number;
  /** Event chains stopped by the recursion guard (their events are in deadLettered). */
  loopsStopped: number;
  /** Invocations failed for reaching a resource outside their execution role (in failed or deadLettered). */
  roleDenied: number;
  inFlight: number;
  sandboxes: { initializing: number; idle: number; busy: number; shuttingDown: number };
  costUsd: number;
  idleGbSeconds: number;
}

/** Tokens beyond this are counted at their station, not drawn: a crowd of dots says no more. */
export const MAX_REQUESTS_IN_FRAME = 200;
