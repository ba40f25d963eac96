/**
 * The lessons as a student meets them: every step lands on a moment that happens, in order;
 * every prediction is answered by running the experiment, and explained with the two runs'
 * numbers in both languages; every text exists in English and in French. Then, for lessons 1
 * to 5, that the point each one teaches is true in the simulation's own numbers (lessons 6 to
 * 10 have theirs in lessons-6-10.test.ts).
 */
import { describe, expect, it } from 'vitest';
import type { Transition } from '../../sim/engine';
import { figures } from '../../sim/figures';
import type { RunReport } from '../../sim/meters';
import { parseScenario } from '../../sim/scenario';
import { peakConcurrency, requestTransitions, sandboxTransitions } from '../../sim/testkit';
import { SPEEDS } from '../../store/playback';
import { resolveTarget } from '../resolve';
import type { Lesson, Localized } from '../types';
import { lessons } from './index';
import { predictions, run, traced } from './testRuns';


/** Base runs, shared by the tests (each scenario is deterministic). */
const baseRuns = new Map<string, RunReport>();
const baseRun = (l: Lesson) => {
  if (!baseRuns.has(l.id)) baseRuns.set(l.id, run(l.scenario));
  return baseRuns.get(l.id)!;
};

/** Every localized text of a lesson, with where it is, for the messages of failures. */
function texts(l: Lesson): [string, Localized][] {
  const out: [string, Localized][] = [['title', l.title], ...l.body.map((b, i): [string, Localized] => [`body[${i}]`, b])];
  l.steps.forEach((s, i) => {
    out.push([`steps[${i}].text`, s.text]);
    if (!s.predict) return;
    out.push([`steps[${i}].question`, s.predict.question], [`steps[${i}].variantLabel`, s.predict.variantLabel]);
    s.predict.choices.forEach((c) => out.push([`steps[${i}].choice ${c.id}`, c.label]));
  });
  return out;
}

/** The numbers written in a text, as digit runs: "1,234.5" and "1 234,5" both give 1, 234, 5. */
const numbersIn = (text: string) => [...text.matchAll(/\d+/g)].map((m) => m[0]).sort();

describe('the lessons', () => {
  it('has ten lessons with unique ids usable in a URL', () => {
    expect(lessons).toHaveLength(10);
    const ids = lessons.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});

describe.each(lessons.map((l) => [l.id, l] as const))('lesson %s', (_id, lesson) => {
  it('has a valid scenario, a body of 2 to 6 paragraphs, sources, panels and at least one prediction', () => {
    expect(() => parseScenario(lesson.scenario)).not.toThrow();
    expect(lesson.body.length).toBeGreaterThanOrEqual(2);
    expect(lesson.body.length).toBeLessThanOrEqual(6);
    expect(lesson.sources.length).toBeGreaterThan(0);
    expect(lesson.panels.length).toBeGreaterThan(0);
    expect(lesson.steps.length).toBeGreaterThanOrEqual(4);
    expect(predictions(lesson).length).toBeGreaterThanOrEqual(1);
  });

  it('has every text in English and in French, and they differ', () => {
    for (const [where, text] of texts(lesson)) {
      expect(text.en.trim(), `${where} (en)`).not.toBe('');
      expect(text.fr.trim(), `${where} (fr)`).not.toBe('');
      expect(text.fr, `${where}: French identical to English`).not.toBe(text.en);
    }
  });

  it('takes the simulation to moments that happen, in time order', () => {
    const scenario = parseScenario(lesson.scenario);
    let last = 0;
    lesson.steps.forEach((step, i) => {
      if (step.playAt !== undefined) expect(SPEEDS, `steps[${i}].playAt`).toContain(step.playAt);
      if (!step.target) return;
      const at = resolveTarget(scenario, step.target);
      expect(at, `steps[${i}] target ${JSON.stringify(step.target)} never happens`).not.toBeNull();
      expect(at!, `steps[${i}] goes back in time`).toBeGreaterThanOrEqual(last);
      if (step.target.kind === 'time') expect(step.target.atMs, `steps[${i}] is past the end of the run`).toBeLessThanOrEqual(scenario.durationMs);
      last = at!;
    });
  });

  it.each(predictions(lesson).map((p, i) => [i, p] as const))('prediction %i is answered by running the experiment', (_i, p) => {
    expect(p.choices.length).toBeGreaterThanOrEqual(2);
    expect(p.choices.length).toBeLessThanOrEqual(4);
    expect(new Set(p.choices.map((c) => c.id)).size).toBe(p.choices.length);

    const before = JSON.stringify(lesson.scenario);
    const variant = p.variant(lesson.scenario);
    expect(JSON.stringify(lesson.scenario), 'variant() changed the lesson scenario').toBe(before);
    expect(JSON.stringify(variant), 'the experiment is the same scenario').not.toBe(before);

    const base = baseRun(lesson);
    const changed = run(variant);
    expect(p.choices.map((c) => c.id)).toContain(p.answer(base, changed));

    const en = p.explain(base, changed, 'en');
    const fr = p.explain(base, changed, 'fr');
    expect(fr).not.toBe(en);
    expect(numbersIn(en).length, `explain() gives no numbers: ${en}`).toBeGreaterThanOrEqual(2);
    expect(numbersIn(fr), 'explain() gives different numbers in French and in English').toEqual(numbersIn(en));
    // Computed from the runs, not written in: the two runs told the other way round read differently.
    expect(p.explain(changed, base, 'en')).not.toBe(en);
  });
});

// ---- what lessons 1 to 5 teach, in the numbers ----------------------------------------------

const byId = (id: string) => {
  const l = lessons.find((x) => x.id === id);
  if (!l) throw new Error(`no lesson ${id}`);
  return l;
};
const onlyPrediction = (l: Lesson) => predictions(l)[0]!;
/** The ids of requests in the order they arrived. */
const requestIds = (trace: Transition[]) => requestTransitions(trace).filter((t) => t.from === null).map((t) => t.id);
/** Sandbox transitions into a state, by its leaf name (`runningInit` for `initializing.runningInit`). */
const sandboxesInto = (trace: Transition[], state: string) => sandboxTransitions(trace).filter((t) => t.to === state || t.to.endsWith(`.${state}`));
/** The states one request went through, in order. */
const pathOf = (trace: Transition[], id: number) => requestTransitions(trace).filter((t) => t.id === id).map((t) => t.to);

/** A prediction's answer must not hang on the seed: the same answer with other seeds. */
function sameAnswerWithOtherSeeds(l: Lesson) {
  const p = onlyPrediction(l);
  const answers = [l.scenario.seed ?? 1, 101, 202, 303].map((seed) => {
    const s = { ...l.scenario, seed };
    return p.answer(run(s), run(p.variant(s)));
  });
  expect(new Set(answers).size, `answers by seed: ${answers.join(', ')}`).toBe(1);
}

describe('lesson 1, anatomy: the init code runs once per sandbox', () => {
  const lesson = byId('anatomy');

  it('runs the init code once for six spaced requests, all served by the same sandbox', () => {
    const { report, trace } = traced(lesson.scenario);
    expect(report.requests.total).toBeGreaterThanOrEqual(5);
    expect(sandboxesInto(trace, 'runningInit')).toHaveLength(1);
    expect(new Set(requestTransitions(trace, 'running').map((t) => t.sandbox)).size).toBe(1);
    expect(report.requests.cold).toBe(1);
    expect(report.requests.warm).toBe(report.requests.total - 1);
  });

  it('runs it once per request when they arrive together, since each needs its own sandbox', () => {
    const { report, trace } = traced(onlyPrediction(lesson).variant(lesson.scenario));
    expect(report.requests.total).toBeGreaterThan(1);
    expect(sandboxesInto(trace, 'runningInit')).toHaveLength(report.requests.total);
    expect(onlyPrediction(lesson).answer(baseRun(lesson), report)).toBe('perRequest');
  });

  it('gives the same answer whatever the seed', () => sameAnswerWithOtherSeeds(lesson));
});

describe('lesson 2, cold and warm: a thawed sandbox skips init, a reclaimed one does not', () => {
  const lesson = byId('cold-warm');
  const { report, trace } = traced(lesson.scenario);
  const [first, second, , last] = requestIds(trace);

  it('goes through the four init phases, in order, before the first handler runs', () => {
    const sb = sandboxTransitions(trace).filter((t) => t.id === 0).map((t) => t.to);
    const phases = ['fetchingCode', 'startingSandbox', 'bootingRuntime', 'runningInit'].map((s) => sb.findIndex((x) => x.endsWith(s)));
    expect(phases.every((i, k) => i >= 0 && (k === 0 || i > phases[k - 1]!))).toBe(true);
    expect(pathOf(trace, first!)).toContain('waitingForSandbox');
  });

  it('serves the second request warm, on the same sandbox, with no init in between', () => {
    expect(pathOf(trace, second!)).not.toContain('waitingForSandbox');
    const runs = requestTransitions(trace, 'running');
    const sandboxOf = (id: number) => runs.find((t) => t.id === id)!.sandbox;
    expect(sandboxOf(second!)).toBe(sandboxOf(first!));
    const secondStart = runs.find((t) => t.id === second)!.t;
    const firstEnd = requestTransitions(trace, 'responded').find((t) => t.id === first)!.t;
    expect(sandboxTransitions(trace).filter((t) => t.t > firstEnd && t.t <= secondStart && t.to.startsWith('initializing.'))).toHaveLength(0);
    expect(report.warmLatencyMs.mean!).toBeLessThan(report.coldLatencyMs.mean! / 3);
  });

  it('starts cold again after the keep-alive has reclaimed the sandbox', () => {
    expect(sandboxesInto(trace, 'shuttingDown').length).toBeGreaterThanOrEqual(1);
    expect(pathOf(trace, last!)).toContain('waitingForSandbox');
    expect(report.requests.cold).toBe(2);
    expect(report.requests.warm).toBe(2);
  });

  it('gives the same answer whatever the seed', () => sameAnswerWithOtherSeeds(lesson));
});

describe('lesson 3, planes: every request crosses the data plane, only cold ones meet placement', () => {
  const lesson = byId('planes');
  const { trace } = traced(lesson.scenario);

  it('takes the first request through every hop, placement included, and the others past it', () => {
    const [first, ...others] = requestIds(trace);
    expect(pathOf(trace, first!)).toEqual(['atLoadBalancer', 'atFrontend', 'counting', 'routing', 'waitingForSandbox', 'running', 'responded']);
    for (const id of others) expect(pathOf(trace, id)).toEqual(['atLoadBalancer', 'atFrontend', 'counting', 'routing', 'running', 'responded']);
  });

  it('slows only the cold request when placement slows down, by exactly the added delay', () => {
    const latencies = (t: Transition[]) => {
      const arrived = new Map(requestTransitions(t).filter((x) => x.from === null).map((x) => [x.id, x.t]));
      return requestTransitions(t, 'responded').map((x) => x.t - arrived.get(x.id)!);
    };
    const base = latencies(trace);
    const slow = latencies(traced(onlyPrediction(lesson).variant(lesson.scenario)).trace);
    expect(slow).toHaveLength(base.length);
    const added = slow.map((ms, i) => Math.round(ms - base[i]!));
    expect(added[0]).toBe(190);
    expect(added.slice(1).every((ms) => ms === 0)).toBe(true);
  });

  it('gives the same answer whatever the seed', () => sameAnswerWithOtherSeeds(lesson));
});

describe('lesson 4, isolation: a guest OS per account, a sandbox per function', () => {
  const lesson = byId('isolation');
  /** Per guest OS: the sandboxes, accounts and functions it ever held. */
  function guests(trace: Transition[]) {
    const g = new Map<number, { sandboxes: Set<number>; accounts: Set<string>; fns: Set<string> }>();
    for (const t of sandboxTransitions(trace)) {
      if (t.guestOs === undefined) continue;
      const e = g.get(t.guestOs) ?? { sandboxes: new Set(), accounts: new Set(), fns: new Set() };
      e.sandboxes.add(t.id);
      e.accounts.add(t.account);
      e.fns.add(t.fn);
      g.set(t.guestOs, e);
    }
    return [...g.values()];
  }

  it('gives every sandbox its own microVM, and serves every account', () => {
    const { report, trace } = traced(lesson.scenario);
    const g = guests(trace);
    expect(g.length).toBe(report.sandboxes.created);
    for (const e of g) expect(e.sandboxes.size).toBe(1);
    expect(report.requests.failed).toBe(0);
    expect(new Set(requestTransitions(trace, 'running').map((t) => t.account)).size).toBe(lesson.scenario.accounts.length);
  });

  it('in the early design, keeps each VM to one account, and leaves whole accounts unserved once the host is full', () => {
    const { report, trace } = traced(onlyPrediction(lesson).variant(lesson.scenario));
    const g = guests(trace);
    for (const e of g) expect(e.accounts.size).toBe(1);
    expect(g.some((e) => e.fns.size > 1)).toBe(true); // alice's two functions share her VM
    const vmsPerHost = Math.floor(parseScenario(lesson.scenario).platform.hostMemoryMb / figures.accountVmMemoryMb.value);
    expect(g.length).toBeLessThanOrEqual(vmsPerHost);
    expect(report.requests.failed).toBeGreaterThan(0);
    const served = new Set(requestTransitions(trace, 'running').map((t) => t.account));
    const unserved = lesson.scenario.accounts.filter((a) => !served.has(a.id));
    expect(unserved.length).toBeGreaterThanOrEqual(lesson.scenario.accounts.length - vmsPerHost);
  });

  it('gives the same answer whatever the seed', () => sameAnswerWithOtherSeeds(lesson));
});

describe('lesson 5, scaling: requests beyond the reserved concurrency are throttled', () => {
  const lesson = byId('scaling');
  const reserved = lesson.scenario.functions[0]!.reservedConcurrency!;

  it('never runs more than the reserved concurrency, and throttles only during the burst', () => {
    const { report, trace } = traced(lesson.scenario);
    expect(peakConcurrency(trace, () => true)).toBe(reserved);
    expect(report.sandboxes.peakAlive).toBeLessThanOrEqual(reserved);
    const throttled = requestTransitions(trace, 'throttled');
    expect(throttled.length).toBe(report.requests.throttled);
    expect(report.throttleRatio!).toBeGreaterThan(0.1);
    const steps = lesson.scenario.functions[0]!.workload;
    if (steps.type !== 'steps') throw new Error('lesson 5 expects a stepped workload');
    const [start, end] = [steps.steps[1]!.atMs, steps.steps[2]!.atMs];
    for (const t of throttled) {
      expect(t.t).toBeGreaterThanOrEqual(start);
      expect(t.t).toBeLessThanOrEqual(end + 2_000);
    }
  });

  it('with twice the reservation, scales further and throttles far less', () => {
    const p = onlyPrediction(lesson);
    const { report, trace } = traced(p.variant(lesson.scenario));
    const base = baseRun(lesson);
    expect(peakConcurrency(trace, () => true)).toBeGreaterThan(reserved);
    expect(report.requests.throttled).toBeLessThan(base.requests.throttled / 2);
  });

  it('gives the same answer whatever the seed', () => sameAnswerWithOtherSeeds(lesson));
});
