import { describe, expect, it } from 'vitest';
import { i18n, setLang } from '../i18n';
import type { Frame, FunctionView } from '../worker/frame';
import { appsRequestRows } from './appsRows';
import { appsShown } from './appsSummary';

const fn = (extra: Partial<FunctionView>): FunctionView => ({ index: 0, name: 'redact', account: 'a', memoryMb: 512, timeoutMs: 3000, ...extra });
const summary = { gatewayThrottled: 2, deadLettered: 0, denied: 3, roleDenied: 1, loopsStopped: 0 } as Frame['summary'];

describe('the request inspector on triggers and permissions', () => {
  it('names the trigger and its source, the caller, the policy and the role', async () => {
    await setLang('en');
    const frame = { functions: [fn({ trigger: 'storage', source: 'photos', resourcePolicy: ['s3:photos'], role: ['s3:photos'] })] };
    expect(appsRequestRows(frame, { fn: 0, via: 'storage', caller: 's3:photos', depth: 3, waitingFor: null, deniedBy: '' }, i18n.t)).toEqual([
      ['Trigger', 'bucket event (photos)'],
      ['Caller', 's3:photos'],
      ['Resource policy', 's3:photos'],
      ['Execution role', 's3:photos'],
      ['Call chain', 'invocation 3 of the chain'],
    ]);
  });

  it('names what refused the request: the policy with who it allows, the role, the guard, a failed call', async () => {
    await setLang('en');
    const frame = { functions: [fn({ trigger: 'sdk', resourcePolicy: ['apigateway'], role: null })] };
    const why = (deniedBy: string) => appsRequestRows(frame, { fn: 0, deniedBy }, i18n.t).find(([k]) => k === i18n.t('apps.rows.deniedBy'))?.[1];
    expect(why('policy')).toBe('the resource policy of redact, which allows apigateway');
    expect(why('role:s3:uploads')).toBe('the execution role of redact, which lacks s3:uploads');
    expect(why('guard')).toBe('the recursion guard: a chain of more than 16 invocations is stopped');
    expect(why('call:orders:denied')).toBe('the call to orders, which ended denied');
    expect(why('')).toBeUndefined();
    await setLang('fr');
    expect(why('policy')).toBe('la politique de ressource de redact, qui autorise apigateway');
    await setLang('en');
  });
});

describe('the summary bar on the application side', () => {
  it('shows each count the scenario can produce, and any that is not zero', () => {
    expect(appsShown({ functions: [fn({ trigger: 'sdk' })], summary })).toEqual([
      ['gateway', 2],
      ['denied', 4],
    ]);
    expect(appsShown({ functions: [fn({ trigger: 'queue' })], summary: { ...summary, gatewayThrottled: 0, denied: 0, roleDenied: 0 } })).toEqual([['deadLettered', 0]]);
  });
});
