import type { Frame, PoolSandboxView, SandboxView } from '../../worker/frame';
import { fitCanvas } from '../fitCanvas';
import { functionColor } from '../palette';
import type { TopologyLayout } from './layout';
import { sandboxGlyph } from './sandboxStyle';

/**
 * What a canvas last showed. While the layout, the selection, the size and the theme stay the
 * same, the next frame repaints only the cells whose state changed: at 10,000 sandboxes a
 * frame at 1× changes a few dozen, and repainting all of them each frame cost most of the
 * topology's frame rate (script, then software raster of the whole canvas).
 */
interface Painted {
  layout: TopologyLayout;
  selected: number | null;
  width: number;
  height: number;
  theme: string;
  sandboxes: readonly SandboxView[];
  pool: readonly PoolSandboxView[];
}
const painted = new WeakMap<HTMLCanvasElement, Painted>();

/** Where a cell is drawn, its top-left corner in CSS pixels. */
type Place = { x: number; y: number };

/** The page's theme: the selection ring and the pool's ink are theme colours, read on a full repaint. */
const themeOf = (canvas: HTMLCanvasElement) => canvas.ownerDocument?.documentElement?.dataset.theme ?? '';

/**
 * Sandboxes on a canvas, for thousands of them: same cells, patterns and outlines as the SVG
 * cells, without a DOM node each. The canvas sits over the SVG, at the SVG's size. Calling it
 * with the frames of a run one after the other draws, each time, what a fresh canvas given
 * only the last frame would show.
 */
export function drawSandboxesOnCanvas(canvas: HTMLCanvasElement, frame: Frame, layout: TopologyLayout, selected: number | null): void {
  const dpr = fitCanvas(canvas, layout.width, layout.height);
  const w = canvas.width;
  const h = canvas.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const theme = themeOf(canvas);
  const last = painted.get(canvas);
  painted.set(canvas, { layout, selected, width: w, height: h, theme, sandboxes: frame.sandboxes, pool: frame.poolSandboxes });
  const sameScene =
    last !== undefined &&
    last.layout === layout &&
    last.selected === selected &&
    last.width === w &&
    last.height === h &&
    last.theme === theme &&
    last.sandboxes.length === frame.sandboxes.length &&
    last.pool.length === frame.poolSandboxes.length;
  if (sameScene && repaintChanged(ctx, canvas, frame, layout, last, selected, dpr)) return;
  // A sandbox came or went: the layout is new, but most places show what they showed.
  const sameCanvas = last !== undefined && last.layout.cell === layout.cell && last.width === w && last.height === h && last.theme === theme && selected === null && last.selected === null;
  if (sameCanvas && repaintMoved(ctx, canvas, frame, layout, last, dpr)) return;
  repaintAll(ctx, canvas, frame, layout, selected, dpr);
}

/** A cell's look as a number: its function and state (a pool cell: its state). */
const stateCodes = new Map<string, number>();
function lookOf(sb: SandboxView): number {
  let code = stateCodes.get(sb.state);
  if (code === undefined) stateCodes.set(sb.state, (code = stateCodes.size));
  return sb.fn * 64 + code;
}
const poolLook = (p: PoolSandboxView) => (p.state === 'pool.booting' ? -1 : -2);
/** A place on the canvas as a number (cells are at least 3 px apart; an eighth of a pixel tells them apart). */
const placeKey = (p: Place) => Math.round(p.x * 8) * 1_048_576 + Math.round(p.y * 8);

/**
 * After a layout change at the same cell size and canvas size, repaints only the places whose
 * look changed: a reclaimed sandbox shifts the cells after it by one place, and at 10,000
 * sandboxes most neighbours look alike, so most places show what they showed. A full repaint
 * (and the software raster of the whole canvas) on every such frame was the view's slowest
 * frames. False, having drawn nothing, when there is no previous picture to compare with.
 */
function repaintMoved(ctx: CanvasRenderingContext2D, canvas: HTMLCanvasElement, frame: Frame, layout: TopologyLayout, last: Painted, dpr: number): boolean {
  const s = layout.cell;
  const before = new Map<number, { p: Place; look: number }>();
  for (const sb of last.sandboxes) {
    const p = last.layout.sandboxes.get(sb.id);
    if (p) before.set(placeKey(p), { p, look: lookOf(sb) });
  }
  for (const pool of last.pool) {
    const p = last.layout.pool.get(pool.id);
    if (p) before.set(placeKey(p), { p, look: poolLook(pool) });
  }
  const clear: Place[] = [];
  /** Whether place `p` must be painted to show `look` (what it showed is cleared first). */
  const repaint = (p: Place, look: number) => {
    const k = placeKey(p);
    const was = before.get(k);
    before.delete(k);
    if (was?.look === look) return false;
    if (was) clear.push(p);
    return true;
  };
  const cells: [SandboxView, Place][] = [];
  for (const sb of frame.sandboxes) {
    const p = layout.sandboxes.get(sb.id);
    if (p && repaint(p, lookOf(sb))) cells.push([sb, p]);
  }
  const pools: [PoolSandboxView, Place][] = [];
  for (const pool of frame.poolSandboxes) {
    const p = layout.pool.get(pool.id);
    if (p && repaint(p, poolLook(pool))) pools.push([pool, p]);
  }
  // Places nobody takes any more are cleared too.
  for (const { p } of before.values()) clear.push(p);
  repaintPlaces(ctx, canvas, clear, cells, pools, s, dpr);
  return true;
}

/** Clears `clear`, then paints each cell at its place, letters and pool ink prepared once. */
function repaintPlaces(ctx: CanvasRenderingContext2D, canvas: HTMLCanvasElement, clear: readonly Place[], cells: readonly [SandboxView, Place][], pools: readonly [PoolSandboxView, Place][], s: number, dpr: number): void {
  clearCells(ctx, clear, s, dpr);
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  prepareLetters(ctx, s);
  for (const [sb, p] of cells) paintCell(ctx, sb, p, s);
  if (pools.length > 0) {
    const ink = poolInk(canvas);
    for (const [pool, p] of pools) paintPoolCell(ctx, pool, p, s, ink);
  }
}

/** The warm pool's neutral ink, a theme colour. */
const poolInk = (canvas: HTMLCanvasElement) => getComputedStyle(canvas).getPropertyValue('--pool-ink').trim() || '#5f6975';

/**
 * Clears cells in device pixels, whole pixels around each: its antialiased edges go, and the
 * 2 px gap keeps the neighbours' edges out of reach.
 */
function clearCells(ctx: CanvasRenderingContext2D, places: readonly Place[], s: number, dpr: number): void {
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  for (const p of places) {
    const x0 = Math.floor(p.x * dpr);
    const y0 = Math.floor(p.y * dpr);
    ctx.clearRect(x0, y0, Math.ceil((p.x + s) * dpr) - x0, Math.ceil((p.y + s) * dpr) - y0);
  }
}

function repaintAll(ctx: CanvasRenderingContext2D, canvas: HTMLCanvasElement, frame: Frame, layout: TopologyLayout, selected: number | null, dpr: number): void {
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, layout.width, layout.height);
  prepareLetters(ctx, layout.cell);
  for (const sb of frame.sandboxes) {
    const p = layout.sandboxes.get(sb.id);
    if (p) paintCell(ctx, sb, p, layout.cell);
  }
  if (frame.poolSandboxes.length > 0) {
    const ink = poolInk(canvas);
    for (const pool of frame.poolSandboxes) {
      const p = layout.pool.get(pool.id);
      if (p) paintPoolCell(ctx, pool, p, layout.cell, ink);
    }
  }
  const at = selected === null ? undefined : layout.sandboxes.get(selected);
  if (at) {
    const s = layout.cell;
    ctx.strokeStyle = getComputedStyle(canvas).getPropertyValue('--fg').trim() || '#000';
    ctx.lineWidth = 2;
    ctx.strokeRect(at.x - 2, at.y - 2, s + 4, s + 4);
  }
}

/**
 * Repaints the cells whose state changed since `last` (same layout, so the same sandboxes in
 * the same order). False, having drawn nothing, when that cannot be done cell by cell: the
 * order differs, or a changed cell touches the selection ring (which overlaps its neighbours).
 */
function repaintChanged(ctx: CanvasRenderingContext2D, canvas: HTMLCanvasElement, frame: Frame, layout: TopologyLayout, last: Painted, selected: number | null, dpr: number): boolean {
  const s = layout.cell;
  const ring = selected === null ? undefined : layout.sandboxes.get(selected);
  const cells: [SandboxView, Place][] = [];
  for (let i = 0; i < frame.sandboxes.length; i++) {
    const sb = frame.sandboxes[i]!;
    const was = last.sandboxes[i]!;
    if (sb === was) continue; // unpackFrame keeps an unchanged sandbox's object
    if (sb.id !== was.id) return false;
    if (sb.state === was.state && sb.fn === was.fn) continue;
    const p = layout.sandboxes.get(sb.id);
    if (!p) continue;
    if (ring && Math.abs(p.x - ring.x) <= s + 4 && Math.abs(p.y - ring.y) <= s + 4) return false;
    cells.push([sb, p]);
  }
  const pools: [PoolSandboxView, Place][] = [];
  for (let i = 0; i < frame.poolSandboxes.length; i++) {
    const pool = frame.poolSandboxes[i]!;
    const was = last.pool[i]!;
    if (pool.id !== was.id) return false;
    if (pool.state === was.state) continue;
    const p = layout.pool.get(pool.id);
    if (p) pools.push([pool, p]);
  }
  if (cells.length > 0 || pools.length > 0) repaintPlaces(ctx, canvas, [...cells.map((c) => c[1]), ...pools.map((c) => c[1])], cells, pools, s, dpr);
  return true;
}

/** Cells large enough for a letter show their init phase's (F S R I, A, X), as the SVG cells do. */
function prepareLetters(ctx: CanvasRenderingContext2D, s: number): void {
  if (s < 11) return;
  ctx.font = `700 ${Math.max(8, s * 0.55)}px system-ui, sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
}

/** One sandbox's cell, all inside its square: filled invoking, outlined idle, half-filled initializing, faint shutting down. */
function paintCell(ctx: CanvasRenderingContext2D, sb: SandboxView, p: Place, s: number): void {
  const color = functionColor(sb.fn);
  if (sb.state === 'invoking') {
    ctx.fillStyle = color;
    ctx.fillRect(p.x, p.y, s, s);
  } else if (sb.state === 'idle') {
    ctx.strokeStyle = color;
    ctx.lineWidth = Math.max(1, s / 5);
    ctx.strokeRect(p.x + ctx.lineWidth / 2, p.y + ctx.lineWidth / 2, s - ctx.lineWidth, s - ctx.lineWidth);
  } else if (sb.state === 'shuttingDown') {
    ctx.globalAlpha = 0.4;
    ctx.strokeStyle = color;
    ctx.lineWidth = 1;
    ctx.strokeRect(p.x + 0.5, p.y + 0.5, s - 1, s - 1);
    ctx.globalAlpha = 1;
  } else {
    // Initializing: half-filled diagonal, the canvas version of the hatch.
    ctx.fillStyle = color;
    ctx.beginPath();
    ctx.moveTo(p.x, p.y + s);
    ctx.lineTo(p.x + s, p.y);
    ctx.lineTo(p.x + s, p.y + s);
    ctx.closePath();
    ctx.fill();
    ctx.strokeStyle = color;
    ctx.lineWidth = 1;
    ctx.strokeRect(p.x + 0.5, p.y + 0.5, s - 1, s - 1);
    if (s >= 11) {
      ctx.fillStyle = '#1b1f24';
      ctx.fillText(sandboxGlyph(sb.state), p.x + s / 2, p.y + s / 2);
    }
  }
}

/**
 * A warm-pool generic sandbox: neutral ink, no function's colour; a faint fill with a dot in
 * the middle, a dashed outline while booting and a solid one once ready (as in the SVG).
 */
function paintPoolCell(ctx: CanvasRenderingContext2D, pool: PoolSandboxView, p: Place, s: number, ink: string): void {
  const dot = Math.max(1, Math.round(s / 4));
  ctx.lineWidth = 1;
  ctx.strokeStyle = ink;
  ctx.fillStyle = ink;
  ctx.globalAlpha = 0.2;
  ctx.fillRect(p.x, p.y, s, s);
  ctx.globalAlpha = 1;
  ctx.fillRect(p.x + (s - dot) / 2, p.y + (s - dot) / 2, dot, dot);
  if (pool.state === 'pool.booting') ctx.setLineDash([2, 2]);
  ctx.strokeRect(p.x + 0.5, p.y + 0.5, s - 1, s - 1);
  if (pool.state === 'pool.booting') ctx.setLineDash([]);
}

/** The sandbox under a point of the canvas, for clicks (cells are placed on a grid). */
export function sandboxAt(layout: TopologyLayout, x: number, y: number): number | null {
  for (const [id, p] of layout.sandboxes) {
    if (x >= p.x && x < p.x + layout.cell && y >= p.y && y < p.y + layout.cell) return id;
  }
  return null;
}
