import * as d3 from 'd3';
import { i18n } from '../../i18n';
import { drawValueAxis } from '../charts/axes';
import { chartFrame, child, type ChartOptions, type Sel } from '../charts/chartFrame';
import { drawLines } from '../charts/lineMark';
import { THEME } from '../charts/theme';
import { format } from '../locale';
import { OKABE_ITO } from '../palette';

/** One swept size (see ui/cost/sweep.ts). */
export interface SweepChartPoint {
  memoryMb: number;
  costPerMillionUsd: number | null;
  p50Ms: number | null;
}

export interface SweepChartData {
  points: readonly SweepChartPoint[];
  cheapestMb: number | null;
  fastestMb: number | null;
}

const COST_COLOR = '#006b4f';
const LATENCY_COLOR = OKABE_ITO[1];
const LATENCY_DASH = '8 5';
const MEMORY_TICKS = [128, 256, 512, 1024, 2048, 4096, 10240];

/**
 * Cost per million invocations (left axis, solid, dots) and median latency (right axis,
 * dashed, squares) against memory on a log scale, as memory-tuning tools draw it; the
 * cheapest size is ringed on the cost line and the fastest on the latency line.
 */
export function renderMemorySweepChart(svg: SVGSVGElement, data: SweepChartData, opts: ChartOptions): void {
  const costs = data.points.filter((p) => p.costPerMillionUsd !== null);
  const latencies = data.points.filter((p) => p.p50Ms !== null);
  const yCost = d3
    .scaleLinear()
    .domain([0, Math.max(1e-9, ...costs.map((p) => p.costPerMillionUsd!)) * 1.15])
    .nice();
  const yLat = d3
    .scaleLinear()
    .domain([0, Math.max(1, ...latencies.map((p) => p.p50Ms!)) * 1.15])
    .nice();
  const usd = format('$,.3~r');
  const ms = format(',.3~r');
  const t = i18n.t.bind(i18n);
  const c = chartFrame(
    svg,
    {
      title: t('cost.sweep.chartTitle'),
      ariaLabel: t('cost.sweep.chartAria'),
      summary: t('cost.sweep.chartSummary', { cheap: data.cheapestMb ?? '–', fast: data.fastestMb ?? '–' }),
      legend: [
        { key: 'cost', label: t('cost.sweep.costLine'), swatch: { kind: 'line', color: COST_COLOR } },
        { key: 'latency', label: t('cost.sweep.latencyLine'), swatch: { kind: 'line', color: LATENCY_COLOR, dash: LATENCY_DASH } },
      ],
      yLabel: t('cost.sweep.yCost'),
      yLabelRight: t('cost.sweep.yLatency'),
      xLabel: t('cost.sweep.x'),
      yTickText: usd(yCost.domain()[1]!),
      yTickTextRight: ms(yLat.domain()[1]!),
    },
    opts,
  );
  const x = d3.scaleLog().domain([100, 12_000]).range([c.plot.left, c.plot.right]);
  yCost.range([c.plot.bottom, c.plot.top]);
  yLat.range([c.plot.bottom, c.plot.top]);
  drawValueAxis(c.axisY, yCost, c.plot, usd, 'left', c.grid);
  drawValueAxis(c.axisYRight, yLat, c.plot, ms, 'right');
  c.axisX.attr('transform', `translate(0,${c.plot.bottom})`).call(
    d3
      .axisBottom(x)
      .tickValues(MEMORY_TICKS)
      .tickFormat((v) => format(',')(+v))
      .tickSizeOuter(0),
  );
  c.axisX.attr('font-size', THEME.tickSize).attr('font-family', THEME.font).attr('color', THEME.muted);

  // One group per series: each line is drawn through its own axis's scale.
  drawLines(child(c.marks, 'g', 'sweep-cost'), [{ key: 'cost', points: costs.map((p) => ({ x: p.memoryMb, y: p.costPerMillionUsd })), color: COST_COLOR }], x, yCost);
  drawLines(child(c.marks, 'g', 'sweep-latency'), [{ key: 'latency', points: latencies.map((p) => ({ x: p.memoryMb, y: p.p50Ms })), color: LATENCY_COLOR, dash: LATENCY_DASH }], x, yLat);

  const dots = child(c.marks, 'g', 'sweep-dots');
  dots
    .selectAll<SVGCircleElement, SweepChartPoint>('circle')
    .data(costs, (d) => String(d.memoryMb))
    .join('circle')
    .attr('cx', (d) => x(d.memoryMb))
    .attr('cy', (d) => yCost(d.costPerMillionUsd!))
    .attr('r', 4)
    .attr('fill', COST_COLOR);
  dots
    .selectAll<SVGRectElement, SweepChartPoint>('rect')
    .data(latencies, (d) => String(d.memoryMb))
    .join('rect')
    .attr('x', (d) => x(d.memoryMb) - 4)
    .attr('y', (d) => yLat(d.p50Ms!) - 4)
    .attr('width', 8)
    .attr('height', 8)
    .attr('fill', LATENCY_COLOR);

  const best = child(c.svg, 'g', 'sweep-best');
  const cheapest = costs.find((p) => p.memoryMb === data.cheapestMb);
  const fastest = latencies.find((p) => p.memoryMb === data.fastestMb);
  ring(child(best, 'g', 'sweep-cheapest').attr('data-mb', data.cheapestMb), cheapest ? [x(cheapest.memoryMb), yCost(cheapest.costPerMillionUsd!)] : null, t('cost.sweep.cheapestMark'), COST_COLOR, c.plot.right, 18);
  ring(child(best, 'g', 'sweep-fastest').attr('data-mb', data.fastestMb), fastest ? [x(fastest.memoryMb), yLat(fastest.p50Ms!)] : null, t('cost.sweep.fastestMark'), LATENCY_COLOR, c.plot.right, -12);
}

/** A ring around a point and its label, or nothing. */
function ring(g: Sel<SVGGElement>, at: [number, number] | null, label: string, color: string, right: number, dy: number): void {
  const data = at ? [at] : [];
  g.selectAll<SVGCircleElement, [number, number]>('circle')
    .data(data)
    .join('circle')
    .attr('cx', (d) => d[0])
    .attr('cy', (d) => d[1])
    .attr('r', 9)
    .attr('fill', 'none')
    .attr('stroke', color)
    .attr('stroke-width', 2.5);
  const flip = at !== null && at[0] > right - 90;
  g.selectAll<SVGTextElement, [number, number]>('text')
    .data(data)
    .join('text')
    .attr('x', (d) => d[0] + (flip ? -12 : 12))
    .attr('y', (d) => d[1] + dy)
    .attr('text-anchor', flip ? 'end' : 'start')
    .attr('font-size', THEME.labelSize)
    .attr('font-weight', 600)
    .attr('fill', THEME.text)
    .attr('stroke', THEME.background)
    .attr('stroke-width', 4)
    .attr('paint-order', 'stroke')
    .text(label);
}
