import { edgeTooltip, initialTooltip } from './describe';
import type { EdgeRoute, InitialMarker } from './routes';
import { EDGE, INK, PAPER, part, type Sel } from './marks';

/** The arrows, one per pair of states with transitions between them; hovering one names its events and actions. */
export function drawEdges(g: Sel<SVGGElement, string>, edges: readonly EdgeRoute[], arrowId: string) {
  const groups = g
    .selectAll<SVGGElement, EdgeRoute>('g.sc-edge')
    .data(edges, (e) => e.key)
    .join('g')
    .attr('class', 'sc-edge')
    .attr('data-edge', (e) => e.key);
  part(groups, 'title', 'sc-description').text(edgeTitle);
  part(groups, 'path', 'sc-edge-line')
    .attr('d', (e) => e.d)
    .attr('fill', 'none')
    .attr('stroke', EDGE)
    .attr('stroke-width', 1.4)
    .attr('marker-end', `url(#${arrowId})`);
}

const edgeTitle = (e: EdgeRoute) => edgeTooltip(e);

/** Event labels on a white ground, one line per event of the arrow. */
export function drawLabels(g: Sel<SVGGElement, string>, edges: readonly EdgeRoute[], fontPx: number) {
  const groups = g
    .selectAll<SVGGElement, EdgeRoute>('g.sc-edge-label')
    .data(edges, (e) => e.key)
    .join('g')
    .attr('class', 'sc-edge-label')
    .attr('data-edge', (e) => e.key);
  part(groups, 'title', 'sc-description').text(edgeTitle);
  part(groups, 'rect', 'sc-label-bg')
    .attr('x', (e) => e.label.x)
    .attr('y', (e) => e.label.y)
    .attr('width', (e) => e.label.width)
    .attr('height', (e) => e.label.height)
    .attr('rx', 3)
    .attr('fill', PAPER)
    .attr('fill-opacity', 0.92);
  const lineHeight = fontPx + 2;
  part(groups, 'text', 'sc-label')
    .attr('text-anchor', 'middle')
    .attr('font-size', fontPx)
    .attr('fill', INK)
    .selectAll('tspan')
    .data((e) => e.label.lines.map((text, i) => ({ text, x: e.label.x + e.label.width / 2, y: e.label.y + (e.label.height - e.label.lines.length * lineHeight) / 2 + lineHeight * (i + 0.5) })))
    .join('tspan')
    .attr('x', (l) => l.x)
    .attr('y', (l) => l.y)
    .attr('dominant-baseline', 'central')
    .text((l) => l.text);
}

/** The initial pseudo-states: a dot and a short arrow into the state entered first. */
export function drawInitials(g: Sel<SVGGElement, string>, initials: readonly InitialMarker[], arrowId: string) {
  const groups = g
    .selectAll<SVGGElement, InitialMarker>('g.sc-initial')
    .data(initials, (m) => m.id)
    .join('g')
    .attr('class', 'sc-initial');
  part(groups, 'title', 'sc-description').text((m) => initialTooltip(m.id));
  part(groups, 'circle', 'sc-initial-dot')
    .attr('cx', (m) => m.dot[0])
    .attr('cy', (m) => m.dot[1])
    .attr('r', 4.5)
    .attr('fill', INK);
  part(groups, 'path', 'sc-edge-line')
    .attr('d', (m) => `M${m.dot[0]},${m.dot[1]}L${m.end[0]},${m.end[1]}`)
    .attr('stroke', EDGE)
    .attr('stroke-width', 1.4)
    .attr('marker-end', `url(#${arrowId}-small)`);
}
