import * as d3 from 'd3';
import { i18n } from '../../i18n';
import { functionsMonthlyUsd, vmMonthlyUsd, vmStaircase, type VmSpec, type Workload } from '../../sim/breakEven';
import { drawValueAxis } from '../charts/axes';
import { chartFrame, child, type ChartOptions, type Sel } from '../charts/chartFrame';
import { drawLines, type LinePoint } from '../charts/lineMark';
import { THEME } from '../charts/theme';
import { format } from '../locale';
import { OKABE_ITO } from '../palette';

/** What the break-even chart draws: the run's workload, the VM it is compared with, and their break-even rate. */
export interface BreakEvenChartData {
  workload: Workload;
  vm: VmSpec;
  /** From breakEvenRate: null when there is none. */
  breakEven: number | null;
}

const FUNCTIONS_COLOR = OKABE_ITO[0];
const VM_COLOR = OKABE_ITO[5];
const VM_DASH = '9 5';

/** Powers of ten from `lo` to `hi`: the ticks of a log axis a student reads without effort. */
function decades(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let e = Math.ceil(Math.log10(lo) - 1e-9); 10 ** e <= hi * (1 + 1e-9); e++) out.push(10 ** e);
  return out;
}
const outward = (lo: number, hi: number): [number, number] => [10 ** Math.floor(Math.log10(lo)), 10 ** Math.ceil(Math.log10(hi))];

const rateText = (v: number) => (v >= 1 ? format(',.3~r')(v) : format('.2~r')(v));
const usdTick = (v: number) => (v >= 1 ? format('$,.0f')(v) : format('$,~g')(v));

/**
 * Monthly cost against request rate, both on log scales (a rate of 0.01/s and one of 1,000/s
 * on one chart): the functions' bill, a straight rise; the VMs', a staircase sized for the
 * peak; the break-even rate marked; this run's rate as a point on the functions' line.
 */
export function renderBreakEvenChart(svg: SVGSVGElement, data: BreakEvenChartData, opts: ChartOptions): void {
  const { workload: w, vm, breakEven } = data;
  const r0 = w.ratePerSec;
  const anchor = breakEven !== null && breakEven > 0 ? breakEven : r0;
  const [xLo, xHi] = outward(Math.min(r0, anchor) / 100, Math.max(r0, anchor) * 100);
  const fnAt = (r: number) => functionsMonthlyUsd(w, r);
  const vmAt = (r: number) => vmMonthlyUsd(w, vm, r);
  const [yLo, yHi] = outward(Math.max(1e-6, Math.min(fnAt(xLo), vmAt(xLo)) / 2), Math.max(fnAt(xHi), vmAt(xHi)) * 2);
  const fnNow = fnAt(r0);

  const t = i18n.t.bind(i18n);
  const c = chartFrame(
    svg,
    {
      title: t('cost.vm.chartTitle'),
      ariaLabel: t('cost.vm.chartAria'),
      summary: t('cost.vm.chartSummary', { rate: rateText(r0), fn: format('$,.2f')(fnNow) }),
      legend: [
        { key: 'functions', label: t('cost.vm.functions'), swatch: { kind: 'line', color: FUNCTIONS_COLOR } },
        { key: 'vms', label: t('cost.vm.vmLine'), swatch: { kind: 'line', color: VM_COLOR, dash: VM_DASH } },
      ],
      yLabel: t('cost.vm.y'),
      xLabel: t('cost.vm.x'),
      yTickText: [usdTick(yLo), usdTick(yHi)].reduce((a, b) => (b.length > a.length ? b : a)),
    },
    opts,
  );
  const x = d3.scaleLog().domain([xLo, xHi]).range([c.plot.left, c.plot.right]);
  const y = d3.scaleLog().domain([yLo, yHi]).range([c.plot.bottom, c.plot.top]).clamp(true);

  drawValueAxis(c.axisY, y, c.plot, usdTick, 'left', c.grid, decades(yLo, yHi));
  c.axisX.attr('transform', `translate(0,${c.plot.bottom})`).call(
    d3
      .axisBottom(x)
      .tickValues(decades(xLo, xHi))
      .tickFormat((v) => rateText(+v))
      .tickSizeOuter(0),
  );
  c.axisX.attr('font-size', THEME.tickSize).attr('font-family', THEME.font).attr('color', THEME.muted);

  const samples = 120;
  const fnPoints: LinePoint[] = Array.from({ length: samples + 1 }, (_, i) => {
    const r = xLo * (xHi / xLo) ** (i / samples);
    return { x: r, y: fnAt(r) };
  });
  const vmPoints: LinePoint[] = vmStaircase(w, vm, xLo, xHi);
  drawLines(
    child(c.marks, 'g', 'break-even-lines'),
    [
      { key: 'vms', points: vmPoints, color: VM_COLOR, dash: VM_DASH },
      { key: 'functions', points: fnPoints, color: FUNCTIONS_COLOR },
    ],
    x,
    y,
  );

  const marks = child(c.svg, 'g', 'break-even-marks');
  drawBreakEven(child(marks, 'g', 'break-even-rate'), breakEven !== null && breakEven > 0 ? [breakEven] : [], x, c.plot);
  // This run: a point on the functions' line, labelled where the line leaves room (below-right).
  const cx = x(r0);
  const cy = y(fnNow);
  const current = child(marks, 'g', 'current-point').attr('data-rate', r0).attr('data-usd', fnNow);
  current
    .selectAll<SVGCircleElement, number>('circle')
    .data([r0])
    .join('circle')
    .attr('cx', cx)
    .attr('cy', cy)
    .attr('r', 6)
    .attr('fill', FUNCTIONS_COLOR)
    .attr('stroke', THEME.background)
    .attr('stroke-width', 2);
  labelAt(current, t('cost.vm.current'), cx + 9, cy + 18, 'start');
}

function drawBreakEven(g: Sel<SVGGElement>, rates: number[], x: d3.ScaleLogarithmic<number, number>, plot: { top: number; bottom: number; right: number }): void {
  g.attr('data-rate', rates[0] ?? null);
  g.selectAll<SVGLineElement, number>('line')
    .data(rates)
    .join('line')
    .attr('x1', (d) => x(d))
    .attr('x2', (d) => x(d))
    .attr('y1', plot.top)
    .attr('y2', plot.bottom)
    .attr('stroke', THEME.text)
    .attr('stroke-width', 1.5)
    .attr('stroke-dasharray', '3 4');
  const flip = rates.length > 0 && x(rates[0]!) > plot.right - 140;
  g.selectAll('text').remove();
  for (const r of rates) labelAt(g, i18n.t('cost.vm.breakEvenMark', { rate: rateText(r) }), x(r) + (flip ? -6 : 6), plot.top + 14, flip ? 'end' : 'start');
}

function labelAt(g: Sel<SVGGElement>, text: string, x: number, y: number, anchor: 'start' | 'end'): void {
  g.selectAll<SVGTextElement, string>('text')
    .data([text])
    .join('text')
    .attr('x', x)
    .attr('y', y)
    .attr('text-anchor', anchor)
    .attr('font-size', THEME.labelSize)
    .attr('font-weight', 600)
    .attr('fill', THEME.text)
    .attr('stroke', THEME.background)
    .attr('stroke-width', 4)
    .attr('paint-order', 'stroke')
    .text((d) => d);
}
