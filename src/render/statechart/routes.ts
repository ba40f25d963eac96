import type { MachineGraph } from './graph';
import { grow, placeLabels, type Candidate } from './labels';
import { LABEL_CLEARANCE, type Direction, type Point, type Rect, type StateBox } from './layout';

/**
 * The transitions between one pair of states share one arrow, with one label line per event
 * (`KEEP_ALIVE_EXPIRED` and `HOST_RECYCLED` both take `idle` to `shuttingDown`): fewer arrows
 * to untangle, and the label reads as "either of these".
 */
export interface EdgeBundle {
  from: string;
  to: string;
  transitions: { event: string; actions: string[]; guard?: string }[];
}

/** Groups a graph's transitions by (from, to), in document order. */
export function bundleEdges(graph: MachineGraph): EdgeBundle[] {
  const byPair = new Map<string, EdgeBundle>();
  for (const { from, to, ...t } of graph.edges) {
    const key = `${from}\n${to}`;
    if (!byPair.has(key)) byPair.set(key, { from, to, transitions: [] });
    byPair.get(key)!.transitions.push(t);
  }
  return [...byPair.values()];
}

const eventText = (t: EdgeBundle['transitions'][number]) => (t.guard ? `${t.event} [${t.guard}]` : t.event);

/** The text lines of a bundle's label. */
export const labelLines = (b: EdgeBundle): string[] => b.transitions.map(eventText);

/** One arrow: an SVG path and where its event label goes. */
export interface EdgeRoute extends EdgeBundle {
  /** Stable across frames and across edits elsewhere in the machine: `from|to`. */
  key: string;
  /** SVG path data: cubic segments from the source box to the target box. */
  d: string;
  label: Rect & { lines: string[] };
}

/** The initial pseudo-state: a dot with an arrow into the state entered first. */
export interface InitialMarker {
  id: string;
  dot: Point;
  end: Point;
}

interface RouteOptions {
  direction: Direction;
  labelSize: (bundleIndex: number) => [number, number];
  initialRoom: number;
}

type Cubic = [Point, Point, Point, Point];
type Side = 'v0' | 'v1' | 'u0' | 'u1';
interface Attach {
  box: string;
  side: Side;
  /** Bundle index, or -1 for the initial arrow. */
  key: number;
  /** Where the other end lies along this side, to order the ports and avoid crossings. */
  other: number;
  /** The arrow leaves here (rather than arrives). */
  source: boolean;
  at?: number;
}

const lerp = (a: Point, b: Point, t: number): Point => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
const straight = (a: Point, b: Point): Cubic => [a, lerp(a, b, 1 / 3), lerp(a, b, 2 / 3), b];
const round = (n: number) => Math.round(n * 10) / 10;

function bezier([p0, p1, p2, p3]: Cubic, t: number): Point {
  const s = 1 - t;
  const f = (i: 0 | 1) => s * s * s * p0[i] + 3 * s * s * t * p1[i] + 3 * s * t * t * p2[i] + t * t * t * p3[i];
  return [f(0), f(1)];
}


/**
 * Routes every transition between its boxes (through the dummy points of edges spanning ranks),
 * spreads the arrows leaving or entering one side of a box, and places each event label where it
 * covers no state, no other label and as few other arrows as possible.
 */
export function routeEdges(
  graph: MachineGraph,
  bundles: readonly EdgeBundle[],
  boxes: readonly StateBox[],
  dummies: ReadonlyMap<number, Point[]>,
  sameRank: ReadonlyMap<number, { adjacent: boolean }>,
  opts: RouteOptions,
): { edges: EdgeRoute[]; initials: InitialMarker[]; extent: Rect } {
  const tb = opts.direction === 'TB';
  const box = new Map(boxes.map((b) => [b.id, b]));
  const boxById = (id: string) => box.get(id)!;
  const uv = (r: Rect) => (tb ? { u0: r.x, u1: r.x + r.width, v0: r.y, v1: r.y + r.height } : { u0: r.y, u1: r.y + r.height, v0: r.x, v1: r.x + r.width });
  const xy = (u: number, v: number): Point => (tb ? [u, v] : [v, u]);
  const uOf = (p: Point) => (tb ? p[0] : p[1]);
  const mid = (a: number, b: number) => (a + b) / 2;

  type Mode = 'down' | 'up' | 'side' | 'arc' | 'self';
  const plans = bundles.map((e, index) => {
    const S = uv(box.get(e.from)!);
    const T = uv(box.get(e.to)!);
    const ds = dummies.get(index) ?? [];
    let mode: Mode;
    if (e.from === e.to) mode = 'self';
    else if (ds.length > 0) mode = mid(T.v0, T.v1) > mid(S.v0, S.v1) ? 'down' : 'up';
    else if (T.v0 >= S.v1 - 0.5) mode = 'down';
    else if (T.v1 <= S.v0 + 0.5) mode = 'up';
    else if ((sameRank.get(index)?.adjacent ?? true) && (T.u0 >= S.u1 || T.u1 <= S.u0)) mode = 'side';
    else mode = 'arc';
    const firstU = ds.length ? uOf(ds[0]!) : mid(T.u0, T.u1);
    const lastU = ds.length ? uOf(ds[ds.length - 1]!) : mid(S.u0, S.u1);
    const rightward = T.u0 >= S.u1;
    const sides: Record<Exclude<Mode, 'self'>, [Side, Side]> = {
      down: ['v1', 'v0'],
      up: ['v0', 'v1'],
      side: rightward ? ['u1', 'u0'] : ['u0', 'u1'],
      arc: ['v0', 'v0'],
    };
    const [sSide, tSide] = mode === 'self' ? (['u1', 'u1'] as const) : sides[mode];
    const source: Attach = { box: e.from, side: sSide, key: index, source: true, other: mode === 'side' ? 0 : firstU };
    const target: Attach = { box: e.to, side: tSide, key: index, source: false, other: mode === 'side' ? 0 : lastU };
    return { mode, S, T, ds, source, target };
  });

  // Ports: the arrows on one side of a box are spread along it, ordered by where they go.
  const initialAttach = graph.nodes
    .filter((n) => n.initial)
    .map((n): Attach => {
      const b = uv(box.get(n.id)!);
      return { box: n.id, side: 'v0', key: -1, source: false, other: mid(b.u0, b.u1) };
    });
  const groups = new Map<string, Attach[]>();
  for (const a of [...initialAttach, ...plans.filter((p) => p.mode !== 'self').flatMap((p) => [p.source, p.target])]) {
    const k = `${a.box}\n${a.side}`;
    groups.set(k, [...(groups.get(k) ?? []), a]);
  }
  for (const list of groups.values()) {
    list.sort((a, b) => a.other - b.other || a.key - b.key);
    const container = box.get(list[0]!.box)!;
    const b = uv(container);
    const along = list[0]!.side.startsWith('v') ? [b.u0, b.u1] : [b.v0, b.v1];
    // A transition declared on a compound state leaves from near the container's corner, well
    // clear of its children's own arrows, so it reads as "from any of these" (HOST_RECYCLED).
    const fromCorner = (a: Attach) => container.container && a.source && a.side.startsWith('v');
    const centre = mid(b.u0, b.u1);
    const left = list.filter((a) => fromCorner(a) && a.other < centre);
    const right = list.filter((a) => fromCorner(a) && a.other >= centre).reverse();
    left.forEach((a, k) => (a.at = b.u0 + 12 + 14 * k));
    right.forEach((a, k) => (a.at = b.u1 - 12 - 14 * k));
    const rest = list.filter((a) => !fromCorner(a));
    rest.forEach((a, k) => (a.at = along[0]! + ((along[1]! - along[0]!) * (k + 1)) / (rest.length + 1)));
  }

  const curves: Cubic[][] = plans.map(({ mode, S, T, ds, source, target }) => {
    const vc = mid(S.v0, S.v1);
    if (mode === 'self') return [[xy(S.u1, vc - 7), xy(S.u1 + 30, vc - 18), xy(S.u1 + 30, vc + 18), xy(S.u1, vc + 7)]];
    const sAt = source.at!;
    const tAt = target.at!;
    if (mode === 'side') {
      const [su, tu] = source.side === 'u1' ? [S.u1, T.u0] : [S.u0, T.u1];
      return [straight(xy(su, sAt), xy(tu, tAt))];
    }
    if (mode === 'arc') {
      const apex = Math.min(S.v0, T.v0) - 26;
      return [[xy(sAt, S.v0), xy(sAt, apex), xy(tAt, apex), xy(tAt, T.v0)]];
    }
    const points = [xy(sAt, mode === 'down' ? S.v1 : S.v0), ...ds, xy(tAt, mode === 'down' ? T.v0 : T.v1)];
    // Each hop leaves and arrives along the rank axis (like d3.curveBumpY), so arrowheads meet boxes square on.
    return points.slice(1).map((b, i): Cubic => {
      const a = points[i]!;
      const vm = tb ? mid(a[1], b[1]) : mid(a[0], b[0]);
      return tb ? [a, [a[0], vm], [b[0], vm], b] : [a, [vm, a[1]], [vm, b[1]], b];
    });
  });
  const samples = curves.map((segs) => segs.flatMap((c) => Array.from({ length: 33 }, (_, k) => bezier(c, k / 32))));

  const initials: InitialMarker[] = initialAttach.map((a) => {
    const b = uv(box.get(a.box)!);
    return { id: a.box, dot: xy(a.at!, b.v0 - opts.initialRoom + 4), end: xy(a.at!, b.v0) };
  });

  // Labels: try places along the arrow, on it first, then beside it; keep the least-covering one.
  const obstacles: Rect[] = [];
  for (const b of boxes) {
    // Boxes keep a margin clear: the selection ring is drawn there.
    if (!b.container) obstacles.push(grow(b, LABEL_CLEARANCE));
    else {
      obstacles.push({ x: b.x, y: b.y, width: b.width, height: b.headerHeight });
      obstacles.push({ x: b.x - 1, y: b.y + b.height - 1, width: b.width + 2, height: 2 });
      obstacles.push({ x: b.x - 1, y: b.y, width: 2, height: b.height }, { x: b.x + b.width - 1, y: b.y, width: 2, height: b.height });
    }
  }
  for (const m of initials) obstacles.push({ x: Math.min(m.dot[0], m.end[0]) - 5, y: Math.min(m.dot[1], m.end[1]) - 5, width: Math.abs(m.dot[0] - m.end[0]) + 10, height: Math.abs(m.dot[1] - m.end[1]) + 10 });
  const fractions = [0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.18, 0.82];
  const candidates = bundles.map((e, index): Candidate[] => {
    const pts = samples[index]!;
    const lengths = [0];
    for (let k = 1; k < pts.length; k++) lengths.push(lengths[k - 1]! + Math.hypot(pts[k]![0] - pts[k - 1]![0], pts[k]![1] - pts[k - 1]![1]));
    const total = lengths[lengths.length - 1]!;
    const at = (f: number) => {
      const k = Math.max(1, lengths.findIndex((l) => l >= f * total));
      return { p: pts[k]!, dir: [pts[k]![0] - pts[k - 1]![0], pts[k]![1] - pts[k - 1]![1]] as Point };
    };
    const [w, h] = opts.labelSize(index);
    // [x, y, penalty]: a label beside its arrow is easily read as another arrow's, so it is a last resort.
    const centres: [number, number, number][] = [];
    if (plans[index]!.mode === 'side') {
      // Two arrows across one gap run close together: each label goes on its own outer side.
      const { p } = at(0.5);
      const box = uv(boxById(e.from));
      const outward = (tb ? p[1] : p[0]) < mid(box.v0, box.v1) ? -1 : 1;
      const off = tb ? h / 2 + 2 : w / 2 + 4;
      centres.push(tb ? [p[0], p[1] + outward * off, 0] : [p[0] + outward * off, p[1], 0]);
    }
    for (const f of fractions) centres.push([...at(f).p, 0]);
    for (const f of fractions) {
      const { p, dir } = at(f);
      const alongY = Math.abs(dir[1]) >= Math.abs(dir[0]);
      const off = alongY ? w / 2 + 5 : h / 2 + 3;
      for (const s of [1, -1]) centres.push(alongY ? [p[0] + s * off, p[1], 40] : [p[0], p[1] + s * off, 40]);
    }
    return centres.map(([cx, cy, penalty]) => ({ x: round(cx - w / 2), y: round(cy - h / 2), width: round(w), height: round(h), penalty }));
  });
  const hull = {
    x: Math.min(...boxes.map((b) => b.x)),
    y: Math.min(...boxes.map((b) => b.y)),
    width: Math.max(...boxes.map((b) => b.x + b.width)) - Math.min(...boxes.map((b) => b.x)),
    height: Math.max(...boxes.map((b) => b.y + b.height)) - Math.min(...boxes.map((b) => b.y)),
  };
  const placed = placeLabels(candidates, obstacles, samples, hull);
  const edges = bundles.map((e, index): EdgeRoute => {
    const d = curves[index]!.map(([a, c1, c2, b], k) => `${k === 0 ? `M${round(a[0])},${round(a[1])}` : ''}C${[c1, c2, b].map((p) => `${round(p[0])},${round(p[1])}`).join(' ')}`).join('');
    const { x, y, width, height } = placed[index]!;
    return { ...e, key: `${e.from}|${e.to}`, d, label: { x, y, width, height, lines: labelLines(e) } };
  });

  // Room for the selection ring around every box, and for its pin on the top-left corner.
  const selectable = boxes.map((b) => ({ x: b.x - 13, y: b.y - 13, width: b.width + 19, height: b.height + 19 }));
  const all: Rect[] = [...selectable, ...placed, ...samples.flat().map(([x, y]) => ({ x, y, width: 0, height: 0 }))];
  for (const m of initials) all.push({ x: m.dot[0] - 5, y: m.dot[1] - 5, width: 10, height: 10 });
  const x0 = Math.min(...all.map((r) => r.x));
  const y0 = Math.min(...all.map((r) => r.y));
  const x1 = Math.max(...all.map((r) => r.x + r.width));
  const y1 = Math.max(...all.map((r) => r.y + r.height));
  return { edges, initials, extent: { x: x0, y: y0, width: x1 - x0, height: y1 - y0 } };
}
