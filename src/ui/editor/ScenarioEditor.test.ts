// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { presets } from '../../lessons/presets';
import { checkScenario } from '../../sim/scenario';
import { getIn } from './paths';
import { blur, button, choose, click, control, description, frozen, functionSection, group, mountEditor, type, type Mounted } from './testDom';

const preset = (id: string) => frozen(presets.find((p) => p.id === id)!.scenario);
const valid = (draft: unknown) => {
  const r = checkScenario(draft);
  return r.ok ? 'valid' : r.issues.map((i) => i.message).join('\n');
};

let editor: Mounted;
afterEach(() => editor?.unmount());

describe('the scenario editor, field by field', () => {
  it('shows an out-of-range memory next to the memory field, keeping the number typed', () => {
    editor = mountEditor(preset('one-cold-start'));
    const memory = control(functionSection(editor.container, 'resize-image'), 'Memory (MB)');
    type(memory, '64');
    expect(getIn(editor.draft, ['functions', 0, 'memoryMb'])).toBe(64);
    expect(memory.getAttribute('aria-invalid')).toBe('true');
    expect(description(memory)).toContain('expected 128..10240, got 64');
    // Beside the field, not only in a list elsewhere.
    const problem = [...memory.closest('[data-se-path]')!.querySelectorAll('li')].map((li) => li.textContent);
    expect(problem.join()).toContain('expected 128..10240');
    expect(editor.container.querySelector('[role="alert"]')).toBeNull();
  });

  it('keeps "12a" in the draft and the field, then accepts the corrected number', () => {
    editor = mountEditor(preset('one-cold-start'));
    const memory = control(editor.container, 'Memory (MB)') as HTMLInputElement;
    type(memory, '12a');
    blur(memory);
    expect(getIn(editor.draft, ['functions', 0, 'memoryMb'])).toBe('12a');
    expect(memory.value).toBe('12a');
    expect(description(memory)).toContain('got "12a"');
    type(memory, '256');
    expect(getIn(editor.draft, ['functions', 0, 'memoryMb'])).toBe(256);
    expect(memory.hasAttribute('aria-invalid')).toBe(false);
    expect(valid(editor.draft)).toBe('valid');
  });

  it('lets a decimal be typed one character at a time', () => {
    editor = mountEditor(preset('burst'));
    const sigma = control(group(editor.container, 'Handler duration (ms)'), 'Spread σ (0–5)') as HTMLInputElement;
    type(sigma, '0.');
    expect(sigma.value).toBe('0.');
    type(sigma, '0.75');
    expect(getIn(editor.draft, ['functions', 0, 'durationMs'])).toEqual({ dist: 'lognormal', medianMs: 250, sigma: 0.75 });
  });

  it('takes the duration in minutes and stores milliseconds', () => {
    editor = mountEditor(preset('one-cold-start'));
    const duration = control(editor.container, 'Duration (min)') as HTMLInputElement;
    expect(duration.value).toBe('1');
    type(duration, '2.5');
    expect(getIn(editor.draft, ['durationMs'])).toBe(150_000);
    expect(description(duration)).toContain('150,000 ms');
  });

  it('clearing reserved concurrency removes the key', () => {
    editor = mountEditor(preset('burst'));
    const reserved = control(editor.container, 'Reserved concurrency (executions)') as HTMLInputElement;
    expect(reserved.value).toBe('40');
    type(reserved, '');
    const fn = getIn(editor.draft, ['functions', 0]) as object;
    expect('reservedConcurrency' in fn).toBe(false);
    expect(valid(editor.draft)).toBe('valid');
  });

  it('shows the keep-alive source and stores the idle time typed in minutes as ms', () => {
    editor = mountEditor(preset('warm-reuse'));
    const idle = control(editor.container, 'Keep-alive idle time (min)') as HTMLInputElement;
    expect(idle.value).toBe('5');
    expect(description(idle)).toMatch(/AWS ~10 min, Azure ~20 min — Shahrad et al\..*ATC 2020/);
    type(idle, '20');
    expect(getIn(editor.draft, ['platform', 'keepAlive'])).toEqual({ policy: 'fixed', idleMs: 1_200_000 });
    click(control(group(editor.container, 'Keep-alive'), 'none') as HTMLInputElement);
    expect(getIn(editor.draft, ['platform', 'keepAlive'])).toEqual({ policy: 'none' });
    expect(() => control(editor.container, 'Keep-alive idle time (min)')).toThrow();
    expect(valid(editor.draft)).toBe('valid');
  });
});

describe('functions', () => {
  it('adds a valid function with a unique name and puts the keyboard on its name', () => {
    editor = mountEditor(preset('one-cold-start'));
    click(button(editor.container, 'Add function'));
    click(button(editor.container, 'Add function'));
    const names = (getIn(editor.draft, ['functions']) as { name: string; account: string }[]).map((f) => f.name);
    expect(names).toHaveLength(3);
    expect(new Set(names).size).toBe(3);
    expect(getIn(editor.draft, ['functions', 2, 'account'])).toBe('acme');
    expect(valid(editor.draft)).toBe('valid');
    const section = functionSection(editor.container, names[2]!);
    expect(section.open).toBe(true);
    expect(document.activeElement).toBe(control(section, 'Name'));
  });

  it('cannot remove the last function, and says why', () => {
    editor = mountEditor(preset('one-cold-start'));
    const remove = button(editor.container, 'Remove function resize-image');
    expect(remove.disabled).toBe(true);
    expect(description(remove)).toContain('at least one function');
    click(remove);
    expect(editor.changes).toBe(0);

    click(button(editor.container, 'Add function'));
    click(button(editor.container, 'Remove function resize-image'));
    expect((getIn(editor.draft, ['functions']) as unknown[]).length).toBe(1);
    expect(button(editor.container, 'Remove function function-1').disabled).toBe(true);
    expect(valid(editor.draft)).toBe('valid');
  });

  it('switching a distribution to lognormal gives a valid lognormal of the same scale', () => {
    editor = mountEditor(preset('one-cold-start'));
    const handler = group(editor.container, 'Handler duration (ms)');
    choose(control(handler, 'Distribution') as HTMLSelectElement, 'lognormal');
    expect(getIn(editor.draft, ['functions', 0, 'durationMs'])).toEqual({ dist: 'lognormal', medianMs: 400, sigma: 0.5 });
    expect(valid(editor.draft)).toBe('valid');
    expect((control(handler, 'Median (ms)') as HTMLInputElement).value).toBe('400');
  });

  it('every distribution and workload type switched to is valid as filled in', () => {
    editor = mountEditor(preset('steady'));
    for (const dist of ['constant', 'exponential', 'empirical', 'lognormal']) {
      choose(control(group(editor.container, 'Init duration (cold start, ms)'), 'Distribution') as HTMLSelectElement, dist);
      expect(valid(editor.draft), dist).toBe('valid');
    }
    for (const workload of ['periodic', 'steps', 'perMinute', 'poisson']) {
      choose(control(group(editor.container, 'Workload'), 'Arrivals') as HTMLSelectElement, workload);
      expect(valid(editor.draft), workload).toBe('valid');
    }
    expect(getIn(editor.draft, ['functions', 0, 'workload'])).toEqual({ type: 'poisson', ratePerSec: 0.5 });
  });

  it('edits steps: add, keep in order, remove', () => {
    editor = mountEditor(preset('burst'));
    click(button(editor.container, 'Add step'));
    expect(getIn(editor.draft, ['functions', 0, 'workload', 'steps', 3])).toEqual({ atMs: 60_000, ratePerSec: 2 });
    const step4 = control(editor.container, 'Step 4 from (ms)');
    type(step4, '10000');
    expect(description(step4)).toContain('expected steps in increasing atMs order');
    expect(step4.getAttribute('aria-invalid')).toBe('true');
    click(button(editor.container, 'Remove step 4'));
    expect(valid(editor.draft)).toBe('valid');
  });

  it('keeps a count that is not a number and says which minute it is', () => {
    editor = mountEditor(preset('warm-reuse'));
    const counts = control(editor.container, 'Requests per minute (comma-separated)') as HTMLTextAreaElement;
    expect(counts.value).toBe('1, 1, 0, 0, 0, 0, 0, 0, 1, 1');
    type(counts, '3,2,x');
    expect(getIn(editor.draft, ['functions', 0, 'workload', 'counts'])).toEqual([3, 2, 'x']);
    expect(counts.value).toBe('3,2,x');
    expect(description(counts)).toContain('minute 3: expected');
  });
});

describe('accounts', () => {
  it('will not remove an account that still has functions, naming them', () => {
    editor = mountEditor(preset('two-accounts-microvm'));
    const remove = button(editor.container, 'Remove account bob');
    expect(remove.disabled).toBe(true);
    expect(description(remove)).toContain('bob-thumbnails');
    click(button(editor.container, 'Add account'));
    click(button(editor.container, 'Remove account account-1'));
    expect(getIn(editor.draft, ['accounts'])).toEqual([{ id: 'alice' }, { id: 'bob' }]);
  });

  it('renaming an account moves its functions along', () => {
    editor = mountEditor(preset('two-accounts-microvm'));
    type(control(editor.container, 'Account 2 (id)'), 'robert');
    expect(getIn(editor.draft, ['functions', 2, 'account'])).toBe('robert');
    expect(getIn(editor.draft, ['functions', 0, 'account'])).toBe('alice');
    expect(valid(editor.draft)).toBe('valid');
  });
});

describe('problems', () => {
  it('lists a problem no field owns at the top, as an alert', () => {
    // The cold-start phases have no field in the form (billing has one since the Cost tab).
    editor = mountEditor(frozen({ ...presets[0]!.scenario, version: 2, platform: { coldStart: { runtimeBootMs: -1 } } }));
    const alert = editor.container.querySelector('[role="alert"]')!;
    expect(alert.textContent).toContain('version: expected 1');
    expect(alert.textContent).toContain('platform.coldStart.runtimeBootMs');
  });

  it('shows every problem of a broken draft somewhere', () => {
    const broken = frozen({
      version: 1,
      durationMs: 'soon',
      platform: { hosts: 0, keepAlive: { policy: 'fixed', idleMs: -1 }, isolation: 'vm' },
      accounts: [{ id: 'a' }, { id: 'a' }],
      functions: [
        { name: 'f', account: 'zzz', memoryMb: 128, durationMs: { dist: 'empirical', percentiles: { p0: 5, p1: 1, p25: 2, p50: 3, p75: 4, p99: 5, p100: 6 } }, workload: { type: 'steps', steps: [] } },
        { name: 'f', account: 'a', memoryMb: 128, initMs: { dist: 'constant', ms: 1, extra: 2 }, durationMs: { dist: 'x' }, workload: { type: 'perMinute', counts: [1, 2.5] }, colour: 'red' },
        null,
      ],
    });
    editor = mountEditor(broken);
    const r = checkScenario(broken);
    expect(r.ok).toBe(false);
    // Each is beside its field (or its function's section): none left for the list at the top.
    expect(editor.container.querySelector('[role="alert"]')).toBeNull();
    const text = editor.container.textContent ?? '';
    for (const issue of r.ok ? [] : r.issues) expect(text, issue.message).toContain(issue.message.slice(issue.message.indexOf(': ') + 2));
  });

  it('links every control to a visible label, numbers typed as decimals', () => {
    editor = mountEditor(preset('two-accounts-account-vm'));
    click(button(editor.container, 'Add function'));
    for (const el of editor.container.querySelectorAll('input, select, textarea')) {
      const label = editor.container.querySelector(`label[for="${el.id}"]`);
      expect(label?.textContent?.trim(), el.outerHTML).toBeTruthy();
    }
    expect(control(functionSection(editor.container, 'alice-api'), 'Timeout (ms)').getAttribute('inputmode')).toBe('decimal');
  });
});
