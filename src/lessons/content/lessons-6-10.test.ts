/**
 * What lessons 6 to 10 teach, checked in the simulation's own numbers: if a change to the
 * engine made a lesson's point false, its text would be teaching something the app no longer
 * shows. The generic checks (targets resolve, predictions run, texts in both languages) are in
 * lessons.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { mean } from '../../sim/distributions';
import type { Transition } from '../../sim/engine';
import type { RunReport } from '../../sim/meters';
import { parseScenario } from '../../sim/scenario';
import type { Lesson } from '../types';
import { lesson as keepAlive } from './l06-keep-alive';
import { lesson as mitigations } from './l07-mitigations';
import { lesson as placement } from './l08-placement';
import { lesson as cost } from './l09-cost';
import { lesson as antiPatterns } from './l10-anti-patterns';
import { predictions, run, traced } from './testRuns';


/** The lesson's only (or nth) prediction, with the base and experiment runs. */
function experiment(l: Lesson, n = 0) {
  const p = predictions(l)[n]!;
  return { p, base: run(l.scenario), variant: run(p.variant(l.scenario)) };
}

/** The hosts that ever held a sandbox of `fn`. */
const hostsOf = (trace: Transition[], fn: string) => new Set(trace.filter((t) => t.kind === 'sandbox' && t.fn === fn && t.from === null).map((t) => t.host));

describe('lesson 6, keep-alive', () => {
  it('20 minutes of keep-alive gives fewer cold starts but more idle memory than 10, and nothing to a function called every 30 minutes', () => {
    const { base, variant } = experiment(keepAlive);
    expect(variant.requests.cold).toBeLessThan(base.requests.cold);
    expect(variant.memory.idleGbSeconds).toBeGreaterThan(base.memory.idleGbSeconds * 1.3);
    const report = [base.perFunction['half-hourly-report']!, variant.perFunction['half-hourly-report']!];
    expect(report[0]!.requests.warm).toBe(0);
    expect(report[1]!.requests.warm).toBe(0);
    expect(report[1]!.memory.idleGbSeconds).toBeGreaterThan(report[0]!.memory.idleGbSeconds * 1.9);
    // Hence the lesson's answer: cold starts fall, but by less than half.
    expect(variant.requests.cold * 2).toBeGreaterThan(base.requests.cold);
  });
});

describe('lesson 7, mitigating cold starts', () => {
  it('provisioned sandboxes serve the first requests of the sale warm and remove most of its cold starts', () => {
    const p = predictions(mitigations)[0]!;
    const base = traced(mitigations.scenario);
    const provisioned = traced(p.variant(mitigations.scenario));
    const firstRequest = (trace: Transition[]) => trace.find((t) => t.kind === 'request' && t.from === null)!.id;
    const pathOf = (trace: Transition[], id: number) => trace.filter((t) => t.kind === 'request' && t.id === id).map((t) => t.to);
    expect(pathOf(base.trace, firstRequest(base.trace))).toContain('waitingForSandbox');
    expect(pathOf(provisioned.trace, firstRequest(provisioned.trace))).not.toContain('waitingForSandbox');
    expect(provisioned.report.requests.cold * 3).toBeLessThanOrEqual(base.report.requests.cold);
  });

  it("the meter bills the provisioned sandboxes for the whole run, and the explanation quotes the meter's number", () => {
    const { p, base, variant } = experiment(mitigations);
    // 3 sandboxes × 1 GB × 90 s = 270 GB-s × $0.0000041667 = $0.001125009, whether busy or not.
    expect(variant.cost.provisionedGbSeconds).toBeCloseTo(270, 9);
    expect(variant.cost.provisionedUsd).toBeCloseTo(0.001125009, 15);
    expect(base.cost.provisionedUsd).toBe(0);
    expect(variant.cost.totalUsd).toBeCloseTo(variant.cost.computeUsd + variant.cost.requestsUsd + 0.001125009, 15);
    expect(p.explain(base, variant, 'en')).toContain('$0.00113');
  });

  it('a smaller package shortens each cold start by the download it saves, and so makes fewer of them during the ramp', () => {
    const { base, variant } = experiment(mitigations, 1);
    const saved = 180 * parseScenario(mitigations.scenario).platform.coldStart.codeFetchMsPerMb;
    expect(base.coldLatencyMs.mean! - variant.coldLatencyMs.mean!).toBeGreaterThan(saved * 0.8);
    expect(variant.requests.cold).toBeLessThan(base.requests.cold);
  });
});

describe('lesson 8, placement', () => {
  it('spreading the small sandboxes over every host leaves no room for a big one; packing keeps whole hosts free', () => {
    const p = predictions(placement)[0]!;
    const spread = traced(placement.scenario);
    const packed = traced(p.variant(placement.scenario));
    expect(hostsOf(spread.trace, 'web-api').size).toBe(4);
    expect(hostsOf(packed.trace, 'web-api').size).toBeLessThanOrEqual(2);
    const model = (r: RunReport) => r.perFunction['image-model']!.requests;
    expect(model(spread.report).failed).toBeGreaterThan(model(spread.report).total / 2);
    expect(model(packed.report).completed).toBeGreaterThan(model(packed.report).total / 2);
    // The small function never lacks room either way.
    expect(spread.report.perFunction['web-api']!.requests.failed).toBe(0);
    expect(packed.report.perFunction['web-api']!.requests.failed).toBe(0);
  });
});

describe('lesson 9, cost', () => {
  it('billing a ~20 ms handler in steps of 100 ms multiplies its compute by about five, not its request charge', () => {
    const { base, variant } = experiment(cost, 0);
    const ratio = variant.cost.billedGbSeconds / base.cost.billedGbSeconds;
    expect(ratio).toBeGreaterThan(4);
    expect(ratio).toBeLessThan(5.5);
    expect(variant.cost.requestsUsd).toBeCloseTo(base.cost.requestsUsd, 12);
  });

  it('the function is cheaper than the always-on VM at the base traffic and dearer at 40 times it', () => {
    const { p, base, variant } = experiment(cost, 1);
    expect(variant.cost.totalUsd).toBeGreaterThan(base.cost.totalUsd * 30);
    // The answer looks at the experiment's run only: given the base run, it judges the base traffic.
    expect(p.answer(base, base)).toBe('function');
    expect(p.answer(base, variant)).toBe('vm');
  });
});

describe('lesson 10, the monolith', () => {
  it('the monolith does the same handler work as the three functions it is split into', () => {
    const mono = parseScenario(antiPatterns.scenario).functions;
    const split = parseScenario(predictions(antiPatterns)[0]!.variant(antiPatterns.scenario)).functions;
    const rate = (f: (typeof mono)[number]) => (f.workload.type === 'poisson' ? f.workload.ratePerSec : NaN);
    const work = (fs: typeof mono) => fs.reduce((s, f) => s + rate(f) * mean(f.durationMs), 0);
    expect(mono).toHaveLength(1);
    expect(split).toHaveLength(3);
    expect(split.reduce((s, f) => s + rate(f), 0)).toBeCloseTo(rate(mono[0]!), 9);
    expect(work(split) / work(mono)).toBeCloseTo(1, 2);
  });

  it('split into small functions, the same traffic gets fewer and much shorter cold starts and a smaller compute bill', () => {
    const { base, variant } = experiment(antiPatterns);
    expect(variant.requests.total).toBeGreaterThan(base.requests.total * 0.9);
    expect(variant.requests.cold).toBeLessThan(base.requests.cold);
    expect(variant.coldLatencyMs.mean!).toBeLessThan(base.coldLatencyMs.mean! / 2);
    expect(variant.cost.computeUsd).toBeLessThan(base.cost.computeUsd * 0.7);
  });
});

describe('lessons 6 to 10, predictions', () => {
  const lessons = [keepAlive, mitigations, placement, cost, antiPatterns];

  it.each(lessons.map((l) => [l.id, l] as const))('%s: the answer does not hang on the seed', (_id, l) => {
    for (const p of predictions(l)) {
      const answers = new Set(
        [l.scenario.seed ?? 1, 101, 202, 303].map((seed) => {
          const input = { ...l.scenario, seed };
          return p.answer(run(input), run(p.variant(input)));
        }),
      );
      expect([...answers], p.variantLabel.en).toHaveLength(1);
    }
  });

  it.each(lessons.map((l) => [l.id, l] as const))('%s: the explanation gives both runs’ numbers, in each language', (_id, l) => {
    for (const p of predictions(l)) {
      const base = run(l.scenario);
      const variant = run(p.variant(l.scenario));
      for (const lang of ['en', 'fr'] as const) {
        const text = p.explain(base, variant, lang);
        expect(text.match(/\d/g)?.length ?? 0, `${p.variantLabel.en} (${lang})`).toBeGreaterThanOrEqual(4);
        expect(text).not.toMatch(/NaN|undefined|Infinity/);
      }
      expect(p.explain(base, variant, 'fr')).not.toBe(p.explain(base, variant, 'en'));
    }
  });

  it.each(lessons.map((l) => [l.id, l] as const))('%s: every experiment leaves the lesson scenario as it was', (_id, l) => {
    const before = JSON.stringify(l.scenario);
    for (const p of predictions(l)) p.variant(l.scenario);
    expect(JSON.stringify(l.scenario)).toBe(before);
  });
});
