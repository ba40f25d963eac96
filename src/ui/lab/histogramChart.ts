import * as d3 from 'd3';
import { drawValueAxis, integerTicks } from '../../render/charts/axes';
import { chartFrame, child, drawNote, type ChartOptions } from '../../render/charts/chartFrame';
import type { LegendItem } from '../../render/charts/legend';
import { THEME } from '../../render/charts/theme';
import { STATE_STYLE } from '../../render/palette';
import type { HybridDecision, HybridHistogramView } from '../../sim/policies/hybridHistogram';

export interface HistogramTexts {
  title: string;
  aria: string;
  summary: string;
  xLabel: string;
  yLabel: string;
  barsLegend: string;
  windowLegend: string;
  prewarm: string;
  keepUntil: string;
  empty: string;
  formatMinutes: (min: number) => string;
}

const BAR_COLOR = STATE_STYLE.busy.color;
// The window the sandbox is loaded in: the idle colour (a loaded, frozen sandbox), hatched-free
// but outlined, so it reads on either theme and without colour.
const WINDOW_COLOR = STATE_STYLE.idle.color;

/**
 * One function's idle times as the hybrid keep-alive policy counts them (bins of `binMs`, over
 * its range), with the window it decides to keep a sandbox loaded in: from the pre-warm (just
 * before the head percentile) to the keep-alive's end (just after the tail percentile). The x
 * axis shows the span where idle times fell, not the whole 4-hour range, so a function called
 * every minute is not one bar at the left edge.
 */
export function renderHistogramChart(svg: SVGSVGElement, view: HybridHistogramView, decision: HybridDecision, texts: HistogramTexts, opts: ChartOptions): void {
  const binMin = view.binMs / 60_000;
  let last = -1;
  view.counts.forEach((c, i) => {
    if (c > 0) last = i;
  });
  const windowEndMin = (decision.prewarmMs + decision.keepAliveMs) / 60_000;
  const spanMin = Math.min(view.counts.length * binMin, Math.max((last + 2) * binMin, windowEndMin * 1.1, 5 * binMin));
  const legend: LegendItem[] = [
    { key: 'bars', label: texts.barsLegend, swatch: { kind: 'bar', fill: BAR_COLOR, stroke: BAR_COLOR } },
    { key: 'window', label: texts.windowLegend, swatch: { kind: 'area', fill: WINDOW_COLOR, fillOpacity: 0.25, stroke: WINDOW_COLOR, dash: '5 3' } },
  ];
  const maxCount = d3.max(view.counts) ?? 0;
  const y = d3
    .scaleLinear()
    .domain([0, Math.max(4, maxCount)])
    .nice();
  const c = chartFrame(svg, { title: texts.title, ariaLabel: texts.aria, summary: texts.summary, legend, yLabel: texts.yLabel, xLabel: texts.xLabel, yTickText: String(y.domain()[1]) }, opts);
  const { plot } = c;
  const x = d3.scaleLinear().domain([0, spanMin]).range([plot.left, plot.right]);
  y.range([plot.bottom, plot.top]);
  drawValueAxis(c.axisY, y, plot, (v) => d3.format(',')(v), 'left', c.grid, integerTicks(y, Math.max(2, Math.floor(plot.height / 40))));
  c.axisX.attr('transform', `translate(0,${plot.bottom})`).call(d3.axisBottom(x).ticks(Math.max(2, Math.floor(plot.width / 70))).tickFormat((v) => texts.formatMinutes(+v)).tickSizeOuter(0));
  c.axisX.attr('font-size', THEME.tickSize).attr('font-family', THEME.font).attr('color', THEME.muted);
  drawNote(c, view.inRange === 0 ? texts.empty : null);

  const windowOn = decision.keepAliveMs > 0 && view.inRange + view.outOfRange > 0;
  const x0 = x(Math.min(spanMin, decision.prewarmMs / 60_000));
  const x1 = x(Math.min(spanMin, windowEndMin));
  child(c.marks, 'rect', 'loaded-window')
    .attr('x', x0)
    .attr('y', plot.top)
    .attr('width', Math.max(2, x1 - x0))
    .attr('height', plot.height)
    .attr('fill', WINDOW_COLOR)
    .attr('fill-opacity', 0.25)
    .attr('stroke', WINDOW_COLOR)
    .attr('stroke-dasharray', '5 3')
    .attr('stroke-width', 1.5)
    .attr('display', windowOn ? null : 'none');

  const bins = view.counts.map((count, i) => ({ i, count })).filter((b) => b.count > 0 && b.i * binMin < spanMin);
  child(c.marks, 'g', 'idle-bins')
    .selectAll<SVGRectElement, { i: number; count: number }>('rect')
    .data(bins, (b) => String(b.i))
    .join('rect')
    .attr('class', 'bin')
    .attr('x', (b) => x(b.i * binMin) + 0.5)
    .attr('width', (b) => Math.max(2, x((b.i + 1) * binMin) - x(b.i * binMin) - 1))
    .attr('y', (b) => y(b.count))
    .attr('height', (b) => plot.bottom - y(b.count))
    .attr('fill', BAR_COLOR)
    .attr('stroke', BAR_COLOR);

  // The two decisions, written at the window's edges.
  const marks = windowOn
    ? [
        { key: 'prewarm', x: x0, text: texts.prewarm, anchor: 'start' as const },
        { key: 'until', x: x1, text: texts.keepUntil, anchor: 'end' as const },
      ]
    : [];
  child(c.marks, 'g', 'window-labels')
    .selectAll<SVGTextElement, (typeof marks)[number]>('text')
    .data(marks, (m) => m.key)
    .join('text')
    .attr('x', (m) => (m.anchor === 'start' ? Math.min(m.x + 4, plot.right - 4) : Math.max(m.x - 4, plot.left + 4)))
    .attr('y', (_m, i) => plot.top + 14 + i * 16)
    .attr('text-anchor', (m) => (m.x + 4 > plot.right - 120 && m.anchor === 'start' ? 'end' : m.anchor))
    .attr('font-size', THEME.tickSize)
    .attr('fill', THEME.text)
    // A halo of the background colour, so the words read over a bar as well as beside one.
    .attr('stroke', THEME.background)
    .attr('stroke-width', 3)
    .attr('paint-order', 'stroke')
    .text((m) => m.text);
}
