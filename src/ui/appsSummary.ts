import { isAsyncTrigger } from '../sim/triggers';
import type { Frame } from '../worker/frame';

/**
 * The summary's counts of the application side (issue 6), each shown when the scenario can
 * produce it: refusals at an API gateway when a function has one, dead-lettered events when a
 * function is called asynchronously, denials when a function has a resource policy or a role.
 */
export function appsShown(frame: Pick<Frame, 'functions' | 'summary'>): ['gateway' | 'deadLettered' | 'denied', number][] {
  const s = frame.summary;
  // Frames made before these fields existed (tests' fixtures) have none of them.
  const fns = frame.functions ?? [];
  const out: ['gateway' | 'deadLettered' | 'denied', number][] = [];
  if ((s.gatewayThrottled ?? 0) > 0 || fns.some((f) => f.trigger === 'api')) out.push(['gateway', s.gatewayThrottled]);
  if ((s.deadLettered ?? 0) > 0 || fns.some((f) => f.trigger !== undefined && isAsyncTrigger(f.trigger))) out.push(['deadLettered', s.deadLettered]);
  const denied = (s.denied ?? 0) + (s.roleDenied ?? 0);
  if (denied > 0 || fns.some((f) => f.resourcePolicy || f.role)) out.push(['denied', denied]);
  return out;
}
