import { setup } from 'xstate';

/**
 * The life of one sandbox (execution environment), as the engine runs it.
 *
 * Every step the engine takes for a sandbox is a transition of this chart: the engine
 * only sends events and carries out the named entry actions (scheduling the next timed
 * event, freeing memory...). Guards that would depend on a sandbox's data (is a request
 * waiting for this init? did init exceed its limit?) are decided by the engine and sent
 * as distinct events, so the chart stays finite and compiles to a table (see compile.ts).
 */
export const sandboxEventTypes = [
  'PLACED',
  'PLACED_FROM_POOL',
  'PLACED_FOR_RESTORE',
  'ASSIGNED',
  'CODE_FETCHED',
  'SANDBOX_STARTED',
  'RUNTIME_BOOTED',
  'INIT_DONE',
  'INIT_DONE_FOR_REQUEST',
  'INIT_FAILED',
  'INVOKE',
  'INVOKE_DONE',
  'INVOKE_TIMED_OUT',
  'KEEP_ALIVE_EXPIRED',
  'DEPROVISIONED',
  'HOST_RECYCLED',
  'SHUTDOWN_DONE',
] as const;

export type SandboxEventType = (typeof sandboxEventTypes)[number];
export type SandboxEvent = { type: SandboxEventType };

export const sandboxLifecycle = setup({
  types: {
    events: {} as SandboxEvent,
  },
  actions: {
    // Implemented by the engine (src/sim/actions.ts); named here so the chart reads as a diagram.
    schedulePlacement: () => {},
    scheduleCodeFetch: () => {},
    scheduleSandboxStart: () => {},
    scheduleRuntimeBoot: () => {},
    scheduleAssignment: () => {},
    scheduleSnapshotRestore: () => {},
    scheduleInitCode: () => {},
    startKeepAliveTimer: () => {},
    runInvocation: () => {},
    failWaitingRequest: () => {},
    scheduleShutdown: () => {},
    releaseMemory: () => {},
  },
}).createMachine({
  id: 'sandbox',
  initial: 'placing',
  states: {
    placing: {
      description: 'The placement service picks a worker (host) and a guest OS for the new sandbox.',
      entry: 'schedulePlacement',
      on: {
        PLACED: 'initializing',
        // The engine decides which cold start this is (a guard on the function's settings and
        // the pool's contents) and sends it as its own event.
        PLACED_FROM_POOL: 'initializing.assigningFromPool',
        PLACED_FOR_RESTORE: 'initializing.restoringSnapshot',
      },
    },
    initializing: {
      description: 'The cold start: four phases before the handler can run (fewer from a warm pool or a snapshot).',
      initial: 'fetchingCode',
      states: {
        fetchingCode: {
          description: 'Download the function package; grows with its size.',
          entry: 'scheduleCodeFetch',
          on: { CODE_FETCHED: 'startingSandbox' },
        },
        startingSandbox: {
          description: 'Start the container or boot the microVM.',
          entry: 'scheduleSandboxStart',
          on: { SANDBOX_STARTED: 'bootingRuntime' },
        },
        bootingRuntime: {
          description: 'Start the language runtime (Node.js, Python, JVM...).',
          entry: 'scheduleRuntimeBoot',
          on: { RUNTIME_BOOTED: 'runningInit' },
        },
        assigningFromPool: {
          description: 'Warm pool: a generic sandbox, booted ahead of time, is handed this function and its code.',
          entry: 'scheduleAssignment',
          on: { ASSIGNED: 'runningInit' },
        },
        restoringSnapshot: {
          description: 'Snapshot restore: the memory of a sandbox initialized at deployment is loaded; init does not run again.',
          entry: 'scheduleSnapshotRestore',
          on: {
            INIT_DONE: '#sandbox.idle',
            INIT_DONE_FOR_REQUEST: '#sandbox.invoking',
          },
        },
        runningInit: {
          description: 'Run the code outside the handler: clients, caches, models. Once per sandbox.',
          entry: 'scheduleInitCode',
          on: {
            INIT_DONE: '#sandbox.idle',
            INIT_DONE_FOR_REQUEST: '#sandbox.invoking',
            INIT_FAILED: { target: '#sandbox.shuttingDown', actions: 'failWaitingRequest' },
          },
        },
      },
      on: { HOST_RECYCLED: { target: 'shuttingDown', actions: 'failWaitingRequest' } },
    },
    idle: {
      description: 'Frozen between invocations: globals, /tmp and init work are kept (warm).',
      entry: 'startKeepAliveTimer',
      on: {
        INVOKE: 'invoking',
        KEEP_ALIVE_EXPIRED: 'shuttingDown',
        // Provisioned concurrency lowered (a schedule's step): the surplus is reclaimed.
        DEPROVISIONED: 'shuttingDown',
        HOST_RECYCLED: 'shuttingDown',
      },
    },
    invoking: {
      description: 'Running one invocation; a second concurrent request needs another sandbox.',
      entry: 'runInvocation',
      on: {
        INVOKE_DONE: 'idle',
        // After a timeout the runtime is reset: the sandbox is discarded, the next request is cold.
        INVOKE_TIMED_OUT: 'shuttingDown',
      },
    },
    shuttingDown: {
      description: 'Reclaimed: memory and /tmp are lost.',
      entry: 'scheduleShutdown',
      on: { SHUTDOWN_DONE: 'gone' },
    },
    gone: {
      type: 'final',
      entry: 'releaseMemory',
    },
  },
});
