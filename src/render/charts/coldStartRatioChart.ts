import * as d3 from 'd3';
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
  const summary = started ? `${formatCount(cold)} of ${formatCount(started)} starts were cold (${formatPercent((100 * cold) / started)}) · gaps: no request started` : 'No request has started yet';

  const c = chartFrame(
    svg,
    {
      title: 'Cold-start ratio',
      ariaLabel: 'Line chart of the percentage of started requests that had a cold start, over simulated time',
      summary,
      legend: [],
      yLabel: `↑ Cold starts (% of requests started, per ${formatSpan(k * s.bucketMs)})`,
      xLabel: timeAxisLabel(frame),
      yTickText: '100%',
    },
    opts,
  );
  const x = timeScale(frame, c.plot);
  const y = d3.scaleLinear().domain([0, 100]).range([c.plot.bottom, c.plot.top]);

  drawValueAxis(c.axisY, y, c.plot, (v) => `${v}%`, 'left', c.grid, [0, 25, 50, 75, 100]);
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
