// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { presets } from '../../lessons/presets';
import { checkScenario } from '../../sim/scenario';
import { issueSlot } from './issues';
import { getIn } from './paths';
import { button, click, control, description, frozen, functionSection, group, mountEditor, type, type Mounted } from './testDom';

/** The editor fields for the hybrid keep-alive, the warm pool, SnapStart and scheduled provisioned concurrency. */

const preset = (id: string) => frozen(presets.find((p) => p.id === id)!.scenario);
const valid = (draft: unknown) => {
  const r = checkScenario(draft);
  return r.ok ? 'valid' : r.issues.map((i) => i.message).join('\n');
};
const radio = (fieldset: HTMLFieldSetElement, label: string) => control(fieldset, label) as HTMLInputElement;
const checkbox = (scope: ParentNode, label: string) => control(scope, label) as HTMLInputElement;
/** The problems listed inside the field (or group) that holds `el`. */
const problemsBeside = (el: Element) => [...el.closest('[data-se-path]')!.querySelectorAll('.se-problem')].map((li) => li.textContent ?? '').join('\n');
const HOUR = 3_600_000;

let editor: Mounted;
afterEach(() => editor?.unmount());

describe('the hybrid histogram keep-alive', () => {
  it('is a third keep-alive choice: chosen, it stores only the policy; a parameter typed is stored', () => {
    editor = mountEditor(preset('one-cold-start'));
    const keepAlive = group(editor.container, 'Keep-alive');
    expect(() => control(editor.container, 'Head percentile (0–100)')).toThrow();
    click(radio(keepAlive, 'hybrid histogram'));
    expect(getIn(editor.draft, ['platform', 'keepAlive'])).toEqual({ policy: 'hybrid' });
    expect(valid(editor.draft)).toBe('valid');

    const head = control(editor.container, 'Head percentile (0–100)') as HTMLInputElement;
    expect(head.placeholder).toBe('default 5');
    expect(description(head)).toContain('Serverless in the Wild');
    // Closed at first: every parameter has the paper's default.
    expect((head.closest('details') as HTMLDetailsElement).open).toBe(false);
    type(head, '10');
    type(control(editor.container, 'Histogram bin width (min)'), '2');
    expect(getIn(editor.draft, ['platform', 'keepAlive'])).toEqual({ policy: 'hybrid', headPercentile: 10, binMs: 120_000 });
    const r = checkScenario(editor.draft);
    expect(r.ok && r.scenario.platform.keepAlive).toMatchObject({ policy: 'hybrid', headPercentile: 10, tailPercentile: 99, binMs: 120_000, rangeMs: 4 * HOUR });
  });

  it('explains a head above the tail beside the head, opening the group', () => {
    editor = mountEditor(preset('one-cold-start'));
    click(radio(group(editor.container, 'Keep-alive'), 'hybrid histogram'));
    const head = control(editor.container, 'Head percentile (0–100)');
    type(head, '90');
    type(control(editor.container, 'Tail percentile (0–100)'), '50');
    expect(head.getAttribute('aria-invalid')).toBe('true');
    expect(description(head)).toContain('expected 0 <= headPercentile <= tailPercentile <= 100, got 90 and 50');
    expect((head.closest('details') as HTMLDetailsElement).open).toBe(true);
    expect(editor.container.querySelector('[role="alert"]')).toBeNull();
  });

  it('switching back to fixed gives the fixed keep-alive at its default again', () => {
    editor = mountEditor(preset('one-cold-start'));
    const keepAlive = group(editor.container, 'Keep-alive');
    click(radio(keepAlive, 'hybrid histogram'));
    type(control(editor.container, 'Histogram margin (0–0.99)'), '0.2');
    click(radio(keepAlive, 'fixed'));
    expect(getIn(editor.draft, ['platform', 'keepAlive'])).toEqual({ policy: 'fixed', idleMs: 600_000 });
    expect(valid(editor.draft)).toBe('valid');
  });
});

describe('the warm pool', () => {
  it('ticked adds a pool of 4, the fields set it, unticked removes the key', () => {
    editor = mountEditor(preset('one-cold-start'));
    const box = checkbox(editor.container, 'Warm pool of generic sandboxes');
    expect(box.checked).toBe(false);
    click(box);
    expect(getIn(editor.draft, ['platform', 'warmPool'])).toEqual({ size: 4 });
    expect(valid(editor.draft)).toBe('valid');
    type(control(editor.container, 'Pool size (sandboxes)'), '6');
    type(control(editor.container, 'Assignment time (ms)'), '40');
    expect(getIn(editor.draft, ['platform', 'warmPool'])).toEqual({ size: 6, assignMs: 40 });
    const r = checkScenario(editor.draft);
    expect(r.ok && r.scenario.platform.warmPool).toEqual({ size: 6, sandboxMb: 1024, assignMs: 40 });
    click(checkbox(editor.container, 'Warm pool of generic sandboxes'));
    expect(getIn(editor.draft, ['platform'])).not.toHaveProperty('warmPool');
    expect(() => control(editor.container, 'Pool size (sandboxes)')).toThrow();
    expect(valid(editor.draft)).toBe('valid');
  });

  it('with a VM per account, says beside the pool size that a pool needs microVMs', () => {
    editor = mountEditor(preset('two-accounts-account-vm'));
    click(checkbox(editor.container, 'Warm pool of generic sandboxes'));
    const size = control(editor.container, 'Pool size (sandboxes)');
    expect(size.getAttribute('aria-invalid')).toBe('true');
    expect(description(size)).toContain('a warm pool needs platform.isolation "microvm"');
    expect(problemsBeside(size)).toContain('a warm pool needs platform.isolation "microvm"');
    expect(editor.container.querySelector('[role="alert"]')).toBeNull();
    // Back to microVMs: the same pool is valid.
    click(radio(group(editor.container, 'Isolation'), 'microVM per sandbox'));
    expect(size.hasAttribute('aria-invalid')).toBe(false);
    expect(valid(editor.draft)).toBe('valid');
  });
});

describe('SnapStart', () => {
  it('ticked stores true, with the restore time and what a snapshot shares in its hint; unticked removes it', () => {
    editor = mountEditor(preset('one-cold-start'));
    const box = checkbox(functionSection(editor.container, 'resize-image'), 'SnapStart: restore a snapshot on cold starts');
    expect(description(box)).toContain('200 ms (platform coldStart.snapshotRestoreMs)');
    expect(description(box)).toContain('shared by every restored copy');
    click(box);
    expect(getIn(editor.draft, ['functions', 0, 'snapStart'])).toBe(true);
    expect(box.checked).toBe(true);
    expect(valid(editor.draft)).toBe('valid');
    click(box);
    expect(getIn(editor.draft, ['functions', 0])).not.toHaveProperty('snapStart');
  });

  it('shows a snapStart that is not a boolean beside the box', () => {
    const base = preset('one-cold-start');
    editor = mountEditor(frozen({ ...base, functions: [{ ...base.functions[0]!, snapStart: 'yes' }] }));
    const box = checkbox(editor.container, 'SnapStart: restore a snapshot on cold starts');
    expect(box.checked).toBe(false);
    expect(description(box)).toContain('expected boolean');
  });
});

describe('a provisioned-concurrency schedule', () => {
  it('ticked fills in the working day, repeated daily', () => {
    editor = mountEditor(preset('burst'));
    click(checkbox(editor.container, 'Provisioned concurrency on a schedule'));
    expect(getIn(editor.draft, ['functions', 0, 'provisionedSchedule'])).toEqual({
      steps: [
        { atMs: 0, count: 0 },
        { atMs: 9 * HOUR, count: 2 },
        { atMs: 17 * HOUR, count: 0 },
      ],
      repeatEveryMs: 24 * HOUR,
    });
    expect(valid(editor.draft)).toBe('valid');
    expect((control(editor.container, 'Step 2 from (h)') as HTMLInputElement).value).toBe('9');
    const repeat = control(editor.container, 'Repeat every (h)') as HTMLInputElement;
    expect(repeat.value).toBe('24');
    expect(description(repeat)).toContain('1 d');
  });

  it('adds and removes steps, and sets a step’s count', () => {
    editor = mountEditor(preset('burst'));
    click(checkbox(editor.container, 'Provisioned concurrency on a schedule'));
    click(button(editor.container, 'Add schedule step'));
    expect(getIn(editor.draft, ['functions', 0, 'provisionedSchedule', 'steps', 3])).toEqual({ atMs: 18 * HOUR, count: 0 });
    expect(valid(editor.draft)).toBe('valid');
    type(control(editor.container, 'Step 4 sandboxes'), '3');
    type(control(editor.container, 'Step 4 from (h)'), '20.5');
    expect(getIn(editor.draft, ['functions', 0, 'provisionedSchedule', 'steps', 3])).toEqual({ atMs: 20.5 * HOUR, count: 3 });
    click(button(editor.container, 'Remove schedule step 1'));
    expect(getIn(editor.draft, ['functions', 0, 'provisionedSchedule', 'steps'])).toEqual([
      { atMs: 9 * HOUR, count: 2 },
      { atMs: 17 * HOUR, count: 0 },
      { atMs: 20.5 * HOUR, count: 3 },
    ]);
    expect(valid(editor.draft)).toBe('valid');
    click(checkbox(editor.container, 'Provisioned concurrency on a schedule'));
    expect(getIn(editor.draft, ['functions', 0])).not.toHaveProperty('provisionedSchedule');
    expect(valid(editor.draft)).toBe('valid');
  });

  it('explains steps out of order, a repeat too short and a count over the reserved concurrency beside their fields', () => {
    editor = mountEditor(preset('burst'));
    click(checkbox(editor.container, 'Provisioned concurrency on a schedule'));
    const step3 = control(editor.container, 'Step 3 from (h)');
    type(step3, '5');
    expect(step3.getAttribute('aria-invalid')).toBe('true');
    expect(description(step3)).toContain('expected steps in increasing atMs order');
    type(step3, '17');
    const repeat = control(editor.container, 'Repeat every (h)');
    type(repeat, '12');
    expect(repeat.getAttribute('aria-invalid')).toBe('true');
    expect(description(repeat)).toContain("expected repeatEveryMs greater than the last step's atMs");
    type(repeat, '');
    expect(getIn(editor.draft, ['functions', 0, 'provisionedSchedule'])).not.toHaveProperty('repeatEveryMs');
    const count = control(editor.container, 'Step 2 sandboxes');
    type(count, '41');
    expect(description(count)).toContain('expected at most reservedConcurrency (40)');
    expect(editor.container.querySelector('[role="alert"]')).toBeNull();
    // The last step cannot be removed: the checkbox turns the schedule off.
    click(button(editor.container, 'Remove schedule step 3'));
    click(button(editor.container, 'Remove schedule step 2'));
    expect(button(editor.container, 'Remove schedule step 1').disabled).toBe(true);
  });
});

describe('where the new fields’ problems are shown', () => {
  it('maps their paths to their fields', () => {
    expect(issueSlot(['platform', 'keepAlive', 'headPercentile'])).toEqual({ key: 'platform.keepAlive.headPercentile' });
    expect(issueSlot(['platform', 'warmPool'])).toEqual({ key: 'platform.warmPool' });
    expect(issueSlot(['platform', 'warmPool', 'size'])).toEqual({ key: 'platform.warmPool.size' });
    expect(issueSlot(['functions', 1, 'snapStart'])).toEqual({ key: 'functions.1.snapStart' });
    expect(issueSlot(['functions', 0, 'provisionedSchedule'])).toEqual({ key: 'functions.0.provisionedSchedule' });
    expect(issueSlot(['functions', 0, 'provisionedSchedule', 'steps', 2, 'count'])).toEqual({ key: 'functions.0.provisionedSchedule.steps.2.count' });
    expect(issueSlot(['functions', 0, 'provisionedSchedule', 'steps', 2])).toEqual({ key: 'functions.0.provisionedSchedule.steps', item: 'step 3' });
  });

  it('shows every problem of a broken draft beside a field, none in the list at the top', () => {
    const base = preset('one-cold-start');
    const broken = frozen({
      ...base,
      platform: { hosts: 2, isolation: 'account-vm', keepAlive: { policy: 'hybrid', margin: 2, headPercentile: 'x', minSamples: 1.5 }, warmPool: { size: 2, sandboxMb: 64, colour: 'red' } },
      functions: [{ ...base.functions[0]!, snapStart: 1, provisionedSchedule: { steps: [{ atMs: 5, count: -1 }, { atMs: 1, count: 1, extra: true }], repeatEveryMs: 1, when: 'now' } }],
    });
    editor = mountEditor(broken);
    const r = checkScenario(broken);
    expect(r.ok).toBe(false);
    expect(editor.container.querySelector('[role="alert"]')).toBeNull();
    const text = editor.container.textContent ?? '';
    for (const issue of r.ok ? [] : r.issues) expect(text, issue.message).toContain(issue.message.slice(issue.message.indexOf(': ') + 2));
  });
});
