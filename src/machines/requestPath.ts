import { setup } from 'xstate';

/**
 * The path of one invocation through the data plane:
 * load balancer > frontend > counting service > worker manager (> placement) > worker.
 *
 * Decisions that depend on the platform's data (is there a warm sandbox? is the function over
 * its concurrency limit?) are taken by the engine and arrive as distinct events.
 */
export const requestEventTypes = [
  'HOP_DONE',
  'ADMITTED',
  'OVER_LIMIT',
  'OVER_LIMIT_ASYNC',
  'RETRY',
  'RETRIES_EXHAUSTED',
  'WARM_SANDBOX',
  'NO_WARM_SANDBOX',
  'NO_CAPACITY',
  'SANDBOX_READY',
  'INIT_FAILED',
  'HANDLER_DONE',
  'HANDLER_TIMED_OUT',
] as const;

export type RequestEventType = (typeof requestEventTypes)[number];
export type RequestEvent = { type: RequestEventType };

export const requestPath = setup({
  types: {
    events: {} as RequestEvent,
  },
  actions: {
    scheduleLoadBalancerHop: () => {},
    scheduleFrontendHop: () => {},
    scheduleCountingHop: () => {},
    scheduleWorkerManagerHop: () => {},
    acquireConcurrency: () => {},
    scheduleRetry: () => {},
    assignWarmSandbox: () => {},
    requestNewSandbox: () => {},
    startHandler: () => {},
    releaseConcurrency: () => {},
    recordOutcome: () => {},
  },
}).createMachine({
  id: 'request',
  initial: 'atLoadBalancer',
  states: {
    atLoadBalancer: {
      description: 'The load balancer receives the call and forwards it to a frontend.',
      entry: 'scheduleLoadBalancerHop',
      on: { HOP_DONE: 'atFrontend' },
    },
    atFrontend: {
      description: 'The frontend (invoke service) authenticates and looks up the function metadata.',
      entry: 'scheduleFrontendHop',
      on: { HOP_DONE: 'counting' },
    },
    counting: {
      description: 'The counting service checks concurrency against the account and reserved limits.',
      entry: 'scheduleCountingHop',
      on: {
        ADMITTED: { target: 'routing', actions: 'acquireConcurrency' },
        OVER_LIMIT: 'throttled',
        OVER_LIMIT_ASYNC: 'queued',
      },
    },
    queued: {
      description: 'An asynchronous event over the limit waits in the queue and is retried.',
      entry: 'scheduleRetry',
      on: { RETRY: 'counting', RETRIES_EXHAUSTED: 'failed' },
    },
    routing: {
      description: 'The worker manager looks for an idle (warm) sandbox of this function.',
      entry: 'scheduleWorkerManagerHop',
      on: {
        WARM_SANDBOX: { target: 'running', actions: 'assignWarmSandbox' },
        NO_WARM_SANDBOX: 'waitingForSandbox',
      },
    },
    waitingForSandbox: {
      description: 'Cold start: placement picks a worker and the new sandbox initializes.',
      entry: 'requestNewSandbox',
      on: {
        SANDBOX_READY: 'running',
        NO_CAPACITY: { target: 'failed', actions: 'releaseConcurrency' },
        INIT_FAILED: { target: 'failed', actions: 'releaseConcurrency' },
      },
    },
    running: {
      description: 'The handler runs on its sandbox.',
      entry: 'startHandler',
      on: {
        HANDLER_DONE: { target: 'responded', actions: 'releaseConcurrency' },
        HANDLER_TIMED_OUT: { target: 'timedOut', actions: 'releaseConcurrency' },
      },
    },
    responded: { type: 'final', entry: 'recordOutcome' },
    throttled: { type: 'final', entry: 'recordOutcome' },
    timedOut: { type: 'final', entry: 'recordOutcome' },
    failed: { type: 'final', entry: 'recordOutcome' },
  },
});
