/**
 * The steps of a layered (Sugiyama-style) drawing, small enough for charts of a few dozen
 * states: rank, order within ranks, place along the rank. Everything is deterministic, so the
 * same machine always gets the same picture and snapshot tests stay stable.
 */

/** An edge between two members of one level (a compound state's children, or the top states). */
export interface LevelEdge {
  /** Index of the arrow (a bundle of transitions between two states) it stands for. */
  index: number;
  u: string;
  v: string;
}

/**
 * Ranks by breadth-first distance from the initial state, so the main path reads in order.
 * Two refinements keep the picture readable: a state entered from a state of the same rank that
 * it does not lead back to moves one rank further (`waitingForSandbox` then `running`, not side by
 * side), while two-way pairs stay side by side (`idle` and `invoking`); final states share the
 * last rank, where a reader looks for outcomes.
 */
export function assignRanks(
  members: readonly string[],
  initial: string | undefined,
  edges: readonly LevelEdge[],
  isFinal: (id: string) => boolean,
): { rank: Map<string, number>; discovery: string[] } {
  const rank = new Map<string, number>();
  const discovery: string[] = [];
  const out = new Map<string, string[]>(members.map((m) => [m, []]));
  for (const e of edges) out.get(e.u)!.push(e.v);

  const bfs = (start: string, r: number) => {
    rank.set(start, r);
    discovery.push(start);
    for (let i = discovery.length - 1; i < discovery.length; i++) {
      const u = discovery[i]!;
      for (const v of out.get(u)!) {
        if (rank.has(v)) continue;
        rank.set(v, rank.get(u)! + 1);
        discovery.push(v);
      }
    }
  };
  const maxRank = (): number => Math.max(-1, ...[...rank.entries()].filter(([id]) => !isFinal(id)).map(([, r]) => r));
  if (initial !== undefined && out.has(initial)) bfs(initial, 0);
  // States nothing leads to (unusual, but a machine being edited may have them) come after the rest.
  for (const m of members) if (!rank.has(m)) bfs(m, maxRank() + 1);

  const pairs = new Set(edges.map((e) => `${e.u}\n${e.v}`));
  for (let changed = true, guard = members.length * members.length; changed && guard > 0; guard--) {
    changed = false;
    for (const e of edges) {
      if (e.u === e.v || isFinal(e.v) || rank.get(e.u) !== rank.get(e.v) || pairs.has(`${e.v}\n${e.u}`)) continue;
      rank.set(e.v, rank.get(e.v)! + 1);
      changed = true;
    }
  }
  const lastRank = maxRank() + 1;
  for (const m of members) if (isFinal(m)) rank.set(m, lastRank);

  // Close the gaps the refinements may leave.
  const used = [...new Set(rank.values())].sort((a, b) => a - b);
  for (const [id, r] of rank) rank.set(id, used.indexOf(r));
  return { rank, discovery };
}

/** Ranks as lists of ids; an edge spanning several ranks gets a dummy in each rank between. */
export function buildLayers(
  discovery: readonly string[],
  rank: ReadonlyMap<string, number>,
  edges: readonly LevelEdge[],
): { layers: string[][]; dummies: Map<number, string[]>; segments: [string, string][] } {
  const rankOf = (id: string) => rank.get(id)!;
  const layers: string[][] = Array.from({ length: Math.max(0, ...rank.values()) + 1 }, () => []);
  for (const id of discovery) layers[rankOf(id)]!.push(id);
  const dummies = new Map<number, string[]>();
  const segments: [string, string][] = [];
  for (const e of edges) {
    const ru = rankOf(e.u);
    const rv = rankOf(e.v);
    if (ru === rv) continue; // drawn beside each other, not between ranks
    const step = rv > ru ? 1 : -1;
    const chain = [e.u];
    const ids: string[] = [];
    for (let r = ru + step; r !== rv; r += step) {
      const id = `~${e.index}.${ids.length}`;
      ids.push(id);
      layers[r]!.push(id);
      chain.push(id);
    }
    chain.push(e.v);
    if (ids.length > 0) dummies.set(e.index, ids);
    for (let i = 1; i < chain.length; i++) segments.push([chain[i - 1]!, chain[i]!]);
  }
  return { layers, dummies, segments };
}

/** For each id, its neighbours in the rank before and in the rank after. */
export function neighbours(segments: readonly [string, string][], rank: (id: string) => number) {
  const before = new Map<string, string[]>();
  const after = new Map<string, string[]>();
  const add = (m: Map<string, string[]>, k: string, v: string) => m.set(k, [...(m.get(k) ?? []), v]);
  for (const [a, b] of segments) {
    const [lo, hi] = rank(a) < rank(b) ? [a, b] : [b, a];
    add(after, lo, hi);
    add(before, hi, lo);
  }
  return { before, after };
}

function crossings(layers: readonly string[][], after: ReadonlyMap<string, string[]>): number {
  let total = 0;
  for (let r = 0; r + 1 < layers.length; r++) {
    const next = new Map(layers[r + 1]!.map((id, i) => [id, i]));
    const segs: [number, number][] = [];
    layers[r]!.forEach((id, i) => {
      for (const b of after.get(id) ?? []) segs.push([i, next.get(b)!]);
    });
    for (let i = 0; i < segs.length; i++)
      for (let j = i + 1; j < segs.length; j++) if ((segs[i]![0] - segs[j]![0]) * (segs[i]![1] - segs[j]![1]) < 0) total++;
  }
  return total;
}

/**
 * Orders each rank to reduce crossings (barycentre sweeps, keeping the best order seen). The
 * starting order (breadth-first discovery, which follows the machine's document order) only
 * breaks ties.
 */
export function orderLayers(layers: readonly string[][], segments: readonly [string, string][], rank: (id: string) => number): string[][] {
  const { before, after } = neighbours(segments, rank);
  let current = layers.map((l) => [...l]);
  let best = current.map((l) => [...l]);
  let bestCrossings = crossings(best, after);
  const sortBy = (layer: string[], ref: readonly string[], nbrs: ReadonlyMap<string, string[]>) => {
    const pos = new Map(ref.map((id, i) => [id, i]));
    const bary = new Map(
      layer.map((id, i) => {
        const ns = nbrs.get(id) ?? [];
        return [id, ns.length ? ns.reduce((s, n) => s + pos.get(n)!, 0) / ns.length : i];
      }),
    );
    return [...layer].sort((a, b) => bary.get(a)! - bary.get(b)!); // stable: ties keep the order
  };
  for (let iter = 0; iter < 12 && bestCrossings > 0; iter++) {
    current = current.map((l) => [...l]);
    if (iter % 2 === 0) for (let r = 1; r < current.length; r++) current[r] = sortBy(current[r]!, current[r - 1]!, before);
    else for (let r = current.length - 2; r >= 0; r--) current[r] = sortBy(current[r]!, current[r + 1]!, after);
    const c = crossings(current, after);
    if (c < bestCrossings) {
      best = current.map((l) => [...l]);
      bestCrossings = c;
    }
  }
  return best;
}

/**
 * Positions along a rank that stay in order with at least `gaps[i]` between item i-1 and i, and
 * are as close as possible (least squares) to `desired`: isotonic regression by pool-adjacent-
 * violators, after shifting out the cumulative gaps.
 */
export function packInOrder(desired: readonly number[], gaps: readonly number[]): number[] {
  const offset: number[] = [];
  desired.forEach((_, i) => offset.push(i === 0 ? 0 : offset[i - 1]! + gaps[i]!));
  const blocks: { sum: number; count: number }[] = [];
  desired.forEach((d, i) => {
    blocks.push({ sum: d - offset[i]!, count: 1 });
    while (blocks.length > 1) {
      const last = blocks[blocks.length - 1]!;
      const prev = blocks[blocks.length - 2]!;
      if (prev.sum / prev.count <= last.sum / last.count) break;
      prev.sum += last.sum;
      prev.count += last.count;
      blocks.pop();
    }
  });
  const out: number[] = [];
  for (const b of blocks) for (let k = 0; k < b.count; k++) out.push(b.sum / b.count + offset[out.length]!);
  return out;
}

/**
 * Centres along each rank: every item is pulled towards the mean of its neighbours in the
 * adjacent ranks (alternately from above and below), so edges run as straight as the gaps allow.
 */
export function placeAlongRanks(
  layers: readonly string[][],
  segments: readonly [string, string][],
  rank: (id: string) => number,
  gap: (a: string, b: string) => number,
): Map<string, number> {
  const { before, after } = neighbours(segments, rank);
  const pos = new Map<string, number>();
  const gapsOf = (layer: readonly string[]) => layer.map((id, i) => (i === 0 ? 0 : gap(layer[i - 1]!, id)));
  const widest = Math.max(0, ...layers.map((l) => gapsOf(l).reduce((s, g) => s + g, 0)));
  for (const layer of layers) {
    const gaps = gapsOf(layer);
    let u = (widest - gaps.reduce((s, g) => s + g, 0)) / 2;
    layer.forEach((id, i) => pos.set(id, (u += gaps[i]!)));
  }
  const settle = (layer: readonly string[], nbrs: (id: string) => string[]) => {
    const desired = layer.map((id) => {
      const ns = nbrs(id);
      return ns.length ? ns.reduce((s, n) => s + pos.get(n)!, 0) / ns.length : pos.get(id)!;
    });
    packInOrder(desired, gapsOf(layer)).forEach((u, i) => pos.set(layer[i]!, u));
  };
  for (let iter = 0; iter < 8; iter++) {
    if (iter % 2 === 0) for (let r = 1; r < layers.length; r++) settle(layers[r]!, (id) => before.get(id) ?? []);
    else for (let r = layers.length - 2; r >= 0; r--) settle(layers[r]!, (id) => after.get(id) ?? []);
  }
  for (let r = 0; r < layers.length; r++) settle(layers[r]!, (id) => [...(before.get(id) ?? []), ...(after.get(id) ?? [])]);
  return pos;
}
