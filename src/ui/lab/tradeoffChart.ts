import * as d3 from 'd3';
import { drawValueAxis } from '../../render/charts/axes';
import { chartFrame, child, drawNote, type ChartOptions } from '../../render/charts/chartFrame';
import type { LegendItem } from '../../render/charts/legend';
import { THEME, textWidth } from '../../render/charts/theme';
import { OKABE_ITO } from '../../render/palette';

/** One policy as the chart places it. */
export interface TradeoffPoint {
  id: string;
  label: string;
  /** Idle memory normalised to the baseline (fixed 10 min = 1). */
  x: number;
  /** The chosen percentile over applications of the cold-start percentage. */
  y: number;
  kind: 'none' | 'fixed' | 'hybrid';
  baseline: boolean;
}

export interface TradeoffTexts {
  title: string;
  aria: string;
  summary: string;
  xLabel: string;
  yLabel: string;
  legendFixed: string;
  legendHybrid: string;
  legendNone: string;
  empty: string;
  formatX: (v: number) => string;
  formatY: (v: number) => string;
}

// Shapes as well as colours, so the kinds of policy differ without colour: circles for fixed
// keep-alives (joined by a line, the curve a fixed keep-alive traces as it grows), diamonds
// for the hybrid policy, a square for no keep-alive; each outlined in the background colour.
const FIXED_COLOR = OKABE_ITO[0];
const HYBRID_COLOR = OKABE_ITO[5];
const NONE_COLOR = OKABE_ITO[2];
const SYMBOL = { fixed: d3.symbolCircle, hybrid: d3.symbolDiamond, none: d3.symbolSquare } as const;
const COLOR = { fixed: FIXED_COLOR, hybrid: HYBRID_COLOR, none: NONE_COLOR } as const;

/**
 * The trade-off of "Serverless in the Wild" (USENIX ATC 2020, Fig. 15): each keep-alive policy
 * as one point, idle memory (normalised to fixed 10 minutes) across, the cold-start percentage
 * of the application at a percentile (75th by default) up. Lower and further left is better;
 * fixed keep-alives trade one for the other along a curve, an adaptive policy aims below it.
 */
export function renderTradeoffChart(svg: SVGSVGElement, points: readonly TradeoffPoint[], texts: TradeoffTexts, opts: ChartOptions): void {
  const legend: LegendItem[] = [
    { key: 'fixed', label: texts.legendFixed, swatch: { kind: 'line', color: FIXED_COLOR } },
    ...(points.some((p) => p.kind === 'hybrid') ? [{ key: 'hybrid', label: texts.legendHybrid, swatch: { kind: 'bar' as const, fill: HYBRID_COLOR, stroke: HYBRID_COLOR } }] : []),
    ...(points.some((p) => p.kind === 'none') ? [{ key: 'none', label: texts.legendNone, swatch: { kind: 'bar' as const, fill: NONE_COLOR, stroke: NONE_COLOR } }] : []),
  ];
  const c = chartFrame(svg, { title: texts.title, ariaLabel: texts.aria, summary: texts.summary, legend, yLabel: texts.yLabel, xLabel: texts.xLabel, yTickText: texts.formatY(100) }, opts);
  const { plot } = c;
  const xMax = Math.max(1.2, d3.max(points, (p) => p.x) ?? 0) * 1.08;
  const x = d3.scaleLinear().domain([0, xMax]).range([plot.left, plot.right]).nice();
  const y = d3.scaleLinear().domain([0, 100]).range([plot.bottom, plot.top]);

  drawValueAxis(c.axisY, y, plot, texts.formatY, 'left', c.grid);
  c.axisX.attr('transform', `translate(0,${plot.bottom})`).call(d3.axisBottom(x).ticks(Math.max(2, Math.floor(plot.width / 80))).tickFormat((v) => texts.formatX(+v)).tickSizeOuter(0));
  c.axisX.attr('font-size', THEME.tickSize).attr('font-family', THEME.font).attr('color', THEME.muted);
  drawNote(c, points.length === 0 ? texts.empty : null);

  // The baseline's vertical: everything left of it holds less idle memory than fixed 10 minutes.
  const baseline = points.find((p) => p.baseline);
  child(c.marks, 'line', 'baseline-rule')
    .attr('x1', x(1))
    .attr('x2', x(1))
    .attr('y1', plot.top)
    .attr('y2', plot.bottom)
    .attr('stroke', THEME.muted)
    .attr('stroke-dasharray', '4 4')
    .attr('stroke-width', 1)
    .attr('display', baseline ? null : 'none');

  const fixed = points.filter((p) => p.kind === 'fixed' || p.kind === 'none').sort((a, b) => a.x - b.x);
  child(c.marks, 'path', 'fixed-curve')
    .attr('d', fixed.length > 1 ? d3.line<TradeoffPoint>((p) => x(p.x), (p) => y(p.y))(fixed) : null)
    .attr('fill', 'none')
    .attr('stroke', FIXED_COLOR)
    .attr('stroke-width', THEME.lineWidth)
    .attr('stroke-opacity', 0.6);

  const dots = child(c.marks, 'g', 'policy-points')
    .selectAll<SVGGElement, TradeoffPoint>('g.policy-point')
    .data(points, (p) => p.id)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'policy-point');
      g.append('path').attr('class', 'mark');
      g.append('text').attr('class', 'point-label');
      return g;
    })
    .attr('data-id', (p) => p.id)
    .attr('transform', (p) => `translate(${x(p.x)},${y(p.y)})`);
  dots
    .select('path.mark')
    .attr('d', (p) => d3.symbol(SYMBOL[p.kind], p.baseline ? 140 : 100)())
    .attr('fill', (p) => COLOR[p.kind])
    .attr('stroke', THEME.background)
    .attr('stroke-width', 1.5);

  // Labels to the right of their point, or to the left near the right edge; points that sit on
  // one another (the same numbers) get their labels stacked rather than overprinted.
  const placed: { x: number; y: number }[] = [];
  dots
    .select<SVGTextElement>('text.point-label')
    .each(function (p) {
      const px = x(p.x);
      // Above the point (the fixed curve runs through it), below when at the top of the plot.
      let py = y(p.y) + (y(p.y) - 12 < plot.top ? 16 : -8);
      const w = textWidth(p.label, THEME.tickSize);
      const right = px + 6 + w <= plot.right;
      while (placed.some((q) => Math.abs(q.x - px) < w + 8 && Math.abs(q.y - py) < 14)) py += 15;
      placed.push({ x: px, y: py });
      d3.select(this)
        .attr('x', right ? 6 : -6)
        .attr('y', py - y(p.y) + 4)
        .attr('text-anchor', right ? 'start' : 'end')
        .attr('font-size', THEME.tickSize)
        .attr('font-weight', p.baseline ? 600 : 400)
        .attr('fill', THEME.text)
        .attr('stroke', THEME.background)
        .attr('stroke-width', 3)
        .attr('paint-order', 'stroke')
        .text(p.label);
    });
}
