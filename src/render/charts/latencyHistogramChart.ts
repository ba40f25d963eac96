import * as d3 from 'd3';
import { i18n } from '../../i18n';
import { LATENCY_BIN_EDGES_MS } from '../../sim/timeline';
import type { Frame } from '../../worker/frame';
import { plural } from '../locale';
import { COLD_COLOR, WARM_COLOR } from '../palette';
import { clearAxis, drawValueAxis } from './axes';
import { drawBars, type Bar } from './barMark';
import { chartFrame, chartUid, child, drawNote, type ChartOptions } from './chartFrame';
import { formatCount, formatLatency, formatPercent } from './format';
import type { LegendItem } from './legend';
import { patternFill } from './patterns';
import { THEME } from './theme';

const EDGES = LATENCY_BIN_EDGES_MS;
/** Bins are a tenth of a decade wide (edges are 10^(i/10) ms). */
const BIN_RATIO = EDGES[1]! / EDGES[0]!;
const COLD_RIM = '#9a6700';

/** Lower and upper edge of bin `i`, in ms (the first bin catches everything up to 1 ms). */
function binRange(i: number): [number, number] {
  return [i === 0 ? EDGES[0]! / BIN_RATIO : EDGES[i - 1]!, EDGES[i]!];
}

/** The bin holding the median, as its geometric middle: good to within a quarter of a bin's width. */
function medianFromBins(counts: Float64Array): number | null {
  const n = d3.sum(counts);
  if (n === 0) return null;
  let acc = 0;
  for (let i = 0; i < counts.length; i++) {
    acc += counts[i]!;
    if (acc >= n / 2) {
      const [lo, hi] = binRange(i);
      return Math.sqrt(lo * hi);
    }
  }
  return null;
}

/**
 * Where the x axis starts and ends: the occupied bins with a little room either side, and at
 * least two decades, so a single warm bin does not fill the chart as one fat bar.
 */
function latencyDomain(warm: Float64Array, cold: Float64Array): [number, number] {
  const used = d3.range(EDGES.length).filter((i) => warm[i]! > 0 || cold[i]! > 0);
  if (!used.length) return [1, 10_000];
  let lo = binRange(used[0]!)[0] / BIN_RATIO ** 3;
  let hi = binRange(used.at(-1)!)[1] * BIN_RATIO ** 3;
  const decades = Math.log10(hi / lo);
  if (decades < 2) {
    const grow = 10 ** ((2 - decades) / 2);
    lo /= grow;
    hi *= grow;
  }
  return [Math.max(binRange(0)[0], lo), Math.min(EDGES.at(-1)!, hi)];
}

/**
 * Latency, arrival to response, of warm and of cold requests as two histograms on a log
 * axis. Each kind is a share of its own total: cold starts are a few percent of requests,
 * so on a count axis their bars would be invisible beside the warm ones, and the shift to
 * the right (the cold-start penalty) is the point of the chart.
 */
export function renderLatencyHistogramChart(svg: SVGSVGElement, frame: Frame, opts: ChartOptions): void {
  const s = frame.series;
  const nWarm = d3.sum(s.latencyWarm);
  const nCold = d3.sum(s.latencyCold);
  const share = (v: number, n: number) => (n > 0 ? (100 * v) / n : 0);
  const maxShare = Math.max(...d3.range(EDGES.length).map((i) => Math.max(share(s.latencyWarm[i]!, nWarm), share(s.latencyCold[i]!, nCold))));
  const y = d3
    .scaleLinear()
    .domain([0, Math.max(10, maxShare)])
    .nice();

  const uid = chartUid(svg);
  const coldFill = patternFill(uid, 'cold');
  const legend: LegendItem[] = [
    { key: 'warm', label: plural('render.charts.latency.warmLegend', nWarm, { n: formatCount(nWarm) }), swatch: { kind: 'bar', fill: WARM_COLOR, stroke: WARM_COLOR } },
    { key: 'cold', label: plural('render.charts.latency.coldLegend', nCold, { n: formatCount(nCold) }), swatch: { kind: 'bar', fill: coldFill, stroke: COLD_RIM } },
  ];
  const warmMedian = medianFromBins(s.latencyWarm);
  const coldMedian = medianFromBins(s.latencyCold);
  const warmText = warmMedian === null ? i18n.t('render.charts.latency.noWarm') : i18n.t('render.charts.latency.warmMedian', { latency: formatLatency(warmMedian) });
  const coldText = coldMedian === null ? i18n.t('render.charts.latency.noCold') : i18n.t('render.charts.latency.coldMedian', { latency: formatLatency(coldMedian) });
  const empty = i18n.t('render.charts.latency.empty');
  const c = chartFrame(
    svg,
    {
      title: i18n.t('render.charts.latency.title'),
      ariaLabel: i18n.t('render.charts.latency.aria'),
      summary: nWarm + nCold ? i18n.t('render.charts.latency.summary', { warm: warmText, cold: coldText }) : empty,
      legend,
      yLabel: i18n.t('render.charts.latency.yLabel'),
      xLabel: i18n.t('render.charts.latency.xLabel'),
      yTickText: formatPercent(100),
      patterns: [{ name: 'cold', color: COLD_COLOR, kind: 'hatch', tint: 0.35 }],
    },
    opts,
  );
  const { plot } = c;
  const x = d3
    .scaleLog()
    .domain(latencyDomain(s.latencyWarm, s.latencyCold))
    .range([plot.left, plot.right]);
  y.range([plot.bottom, plot.top]);

  drawValueAxis(c.axisY, y, plot, (v) => formatPercent(v), 'left', c.grid);
  // 1-2-5 ticks per decade read as "10 ms, 20 ms, 50 ms" rather than 1..9.
  const mantissa = (v: number) => Math.round(v / 10 ** Math.floor(Math.log10(v) + 1e-9));
  const ticks = x.ticks().filter((v) => [1, 2, 5].includes(mantissa(v)));
  const tickValues = ticks.length > Math.floor(plot.width / 60) ? ticks.filter((v) => mantissa(v) === 1) : ticks;
  c.axisX.attr('transform', `translate(0,${plot.bottom})`).call(d3.axisBottom(x).tickValues(tickValues).tickFormat((v) => formatLatency(+v)).tickSizeOuter(0));
  c.axisX.attr('font-size', THEME.tickSize).attr('font-family', THEME.font).attr('color', THEME.muted);
  c.axisX.selectAll<SVGGElement, number>('.tick').sort((a, b) => a - b);
  clearAxis(c.axisYRight);

  // Each bin split in two at its geometric middle: warm on the left half, cold on the right.
  const halves = (counts: Float64Array, n: number, side: 0 | 1): Bar[] =>
    d3
      .range(EDGES.length)
      .filter((i) => counts[i]! > 0)
      .map((i) => {
        const [lo, hi] = binRange(i);
        const mid = Math.sqrt(lo * hi);
        const x0 = x(side === 0 ? lo : mid);
        const x1 = x(side === 0 ? mid : hi);
        // At least 2 px tall: a bin with a handful of requests in a long tail must stay visible.
        const top = Math.min(plot.bottom - 2, y(share(counts[i]!, n)));
        return { key: String(i), x: x0 + 0.5, y: top, width: x1 - x0 - 1, height: plot.bottom - top };
      });
  const bars = child(c.marks, 'g', 'latency-bars');
  drawBars(bars, halves(s.latencyWarm, nWarm, 0), { cls: 'warm', fill: WARM_COLOR });
  drawBars(bars, halves(s.latencyCold, nCold, 1), { cls: 'cold', fill: coldFill, stroke: COLD_RIM, strokeWidth: 1.5 });
  drawNote(c, nWarm + nCold ? null : empty);
  // No time axis here, so no now line: the histogram is of every request completed so far.
  c.now.selectAll('*').remove();
  c.future.selectAll('*').remove();
}
