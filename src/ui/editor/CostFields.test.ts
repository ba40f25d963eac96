// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { presets } from '../../lessons/presets';
import { checkScenario } from '../../sim/scenario';
import { getIn } from './paths';
import { click, control, description, frozen, group, mountEditor, type, type Mounted } from './testDom';

const preset = (id: string) => frozen(presets.find((p) => p.id === id)!.scenario);
let editor: Mounted;
afterEach(() => editor?.unmount());

const radio = (fieldset: HTMLFieldSetElement, label: string) => {
  const l = [...fieldset.querySelectorAll('label')].find((x) => x.textContent?.trim() === label)!;
  return fieldset.ownerDocument.getElementById(l.htmlFor) as HTMLInputElement;
};

describe('the editor fields for gateway, failures, CPU, retries and billing', () => {
  it('puts an API gateway in front of a function at the quota defaults, then takes it away', () => {
    editor = mountEditor(preset('one-cold-start'));
    const calledThrough = group(editor.container, 'Called through');
    expect(radio(calledThrough, 'directly (SDK or function URL)').checked).toBe(true);
    click(radio(calledThrough, 'an API gateway'));
    expect(getIn(editor.draft, ['functions', 0, 'gateway'])).toEqual({ ratePerSec: 10_000, burst: 5_000 });
    type(control(editor.container, 'Gateway rate (requests/s)'), '5');
    expect(getIn(editor.draft, ['functions', 0, 'gateway', 'ratePerSec'])).toBe(5);
    expect(checkScenario(editor.draft).ok).toBe(true);
    click(radio(calledThrough, 'directly (SDK or function URL)'));
    expect(getIn(editor.draft, ['functions', 0])).not.toHaveProperty('gateway');
  });

  it('says beside the field that a gateway fronts synchronous functions only', () => {
    editor = mountEditor(preset('one-cold-start'));
    click(radio(group(editor.container, 'Invocation'), 'asynchronous'));
    click(radio(group(editor.container, 'Called through'), 'an API gateway'));
    const fieldset = group(editor.container, 'Called through');
    expect(fieldset.textContent).toContain('an API gateway fronts synchronous functions only');
  });

  it('keeps a failure rate out of range as typed, with the range beside it', () => {
    editor = mountEditor(preset('one-cold-start'));
    const rate = control(editor.container, 'Failure rate (0–1)') as HTMLInputElement;
    type(rate, '1.5');
    expect(getIn(editor.draft, ['functions', 0, 'failureRate'])).toBe(1.5);
    expect(rate.getAttribute('aria-invalid')).toBe('true');
    expect(description(rate)).toContain('expected 0..1');
    type(rate, '');
    expect(getIn(editor.draft, ['functions', 0])).not.toHaveProperty('failureRate');
  });

  it('writes the CPU-bound share, the retry settings and the prices where the engine reads them', () => {
    editor = mountEditor(preset('one-cold-start'));
    type(control(editor.container, 'CPU-bound share (0–1)'), '0.8');
    expect(getIn(editor.draft, ['functions', 0, 'cpuBoundFraction'])).toBe(0.8);
    type(control(editor.container, 'Retries after a function error (0–2)'), '1');
    type(control(editor.container, 'Wait before the first retry (s)'), '30');
    expect(getIn(editor.draft, ['platform', 'async'])).toEqual({ errorRetries: 1, errorRetryBaseMs: 30_000 });
    const granularity = control(editor.container, 'Billing granularity (ms)');
    expect(description(granularity)).toContain('AWS announcement, re:Invent 2020');
    type(granularity, '100');
    type(control(editor.container, 'Compute (USD per GB-s)'), '0.00002');
    expect(getIn(editor.draft, ['platform', 'billing'])).toEqual({ granularityMs: 100, pricePerGbSecond: 0.00002 });
    const check = checkScenario(editor.draft);
    expect(check.ok && check.scenario.platform.billing.pricePerMillionRequests).toBe(0.2);
    // A price out of range is shown beside its field, not in the list at the top.
    const price = control(editor.container, 'Compute (USD per GB-s)');
    type(price, '2');
    expect(description(price)).toContain('expected 0..1');
    expect(editor.container.querySelector('[role="alert"]')).toBeNull();
  });
});
