import { select } from 'd3';
import { stateTooltip } from './describe';
import { drawEdges, drawInitials, drawLabels } from './edgeMarks';
import type { MachineGraph } from './graph';
import type { GraphLayout, StateBox } from './layout';
import { BORDER, EDGE, FAINT, INK, MUTED, PAPER, part, RECESS, type Sel } from './marks';
import { drawPin, drawRing } from './selectionMarks';
import { formatCount, MONO_FONT } from './text';

/** What changes from frame to frame: entities per state path, and the state to point at. */
export interface StatechartState {
  /** Per leaf state path (`initializing.fetchingCode`); a compound state shows the sum of its children. */
  counts: Readonly<Record<string, number>>;
  /** The selected entity's state path, or null. */
  highlight: string | null;
}

/** A state's accent colour (a thin strip: never the only cue) and optional symbol before its name. */
export type StateStyleFor = (id: string) => { accent?: string; symbol?: string } | undefined;

export interface StatechartRenderOptions {
  styleFor?: StateStyleFor;
  /** Called with a state's id when the pointer enters it, null when it leaves (an intent: views decide nothing). */
  onHover?: (id: string | null) => void;
  /** Prefix of the SVG ids (arrowhead markers); defaults to the machine's id. */
  idPrefix?: string;
}

const LAYERS = ['containers', 'ring', 'edges', 'initials', 'states', 'labels', 'pin'] as const;

/**
 * Draws a statechart into `svg`: states as rounded boxes (final states double-bordered, compound
 * states as labelled containers), transitions as arrows with their event, a count badge per
 * state, and the highlighted state with a thick ring and a pointer. Idempotent: every element is
 * joined by key, so calling it again with the same arguments leaves the same DOM.
 */
export function renderStatechart(svg: SVGSVGElement, graph: MachineGraph, layout: GraphLayout, state: StatechartState, opts: StatechartRenderOptions = {}): void {
  const prefix = opts.idPrefix ?? `sc-${graph.id}`;
  const arrowId = `${prefix}-arrow`;
  const nodeById = new Map(graph.nodes.map((n) => [n.id, n]));
  const style = (id: string) => opts.styleFor?.(id) ?? {};

  // A compound state counts what its children hold.
  const counts = new Map<string, number>();
  for (const b of layout.boxes) if (!b.container) counts.set(b.id, state.counts[b.id] ?? 0);
  for (const [id, n] of [...counts]) {
    for (let p = nodeById.get(id)?.parent; p !== undefined; p = nodeById.get(p)?.parent) counts.set(p, (counts.get(p) ?? 0) + n);
  }

  const root = select(svg).attr('viewBox', layout.viewBox.join(' ')).attr('font-family', MONO_FONT);
  root
    .selectAll('defs')
    .data([0])
    .join('defs')
    .selectAll('marker')
    .data([
      { id: arrowId, size: 7 },
      { id: `${arrowId}-small`, size: 4.5 },
    ])
    .join('marker')
    .attr('id', (d) => d.id)
    .attr('viewBox', '0 0 10 10')
    .attr('refX', 9)
    .attr('refY', 5)
    .attr('markerWidth', (d) => d.size)
    .attr('markerHeight', (d) => d.size)
    .attr('orient', 'auto-start-reverse')
    .selectAll('path')
    .data([0])
    .join('path')
    .attr('d', 'M0,0L10,5L0,10z')
    .attr('fill', EDGE);
  const layer = (name: (typeof LAYERS)[number]) =>
    root
      .selectAll<SVGGElement, string>('g.sc-layer')
      .data<string>(LAYERS, (d) => d)
      .join('g')
      .attr('class', (d) => `sc-layer sc-layer-${d}`)
      .filter((d) => d === name);

  const tooltip = (b: StateBox) => stateTooltip(graph.id, nodeById.get(b.id)!);
  drawContainers(layer('containers'), layout, counts, style, opts, nodeById, tooltip);
  drawEdges(layer('edges'), layout.edges, arrowId);
  drawInitials(layer('initials'), layout.initials, arrowId);
  drawStates(layer('states'), layout, counts, style, opts, nodeById, state.highlight, tooltip);
  drawLabels(layer('labels'), layout.edges, layout.fonts.event);
  const selected = layout.boxes.find((b) => b.id === state.highlight) ?? null;
  drawRing(layer('ring'), selected);
  drawPin(layer('pin'), selected);
}

type Nodes = Map<string, MachineGraph['nodes'][number]>;

function drawBadge(groups: Sel<SVGGElement, StateBox>, counts: Map<string, number>, fontPx: number, cumulative: (b: StateBox) => boolean) {
  const badge = part(groups, 'g', 'sc-badge');
  const count = (b: StateBox) => counts.get(b.id) ?? 0;
  part(badge, 'rect', 'sc-badge-bg')
    .attr('x', (b) => b.badge.x)
    .attr('y', (b) => b.badge.y)
    .attr('width', (b) => b.badge.width)
    .attr('height', (b) => b.badge.height)
    .attr('rx', (b) => b.badge.height / 2)
    .attr('fill', (b) => (cumulative(b) ? PAPER : count(b) > 0 ? INK : FAINT))
    .attr('stroke', (b) => (cumulative(b) ? (count(b) > 0 ? INK : BORDER) : 'none'))
    .attr('stroke-width', 1.2);
  part(badge, 'text', 'sc-count')
    .attr('x', (b) => b.badge.x + b.badge.width / 2)
    .attr('y', (b) => b.badge.y + b.badge.height / 2)
    .attr('text-anchor', 'middle')
    .attr('dominant-baseline', 'central')
    .attr('font-size', fontPx)
    .attr('font-weight', (b) => (count(b) > 0 ? 700 : 400))
    .attr('fill', (b) => (count(b) === 0 ? MUTED : cumulative(b) ? INK : PAPER))
    .text((b) => formatCount(count(b)));
}

type Tooltip = (b: StateBox) => string;

/** One group per state box, keyed by state id, with its hover callbacks and its tooltip. */
function stateGroups(g: Sel<SVGGElement, string>, kind: string, boxes: StateBox[], cls: (b: StateBox) => string, opts: StatechartRenderOptions, tooltip: Tooltip) {
  const groups = g
    .selectAll<SVGGElement, StateBox>(`g.${kind}`)
    .data(boxes, (b) => b.id)
    .join('g')
    .attr('class', cls)
    .attr('data-state', (b) => b.id)
    .on('mouseenter', (_, b) => opts.onHover?.(b.id))
    .on('mouseleave', () => opts.onHover?.(null));
  part(groups, 'title', 'sc-description').text(tooltip);
  return groups;
}

function drawContainers(g: Sel<SVGGElement, string>, layout: GraphLayout, counts: Map<string, number>, style: (id: string) => { accent?: string }, opts: StatechartRenderOptions, nodes: Nodes, tooltip: Tooltip) {
  const groups = stateGroups(g, 'sc-container', layout.boxes.filter((b) => b.container), () => 'sc-container', opts, tooltip);
  part(groups, 'rect', 'sc-box')
    .attr('x', (b) => b.x)
    .attr('y', (b) => b.y)
    .attr('width', (b) => b.width)
    .attr('height', (b) => b.height)
    .attr('rx', 10)
    .attr('fill', RECESS)
    .attr('stroke', (b) => style(b.id).accent ?? BORDER)
    .attr('stroke-width', 1.5);
  part(groups, 'text', 'sc-label')
    .attr('x', (b) => b.text.x)
    .attr('y', (b) => b.text.y)
    .attr('dominant-baseline', 'central')
    .attr('font-size', layout.fonts.state)
    .attr('font-weight', 700)
    .attr('fill', INK)
    .text((b) => nodes.get(b.id)!.label);
  drawBadge(groups, counts, layout.fonts.count, () => false);
}

function drawStates(
  g: Sel<SVGGElement, string>,
  layout: GraphLayout,
  counts: Map<string, number>,
  style: (id: string) => { accent?: string; symbol?: string },
  opts: StatechartRenderOptions,
  nodes: Nodes,
  highlight: string | null,
  tooltip: Tooltip,
) {
  const isFinal = (b: StateBox) => nodes.get(b.id)!.final;
  const groups = stateGroups(
    g,
    'sc-state',
    layout.boxes.filter((b) => !b.container),
    (b) => `sc-state${isFinal(b) ? ' sc-final' : ''}${b.id === highlight ? ' sc-selected' : ''}`,
    opts,
    tooltip,
  );
  part(groups, 'rect', 'sc-box')
    .attr('x', (b) => b.x)
    .attr('y', (b) => b.y)
    .attr('width', (b) => b.width)
    .attr('height', (b) => b.height)
    .attr('rx', 6)
    .attr('fill', PAPER)
    .attr('stroke', INK)
    .attr('stroke-width', (b) => (b.id === highlight ? 3.5 : 1.3));
  part(groups, 'rect', 'sc-box-inner', isFinal)
    .attr('x', (b) => b.x + 3)
    .attr('y', (b) => b.y + 3)
    .attr('width', (b) => b.width - 6)
    .attr('height', (b) => b.height - 6)
    .attr('rx', 4)
    .attr('fill', 'none')
    .attr('stroke', INK)
    .attr('stroke-width', 1);
  const inset = (b: StateBox) => (isFinal(b) ? 3 : 0);
  part(groups, 'rect', 'sc-accent', (b) => style(b.id).accent !== undefined)
    .attr('x', (b) => b.x + 2 + inset(b))
    .attr('y', (b) => b.y + 2 + inset(b))
    .attr('width', 5)
    .attr('height', (b) => b.height - 4 - 2 * inset(b))
    .attr('rx', 2)
    .attr('fill', (b) => style(b.id).accent!);
  part(groups, 'text', 'sc-label')
    .attr('x', (b) => b.text.x)
    .attr('y', (b) => b.text.y)
    .attr('text-anchor', (b) => b.text.anchor)
    .attr('dominant-baseline', 'central')
    .attr('font-size', layout.fonts.state)
    .attr('fill', INK)
    .text((b) => {
      const symbol = style(b.id).symbol;
      return symbol ? `${symbol} ${nodes.get(b.id)!.label}` : nodes.get(b.id)!.label;
    });
  drawBadge(groups, counts, layout.fonts.count, isFinal);
}
