import type { FunctionSpec } from './scenario';

/**
 * How events reach a function (domain.md §6), and who is calling: the principal that a
 * function's resource policy must allow, and the resource a caller's execution role must list.
 *
 * Synchronous: through an API gateway (`api`), a function URL (`url`) or the SDK's Invoke
 * (`sdk`): the caller waits. Asynchronous: an object written to a bucket (`storage`), a
 * schedule (`schedule`) or a message on a queue (`queue`): the platform queues the event and
 * retries it on failure.
 */
export const TRIGGERS = ['api', 'url', 'sdk', 'storage', 'schedule', 'queue'] as const;
export type Trigger = (typeof TRIGGERS)[number];

const ASYNC_TRIGGERS: ReadonlySet<Trigger> = new Set<Trigger>(['storage', 'schedule', 'queue']);
export const isAsyncTrigger = (t: Trigger): boolean => ASYNC_TRIGGERS.has(t);

/**
 * A call a function makes during an invocation, after its own work: `sync` invokes the callee
 * and waits for its answer (the caller's sandbox stays busy, and billed); `async` invokes it as
 * an event and goes on; `storage` writes an object to the callee's bucket, which triggers it.
 */
export const CALL_MODES = ['sync', 'async', 'storage'] as const;
export type CallMode = (typeof CALL_MODES)[number];

type Spec = Pick<FunctionSpec, 'name' | 'trigger' | 'invocation' | 'gateway' | 'workload' | 'source'>;

/** The function's trigger: as written, or what its older fields say (a gateway: api; async: storage or schedule; else sdk). */
export function triggerOf(f: Spec): Trigger {
  if (f.trigger) return f.trigger;
  if (f.gateway) return 'api';
  if (f.invocation === 'async') return f.workload.type === 'periodic' ? 'schedule' : 'storage';
  return 'sdk';
}

/** The bucket, schedule rule or queue the events come from (default: named after the function). */
export function sourceOf(f: Spec): string {
  if (f.source) return f.source;
  const t = triggerOf(f);
  return t === 'storage' ? `${f.name}-bucket` : t === 'schedule' ? `${f.name}-schedule` : t === 'queue' ? `${f.name}-queue` : t;
}

/** The principal of the calls of the function's workload: `apigateway`, `url`, `sdk`, `s3:bucket`, `events:rule`, `sqs:queue`. */
export function workloadPrincipal(f: Spec & { caller?: string | undefined }): string {
  if (f.caller) return f.caller;
  const t = triggerOf(f);
  switch (t) {
    case 'api':
      return 'apigateway';
    case 'storage':
      return `s3:${sourceOf(f)}`;
    case 'schedule':
      return `events:${sourceOf(f)}`;
    case 'queue':
      return `sqs:${sourceOf(f)}`;
    default:
      return t;
  }
}

/**
 * What a call goes through: the callee's bucket for a write, its queue for an asynchronous call
 * to a queue-triggered function, else nothing (the SDK's Invoke, straight to the function).
 */
function via(mode: CallMode, callee: Spec): string | null {
  if (mode === 'storage') return `s3:${sourceOf(callee)}`;
  if (mode === 'async' && triggerOf(callee) === 'queue') return `sqs:${sourceOf(callee)}`;
  return null;
}

/** The principal a function call reaches the callee as: the bucket or queue it went through, else the calling function. */
export function callPrincipal(callerName: string, mode: CallMode, callee: Spec): string {
  return via(mode, callee) ?? `fn:${callerName}`;
}

/** What the caller's execution role must list to make the call: the bucket or queue it writes to, or the function it invokes. */
export function callResource(mode: CallMode, callee: Spec): string {
  return via(mode, callee) ?? `fn:${callee.name}`;
}
