import * as d3 from 'd3';
import { drawLegend, layoutLegend, type LegendItem } from './legend';
import { definePatterns, type PatternSpec } from './patterns';
import { drawTextLines, wrapText } from './text';
import { THEME, textWidth } from './theme';

/** The size a chart is drawn at, in CSS pixels. */
export interface ChartOptions {
  width: number;
  height: number;
}

/** A chart's render function: draws `frame` into `svg`, replacing what was there. */
export type ChartRenderer<F> = (svg: SVGSVGElement, frame: F, opts: ChartOptions) => void;

export type Sel<E extends d3.BaseType> = d3.Selection<E, unknown, null, undefined>;

/** The rectangle the marks live in, in pixels of the SVG. */
export interface PlotArea {
  left: number;
  top: number;
  right: number;
  bottom: number;
  width: number;
  height: number;
}

export interface FrameSpec {
  title: string;
  /** What the chart shows, for the accessible name. */
  ariaLabel: string;
  /** The key numbers now: shown under the title and given to screen readers as the description. */
  summary: string;
  legend: LegendItem[];
  /** Label above the left axis, with its unit. */
  yLabel: string;
  /** Label above the right axis, when there is one. */
  yLabelRight?: string;
  /** Label under the x axis, with its unit. */
  xLabel: string;
  /** Widest y tick label expected, to size the margin(s). */
  yTickText: string;
  yTickTextRight?: string;
  /** Fill textures the marks and the legend use (see `patternFill`). */
  patterns?: readonly PatternSpec[];
}

/** The skeleton every chart draws into, in a fixed order so re-renders never reorder nodes. */
export interface ChartFrame {
  svg: Sel<SVGSVGElement>;
  /** Unique in the document; prefixes every id the chart defines. */
  uid: string;
  plot: PlotArea;
  defs: Sel<SVGDefsElement>;
  grid: Sel<SVGGElement>;
  future: Sel<SVGGElement>;
  marks: Sel<SVGGElement>;
  axisX: Sel<SVGGElement>;
  axisY: Sel<SVGGElement>;
  axisYRight: Sel<SVGGElement>;
  now: Sel<SVGGElement>;
  note: Sel<SVGGElement>;
}

/**
 * One child `<tag class="cls">` of `parent`, created on first use and reused after: the
 * keyed-join idiom for a singleton, so calling a chart twice never duplicates its layers.
 * Found by class alone: a type selector for camel-cased SVG tags (`clipPath`) does not match
 * in every DOM (jsdom lower-cases it in an HTML document).
 */
export function child<P extends d3.BaseType, K extends keyof SVGElementTagNameMap>(parent: Sel<P>, tag: K, cls: string): Sel<SVGElementTagNameMap[K]> {
  const joined = parent
    .selectChildren<SVGElementTagNameMap[K], unknown>(`.${cls}`)
    .data([null])
    .join((enter) => enter.append(tag) as never)
    .attr('class', cls);
  return joined as unknown as Sel<SVGElementTagNameMap[K]>;
}

// Ids must be unique in the page (six charts share one document and each defines patterns).
// The map is a cache: losing it only renames the ids, and every reference is re-set each render.
const uids = new WeakMap<SVGSVGElement, string>();
let nextUid = 0;
/** The chart's id prefix, stable for the life of the element. */
export function chartUid(svg: SVGSVGElement): string {
  let uid = uids.get(svg);
  if (!uid) {
    uid = `faascope-chart-${++nextUid}`;
    uids.set(svg, uid);
  }
  return uid;
}

const PAD = 12;
const TITLE_LINE = 19;
const LINE = 17;
const TICK_SPACE = 9;
const BOTTOM = 48;

/** Sets up the SVG, the title, summary, legend and axis labels, and returns the layers to draw into. */
export function chartFrame(el: SVGSVGElement, spec: FrameSpec, opts: ChartOptions): ChartFrame {
  const width = Math.max(240, Math.round(opts.width));
  const height = Math.max(200, Math.round(opts.height));
  const textWidthPx = width - 2 * PAD;
  const uid = chartUid(el);
  const svg = d3.select(el) as Sel<SVGSVGElement>;
  svg
    .attr('width', width)
    .attr('height', height)
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('role', 'img')
    .attr('aria-label', spec.ariaLabel)
    .attr('aria-describedby', `${uid}-desc`)
    .attr('font-family', THEME.font)
    .attr('font-size', THEME.tickSize)
    .style('background', THEME.background);

  child(svg, 'desc', 'chart-desc').attr('id', `${uid}-desc`).text(`${spec.title}. ${spec.summary}`);
  const defs = child(svg, 'defs', 'chart-defs');
  definePatterns(defs, uid, spec.patterns ?? []);

  // Top to bottom: title, summary, legend, axis labels, plot. Every block wraps rather than
  // clips, and the plot takes what height is left.
  const heading = child(svg, 'g', 'chart-heading');
  const titleLines = wrapText(spec.title, textWidthPx, THEME.titleSize);
  let y = 20;
  drawTextLines(child(heading, 'g', 'chart-title').attr('font-size', THEME.titleSize).attr('font-weight', 600).attr('fill', THEME.text), titleLines, PAD, y, TITLE_LINE);
  y += (titleLines.length - 1) * TITLE_LINE + 20;
  const summaryLines = wrapText(spec.summary, textWidthPx, THEME.subtitleSize);
  drawTextLines(child(heading, 'g', 'chart-summary').attr('font-size', THEME.subtitleSize).attr('fill', THEME.muted), summaryLines, PAD, y, LINE);
  y += (summaryLines.length - 1) * LINE + 12;

  const legendLayout = layoutLegend(spec.legend, textWidthPx);
  drawLegend(child(svg, 'g', 'chart-legend').attr('transform', `translate(${PAD},${y})`), spec.legend, legendLayout);
  y += legendLayout.height;

  // Axis labels sit above their axes (as in Observable Plot): horizontal, so readable from the
  // back of a room. When the left and right labels do not fit side by side, the left one
  // goes on the row above.
  const labelSize = THEME.labelSize;
  const right = spec.yLabelRight ?? '';
  const sideBySide = textWidth(spec.yLabel, labelSize) + textWidth(right, labelSize) + 24 <= textWidthPx;
  const leftLines = wrapText(spec.yLabel, right && !sideBySide ? textWidthPx : textWidthPx - textWidth(right, labelSize) - 24, labelSize);
  const rightLines = wrapText(right, textWidthPx, labelSize);
  const labelRows = right && !sideBySide ? leftLines.length + rightLines.length : Math.max(leftLines.length, rightLines.length, 1);
  const top = y + 8 + labelRows * LINE + 8;

  const left = Math.round(Math.max(40, textWidth(spec.yTickText, THEME.tickSize) + TICK_SPACE + PAD));
  const rightMargin = spec.yTickTextRight !== undefined ? Math.round(Math.max(40, textWidth(spec.yTickTextRight, THEME.tickSize) + TICK_SPACE + PAD)) : 24;
  const plot: PlotArea = { left, top, right: width - rightMargin, bottom: height - BOTTOM, width: 0, height: 0 };
  plot.width = Math.max(10, plot.right - plot.left);
  plot.height = Math.max(10, plot.bottom - plot.top);
  plot.right = plot.left + plot.width;
  plot.bottom = plot.top + plot.height;

  const labels = child(svg, 'g', 'axis-labels').attr('font-size', labelSize).attr('fill', THEME.muted);
  const lastLabelY = top - 12;
  drawTextLines(child(labels, 'g', 'y-label'), leftLines, PAD, lastLabelY - (labelRows - 1) * LINE, LINE);
  drawTextLines(child(labels, 'g', 'y-label-right').attr('text-anchor', 'end'), rightLines, width - PAD, lastLabelY - (rightLines.length - 1) * LINE, LINE);
  const xLabelFits = textWidth(spec.xLabel, labelSize) <= plot.right - PAD;
  child(labels, 'text', 'x-label')
    .attr('x', xLabelFits ? plot.right : PAD)
    .attr('y', height - 10)
    .attr('text-anchor', xLabelFits ? 'end' : 'start')
    .text(spec.xLabel);

  const clipId = `${uid}-clip`;
  // A little slack above and below so a 2.5 px line at the top or at zero is not cut in half.
  child(child(defs, 'clipPath', 'plot-clip').attr('id', clipId), 'rect', 'plot-clip-rect')
    .attr('x', plot.left)
    .attr('y', plot.top - 4)
    .attr('width', plot.width)
    .attr('height', plot.height + 8);

  const grid = child(svg, 'g', 'chart-grid');
  const future = child(svg, 'g', 'chart-future');
  const marks = child(svg, 'g', 'chart-marks').attr('clip-path', `url(#${clipId})`);
  const axisX = child(svg, 'g', 'axis-x');
  const axisY = child(svg, 'g', 'axis-y');
  const axisYRight = child(svg, 'g', 'axis-y-right');

  const now = child(svg, 'g', 'chart-now');
  const note = child(svg, 'g', 'chart-note');
  return { svg, uid, plot, defs, grid, future, marks, axisX, axisY, axisYRight, now, note };
}

/** A centred message in the plot ("No completed requests yet"), or none. */
export function drawNote(frame: ChartFrame, message: string | null): void {
  const { plot } = frame;
  frame.note
    .selectAll<SVGTextElement, string>('text')
    .data(message ? [message] : [])
    .join('text')
    .attr('x', plot.left + plot.width / 2)
    .attr('y', plot.top + plot.height / 2)
    .attr('text-anchor', 'middle')
    .attr('font-size', THEME.labelSize)
    .attr('fill', THEME.muted)
    .text((d) => d);
}
