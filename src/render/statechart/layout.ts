import type { MachineGraph, StateGraphNode } from './graph';
import { assignRanks, buildLayers, orderLayers, placeAlongRanks, type LevelEdge } from './layered';
import { bundleEdges, labelLines, routeEdges, type EdgeRoute, type InitialMarker } from './routes';
import { COUNT_CHARS, textWidth } from './text';

export type Direction = 'TB' | 'LR';
export type Point = [number, number];

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** How to lay out a statechart; sizes are in SVG user units (px when drawn at 1:1). */
export interface LayoutOptions {
  /** `TB`: ranks run top to bottom (the default: labels sit in short gaps); `LR`: left to right. */
  direction?: Direction;
  stateFontPx?: number;
  eventFontPx?: number;
  countFontPx?: number;
  /** A symbol drawn before a state's label (e.g. `✓` for `responded`); the box is sized for it. */
  symbolFor?: (id: string) => string | undefined;
}

export interface Fonts {
  state: number;
  event: number;
  count: number;
}

/** A state's box; a compound state's box holds its children's below a header of `headerHeight`. */
export interface StateBox extends Rect {
  id: string;
  container: boolean;
  headerHeight: number;
  /** Where the count badge sits: right of the name, below it in a final state, in a container's header. */
  badge: Rect;
  /** Where the name goes (`y` is its middle). */
  text: { x: number; y: number; anchor: 'start' | 'middle' };
}

/** Where everything goes; pure data, so tests can check it without a DOM. */
export interface GraphLayout {
  direction: Direction;
  fonts: Fonts;
  /** `[x, y, width, height]` covering boxes, edges and labels with a margin. */
  viewBox: [number, number, number, number];
  /** In graph order: containers before their children, so children paint on top. */
  boxes: StateBox[];
  edges: EdgeRoute[];
  initials: InitialMarker[];
}

const LEAF_HEIGHT = 24;
const FINAL_INSET = 3;
const FINAL_NAME_ROW = 18;
const ACCENT_WIDTH = 5;
const PAD = 6;
const CONTAINER_PAD = 8;
const NODE_GAP = 18;
const DUMMY_GAP = 14;
const INITIAL_ROOM = 18;
const MARGIN = 4;
/** Space above and below the lines of an event label, inside its white background. */
const LABEL_PAD = 2;
/** How far event labels keep from state boxes: the selection ring is drawn there. */
export const LABEL_CLEARANCE = 5;

interface Level {
  width: number;
  height: number;
  rects: Map<string, Rect>;
  dummies: Map<number, Point[]>;
  /** For edges between two states of one rank: are they next to each other? */
  sameRank: Map<number, { adjacent: boolean }>;
}

/** Lays out a machine graph: layered, deterministic, with compound states as containers. */
export function layoutGraph(graph: MachineGraph, opts: LayoutOptions = {}): GraphLayout {
  const direction = opts.direction ?? 'TB';
  const tb = direction === 'TB';
  // In viewBox units. Both charts side by side in a 900x520 panel are drawn at about 0.85 (the
  // sandbox lifecycle) and 0.92 (the request path), so labels land at 11.5 px or more on screen.
  const fonts: Fonts = { state: opts.stateFontPx ?? 13.5, event: opts.eventFontPx ?? 13.5, count: opts.countFontPx ?? 13 };
  const nodeById = new Map(graph.nodes.map((n) => [n.id, n]));
  const badgeWidth = textWidth('0'.repeat(COUNT_CHARS), fonts.count) + 8;
  const headerHeight = fonts.state + 9;

  const badgeHeight = fonts.count + 6;
  const nameWidth = (n: StateGraphNode) => textWidth(n.label, fonts.state) + (opts.symbolFor?.(n.id) ? fonts.state * 1.2 : 0);
  // A final state holds a running total rather than a live count, so its badge goes under the
  // name: the box is narrower (four outcomes share the last rank) and reads differently.
  const leafSize = (n: StateGraphNode): [number, number] =>
    n.final
      ? [ACCENT_WIDTH + PAD + Math.max(nameWidth(n), badgeWidth) + PAD + 2 * FINAL_INSET, 2 * FINAL_INSET + FINAL_NAME_ROW + badgeHeight + 4]
      : [ACCENT_WIDTH + PAD + nameWidth(n) + PAD + badgeWidth + 4, LEAF_HEIGHT];
  const bundles = bundleEdges(graph);
  const lineHeight = fonts.event + 2;
  const labelSize = (index: number): [number, number] => {
    const lines = labelLines(bundles[index]!);
    return [Math.max(...lines.map((l) => textWidth(l, fonts.event))) + 8, lines.length * lineHeight + LABEL_PAD];
  };

  const layoutLevel = (parent: string | undefined): Level => {
    const members = graph.nodes.filter((n) => n.parent === parent);
    const rects = new Map<string, Rect>();
    const dummies = new Map<number, Point[]>();
    const sameRank = new Map<number, { adjacent: boolean }>();
    const size = new Map<string, [number, number]>();
    const inner = new Map<string, Level>();
    for (const m of members) {
      if (!m.compound) {
        size.set(m.id, leafSize(m));
        continue;
      }
      const child = layoutLevel(m.id);
      inner.set(m.id, child);
      const headerWidth = textWidth(m.label, fonts.state) + PAD * 2 + badgeWidth + 10;
      size.set(m.id, [Math.max(child.width + 2 * CONTAINER_PAD, headerWidth), headerHeight + child.height + CONTAINER_PAD]);
    }

    const memberOf = (id: string): string | undefined => {
      for (let n = nodeById.get(id); n; n = n.parent === undefined ? undefined : nodeById.get(n.parent)) if (n.parent === parent) return n.id;
      return undefined;
    };
    const edges: LevelEdge[] = [];
    const declaredOnMember: LevelEdge[] = [];
    bundles.forEach((e, index) => {
      const u = memberOf(e.from);
      const v = memberOf(e.to);
      if (u === undefined || v === undefined || u === v) return;
      // A compound state's own transitions leave from its corner (see routes.ts): listing them
      // after its children's puts their dummies outside, and the arrows do not cross.
      (e.from === u && nodeById.get(u)!.compound ? declaredOnMember : edges).push({ index, u, v });
    });
    edges.push(...declaredOnMember);

    const isFinal = (id: string) => nodeById.get(id)!.final;
    const initial = members.find((m) => m.initial)?.id;
    const { rank, discovery } = assignRanks(
      members.map((m) => m.id),
      initial,
      edges,
      isFinal,
    );
    const { layers: unordered, dummies: dummyIds, segments } = buildLayers(discovery, rank, edges);
    const dummyRank = new Map<string, number>();
    unordered.forEach((layer, r) => layer.forEach((id) => dummyRank.set(id, r)));
    const rankOf = (id: string) => dummyRank.get(id)!;
    const layers = orderLayers(unordered, segments, rankOf);

    // Sizes along the rank (u) and across it (v).
    const uSize = (id: string) => {
      const s = size.get(id);
      return s ? (tb ? s[0] : s[1]) : 0;
    };
    const vSize = (id: string) => {
      const s = size.get(id);
      return s ? (tb ? s[1] : s[0]) : 0;
    };
    const sameRankEdges = (a: string, b: string) => edges.filter((e) => (e.u === a && e.v === b) || (e.u === b && e.v === a));
    const gap = (a: string, b: string) => {
      const half = (uSize(a) + uSize(b)) / 2;
      if (!size.has(a) || !size.has(b)) return half + DUMMY_GAP;
      const between = sameRankEdges(a, b);
      if (between.length === 0) return half + NODE_GAP;
      // Room for the labels of the arrows drawn straight across the gap.
      const need = tb ? Math.max(...between.map((e) => labelSize(e.index)[0])) + 16 : between.reduce((sum, e) => sum + labelSize(e.index)[1] + 4, 12);
      return half + Math.max(NODE_GAP, need);
    };
    const u = placeAlongRanks(layers, segments, rankOf, gap);
    const uMin = Math.min(...[...u].map(([id, p]) => p - uSize(id) / 2));

    // Across the ranks: each gap has room for the labels of the edges crossing it.
    const lines = layers.map(() => 0);
    for (const e of edges) {
      const [ra, rb] = [rank.get(e.u)!, rank.get(e.v)!].sort((a, b) => a - b) as [number, number];
      // A long arrow's label needs room in one of the gaps it crosses, not in each.
      for (let r = ra; r < rb; r++) lines[r]! += labelLines(bundles[e.index]!).length / (rb - ra);
    }
    // Labels of two arrows can often sit side by side in one row, not always (hence 1.6); rows stack with a little air,
    // clear of the boxes' margin (LABEL_CLEARANCE).
    const rankGap = (r: number) => {
      const rows = Math.max(1, Math.min(4, Math.ceil(lines[r]! / 1.6)));
      return rows * (lineHeight + LABEL_PAD) + (rows - 1) * 2 + 2 * (LABEL_CLEARANCE + 1);
    };
    const vCentre: number[] = [];
    let v = initial !== undefined ? INITIAL_ROOM : 0;
    layers.forEach((layer, r) => {
      const thickness = Math.max(0, ...layer.map(vSize));
      vCentre.push(v + thickness / 2);
      v += thickness + (r + 1 < layers.length ? rankGap(r) : 0);
    });

    const toXY = (uu: number, vv: number): Point => (tb ? [uu - uMin, vv] : [vv, uu - uMin]);
    let width = 0;
    let height = 0;
    for (const m of members) {
      const [w, h] = size.get(m.id)!;
      const [cx, cy] = toXY(u.get(m.id)!, vCentre[rank.get(m.id)!]!);
      const rect = { x: cx - w / 2, y: cy - h / 2, width: w, height: h };
      rects.set(m.id, rect);
      width = Math.max(width, rect.x + w);
      height = Math.max(height, rect.y + h);
      const child = inner.get(m.id);
      if (!child) continue;
      const dx = rect.x + (w - child.width) / 2;
      const dy = rect.y + headerHeight;
      for (const [id, r] of child.rects) rects.set(id, { ...r, x: r.x + dx, y: r.y + dy });
      for (const [i, pts] of child.dummies) dummies.set(i, pts.map(([x, y]) => [x + dx, y + dy]));
      for (const [i, info] of child.sameRank) sameRank.set(i, info);
    }
    for (const [index, ids] of dummyIds) dummies.set(index, ids.map((id) => toXY(u.get(id)!, vCentre[rankOf(id)]!)));
    for (const e of edges) {
      if (rank.get(e.u) !== rank.get(e.v)) continue;
      const layer = layers[rank.get(e.u)!]!;
      sameRank.set(e.index, { adjacent: Math.abs(layer.indexOf(e.u) - layer.indexOf(e.v)) === 1 });
    }
    return { width, height, rects, dummies, sameRank };
  };

  const root = layoutLevel(undefined);
  const boxes: StateBox[] = graph.nodes.map((n) => {
    const r = root.rects.get(n.id)!;
    const header = n.compound ? headerHeight : 0;
    const size = { width: badgeWidth, height: badgeHeight };
    const textLeft = r.x + ACCENT_WIDTH + PAD + 2;
    let badge: Rect;
    let text: StateBox['text'];
    if (n.compound) {
      badge = { x: r.x + r.width - badgeWidth - PAD, y: r.y + (header - badgeHeight) / 2, ...size };
      text = { x: r.x + 10, y: r.y + header / 2, anchor: 'start' };
    } else if (n.final) {
      const cx = (textLeft - 2 + r.x + r.width - FINAL_INSET) / 2;
      badge = { x: cx - badgeWidth / 2, y: r.y + FINAL_INSET + FINAL_NAME_ROW, ...size };
      text = { x: cx, y: r.y + FINAL_INSET + FINAL_NAME_ROW / 2 + 1, anchor: 'middle' };
    } else {
      badge = { x: r.x + r.width - badgeWidth - 4, y: r.y + (r.height - badgeHeight) / 2, ...size };
      text = { x: textLeft, y: r.y + r.height / 2, anchor: 'start' };
    }
    return { id: n.id, container: n.compound, headerHeight: header, ...r, badge, text };
  });
  const { edges, initials, extent } = routeEdges(graph, bundles, boxes, root.dummies, root.sameRank, {
    direction,
    labelSize,
    initialRoom: INITIAL_ROOM,
  });
  const viewBox: GraphLayout['viewBox'] = [
    Math.floor(extent.x - MARGIN),
    Math.floor(extent.y - MARGIN),
    Math.ceil(extent.width + 2 * MARGIN),
    Math.ceil(extent.height + 2 * MARGIN),
  ];
  return { direction, fonts, viewBox, boxes, edges, initials };
}

export type { EdgeRoute, InitialMarker } from './routes';
