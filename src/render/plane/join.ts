/**
 * A keyed join for the plane's tokens, kept by hand: the views of up to a few hundred requests
 * change every frame, and d3's join (a querySelectorAll, a string key per node and per datum,
 * then reordering) cost more than drawing them. Here the nodes live in a Map by id on their
 * layer; a frame creates the new ones, hands each datum to `update`, and removes the rest.
 * Each node's `__data__` is its datum, as d3 would set it (d3.select(node).datum() reads it).
 */
export function keyedJoin<T extends { id: number }, E extends Element>(parent: Element, items: readonly T[], create: (item: T) => E, update: (node: E, item: T) => void): void {
  const layer = parent as Element & { __nodes?: Map<number, E> };
  const nodes = (layer.__nodes ??= new Map());
  if (items.length === 0) {
    // All gone at once (fast forward turned the tokens off): one operation, not one per node.
    if (nodes.size > 0) parent.replaceChildren();
    nodes.clear();
    return;
  }
  const seen = new Set<number>();
  for (const item of items) {
    seen.add(item.id);
    let node = nodes.get(item.id);
    if (!node) {
      node = create(item);
      parent.appendChild(node);
      nodes.set(item.id, node);
    }
    (node as E & { __data__?: T }).__data__ = item;
    update(node, item);
  }
  for (const [id, node] of nodes)
    if (!seen.has(id)) {
      node.remove();
      nodes.delete(id);
    }
}

const SVG_NS = 'http://www.w3.org/2000/svg';
/** An SVG element with its attributes. */
export function svgElement<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}
