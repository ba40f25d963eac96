import * as d3 from 'd3';
import { i18n } from '../../i18n';
import type { Frame } from '../../worker/frame';
import { tickFormat } from '../locale';
import type { PlotArea, Sel } from './chartFrame';
import { timeUnitFor, unitSymbol } from './format';
import { THEME } from './theme';

/** Simulated time over the whole run, so the chart fills up from the left as time passes. */
export function timeScale(frame: Frame, plot: PlotArea): d3.ScaleLinear<number, number> {
  return d3.scaleLinear().domain([0, frame.durationMs]).range([plot.left, plot.right]);
}

/** The axis label for simulated time, with the unit its ticks count in. */
export function timeAxisLabel(frame: Frame): string {
  return i18n.t('render.time.axis', { unit: unitSymbol(timeUnitFor(frame.durationMs).name) });
}

// d3-axis inserts new ticks after the old ones; sorting keeps the DOM the same whatever
// was drawn before, so a chart drawn after a rewind equals one drawn fresh.
function finishAxis(g: Sel<SVGGElement>): void {
  g.attr('font-size', THEME.tickSize).attr('font-family', THEME.font).attr('color', THEME.muted);
  g.selectAll<SVGGElement, d3.NumberValue>('.tick').sort((a, b) => +a - +b);
}

/** Ticks at round numbers of the run's unit (0, 20, 40 s; 0, 10, 20 min). */
export function drawTimeAxis(g: Sel<SVGGElement>, frame: Frame, x: d3.ScaleLinear<number, number>, plot: PlotArea): void {
  const unit = timeUnitFor(frame.durationMs);
  const inUnit = d3.scaleLinear().domain([0, frame.durationMs / unit.ms]);
  const count = Math.max(2, Math.floor(plot.width / 80));
  const format = tickFormat(inUnit.domain(), count);
  const values = inUnit.ticks(count).map((v) => v * unit.ms);
  g.attr('transform', `translate(0,${plot.bottom})`).call(
    d3
      .axisBottom(x)
      .tickValues(values)
      .tickFormat((v) => format(+v / unit.ms))
      .tickSizeOuter(0),
  );
  finishAxis(g);
}

/** A vertical axis with light gridlines across the plot at its ticks. */
export function drawValueAxis(
  g: Sel<SVGGElement>,
  y: d3.ScaleContinuousNumeric<number, number>,
  plot: PlotArea,
  format: (v: number) => string,
  side: 'left' | 'right' = 'left',
  grid?: Sel<SVGGElement>,
  values?: number[],
): void {
  const count = Math.max(2, Math.floor(plot.height / 45));
  const ticks = values ?? y.ticks(count);
  const axis = (side === 'left' ? d3.axisLeft(y) : d3.axisRight(y))
    .tickValues(ticks)
    .tickFormat((v) => format(+v))
    .tickSizeOuter(0);
  g.attr('transform', `translate(${side === 'left' ? plot.left : plot.right},0)`).call(axis);
  g.select('.domain').attr('display', 'none');
  finishAxis(g);
  if (grid) {
    grid
      .selectAll<SVGLineElement, number>('line')
      .data(ticks, (d) => String(d))
      .join('line')
      .attr('x1', plot.left)
      .attr('x2', plot.right)
      .attr('y1', (d) => y(d))
      .attr('y2', (d) => y(d))
      .attr('stroke', THEME.grid)
      .attr('stroke-width', 1);
  }
}

/** An empty axis group (for a chart whose right axis is not used). */
export function clearAxis(g: Sel<SVGGElement>): void {
  g.selectAll('*').remove();
}

/** Tick values that are whole numbers (counts), at most `count` of them. */
export function integerTicks(y: d3.ScaleLinear<number, number>, count: number): number[] {
  return y.ticks(count).filter((v) => Number.isInteger(v));
}
