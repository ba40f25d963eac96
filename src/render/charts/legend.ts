import * as d3 from 'd3';
import type { Sel } from './chartFrame';
import { drawTextLines, wrapText } from './text';
import { THEME, textWidth } from './theme';

/**
 * How a series looks in the legend: the same stroke, dash and fill (pattern included) as
 * its mark, so a reader who cannot tell the colours apart matches them by texture.
 */
export type Swatch =
  | { kind: 'line'; color: string; dash?: string }
  | { kind: 'area'; fill: string; fillOpacity?: number; stroke: string; dash?: string }
  | { kind: 'bar'; fill: string; stroke: string };

export interface LegendItem {
  key: string;
  label: string;
  swatch: Swatch;
}

export interface LegendLayout {
  /** Total height in pixels (0 without items). */
  height: number;
  positions: { x: number; y: number; lines: string[] }[];
}

const SWATCH_W = 26;
const SWATCH_GAP = 7;
const ITEM_GAP = 20;
const LINE_H = 17;
const ROW_GAP = 5;

/**
 * Items on one row when they fit; otherwise in columns as wide as the widest item (a wrapped
 * legend reads as a table, not a ragged line), and labels wrap when even one column is too wide.
 */
export function layoutLegend(items: readonly LegendItem[], width: number): LegendLayout {
  const itemWidth = (label: string) => SWATCH_W + SWATCH_GAP + textWidth(label, THEME.legendSize);
  const widths = items.map((item) => itemWidth(item.label));
  const oneRow = widths.reduce((a, w) => a + w, 0) + ITEM_GAP * Math.max(0, items.length - 1);
  if (oneRow <= width) {
    let x = 0;
    const positions = items.map((item, i) => {
      const p = { x, y: 0, lines: [item.label] };
      x += widths[i]! + ITEM_GAP;
      return p;
    });
    return { height: items.length ? LINE_H + ROW_GAP : 0, positions };
  }
  const column = Math.min(width, Math.max(...widths)) + ITEM_GAP;
  const columns = Math.max(1, Math.floor((width + ITEM_GAP) / column));
  const lines = items.map((item) => wrapText(item.label, column - ITEM_GAP - SWATCH_W - SWATCH_GAP, THEME.legendSize));
  const positions: LegendLayout['positions'] = [];
  let y = 0;
  for (let row = 0; row * columns < items.length; row++) {
    const inRow = lines.slice(row * columns, (row + 1) * columns);
    inRow.forEach((l, c) => positions.push({ x: c * column, y, lines: l }));
    y += Math.max(...inRow.map((l) => l.length)) * LINE_H + ROW_GAP;
  }
  return { height: y, positions };
}

export function drawLegend(g: Sel<SVGGElement>, items: readonly LegendItem[], layout: LegendLayout): void {
  const item = g
    .selectAll<SVGGElement, LegendItem>('g.legend-item')
    .data(items, (d) => d.key)
    .join((enter) => {
      const e = enter.append('g').attr('class', 'legend-item');
      e.append('g').attr('class', 'legend-swatch');
      e.append('g').attr('class', 'legend-label');
      return e;
    })
    .attr('transform', (_, i) => `translate(${layout.positions[i]!.x},${layout.positions[i]!.y})`);

  item
    .select<SVGGElement>('g.legend-label')
    .attr('font-size', THEME.legendSize)
    .attr('fill', THEME.text)
    .each(function (_, i) {
      drawTextLines(d3.select(this) as Sel<SVGGElement>, layout.positions[i]!.lines, SWATCH_W + SWATCH_GAP, 10, LINE_H);
    });

  // One path whatever the kind (a stroke for lines, a box for areas and bars), so a swatch
  // that changes kind is re-drawn in place rather than swapped for another element.
  item
    .select<SVGGElement>('g.legend-swatch')
    .selectAll<SVGPathElement, Swatch>('path')
    .data((d) => [d.swatch])
    .join('path')
    .attr('d', (s) => (s.kind === 'line' ? `M0,5H${SWATCH_W}` : `M1,-2h${SWATCH_W - 2}v14h${-(SWATCH_W - 2)}Z`))
    .attr('fill', (s) => (s.kind === 'line' ? 'none' : s.fill))
    .attr('fill-opacity', (s) => (s.kind === 'area' ? (s.fillOpacity ?? null) : null))
    .attr('stroke', (s) => (s.kind === 'line' ? s.color : s.stroke))
    .attr('stroke-width', (s) => (s.kind === 'line' ? THEME.lineWidth : 2))
    .attr('stroke-dasharray', (s) => (s.kind !== 'bar' ? (s.dash ?? null) : null));
}
