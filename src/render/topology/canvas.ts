import type { Frame } from '../../worker/frame';
import { functionColor } from '../palette';
import type { TopologyLayout } from './layout';

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
    }
    if (sb.id === selected) {
      ctx.strokeStyle = getComputedStyle(canvas).getPropertyValue('--fg').trim() || '#000';
      ctx.lineWidth = 2;
      ctx.strokeRect(p.x - 2, p.y - 2, s + 4, s + 4);
    }
  }
}

/** The sandbox under a point of the canvas, for clicks (cells are placed on a grid). */
export function sandboxAt(layout: TopologyLayout, x: number, y: number): number | null {
  for (const [id, p] of layout.sandboxes) {
    if (x >= p.x && x < p.x + layout.cell && y >= p.y && y < p.y + layout.cell) return id;
  }
  return null;
}
