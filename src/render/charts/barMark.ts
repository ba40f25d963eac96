import type { Sel } from './chartFrame';

/** A bar in pixels (the chart applies its scales: bars sit on time or on log-latency bins). */
export interface Bar {
  key: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface BarStyle {
  cls: string;
  fill: string;
  stroke?: string;
  strokeWidth?: number;
}

/** Bars keyed by `key`, one class per kind so two kinds can share a group. */
export function drawBars(g: Sel<SVGGElement>, bars: readonly Bar[], style: BarStyle): void {
  g.selectAll<SVGRectElement, Bar>(`rect.${style.cls}`)
    .data(bars, (d) => d.key)
    .join('rect')
    .attr('class', `mark bar ${style.cls}`)
    .attr('x', (d) => d.x)
    .attr('y', (d) => d.y)
    .attr('width', (d) => Math.max(0, d.width))
    .attr('height', (d) => Math.max(0, d.height))
    .attr('fill', style.fill)
    .attr('stroke', style.stroke ?? null)
    .attr('stroke-width', style.stroke ? (style.strokeWidth ?? 1) : null);
}
