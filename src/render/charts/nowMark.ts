import type * as d3 from 'd3';
import { i18n } from '../../i18n';
import type { Frame } from '../../worker/frame';
import type { PlotArea, Sel } from './chartFrame';
import { formatSimTime } from './format';
import { THEME } from './theme';

const FUTURE_NOTE_MIN_PX = 150;

/**
 * The vertical "now" line at `frame.t`, and a grey wash over the part of the run not
 * simulated yet, so an empty right half reads as "to come" rather than "nothing happened".
 */
export function drawNow(now: Sel<SVGGElement>, future: Sel<SVGGElement>, frame: Frame, x: d3.ScaleLinear<number, number>, plot: PlotArea): void {
  const nx = Math.max(plot.left, Math.min(plot.right, x(frame.t)));
  const futureWidth = plot.right - nx;

  future
    .selectAll<SVGRectElement, number>('rect')
    .data(futureWidth > 0 ? [futureWidth] : [])
    .join('rect')
    .attr('x', nx)
    .attr('y', plot.top)
    .attr('width', (d) => d)
    .attr('height', plot.height)
    .attr('fill', THEME.future)
    .attr('fill-opacity', THEME.futureOpacity);
  future
    .selectAll<SVGTextElement, string>('text')
    .data(futureWidth >= FUTURE_NOTE_MIN_PX ? [i18n.t('render.time.notSimulatedYet')] : [])
    .join('text')
    .attr('x', nx + futureWidth / 2)
    .attr('y', plot.bottom - 12)
    .attr('text-anchor', 'middle')
    .attr('font-size', THEME.tickSize)
    .attr('fill', THEME.muted)
    .text((d) => d);

  now
    .selectAll<SVGLineElement, number>('line')
    .data([nx])
    .join('line')
    .attr('class', 'now-line')
    .attr('x1', (d) => d)
    .attr('x2', (d) => d)
    .attr('y1', plot.top - 4)
    .attr('y2', plot.bottom)
    .attr('stroke', THEME.text)
    .attr('stroke-width', 2)
    .attr('stroke-dasharray', '5 3');
  // The label sits inside the plot beside the line, flipping to the left near the right edge.
  const flip = nx > plot.right - 120;
  now
    .selectAll<SVGTextElement, string>('text')
    .data([i18n.t('render.time.now', { time: formatSimTime(frame.t, frame.durationMs) })])
    .join('text')
    .attr('class', 'now-label')
    .attr('x', flip ? nx - 5 : nx + 5)
    .attr('y', plot.top + 12)
    .attr('text-anchor', flip ? 'end' : 'start')
    .attr('font-size', THEME.tickSize)
    .attr('font-weight', 600)
    .attr('fill', THEME.text)
    .attr('stroke', THEME.background)
    .attr('stroke-width', 4)
    .attr('stroke-linejoin', 'round')
    .attr('paint-order', 'stroke')
    .text((d) => d);
}
