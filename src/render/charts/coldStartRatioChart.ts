import * as d3 from 'd3';
import { i18n } from '../../i18n';
import type { Frame } from '../../worker/frame';
import { COLD_COLOR } from '../palette';
import { drawAreas } from './areaMark';
import { drawTimeAxis, drawValueAxis, timeAxisLabel, timeScale } from './axes';
import { bucketsPerWindow, sumOver, windowsOf } from './buckets';
import { chartFrame, child, type ChartOptions } from './chartFrame';
import { formatCount, formatPercent, formatSpan } from './format';
import { drawLines, type LinePoint } from './lineMark';
import { drawNow } from './nowMark';

/**
 * The share of requests that started cold, window by window. A window where no request
 * started has no ratio at all (0 % would claim every start was warm), so the line breaks there.
 */
export function renderColdStartRatioChart(svg: SVGSVGElement, frame: Frame, opts: ChartOptions): void {
  const s = frame.series;
  const k = bucketsPerWindow(s, Math.max(10, opts.width - 100));
  const points: LinePoint[] = windowsOf(s, frame.t, k).map((w) => {
    const cold = sumOver(s, 'cold', w);
    const started = cold + sumOver(s, 'warm', w);
    return { x: w.midMs, y: started > 0 ? (100 * cold) / started : null };
  });
  const { cold, warm } = frame.summary;
  const started = cold + warm;
  const summary = started
    ? i18n.t('render.charts.coldStartRatio.summary', { cold: formatCount(cold), started: formatCount(started), percent: formatPercent((100 * cold) / started) })
    : i18n.t('render.charts.coldStartRatio.empty');

  const c = chartFrame(
    svg,
    {
      title: i18n.t('render.charts.coldStartRatio.title'),
      ariaLabel: i18n.t('render.charts.coldStartRatio.aria'),
      summary,
      legend: [],
      yLabel: i18n.t('render.charts.coldStartRatio.yLabel', { span: formatSpan(k * s.bucketMs) }),
      xLabel: timeAxisLabel(frame),
      yTickText: formatPercent(100),
    },
    opts,
  );
  const x = timeScale(frame, c.plot);
  const y = d3.scaleLinear().domain([0, 100]).range([c.plot.bottom, c.plot.top]);

  drawValueAxis(c.axisY, y, c.plot, formatPercent, 'left', c.grid, [0, 25, 50, 75, 100]);
  drawTimeAxis(c.axisX, frame, x, c.plot);
  drawAreas(
    child(c.marks, 'g', 'ratio-area'),
    [{ key: 'cold-ratio', points: points.map((p) => ({ x: p.x, y0: 0, y1: p.y })), fill: COLD_COLOR, fillOpacity: 0.18, stroke: 'none' }],
    x,
    y,
  );
  drawLines(child(c.marks, 'g', 'ratio-line'), [{ key: 'cold-ratio', points, color: COLD_COLOR }], x, y);
  drawNow(c.now, c.future, frame, x, c.plot);
}
