import * as d3 from 'd3';
import { i18n } from '../../i18n';
import type { Frame } from '../../worker/frame';
import { OKABE_ITO, OUTCOME_STYLE } from '../palette';
import { drawTimeAxis, drawValueAxis, timeAxisLabel, timeScale } from './axes';
import { bucketsPerWindow, sumOver, windowsOf } from './buckets';
import { chartFrame, child, type ChartOptions } from './chartFrame';
import { formatCount, formatNumber, formatSpan } from './format';
import type { LegendItem } from './legend';
import { drawLines, type LineSeries } from './lineMark';
import { drawNow } from './nowMark';

const ARRIVING_COLOR = OKABE_ITO[0];
const THROTTLED_COLOR = OUTCOME_STYLE.throttled.color;
const THROTTLED_DASH = '7 4';

const legend = (): LegendItem[] => [
  { key: 'arrivals', label: i18n.t('render.charts.requestRate.arriving'), swatch: { kind: 'line', color: ARRIVING_COLOR } },
  { key: 'throttled', label: i18n.t('render.charts.requestRate.throttled'), swatch: { kind: 'line', color: THROTTLED_COLOR, dash: THROTTLED_DASH } },
];

/** Requests per second arriving, and the part of them throttled over the concurrency limit. */
export function renderRequestRateChart(svg: SVGSVGElement, frame: Frame, opts: ChartOptions): void {
  const s = frame.series;
  // A first pass at the margins decides the plot width, which decides the window size.
  const k = bucketsPerWindow(s, Math.max(10, opts.width - 100));
  const windows = windowsOf(s, frame.t, k);
  const rate = (name: 'arrivals' | 'throttled') => windows.map((w) => ({ x: w.midMs, y: sumOver(s, name, w) / w.seconds }));
  const arrivals = rate('arrivals');
  const throttled = rate('throttled');
  const peak = d3.max(arrivals, (p) => p.y) ?? 0;
  const y = d3
    .scaleLinear()
    .domain([0, Math.max(1, peak)])
    .nice();

  const summary = frame.summary.requests
    ? i18n.t('render.charts.requestRate.summary', { peak: formatNumber(peak), arrived: formatCount(frame.summary.requests), throttled: formatCount(frame.summary.throttled) })
    : i18n.t('render.charts.requestRate.empty');
  const c = chartFrame(
    svg,
    {
      title: i18n.t('render.charts.requestRate.title'),
      ariaLabel: i18n.t('render.charts.requestRate.aria'),
      summary,
      legend: legend(),
      yLabel: i18n.t('render.charts.requestRate.yLabel', { span: formatSpan(k * s.bucketMs) }),
      xLabel: timeAxisLabel(frame),
      yTickText: formatNumber(y.domain()[1]!),
    },
    opts,
  );
  const x = timeScale(frame, c.plot);
  y.range([c.plot.bottom, c.plot.top]);

  drawValueAxis(c.axisY, y, c.plot, formatNumber, 'left', c.grid);
  drawTimeAxis(c.axisX, frame, x, c.plot);
  const series: LineSeries[] = [
    { key: 'arrivals', points: arrivals, color: ARRIVING_COLOR },
    { key: 'throttled', points: throttled, color: THROTTLED_COLOR, dash: THROTTLED_DASH },
  ];
  drawLines(child(c.marks, 'g', 'rate-lines'), series, x, y);
  drawNow(c.now, c.future, frame, x, c.plot);
}
