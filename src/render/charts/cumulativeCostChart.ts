import * as d3 from 'd3';
import { i18n } from '../../i18n';
import type { Frame } from '../../worker/frame';
import { tickFormat as localeTickFormat } from '../locale';
import { OKABE_ITO } from '../palette';
import { drawAreas } from './areaMark';
import { drawTimeAxis, drawValueAxis, timeAxisLabel, timeScale } from './axes';
import { chartFrame, child, type ChartOptions } from './chartFrame';
import { formatUsd } from './format';
import { drawLines, type LinePoint } from './lineMark';
import { drawNow } from './nowMark';
import { THEME } from './theme';

// Bluish green, not grey: a grey area under the line would read as the grey "not simulated
// yet" wash beside it.
const COST_COLOR = OKABE_ITO[2];
const COST_LINE = '#006b4f';

/**
 * The running total of what the account is billed: each bucket's cost at the bucket's end,
 * the current (partial) bucket included and ending at now, so the last point is the bill so
 * far. A cumulative line cannot dip, so unlike the rates it needs no complete buckets.
 */
function costPoints(frame: Frame): LinePoint[] {
  const s = frame.series;
  const points: LinePoint[] = [{ x: 0, y: 0 }];
  let sum = 0;
  for (let i = 0; i < s.filled; i++) {
    sum += s.series.costUsd[i]!;
    points.push({ x: Math.min(frame.t, (i + 1) * s.bucketMs), y: sum });
  }
  if (points.at(-1)!.x < frame.t) points.push({ x: frame.t, y: sum });
  return points;
}

export function renderCumulativeCostChart(svg: SVGSVGElement, frame: Frame, opts: ChartOptions): void {
  const points = costPoints(frame);
  const totalUsd = points.at(-1)!.y!;
  const y = d3
    .scaleLinear()
    // Headroom above the line's end keeps its label clear of the now label at the top.
    .domain([0, totalUsd > 0 ? totalUsd * 1.3 : 1e-6])
    .nice();
  const tickFormat = localeTickFormat(y.domain(), 5, '$');

  const c = chartFrame(
    svg,
    {
      title: i18n.t('render.charts.cumulativeCost.title'),
      ariaLabel: i18n.t('render.charts.cumulativeCost.aria'),
      summary: i18n.t('render.charts.cumulativeCost.summary', { cost: formatUsd(totalUsd) }),
      legend: [],
      yLabel: i18n.t('render.charts.cumulativeCost.yLabel'),
      xLabel: timeAxisLabel(frame),
      yTickText: tickFormat(y.domain()[1]!),
    },
    opts,
  );
  const x = timeScale(frame, c.plot);
  y.range([c.plot.bottom, c.plot.top]);

  drawValueAxis(c.axisY, y, c.plot, (v) => tickFormat(v), 'left', c.grid);
  drawTimeAxis(c.axisX, frame, x, c.plot);
  drawAreas(child(c.marks, 'g', 'cost-area'), [{ key: 'cost', points: points.map((p) => ({ x: p.x, y0: 0, y1: p.y })), fill: COST_COLOR, fillOpacity: 0.15, stroke: 'none' }], x, y);
  drawLines(child(c.marks, 'g', 'cost-line'), [{ key: 'cost', points, color: COST_LINE }], x, y);

  // The bill so far, written at the end of the line where the eye already is.
  const end = points.at(-1)!;
  const ex = x(end.x);
  const ey = y(end.y!);
  // Right of the end in the empty future; at the right edge, up and to the left of it, which
  // a line that never falls leaves free.
  const flip = ex > c.plot.right - 90;
  const labelX = flip ? ex - 6 : ex + 8;
  const labelY = flip ? ey - 10 : ey + 5;
  const label = child(c.marks, 'g', 'cost-end');
  label
    .selectAll<SVGCircleElement, number>('circle')
    .data([totalUsd])
    .join('circle')
    .attr('class', 'mark cost-end-dot')
    .attr('data-value', (d) => d)
    .attr('cx', ex)
    .attr('cy', ey)
    .attr('r', 4)
    .attr('fill', COST_LINE);
  label
    .selectAll<SVGTextElement, number>('text')
    .data([totalUsd])
    .join('text')
    .attr('x', labelX)
    .attr('y', labelY)
    .attr('text-anchor', flip ? 'end' : 'start')
    .attr('font-size', THEME.labelSize)
    .attr('font-weight', 600)
    .attr('fill', THEME.text)
    .attr('stroke', THEME.background)
    .attr('stroke-width', 4)
    .attr('paint-order', 'stroke')
    .text((d) => formatUsd(d));
  drawNow(c.now, c.future, frame, x, c.plot);
}
