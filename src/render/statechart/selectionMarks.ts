import type { Rect, StateBox } from './layout';
import { INK, PAPER, part, SELECTED_RING, type Sel } from './marks';

// The selected state: besides its thick outline, an outer ring (under the arrows, which stay
// readable) and a pin on the ring's corner, where no arrow attaches (ports are spread along the
// middle of each side): the selection does not rely on colour.
const ringOf = (b: StateBox): Rect => {
  const r = b.container ? { ...b, height: b.headerHeight } : b;
  return { x: r.x - 4, y: r.y - 4, width: r.width + 8, height: r.height + 8 };
};

function marker(g: Sel<SVGGElement, string>, target: StateBox | null, cls: string) {
  return g
    .selectAll<SVGGElement, StateBox>(`g.${cls}`)
    .data(target ? [target] : [], () => cls)
    .join('g')
    .attr('class', cls)
    .attr('data-state', (b) => b.id);
}

export function drawRing(g: Sel<SVGGElement, string>, target: StateBox | null) {
  part(marker(g, target, 'sc-marker-ring'), 'rect', 'sc-ring')
    .attr('x', (b) => ringOf(b).x)
    .attr('y', (b) => ringOf(b).y)
    .attr('width', (b) => ringOf(b).width)
    .attr('height', (b) => ringOf(b).height)
    .attr('rx', 8)
    .attr('fill', 'none')
    .attr('stroke', SELECTED_RING)
    .attr('stroke-width', 3);
}

export function drawPin(g: Sel<SVGGElement, string>, target: StateBox | null) {
  part(marker(g, target, 'sc-marker'), 'path', 'sc-pin')
    .attr('d', (b) => {
      const { x, y } = ringOf(b);
      return `M${x},${y - 8}L${x + 8},${y}L${x},${y + 8}L${x - 8},${y}z`;
    })
    .attr('fill', INK)
    .attr('stroke', PAPER)
    .attr('stroke-width', 1.5);
}
