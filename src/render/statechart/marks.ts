import type { BaseType, Selection } from 'd3';

// Shared by the statechart's marks (states, arrows, selection). The neutral colours are the page
// theme's CSS custom properties (light, dark, presenter), with the light theme's value after the
// comma for a drawing outside a themed page; as presentation attributes, a stylesheet can still
// override them. The selection ring is a data colour (the palette's orange), the same in every theme.
export const INK = 'var(--fg, #1b1f24)';
export const MUTED = 'var(--muted, #5b6470)';
export const EDGE = 'var(--muted, #4f5864)';
/** The ground a state box, a label or a badge's figure is drawn on. */
export const PAPER = 'var(--panel-bg, #ffffff)';
/** A compound state's inside, a shade off the paper. */
export const RECESS = 'var(--bg, #f5f6f8)';
/** An empty badge. */
export const FAINT = 'var(--grid, #eceef1)';
export const BORDER = 'var(--border, #8a929c)';
export const SELECTED_RING = '#E69F00';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the parent's type does not matter to a child join
export type Sel<E extends BaseType, D> = Selection<E, D, any, unknown>;

/** One child element of each element of `parent`, created on first use: keeps nested joins keyed and idempotent. */
export function part<D, K extends keyof SVGElementTagNameMap>(parent: Sel<SVGGElement, D>, tag: K, cls: string, keep: (d: D) => boolean = () => true) {
  return parent
    .selectAll<SVGElementTagNameMap[K], D>(`${tag}.${cls}`)
    .data((d) => (keep(d) ? [d] : []))
    .join(tag)
    .attr('class', cls);
}
