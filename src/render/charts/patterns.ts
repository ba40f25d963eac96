import type { Sel } from './chartFrame';

/**
 * A fill texture. Colour is never the only cue (see palette.ts): a hatched band reads as
 * "initializing" or "cold" in greyscale, on a washed-out projector and to a reader who
 * cannot tell orange from sky blue.
 */
export interface PatternSpec {
  name: string;
  color: string;
  /** Diagonal stripes, or dots. */
  kind: 'hatch' | 'dots';
  /** Opacity of the tint behind the stripes. */
  tint: number;
}

const SIZE = 8;

/** The fill that paints with pattern `name` of the chart whose id prefix is `uid`. */
export function patternFill(uid: string, name: string): string {
  return `url(#${uid}-pattern-${name})`;
}

/** Defines (or updates) the patterns in the chart's `<defs>`. */
export function definePatterns(defs: Sel<SVGDefsElement>, uid: string, specs: readonly PatternSpec[]): void {
  const pattern = defs
    .selectAll<SVGPatternElement, PatternSpec>('pattern')
    .data(specs, (d) => d.name)
    .join((enter) => {
      const p = enter.append('pattern');
      p.append('rect').attr('class', 'tint');
      p.append('g').attr('class', 'texture');
      return p;
    })
    .attr('id', (d) => `${uid}-pattern-${d.name}`)
    .attr('patternUnits', 'userSpaceOnUse')
    .attr('width', SIZE)
    .attr('height', SIZE)
    .attr('patternTransform', (d) => (d.kind === 'hatch' ? 'rotate(45)' : null));
  pattern
    .select('rect.tint')
    .attr('width', SIZE)
    .attr('height', SIZE)
    .attr('fill', (d) => d.color)
    .attr('fill-opacity', (d) => d.tint);
  pattern
    .select<SVGGElement>('g.texture')
    .selectAll<SVGPathElement, PatternSpec>('path')
    .data((d) => [d])
    .join('path')
    // Stripes as filled rectangles rather than stroked lines: no caps poking into the next tile.
    .attr('d', (d) => (d.kind === 'hatch' ? `M0,0h3v${SIZE}h-3Z` : 'M2,2h2.5v2.5h-2.5Z M6,6h2v2h-2Z'))
    .attr('fill', (d) => d.color);
}
