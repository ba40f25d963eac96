import * as d3 from 'd3';
import { i18n } from '../../i18n';
import type { SeriesName } from '../../sim/timeline';
import type { Frame } from '../../worker/frame';
import { STATE_STYLE } from '../palette';
import { drawAreas, type AreaLayer } from './areaMark';
import { drawTimeAxis, drawValueAxis, timeAxisLabel, timeScale } from './axes';
import { completeBuckets } from './buckets';
import { chartFrame, chartUid, child, type ChartOptions } from './chartFrame';
import { formatCount, formatNumber } from './format';
import type { LegendItem } from './legend';
import { drawNow } from './nowMark';
import { patternFill } from './patterns';

type State = keyof typeof STATE_STYLE;

/** Stack order, bottom to top: the lifecycle's order, so a cold start shows at the base. */
export const STACK: readonly { state: State; series: SeriesName }[] = [
  { state: 'initializing', series: 'sandboxesInitializing' },
  { state: 'busy', series: 'sandboxesBusy' },
  { state: 'idle', series: 'sandboxesIdle' },
  { state: 'shuttingDown', series: 'sandboxesShuttingDown' },
];

type BandStyle = Omit<AreaLayer, 'key' | 'points'>;

/** STATE_STYLE's pattern names made concrete: hatched, solid, outline, dashed. */
function bandStyle(state: State, uid: string): BandStyle {
  const { color } = STATE_STYLE[state];
  switch (state) {
    case 'initializing':
      return { fill: patternFill(uid, 'initializing'), stroke: color };
    case 'busy':
      return { fill: color, fillOpacity: 0.85, stroke: color };
    case 'idle':
      // A pale tint under a strong edge: the band reads as "held, not used".
      return { fill: color, fillOpacity: 0.22, stroke: color, strokeWidth: 3 };
    case 'shuttingDown':
      return { fill: color, fillOpacity: 0.35, stroke: '#6b6b6b', dash: '6 3' };
  }
}

/**
 * How many sandboxes are in each lifecycle state over time, stacked: the top edge is the
 * fleet's size, and the pale band in it is memory kept warm for requests that may not come.
 * Values are the time-averaged counts per bucket, one point per complete bucket.
 */
export function renderSandboxStatesChart(svg: SVGSVGElement, frame: Frame, opts: ChartOptions): void {
  const s = frame.series;
  const rows = d3.range(completeBuckets(s, frame.t)).map((i) => {
    const row: Record<State, number> & { midMs: number } = { midMs: (i + 0.5) * s.bucketMs, initializing: 0, busy: 0, idle: 0, shuttingDown: 0 };
    for (const l of STACK) row[l.state] = s.series[l.series][i]!;
    return row;
  });
  const stacked = d3.stack<(typeof rows)[number], State>().keys(STACK.map((l) => l.state))(rows);
  const top = d3.max(stacked.at(-1) ?? [], (p) => p[1]) ?? 0;
  const y = d3
    .scaleLinear()
    .domain([0, Math.max(2, top)])
    .nice();

  const uid = chartUid(svg);
  const styles = Object.fromEntries(STACK.map((l) => [l.state, bandStyle(l.state, uid)])) as Record<State, BandStyle>;
  const legend: LegendItem[] = STACK.map(({ state }) => {
    const st = styles[state];
    return { key: state, label: STATE_STYLE[state].label, swatch: { kind: 'area', fill: st.fill, fillOpacity: st.fillOpacity, stroke: st.stroke, dash: st.dash } };
  });
  const now = frame.summary.sandboxes;
  const c = chartFrame(
    svg,
    {
      title: i18n.t('render.charts.sandboxStates.title'),
      ariaLabel: i18n.t('render.charts.sandboxStates.aria'),
      summary: i18n.t('render.charts.sandboxStates.summary', {
        busy: formatCount(now.busy),
        idle: formatCount(now.idle),
        initializing: formatCount(now.initializing),
        shuttingDown: formatCount(now.shuttingDown),
      }),
      legend,
      yLabel: i18n.t('render.charts.sandboxStates.yLabel'),
      xLabel: timeAxisLabel(frame),
      yTickText: formatNumber(y.domain()[1]!),
      patterns: [{ name: 'initializing', color: STATE_STYLE.initializing.color, kind: 'hatch', tint: 0.3 }],
    },
    opts,
  );
  const x = timeScale(frame, c.plot);
  y.range([c.plot.bottom, c.plot.top]);

  drawValueAxis(c.axisY, y, c.plot, formatNumber, 'left', c.grid);
  drawTimeAxis(c.axisX, frame, x, c.plot);
  const layers: AreaLayer[] = stacked.map((band) => ({ key: band.key, points: band.map((p) => ({ x: p.data.midMs, y0: p[0], y1: p[1] })), ...styles[band.key] }));
  drawAreas(child(c.marks, 'g', 'state-bands'), layers, x, y);
  drawNow(c.now, c.future, frame, x, c.plot);
}
