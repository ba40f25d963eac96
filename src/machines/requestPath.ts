import { setup } from 'xstate';

/**
 * The path of one invocation through the data plane:
 * (API gateway >) load balancer > frontend > counting service > worker manager (> placement) > worker.
 *
 * Decisions that depend on the platform's data (is there a warm sandbox? is the function over
 * its concurrency limit? did the handler fail?) are taken by the engine and arrive as distinct events.
 */
export const requestEventTypes = [
  'DIRECT',
  'VIA_GATEWAY',
  'GATEWAY_PASSED',
  'GATEWAY_THROTTLED',
  'HOP_DONE',
  'ADMITTED',
  'OVER_LIMIT',
  'OVER_LIMIT_ASYNC',
  'RETRY',
  'RETRIES_EXHAUSTED',
  'DEAD_LETTER',
  'WARM_SANDBOX',
  'NO_WARM_SANDBOX',
  'NO_CAPACITY',
  'SANDBOX_READY',
  'INIT_FAILED',
  'HANDLER_DONE',
  'HANDLER_TIMED_OUT',
  'HANDLER_FAILED',
  'HANDLER_FAILED_RETRY',
  'HANDLER_FAILED_FINAL',
  'DENIED',
  'LOOP_DETECTED',
] as const;

export type RequestEventType = (typeof requestEventTypes)[number];
export type RequestEvent = { type: RequestEventType };

export const requestPath = setup({
  types: {
    events: {} as RequestEvent,
  },
  actions: {
    scheduleGatewayHop: () => {},
    scheduleLoadBalancerHop: () => {},
    scheduleFrontendHop: () => {},
    scheduleCountingHop: () => {},
    scheduleWorkerManagerHop: () => {},
    acquireConcurrency: () => {},
    scheduleRetry: () => {},
    scheduleErrorRetry: () => {},
    assignWarmSandbox: () => {},
    requestNewSandbox: () => {},
    startHandler: () => {},
    releaseConcurrency: () => {},
    recordOutcome: () => {},
  },
}).createMachine({
  id: 'request',
  initial: 'arriving',
  states: {
    // A choice, taking no time: the engine sends DIRECT or VIA_GATEWAY as the request is
    // created, so no request is ever seen here (the trace shows its creation at the next state,
    // as XState would with an eventless transition in the same macrostep).
    arriving: {
      description: "The call is made: through the function's API gateway if it has one, else straight to the load balancer.",
      on: { DIRECT: 'atLoadBalancer', VIA_GATEWAY: 'atGateway' },
    },
    atGateway: {
      description: "The API gateway takes a token from the function's bucket (steady rate, burst); with none left, the call gets HTTP 429 here.",
      entry: 'scheduleGatewayHop',
      on: { GATEWAY_PASSED: 'atLoadBalancer', GATEWAY_THROTTLED: 'throttledAtGateway' },
    },
    atLoadBalancer: {
      description: 'The load balancer receives the call and forwards it to a frontend.',
      entry: 'scheduleLoadBalancerHop',
      on: { HOP_DONE: 'atFrontend' },
    },
    atFrontend: {
      description: "The frontend (invoke service) authenticates and looks up the function metadata; a caller the function's resource policy does not allow is denied, and an event chain over the recursion guard's limit is stopped.",
      entry: 'scheduleFrontendHop',
      on: { HOP_DONE: 'counting', DENIED: 'denied', LOOP_DETECTED: 'deadLettered' },
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
      on: { RETRY: 'counting', RETRIES_EXHAUSTED: 'failed', DEAD_LETTER: 'deadLettered' },
    },
    waitingToRetry: {
      description: 'An asynchronous event whose invocation failed waits to be retried (about 1 min, then 2 min).',
      entry: 'scheduleErrorRetry',
      on: { RETRY: 'counting', DEAD_LETTER: 'deadLettered' },
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
        // A function error: a synchronous caller gets it; an asynchronous event is retried, then dead-lettered.
        HANDLER_FAILED: { target: 'failed', actions: 'releaseConcurrency' },
        HANDLER_FAILED_RETRY: { target: 'waitingToRetry', actions: 'releaseConcurrency' },
        HANDLER_FAILED_FINAL: { target: 'deadLettered', actions: 'releaseConcurrency' },
      },
    },
    responded: { type: 'final', entry: 'recordOutcome' },
    throttled: { type: 'final', entry: 'recordOutcome' },
    timedOut: { type: 'final', entry: 'recordOutcome' },
    failed: { type: 'final', entry: 'recordOutcome' },
    // Refused by the API gateway (HTTP 429): the platform never saw the call.
    throttledAtGateway: { type: 'final', entry: 'recordOutcome' },
    // An asynchronous event given up after its retries: sent to the dead-letter queue (or failure destination).
    deadLettered: { type: 'final', entry: 'recordOutcome' },
    // Refused by the frontend: the caller is not in the function's resource policy (HTTP 403).
    denied: { type: 'final', entry: 'recordOutcome' },
  },
});
