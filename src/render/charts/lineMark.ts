import * as d3 from 'd3';
import type { Sel } from './chartFrame';
import { THEME } from './theme';

/** A point of a line; `y: null` is a gap (no data there, e.g. no request started). */
export interface LinePoint {
  x: number;
  y: number | null;
}

export interface LineSeries {
  key: string;
  points: LinePoint[];
  color: string;
  dash?: string;
  width?: number;
}

const DOT_R = 4;

/**
 * Lines, one path per series keyed by `key`. A point with gaps on both sides would draw
 * nothing as a line, so it gets a dot: a lone cold start in a quiet minute stays visible.
 */
export function drawLines(g: Sel<SVGGElement>, series: readonly LineSeries[], x: (v: number) => number, y: (v: number) => number): void {
  const line = d3
    .line<LinePoint>()
    .defined((p) => p.y !== null)
    .x((p) => x(p.x))
    .y((p) => y(p.y!));
  g.selectAll<SVGPathElement, LineSeries>('path.line')
    .data(series, (d) => d.key)
    .join('path')
    .attr('class', (d) => `mark line line-${d.key}`)
    .attr('d', (d) => line(d.points) ?? '')
    .attr('fill', 'none')
    .attr('stroke', (d) => d.color)
    .attr('stroke-width', (d) => d.width ?? THEME.lineWidth)
    .attr('stroke-dasharray', (d) => d.dash ?? null)
    .attr('stroke-linejoin', 'round')
    .attr('stroke-linecap', 'round');

  const lone = series.flatMap((s) =>
    s.points
      .map((p, i) => ({ key: `${s.key}-${i}`, p, color: s.color, alone: p.y !== null && (s.points[i - 1]?.y ?? null) === null && (s.points[i + 1]?.y ?? null) === null }))
      .filter((d) => d.alone),
  );
  g.selectAll<SVGCircleElement, (typeof lone)[number]>('circle.dot')
    .data(lone, (d) => d.key)
    .join('circle')
    .attr('class', 'mark dot')
    .attr('cx', (d) => x(d.p.x))
    .attr('cy', (d) => y(d.p.y!))
    .attr('r', DOT_R)
    .attr('fill', (d) => d.color);
}
