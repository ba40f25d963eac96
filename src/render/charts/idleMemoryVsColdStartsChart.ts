import * as d3 from 'd3';
import { i18n } from '../../i18n';
import type { Frame } from '../../worker/frame';
import { COLD_COLOR, STATE_STYLE } from '../palette';
import { drawAreas } from './areaMark';
import { drawTimeAxis, drawValueAxis, integerTicks, timeAxisLabel, timeScale } from './axes';
import { drawBars, type Bar } from './barMark';
import { bucketsPerWindow, completeBuckets, sumOver, windowsOf } from './buckets';
import { chartFrame, child, type ChartOptions } from './chartFrame';
import { formatCount, formatNumber, formatSpan } from './format';
import type { LegendItem } from './legend';
import { drawNow } from './nowMark';

const IDLE_COLOR = STATE_STYLE.idle.color;
// Darker rim on the orange bars: thin orange on white is faint on a projector.
const COLD_RIM = '#9a6700';

const legend = (): LegendItem[] => [
  { key: 'idle', label: i18n.t('render.charts.idleVsCold.idleLegend'), swatch: { kind: 'area', fill: IDLE_COLOR, fillOpacity: 0.35, stroke: IDLE_COLOR } },
  { key: 'cold', label: i18n.t('render.charts.idleVsCold.coldLegend'), swatch: { kind: 'bar', fill: COLD_COLOR, stroke: COLD_RIM } },
];

/**
 * The course's central trade-off on one time axis: memory held by idle (frozen) sandboxes,
 * which a longer keep-alive grows, against cold starts, which it prevents. The left axis is
 * GB held at each instant, so the area under it is the GB-s the provider pays for; a "GB-s
 * per bucket" axis would change scale with the bucket length from one scenario to the next.
 */
export function renderIdleMemoryVsColdStartsChart(svg: SVGSVGElement, frame: Frame, opts: ChartOptions): void {
  const s = frame.series;
  const bucketSeconds = s.bucketMs / 1000;
  const idle = d3.range(completeBuckets(s, frame.t)).map((i) => ({ x: (i + 0.5) * s.bucketMs, y0: 0, y1: s.series.idleGbSeconds[i]! / bucketSeconds }));
  const k = bucketsPerWindow(s, Math.max(10, opts.width - 120));
  const cold = windowsOf(s, frame.t, k)
    .map((w) => ({ w, n: sumOver(s, 'cold', w) }))
    .filter((d) => d.n > 0);

  const yIdle = d3
    .scaleLinear()
    .domain([0, Math.max(0.5, d3.max(idle, (p) => p.y1) ?? 0)])
    .nice();
  const yCold = d3
    .scaleLinear()
    .domain([0, Math.max(4, d3.max(cold, (d) => d.n) ?? 0)])
    .nice();

  const keepAlive = frame.keepAliveMs ? i18n.t('render.charts.idleVsCold.keepAlive', { span: formatSpan(frame.keepAliveMs) }) : '';
  const c = chartFrame(
    svg,
    {
      title: i18n.t('render.charts.idleVsCold.title'),
      ariaLabel: i18n.t('render.charts.idleVsCold.aria'),
      summary: i18n.t('render.charts.idleVsCold.summary', { idle: formatNumber(frame.summary.idleGbSeconds), cold: formatCount(frame.summary.cold) }) + keepAlive,
      legend: legend(),
      yLabel: i18n.t('render.charts.idleVsCold.yLabel'),
      yLabelRight: i18n.t('render.charts.idleVsCold.yLabelRight', { span: formatSpan(k * s.bucketMs) }),
      xLabel: timeAxisLabel(frame),
      yTickText: formatNumber(yIdle.domain()[1]!),
      yTickTextRight: formatCount(yCold.domain()[1]!),
    },
    opts,
  );
  const { plot } = c;
  const x = timeScale(frame, plot);
  yIdle.range([plot.bottom, plot.top]);
  yCold.range([plot.bottom, plot.top]);

  drawValueAxis(c.axisY, yIdle, plot, formatNumber, 'left', c.grid);
  drawValueAxis(c.axisYRight, yCold, plot, formatCount, 'right', undefined, integerTicks(yCold, Math.max(2, Math.floor(plot.height / 35))));
  drawTimeAxis(c.axisX, frame, x, plot);
  drawAreas(child(c.marks, 'g', 'idle-area'), [{ key: 'idle', points: idle, fill: IDLE_COLOR, fillOpacity: 0.35, stroke: IDLE_COLOR }], x, yIdle);
  const bars: Bar[] = cold.map(({ w, n }) => {
    const x0 = x(w.startMs);
    const x1 = x(w.endMs);
    // At least 3 px wide, centred on the window, so a single cold start never vanishes.
    const width = Math.max(3, x1 - x0 - 1);
    return { key: String(w.from), x: (x0 + x1) / 2 - width / 2, y: yCold(n), width, height: plot.bottom - yCold(n) };
  });
  drawBars(child(c.marks, 'g', 'cold-bars'), bars, { cls: 'cold', fill: COLD_COLOR, stroke: COLD_RIM, strokeWidth: 1 });
  drawNow(c.now, c.future, frame, x, plot);
}

