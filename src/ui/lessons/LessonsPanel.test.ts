// @vitest-environment jsdom
/**
 * The lessons panel as a student uses it, keyboard included: the list with progress, an open
 * lesson with its text, sources and steps, moving on with the focus kept on "Next step" and the
 * new step announced, and a prediction answered by running both scenarios (a fake worker here).
 */
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLang } from '../../i18n';
import type { RunResult } from '../../worker/api';
import { useLessons } from '../../store/lessons';
import { alpha, fakeReport, testLessons } from './testLessons';
import { LessonsPanel, type LessonsPanelProps } from './LessonsPanel';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const mocks = vi.hoisted(() => ({
  playback: { seekTarget: vi.fn(async (_target: unknown) => true), pause: vi.fn(), play: vi.fn() },
  run: vi.fn(async (_scenario: unknown): Promise<RunResult> => ({ ok: false, issues: ['not set'] })),
}));
vi.mock('../playback/controller', () => ({ playback: mocks.playback }));
vi.mock('../../worker/client', () => ({ simWorker: () => ({ run: mocks.run }) }));
vi.mock('../../lessons/content', () => ({ lessons: testLessons }));

let root: Root;
let container: HTMLElement;

async function mount(props: LessonsPanelProps = {}) {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () => root.render(createElement(LessonsPanel, props)));
}

const region = () => container.querySelector('section')!;
const buttons = () => [...container.querySelectorAll('button')];
const button = (text: string | RegExp) => {
  const found = buttons().find((b) => (typeof text === 'string' ? b.textContent?.trim() === text || b.textContent?.trim().startsWith(text) : text.test(b.textContent ?? '')));
  if (!found) throw new Error(`no button "${text}" among ${buttons().map((b) => b.textContent).join(' | ')}`);
  return found;
};
const press = async (b: HTMLElement) => {
  await act(async () => {
    b.focus();
    b.click();
  });
};
const liveTexts = () => [...container.querySelectorAll('[aria-live="polite"]')].map((e) => e.textContent ?? '');
const openAlpha = () => press(button(/Alpha lesson/));

beforeEach(() => {
  setLang('en');
  localStorage.clear();
  useLessons.setState({ lessonId: null, step: 0, status: 'ready', progress: {} });
  mocks.playback.seekTarget.mockReset().mockResolvedValue(true);
  mocks.run.mockReset();
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

describe('the list of lessons', () => {
  it('is a region named "Lessons" listing each lesson with its number and progress', async () => {
    useLessons.setState({ progress: { beta: { highestStep: 0, completed: true, predictions: {} } } });
    await mount();
    const heading = document.getElementById(region().getAttribute('aria-labelledby')!);
    expect(heading?.textContent).toBe('Lessons');
    const items = [...container.querySelectorAll('.lesson-list li')].map((li) => li.textContent);
    expect(items).toEqual(['1Alpha lessonnot started', '2Beta lesson✓completed']);
  });

  it('reopens a lesson at the furthest step reached', async () => {
    useLessons.setState({ progress: { alpha: { highestStep: 1, completed: false, predictions: {} } } });
    await mount();
    expect(button(/Alpha lesson/).textContent).toContain('step 2 of 3');
    await openAlpha();
    expect(useLessons.getState().step).toBe(1);
  });
});

describe('an open lesson', () => {
  it('shows its text, sources and steps, the current one marked, and takes the focus to its title', async () => {
    await mount();
    await openAlpha();
    expect(container.querySelector('h3')?.textContent).toBe('1. Alpha lesson');
    expect(document.activeElement).toBe(container.querySelector('h3'));
    expect(region().textContent).toContain('Second paragraph, with a figure.');
    expect(region().textContent).toContain('Someone et al., Somewhere 2020');
    const steps = [...container.querySelectorAll('.lesson-steps > li')];
    expect(steps).toHaveLength(3);
    expect(steps.map((li) => li.getAttribute('aria-current'))).toEqual(['step', null, null]);
    expect(region().textContent).toContain('Step 1 of 3');
  });

  it('moves on with "Next step", keeping the focus there and announcing the new step', async () => {
    await mount();
    await openAlpha();
    const next = button('Next step');
    expect(next.getAttribute('aria-keyshortcuts')).toBe('PageDown');
    await press(next);
    expect(useLessons.getState().step).toBe(1);
    expect(document.activeElement).toBe(next);
    expect(liveTexts()).toContain('Step 2 of 3. Nothing moves here.');
    expect(container.querySelector('[aria-current="step"]')?.textContent).toContain('Nothing moves here.');
    await press(next);
    expect(next.getAttribute('aria-disabled')).toBe('true');
    await press(next); // at the end: nothing happens, the focus stays
    expect(useLessons.getState().step).toBe(2);
    expect(document.activeElement).toBe(next);
  });

  it('shows the lesson text at the first step and folds it away after, so the step is near the top', async () => {
    await mount();
    await openAlpha();
    const text = container.querySelector('details')!;
    expect(text.open).toBe(true);
    await press(button('Next step'));
    expect(text.open).toBe(false);
    await press(button(/Previous step/));
    expect(text.open).toBe(true);
  });

  it('jumps to a step picked from the list of steps', async () => {
    await mount();
    await openAlpha();
    await press(container.querySelector<HTMLButtonElement>('button[aria-label^="Go to step 2"]')!);
    expect(useLessons.getState().step).toBe(1);
  });

  it('says when the step’s moment does not happen in this run', async () => {
    mocks.playback.seekTarget.mockResolvedValue(false);
    await mount();
    await openAlpha();
    expect(container.querySelector('[role="status"]')?.textContent).toContain('This moment does not happen in this run: was the scenario edited?');
  });

  it('goes back to the list, with the focus on the lesson it left', async () => {
    await mount();
    await openAlpha();
    await press(button(/All lessons/));
    expect(useLessons.getState().lessonId).toBeNull();
    expect(document.activeElement).toBe(button(/Alpha lesson/));
  });

  it('speaks French when the interface does', async () => {
    setLang('fr');
    await mount();
    await press(button(/Leçon alpha/));
    expect(container.querySelector('h2')?.textContent).toBe('Leçons');
    expect(region().textContent).toContain('Étape 1 sur 3');
    expect(region().textContent).toContain('Regardez la première requête.');
    expect(button('Étape suivante')).toBeDefined();
  });
});

describe('predict, then observe', () => {
  it('runs both scenarios once a choice is made, then shows and remembers the answer', async () => {
    let finishBase: (r: RunResult) => void = () => undefined;
    mocks.run.mockImplementationOnce(() => new Promise<RunResult>((r) => (finishBase = r))).mockResolvedValueOnce({ ok: true, report: fakeReport(5), wallMs: 1 });
    useLessons.setState({ progress: { alpha: { highestStep: 1, completed: false, predictions: {} } } });
    await mount();
    await openAlpha();
    await press(button('Next step'));
    const box = container.querySelector('.prediction')!;
    expect(box.querySelector('legend')?.textContent).toContain('Shorter keep-alive: more cold starts?');
    const run = button('Run the experiment') as HTMLButtonElement;
    expect(run.disabled).toBe(true);

    const same = [...box.querySelectorAll('label')].find((l) => l.textContent === 'The same')!.querySelector('input')!;
    await act(async () => same.click());
    expect(run.disabled).toBe(false);
    await press(run);
    expect(run.textContent).toBe('Running both scenarios…');
    expect(box.getAttribute('aria-busy')).toBe('true');
    expect(mocks.run).toHaveBeenCalledTimes(1); // one after the other
    expect(mocks.run).toHaveBeenLastCalledWith(alpha.scenario);

    await act(async () => finishBase({ ok: true, report: fakeReport(2), wallMs: 1 }));
    expect(mocks.run).toHaveBeenLastCalledWith({ ...alpha.scenario, name: 'alpha variant' });
    const answer = box.querySelector('[aria-live="polite"]')!.textContent;
    expect(answer).toContain('The simulation supports: “More”.');
    expect(answer).toContain('Your prediction (“The same”) did not match.');
    expect(answer).toContain('2 then 5 cold starts.');
    expect(box.getAttribute('aria-busy')).toBe('false');
    expect(useLessons.getState().progress.alpha).toEqual({
      highestStep: 2,
      completed: true,
      predictions: { '2': { choice: 'same', answer: 'more', matched: false } },
    });
  });

  it('says so when the experiment cannot run, and records nothing', async () => {
    mocks.run.mockResolvedValue({ ok: false, issues: ['functions[0].memoryMb: expected 128..10240'] });
    await mount();
    await act(async () => void useLessons.getState().open('alpha', 2));
    const more = [...container.querySelectorAll('.prediction label')].find((l) => l.textContent === 'More')!.querySelector('input')!;
    await act(async () => more.click());
    await press(button('Run the experiment'));
    expect(container.querySelector('.prediction [aria-live="polite"]')?.textContent).toContain('The experiment could not run: functions[0].memoryMb');
    expect(useLessons.getState().progress.alpha?.predictions).toEqual({});
  });
});

describe('presenter mode', () => {
  it('shows only the current step, large, with its counter and the step buttons', async () => {
    await mount({ presenter: true });
    await openAlpha();
    expect(region().classList).toContain('lessons-presenter');
    expect(region().textContent).not.toContain('First paragraph.');
    expect(container.querySelectorAll('.lesson-steps')).toHaveLength(0);
    expect(container.querySelector('[aria-current="step"]')?.textContent).toContain('Look at the first request.');
    expect(region().textContent).toContain('Step 1 of 3');
    await press(button('Next step'));
    expect(container.querySelector('[aria-current="step"]')?.textContent).toContain('Nothing moves here.');
  });
});
