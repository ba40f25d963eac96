/** The platform's entities: plain data, referenced by numeric id, so a checkpoint can copy them. */

/** A worker: a physical host running guest OSes. */
export interface Host {
  id: number;
  memoryMb: number;
  /** Memory taken by guest OSes (microVMs with their overhead, or account VMs). */
  usedMb: number;
  /** Live sandboxes per function index: placement spreads one function across hosts. */
  sandboxesByFn: Record<number, number>;
  guestOses: number[];
}

/** A guest OS: a microVM (one sandbox) or an account VM (that account's containers). */
export interface GuestOs {
  id: number;
  host: number;
  /** Account index. A guest OS never serves two accounts. */
  account: number;
  kind: 'microvm' | 'account-vm';
  /** Size reserved on the host. */
  memoryMb: number;
  /** Memory taken by its sandboxes. */
  usedMb: number;
  sandboxes: number;
  /** When it has booted (an account VM's containers wait for it). */
  readyAt: number;
  createdAt: number;
}

/**
 * How a sandbox's cold start goes: `full` (fetch code, start, boot the runtime, run init),
 * `pool` (a generic sandbox from the warm pool is assigned, then init runs) or `snapshot`
 * (the function's snapshot is restored; init does not run).
 */
export type StartKind = 'full' | 'pool' | 'snapshot';

/**
 * A generic sandbox of the warm pool: a microVM with a runtime booted and no function yet. It
 * holds its memory on its host from the moment it is started; it is ready at `readyAt`.
 */
export interface PoolSandbox {
  id: number;
  host: number;
  /** Reserved on the host: the pool's sandbox size plus the microVM overhead. */
  memoryMb: number;
  createdAt: number;
  readyAt: number;
}

export interface Sandbox {
  id: number;
  /** Function index. A sandbox never serves two functions. */
  fn: number;
  host: number;
  guestOs: number;
  /** State index in the compiled sandbox lifecycle. */
  state: number;
  stateSince: number;
  /** When the current state's timed step ends (init phase, handler, keep-alive), or -1. */
  stateEndsAt: number;
  createdAt: number;
  provisioned: boolean;
  /** A provisioned sandbox made surplus by a lower provisioned level: reclaimed, not replaced. */
  deprovisioned: boolean;
  start: StartKind;
  /** A pre-warmed sandbox (hybrid keep-alive) is kept loaded until then, if unused; else -1. */
  loadedUntil: number;
  invocations: number;
  /** The cold request waiting for this sandbox's init, or -1. */
  waitingRequest: number;
  /** The request being served, or -1: one invocation at a time. */
  currentRequest: number;
  /** Bumped each time the sandbox goes idle: a stale keep-alive timer carries an old value. */
  keepAliveGen: number;
  initStartedAt: number;
  initEndedAt: number;
}

export interface Request {
  id: number;
  fn: number;
  arrivedAt: number;
  state: number;
  stateSince: number;
  /** When the current state's timed step ends (a hop, the handler, a retry), or -1. */
  stateEndsAt: number;
  /** Sandbox serving (or being created for) this request, or -1. */
  sandbox: number;
  cold: boolean;
  admitted: boolean;
  /** Counting attempts (asynchronous events are retried). */
  attempts: number;
  handlerMs: number;
  timesOut: boolean;
  /** The current invocation ends in a function error (drawn at its start). */
  fails: boolean;
  /** Invocations of this request that ended in a function error (asynchronous events are retried). */
  failures: number;
  /** Queued and retried by the platform (an event), rather than awaited by its caller. */
  async: boolean;
  /** How it was made: the function's trigger, or "sdk" / "storage" for a call from another function. */
  via: string;
  /** The principal calling, checked against the function's resource policy. */
  caller: string;
  /** Its place in a chain of calls: 1 for a call of the workload, the caller's depth + 1 for a call from a function. */
  depth: number;
  /** The request of the function waiting for this one's answer (a synchronous call), or -1. */
  parent: number;
  /** While its handler waits for a synchronous call: that call's request, or -1. */
  waitingFor: number;
  waitStartedAt: number;
  /** The next of the function's `calls` to make in the current invocation. */
  nextCall: number;
  /** What refused or failed it: the resource policy, the execution role, the recursion guard, or a failed call ("" if nothing). */
  deniedBy: string;
}

/** A request that has ended, kept briefly so the animation can show how it left. */
export interface EndedRequest {
  id: number;
  fn: number;
  /**
   * How it ended, in four kinds: a call refused at the API gateway is `throttled` (HTTP 429
   * too), a dead-lettered event `failed`. `state` says exactly where it ended.
   */
  outcome: 'responded' | 'throttled' | 'timedOut' | 'failed';
  /** The final state of the request path chart: one of the four above, `throttledAtGateway` or `deadLettered`. */
  state: string;
  endedAt: number;
  arrivedAt: number;
  cold: boolean;
  sandbox: number;
  /** How it was made, who called, and what refused or failed it (see Request). */
  via?: string;
  caller?: string;
  deniedBy?: string;
}

/** Raised when the simulation breaks one of the platform's rules: always a bug, never input. */
export class InvariantError extends Error {
  constructor(message: string) {
    super(`invariant violated: ${message}`);
    this.name = 'InvariantError';
  }
}
