import * as d3 from 'd3';
import type { Sel } from './chartFrame';
import { THEME } from './theme';

export interface AreaPoint {
  x: number;
  y0: number;
  y1: number | null;
}

/** One band: its fill (colour or pattern) and the line along its top edge. */
export interface AreaLayer {
  key: string;
  points: AreaPoint[];
  fill: string;
  fillOpacity?: number;
  stroke: string;
  dash?: string;
  strokeWidth?: number;
}

/**
 * Areas (a single series, or the bands of a stack), one `<g>` per layer keyed by `key`,
 * each a filled path plus a stroke along its top: the stroke carries the dash that tells
 * bands apart without colour.
 */
export function drawAreas(g: Sel<SVGGElement>, layers: readonly AreaLayer[], x: (v: number) => number, y: (v: number) => number): void {
  const area = d3
    .area<AreaPoint>()
    .defined((p) => p.y1 !== null)
    .x((p) => x(p.x))
    .y0((p) => y(p.y0))
    .y1((p) => y(p.y1!));
  // No edge where a band is empty: a zero-height band's dashed edge would lie on top of the
  // band below it and restyle that band's edge.
  const edge = area.lineY1().defined((p) => p.y1 !== null && p.y1 - p.y0 > 1e-9);
  const layer = g
    .selectAll<SVGGElement, AreaLayer>('g.area-layer')
    .data(layers, (d) => d.key)
    .join((enter) => {
      const e = enter.append('g');
      e.append('path').attr('class', 'mark area-fill');
      e.append('path').attr('class', 'mark area-edge');
      return e;
    })
    .attr('class', (d) => `area-layer area-${d.key}`);
  layer
    .select<SVGPathElement>('path.area-fill')
    .attr('d', (d) => area(d.points) ?? '')
    .attr('fill', (d) => d.fill)
    .attr('fill-opacity', (d) => d.fillOpacity ?? null)
    .attr('stroke', 'none');
  layer
    .select<SVGPathElement>('path.area-edge')
    .attr('d', (d) => edge(d.points) ?? '')
    .attr('fill', 'none')
    .attr('stroke', (d) => d.stroke)
    .attr('stroke-width', (d) => d.strokeWidth ?? THEME.lineWidth)
    .attr('stroke-dasharray', (d) => d.dash ?? null)
    .attr('stroke-linejoin', 'round');
}
