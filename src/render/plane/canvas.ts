import type { EndedRequestView, RequestView } from '../../worker/frame';
import { functionColor, OUTCOME_STYLE } from '../palette';
import { PLANE_H, PLANE_W, type TokenPlace } from './layout';

/**
 * While playing with many requests in flight, the plane's tokens and fading ended requests are
 * drawn on a canvas over the SVG: two hundred SVG tokens moving every frame cost the page more
 * style, layout and paint than all the other views together. Paused, they are SVG again (each
 * with its title, selectable).
 */
export const PLANE_CANVAS_THRESHOLD = 60;

/** The canvas's size in CSS pixels: the SVG's box, which shows the viewBox scaled to fit (centred). */
export interface PlaneBox {
  width: number;
  height: number;
}

/** Theme colours and stroke scale, read from CSS once per theme (not per frame). */
interface Ink {
  theme: string;
  outline: string;
  selected: string;
  strokeScale: number;
}
let ink: Ink | null = null;
function inkOf(canvas: HTMLCanvasElement): Ink {
  const root = canvas.ownerDocument.documentElement;
  const theme = `${root.dataset.theme ?? ''}|${root.className}|${canvas.closest('.presenter') ? 'p' : ''}`;
  if (ink?.theme === theme) return ink;
  const css = getComputedStyle(canvas);
  ink = {
    theme,
    outline: css.getPropertyValue('--token-outline').trim() || '#ffffff',
    selected: css.getPropertyValue('--selected').trim() || '#000000',
    strokeScale: Number(css.getPropertyValue('--stroke-scale')) || 1,
  };
  return ink;
}

/**
 * Draws the tokens (at their places) and the ended requests (at their places, with their
 * opacity) as the SVG would: a dot in the function's colour with an outline, a dashed amber
 * ring while waiting for a cold start, a ring when selected; an ended request as its outcome's
 * disc and symbol.
 */
export function drawTokensOnCanvas(
  canvas: HTMLCanvasElement,
  box: PlaneBox,
  tokens: readonly { r: RequestView; p: TokenPlace }[],
  ended: readonly { e: EndedRequestView; x: number; y: number; opacity: number }[],
  selected: number | null,
): void {
  const dpr = globalThis.devicePixelRatio ?? 1;
  const w = Math.round(box.width * dpr);
  const h = Math.round(box.height * dpr);
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w;
    canvas.height = h;
    canvas.style.width = `${box.width}px`;
    canvas.style.height = `${box.height}px`;
  }
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, w, h);
  // The SVG's viewBox, fitted and centred in its box (preserveAspectRatio's default).
  const scale = Math.min(box.width / PLANE_W, box.height / PLANE_H);
  const ox = (box.width - PLANE_W * scale) / 2;
  const oy = (box.height - PLANE_H * scale) / 2;
  ctx.setTransform(dpr * scale, 0, 0, dpr * scale, dpr * ox, dpr * oy);
  const k = inkOf(canvas);

  ctx.textAlign = 'center';
  ctx.textBaseline = 'alphabetic';
  ctx.font = '700 11px system-ui, sans-serif';
  for (const { e, x, y, opacity } of ended) {
    const style = OUTCOME_STYLE[e.outcome];
    ctx.globalAlpha = opacity;
    ctx.beginPath();
    ctx.arc(x, y, 8, 0, 2 * Math.PI);
    ctx.fillStyle = style.color;
    ctx.fill();
    ctx.lineWidth = k.strokeScale;
    ctx.strokeStyle = k.outline;
    ctx.stroke();
    ctx.fillStyle = '#ffffff';
    ctx.fillText(style.symbol, x, y + 4);
  }
  ctx.globalAlpha = 1;

  for (const { r, p } of tokens) {
    ctx.beginPath();
    ctx.arc(p.x, p.y, 6, 0, 2 * Math.PI);
    ctx.fillStyle = functionColor(r.fn);
    ctx.fill();
    ctx.lineWidth = 1.5 * k.strokeScale;
    ctx.strokeStyle = k.outline;
    ctx.stroke();
    if (p.waiting || r.id === selected) {
      ctx.beginPath();
      ctx.arc(p.x, p.y, 9, 0, 2 * Math.PI);
      if (r.id === selected) {
        ctx.lineWidth = 3 * k.strokeScale;
        ctx.strokeStyle = k.selected;
      } else {
        ctx.lineWidth = 2.5 * k.strokeScale;
        ctx.strokeStyle = '#E69F00';
        ctx.setLineDash([3, 2]);
      }
      ctx.stroke();
      ctx.setLineDash([]);
    }
  }
}

/** Empties the canvas (the tokens went back to the SVG). */
export function clearTokenCanvas(canvas: HTMLCanvasElement): void {
  if (canvas.width === 0 && canvas.height === 0) return;
  canvas.width = 0;
  canvas.height = 0;
}
