// @vitest-environment jsdom
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { i18n } from '../../i18n';
import { fr } from '../../i18n/fr';
import { presets } from '../../lessons/presets';
import { History } from '../../sim/history';
import { parseScenario } from '../../sim/scenario';
import { buildFrame } from '../../worker/frameBuilder';
import type { Frame } from '../../worker/frame';
import type { AreaLayer } from './areaMark';
import { completeBuckets } from './buckets';
import { CHARTS, type ChartDef } from './index';
import type { LineSeries } from './lineMark';
import { STACK } from './sandboxStatesChart';

const SIZE = { width: 640, height: 320 };
const SVG_NS = 'http://www.w3.org/2000/svg';

/** Frames of a fixed-seed run at `times` (ms), from one straight run. */
function framesOf(presetId: string, times: number[]): Frame[] {
  const preset = presets.find((p) => p.id === presetId)!;
  const h = new History(parseScenario(preset.scenario));
  return times.map((t, i) => {
    h.advanceTo(t);
    return buildFrame(h, i + 1);
  });
}

function newSvg(): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  document.body.append(svg);
  return svg;
}

function draw(chart: ChartDef, frame: Frame, svg = newSvg()): SVGSVGElement {
  chart.render(svg, frame, SIZE);
  return svg;
}

/**
 * The SVG as a standalone file: generated ids renumbered (as Plot's reindexClip does), so a
 * snapshot does not depend on how many charts were drawn before it, and one tag per line, so
 * a change shows as a readable diff.
 */
function serialize(svg: SVGSVGElement): string {
  return `${svg.outerHTML
    .replace(/faascope-chart-\d+/g, 'chart')
    .replace(/^<svg /, `<svg xmlns="${SVG_NS}" `)
    .replace(/></g, '>\n<')}\n`;
}

const numbers = /[ML](-?[\d.]+(?:e-?\d+)?),(-?[\d.]+(?:e-?\d+)?)/g;
function pathPoints(d: string | null): [number, number][] {
  return [...(d ?? '').matchAll(numbers)].map((m) => [Number(m[1]), Number(m[2])]);
}

/** The right-most x any data mark reaches, in pixels. */
function rightmostMarkX(svg: SVGSVGElement): number {
  let max = -Infinity;
  for (const el of svg.querySelectorAll('.chart-marks .mark')) {
    if (el.tagName === 'path') for (const [x] of pathPoints(el.getAttribute('d'))) max = Math.max(max, x);
    else if (el.tagName === 'rect') max = Math.max(max, Number(el.getAttribute('x')) + Number(el.getAttribute('width')));
    else if (el.tagName === 'circle') max = Math.max(max, Number(el.getAttribute('cx')));
  }
  return max;
}

/** Pixel y to value, read back from the drawn gridlines (each bound to its tick value). */
function valueAtY(svg: SVGSVGElement): (py: number) => number {
  const lines = [...svg.querySelectorAll('.chart-grid line')].map((l) => ({ py: Number(l.getAttribute('y1')), v: datum<number>(l) }));
  const a = lines[0]!;
  const b = lines.at(-1)!;
  return (py) => a.v + ((py - a.py) * (b.v - a.v)) / (b.py - a.py);
}

/** Everything in a frame, typed arrays included, as one comparable string. */
const contentOf = (frame: Frame) => JSON.stringify(frame, (_, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v));

const datum = <T>(el: Element | null): T => (el as unknown as { __data__: T }).__data__;

let burstMid: Frame;
let burstEnd: Frame;
beforeAll(() => {
  [burstMid, burstEnd] = framesOf('burst', [45_000, 120_000]) as [Frame, Frame];
});

describe.each(CHARTS.map((c) => [c.id, c] as const))('%s', (id, chart) => {
  it('matches its snapshots mid-burst (45 s) and at the end (120 s)', async () => {
    await expect(serialize(draw(chart, burstMid))).toMatchFileSnapshot(`./__snapshots__/burst-${id}-45s.svg`);
    await expect(serialize(draw(chart, burstEnd))).toMatchFileSnapshot(`./__snapshots__/burst-${id}-120s.svg`);
  });

  it('draws the same DOM when called twice with the same frame', () => {
    const svg = draw(chart, burstMid);
    const once = svg.outerHTML;
    draw(chart, burstMid, svg);
    expect(svg.outerHTML).toBe(once);
  });

  it('after a rewind draws what a fresh render draws, with nothing past the now line', () => {
    const svg = draw(chart, burstEnd);
    draw(chart, burstMid, svg);
    expect(serialize(svg)).toBe(serialize(draw(chart, burstMid)));
    const nowLine = svg.querySelector('.now-line');
    if (nowLine) expect(rightmostMarkX(svg)).toBeLessThanOrEqual(Number(nowLine.getAttribute('x1')) + 0.5);
  });

  it('never modifies the frame it draws', () => {
    const before = contentOf(burstMid);
    draw(chart, burstMid);
    expect(contentOf(burstMid)).toBe(before);
  });

  it('is an image with a name and a short description of the numbers now', () => {
    const svg = draw(chart, burstEnd);
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')!.length).toBeGreaterThan(20);
    const desc = svg.querySelector(`#${svg.getAttribute('aria-describedby')}`);
    expect(desc?.tagName).toBe('desc');
    expect(desc!.textContent).toMatch(/\d/);
  });

  it('draws the first instant of a run (no data yet) without failing', () => {
    const [start] = framesOf('burst', [0]);
    const svg = draw(chart, start!);
    expect(svg.querySelector('.chart-title text')?.textContent).toBeTruthy();
  });
});

describe('cumulative cost', () => {
  const chart = CHARTS.find((c) => c.id === 'cumulative-cost')!;
  it.each([
    ['mid-burst', () => burstMid],
    ['at the end', () => burstEnd],
  ])('ends, %s, at the sum of every bucket’s cost, at the now line', (_, frame) => {
    const f = frame();
    const svg = draw(chart, f);
    const sum = f.series.series.costUsd.slice(0, f.series.filled).reduce((a, b) => a + b, 0);
    const last = datum<LineSeries>(svg.querySelector('path.line-cost')).points.at(-1)!;
    expect(last.y).toBeCloseTo(sum, 12);
    expect(last.x).toBe(f.t);
    expect(Number(svg.querySelector('.cost-end-dot')!.getAttribute('data-value'))).toBeCloseTo(f.summary.costUsd, 12);
  });
});

describe('sandboxes by state', () => {
  const chart = CHARTS.find((c) => c.id === 'sandbox-states')!;
  it.each([
    ['mid-burst', () => burstMid],
    ['at the end', () => burstEnd],
  ])('stacks, %s, to the sum of the four state series at the last bucket drawn', (_, frame) => {
    const f = frame();
    const svg = draw(chart, f);
    const last = Math.min(f.series.filled, completeBuckets(f.series, f.t)) - 1;
    const expected = STACK.reduce((acc, l) => acc + f.series.series[l.series][last]!, 0);
    expect(expected).toBeGreaterThan(0);
    const top = svg.querySelector(`g.area-${STACK.at(-1)!.state}`);
    expect(datum<AreaLayer>(top).points[last]!.y1).toBeCloseTo(expected, 9);
    // And where it is drawn: the top band's outline runs forward along its top edge, one
    // point per bucket, so its point `last` is that bucket's top, read back through the grid.
    const [, topY] = pathPoints(top!.querySelector('path.area-fill')!.getAttribute('d'))[last]!;
    expect(valueAtY(svg)(topY)).toBeCloseTo(expected, 2);
  });

  it('at the end of the burst, the last bucket drawn is the last filled one', () => {
    expect(Math.min(burstEnd.series.filled, completeBuckets(burstEnd.series, burstEnd.t))).toBe(burstEnd.series.filled);
  });
});

describe('cold-start ratio', () => {
  it('leaves a gap, not 0 %, where no request started', () => {
    const [f] = framesOf('warm-reuse', [12 * 60_000]);
    const svg = draw(CHARTS.find((c) => c.id === 'cold-start-ratio')!, f!);
    const points = datum<LineSeries>(svg.querySelector('path.line-cold-ratio')).points;
    expect(points.some((p) => p.y === null)).toBe(true);
    // Four requests, the first and the one after the keep-alive expired cold: each alone in
    // its window, so each is a dot rather than a line.
    expect(svg.querySelectorAll('circle.dot').length).toBe(points.filter((p) => p.y !== null).length);
    expect(points.filter((p) => p.y === 100).length).toBe(2);
  });
});

describe('sandbox time is drawn up to now', () => {
  // The Timeline integrates sandbox time only when some sandbox changes state; buildFrame
  // sends the series flushed to sim.now, so a sandbox idle since minute 2 is drawn while idle.
  it('an idle sandbox is drawn up to the now line, before keep-alive reclaims it', () => {
    const [f] = framesOf('warm-reuse', [6 * 60_000]);
    expect(f!.summary.sandboxes.idle).toBe(1);
    const svg = draw(CHARTS.find((c) => c.id === 'sandbox-states')!, f!);
    const last = datum<AreaLayer>(svg.querySelector('g.area-idle')).points.at(-1)!;
    expect(last.y1! - last.y0).toBeGreaterThan(0.5);
  });
});

describe('in French', () => {
  beforeAll(async () => {
    await i18n.changeLanguage('fr');
  });
  afterAll(async () => {
    await i18n.changeLanguage('en');
  });
  const byId = (id: string) => CHARTS.find((c) => c.id === id)!;
  const texts = (svg: SVGSVGElement, selector: string) => [...svg.querySelectorAll(`${selector} text`)].map((t) => t.textContent).join(' ');

  it('titles, labels the axes, names the series and counts in French', () => {
    const svg = draw(byId('request-rate'), burstMid);
    expect(texts(svg, '.chart-title')).toBe('Débit de requêtes');
    expect(texts(svg, '.y-label')).toMatch(/^↑ Requêtes par seconde \(req\/s, moyennes sur/);
    expect(svg.querySelector('.x-label')!.textContent).toBe('Temps simulé (s) →');
    expect(texts(svg, '.chart-legend')).toBe('Requêtes arrivées Requêtes limitées (HTTP 429)');
    expect(texts(svg, '.chart-summary')).toMatch(/^Pic : [\d,]+ req\/s · arrivées : /);
    expect(svg.getAttribute('aria-label')).toBe(fr.render.charts.requestRate.aria);
    // A decimal comma, and the unit after a space, in the now label.
    expect(svg.querySelector('.now-label')!.textContent).toBe('maintenant 45,0 s');
  });

  it('writes money, percentages and gigabytes the French way', () => {
    const cost = draw(byId('cumulative-cost'), burstEnd);
    expect(texts(cost, '.chart-title')).toBe('Coût cumulé');
    // "0,0123 $": the symbol after the number, a comma for the decimal point.
    expect(texts(cost, '.chart-summary')).toMatch(/^\d+,\d+\u00a0\$ jusqu'ici/);
    expect(texts(cost, '.axis-y')).toMatch(/\d,\d+\u00a0\$/);
    const ratio = draw(byId('cold-start-ratio'), burstEnd);
    expect(texts(ratio, '.axis-y')).toContain('100\u00a0%');
    const idle = draw(byId('idle-vs-cold'), burstEnd);
    expect(texts(idle, '.y-label')).toBe('↑ Mémoire inactive retenue (Go)');
    expect(texts(idle, '.chart-legend')).toContain('Démarrages à froid');
  });

  const messages = {
    'request-rate': 'requestRate',
    'cold-start-ratio': 'coldStartRatio',
    'sandbox-states': 'sandboxStates',
    'idle-vs-cold': 'idleVsCold',
    'cumulative-cost': 'cumulativeCost',
    'latency-histogram': 'latency',
  } as const;
  it.each(CHARTS.map((c) => [c.id, c] as const))('%s: is titled and named in French', (id, chart) => {
    const text = fr.render.charts[messages[id as keyof typeof messages]];
    const svg = draw(chart, burstEnd);
    expect(texts(svg, '.chart-title')).toBe(text.title);
    expect(svg.getAttribute('aria-label')).toBe(text.aria);
    expect(texts(svg, '.y-label')).toMatch(/^↑ [A-ZÉ]/);
    expect(texts(svg, '.y-label')).toContain(text.yLabel.split(' (')[0]!.replace(/ \{\{.*/, ''));
  });

  it('redrawn after a switch of language, a chart is the one drawn fresh in that language', async () => {
    const chart = byId('latency-histogram');
    await i18n.changeLanguage('en');
    const svg = draw(chart, burstEnd);
    expect(texts(svg, '.chart-title')).toBe('Latency, warm vs cold');
    await i18n.changeLanguage('fr');
    draw(chart, burstEnd, svg);
    expect(serialize(svg)).toBe(serialize(draw(chart, burstEnd)));
    expect(texts(svg, '.chart-legend')).toMatch(/^Démarrages à chaud \([\d\u202f]+ requêtes\) Démarrages à froid \([\d\u202f]+ requêtes\)$/);
  });
});
