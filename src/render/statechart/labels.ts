import type { Point, Rect } from './layout';

function overlapArea(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** A place for a label, with a cost of its own (beside the arrow rather than on it). */
export type Candidate = Rect & { penalty: number };

export const grow = (r: Rect, by: number): Rect => ({ x: r.x - by, y: r.y - by, width: r.width + 2 * by, height: r.height + 2 * by });

const distance = (a: Point, b: Point) => Math.hypot(a[0] - b[0], a[1] - b[1]);

const inside = (p: Point, r: Rect) => p[0] > r.x && p[0] < r.x + r.width && p[1] > r.y && p[1] < r.y + r.height;

/**
 * Picks one place per label among its candidates (in order of preference): covering no state
 * and no other label, and as few other arrows as possible. A greedy pass alone boxes itself in
 * where labels crowd one gap (OVER_LIMIT_ASYNC taking the middle RETRY needed), so each label is
 * then moved to its best place given all the others, a few rounds, until none moves. Labels
 * prefer to stay within `hull` (the boxes' extent).
 */
export function placeLabels(candidates: readonly Candidate[][], obstacles: readonly Rect[], arrows: readonly Point[][], hull: Rect): Rect[] {
  const cost = (i: number, r: Candidate, k: number, chosen: readonly (Rect | undefined)[]) => {
    let c = r.penalty + k * 0.01; // preference: on the arrow, near its middle
    // A label sticking out beyond the states widens the drawing, which then shrinks in its panel.
    c += (r.width * r.height - overlapArea(r, hull)) * 0.15;
    for (const o of obstacles) c += overlapArea(r, o) * 4;
    chosen.forEach((o, j) => {
      if (o && j !== i) c += overlapArea(r, grow(o, 2)) * 4;
    });
    const centre: Point = [r.x + r.width / 2, r.y + r.height / 2];
    let nearestOther = Infinity;
    arrows.forEach((pts, j) => {
      if (j === i) return;
      for (const p of pts) {
        if (inside(p, r)) c += 6;
        nearestOther = Math.min(nearestOther, distance(p, centre));
      }
    });
    // Nearer another arrow than its own, a label reads as the other's: wrong for a student.
    if (nearestOther < Math.min(...arrows[i]!.map((p) => distance(p, centre)))) c += 80;
    return c;
  };
  const best = (i: number, chosen: readonly (Rect | undefined)[]) => {
    let pick = 0;
    let pickCost = Infinity;
    candidates[i]!.forEach((r, k) => {
      const c = cost(i, r, k, chosen);
      if (c < pickCost - 1e-9) [pick, pickCost] = [k, c];
    });
    return pick;
  };
  const chosen: (Rect | undefined)[] = [];
  const picks = candidates.map((_, i) => {
    const k = best(i, chosen);
    chosen[i] = candidates[i]![k];
    return k;
  });
  for (let round = 0; round < 8; round++) {
    let moved = false;
    for (let i = 0; i < candidates.length; i++) {
      const k = best(i, chosen);
      if (k === picks[i]) continue;
      picks[i] = k;
      chosen[i] = candidates[i]![k];
      moved = true;
    }
    if (!moved) break;
  }
  return chosen as Rect[];
}
