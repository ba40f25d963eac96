import type { BaseType, Selection } from 'd3';

// Shared by the statechart's marks (states, arrows, selection).
export const INK = '#1b1f24';
export const MUTED = '#5b6470';
export const EDGE = '#4f5864';
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
