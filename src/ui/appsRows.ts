import type { TFunction } from 'i18next';
import { figures } from '../sim/figures';
import type { Trigger } from '../sim/triggers';
import type { Frame } from '../worker/frame';

type Row = [string, string];

const TRIGGER_NAMES = new Set<string>(['api', 'url', 'sdk', 'storage', 'schedule', 'queue']);

/**
 * The request inspector's rows on triggers and permissions (issue 6): how the call came, who
 * made it, the function's resource policy and role, its place in a chain of calls, what it
 * waits for, and what refused or failed it (the policy by name).
 */
export function appsRequestRows(
  frame: Pick<Frame, 'functions'>,
  r: { fn: number; via?: string; caller?: string; depth?: number; waitingFor?: number | null; deniedBy?: string },
  t: TFunction,
): Row[] {
  const fn = frame.functions[r.fn]!;
  const rows: Row[] = [];
  if (r.via) {
    const how = TRIGGER_NAMES.has(r.via) ? t(`apps.triggers.${r.via as Trigger}`) : r.via;
    rows.push([t('apps.rows.trigger'), r.via === fn.trigger && fn.source && fn.source !== r.via ? `${how} (${fn.source})` : how]);
  }
  if (r.caller) rows.push([t('apps.rows.caller'), r.caller]);
  if (fn.resourcePolicy !== undefined) rows.push([t('apps.rows.policy'), fn.resourcePolicy === null ? t('apps.values.anyone') : fn.resourcePolicy.join(', ') || '—']);
  if (fn.role !== undefined) rows.push([t('apps.rows.role'), fn.role === null ? t('apps.values.anything') : fn.role.join(', ') || '—']);
  if (r.depth !== undefined && r.depth > 1) rows.push([t('apps.rows.chain'), t('apps.values.chain', { n: r.depth })]);
  if (r.waitingFor !== undefined && r.waitingFor !== null) rows.push([t('apps.rows.waitingFor'), t('apps.values.waitingFor', { id: r.waitingFor })]);
  const why = r.deniedBy ? reason(frame, r.fn, r.deniedBy, t) : null;
  if (why) rows.push([t('apps.rows.deniedBy'), why]);
  return rows;
}

/** "policy", "guard", "role:s3:uploads", "call:orders:failed", "timeout:orders" in words. */
function reason(frame: Pick<Frame, 'functions'>, fnIndex: number, code: string, t: TFunction): string {
  const fn = frame.functions[fnIndex]!;
  if (code === 'policy') {
    const allowed = fn.resourcePolicy ?? [];
    return allowed.length ? t('apps.values.policy', { fn: fn.name, allowed: allowed.join(', ') }) : t('apps.values.policyNone', { fn: fn.name });
  }
  if (code === 'guard') return t('apps.values.guard', { n: figures.recursionGuardInvocations.value });
  const [kind, ...rest] = code.split(':');
  if (kind === 'role') return t('apps.values.role', { fn: fn.name, resource: rest.join(':') });
  if (kind === 'call') return t('apps.values.call', { callee: rest[0], outcome: rest[1] });
  if (kind === 'timeout') return t('apps.values.timeout', { callee: rest[0] });
  return code;
}
