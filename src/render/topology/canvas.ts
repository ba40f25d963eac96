import type { Frame } from '../../worker/frame';
import { functionColor } from '../palette';
import type { TopologyLayout } from './layout';
import { sandboxGlyph } from './sandboxStyle';

/**
 * Sandboxes on a canvas, for thousands of them: same cells, patterns and outlines as the SVG
 * cells, without a DOM node each. The canvas sits over the SVG, at the SVG's size.
 */
export function drawSandboxesOnCanvas(canvas: HTMLCanvasElement, frame: Frame, layout: TopologyLayout, selected: number | null): void {
  const dpr = globalThis.devicePixelRatio ?? 1;
  // Resizing a canvas reallocates its bitmap: only when the layout's size changed.
  const w = Math.round(layout.width * dpr);
  const h = Math.round(layout.height * dpr);
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w;
    canvas.height = h;
    canvas.style.width = `${layout.width}px`;
    canvas.style.height = `${layout.height}px`;
  }
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, layout.width, layout.height);
  const s = layout.cell;
  // Cells large enough for a letter show their init phase's (F S R I, A, X), as the SVG cells do.
  const letters = s >= 11;
  if (letters) {
    ctx.font = `700 ${Math.max(8, s * 0.55)}px system-ui, sans-serif`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
  }
  for (const sb of frame.sandboxes) {
    const p = layout.sandboxes.get(sb.id);
    if (!p) continue;
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
      if (letters) {
        ctx.fillStyle = '#1b1f24';
        ctx.fillText(sandboxGlyph(sb.state), p.x + s / 2, p.y + s / 2);
      }
    }
    if (sb.id === selected) {
      ctx.strokeStyle = getComputedStyle(canvas).getPropertyValue('--fg').trim() || '#000';
      ctx.lineWidth = 2;
      ctx.strokeRect(p.x - 2, p.y - 2, s + 4, s + 4);
    }
  }
  if (frame.poolSandboxes.length > 0) drawPoolOnCanvas(ctx, canvas, frame, layout);
}

/**
 * The warm pool's generic sandboxes: neutral ink, no function's colour; a faint fill with a dot
 * in the middle, a dashed outline while booting and a solid one once ready (as in the SVG).
 */
function drawPoolOnCanvas(ctx: CanvasRenderingContext2D, canvas: HTMLCanvasElement, frame: Frame, layout: TopologyLayout): void {
  const s = layout.cell;
  const ink = getComputedStyle(canvas).getPropertyValue('--pool-ink').trim() || '#5f6975';
  const dot = Math.max(1, Math.round(s / 4));
  ctx.lineWidth = 1;
  ctx.strokeStyle = ink;
  ctx.fillStyle = ink;
  for (const pool of frame.poolSandboxes) {
    const p = layout.pool.get(pool.id);
    if (!p) continue;
    ctx.globalAlpha = 0.2;
    ctx.fillRect(p.x, p.y, s, s);
    ctx.globalAlpha = 1;
    ctx.fillRect(p.x + (s - dot) / 2, p.y + (s - dot) / 2, dot, dot);
    if (pool.state === 'pool.booting') ctx.setLineDash([2, 2]);
    ctx.strokeRect(p.x + 0.5, p.y + 0.5, s - 1, s - 1);
    if (pool.state === 'pool.booting') ctx.setLineDash([]);
  }
}

/** The sandbox under a point of the canvas, for clicks (cells are placed on a grid). */
export function sandboxAt(layout: TopologyLayout, x: number, y: number): number | null {
  for (const [id, p] of layout.sandboxes) {
    if (x >= p.x && x < p.x + layout.cell && y >= p.y && y < p.y + layout.cell) return id;
  }
  return null;
}
