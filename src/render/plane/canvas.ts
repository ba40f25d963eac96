import type { EndedRequestView, RequestView } from '../../worker/frame';
import { fitCanvas } from '../fitCanvas';
import { functionColor, OUTCOME_STYLE } from '../palette';
import { PLANE_H, PLANE_W, TOKEN_DOT_R, type TokenPlace } from './layout';

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
  const dpr = fitCanvas(canvas, box.width, box.height);
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  // A new blank bitmap, not the old one cleared: while the screen still shows the last frame,
  // the first change to the old bitmap copies all of it first (a 1,200 × 400 canvas: up to
  // 2.5 ms, at 60 frames a second). Setting the width, even to itself, starts afresh.
  canvas.width = canvas.width; // eslint-disable-line no-self-assign
  // The SVG's viewBox, fitted and centred in its box (preserveAspectRatio's default).
  const scale = Math.min(box.width / PLANE_W, box.height / PLANE_H);
  const ox = (box.width - PLANE_W * scale) / 2;
  const oy = (box.height - PLANE_H * scale) / 2;
  ctx.setTransform(dpr * scale, 0, 0, dpr * scale, dpr * ox, dpr * oy);
  const k = inkOf(canvas);
  // Each kind of mark is drawn once into a sprite at the canvas's pixel scale, then stamped:
  // two hundred arcs and sixty symbols a frame took a millisecond of script and raster.
  const px = dpr * scale;
  for (const { e, x, y, opacity } of ended) {
    ctx.globalAlpha = opacity;
    stamp(ctx, sprite(`e|${e.outcome}`, px, k, 8 + k.strokeScale, (c) => endedMark(c, e.outcome, k)), x, y);
  }
  ctx.globalAlpha = 1;
  for (const { r, p } of tokens) {
    const ring = r.id === selected ? 'selected' : p.waiting ? 'waiting' : 'none';
    stamp(ctx, sprite(`t|${r.fn}|${ring}`, px, k, 9 + 3 * k.strokeScale, (c) => tokenMark(c, r.fn, ring, k)), p.x, p.y);
  }
}

interface Sprite {
  image: CanvasImageSource;
  /** Half its size, in viewBox units. */
  half: number;
}
const sprites = new Map<string, Sprite>();
type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/** A mark drawn around (0, 0) within `half` viewBox units, rendered once per scale and theme. */
function sprite(kind: string, px: number, k: Ink, half: number, draw: (c: Context2D) => void): Sprite {
  const key = `${kind}|${px.toFixed(3)}|${k.theme}`;
  let s = sprites.get(key);
  if (s) return s;
  if (sprites.size > 200) sprites.clear(); // scales and themes come and go with resizes
  const size = Math.ceil(2 * half * px);
  // Stamped at its own pixel size, so it is never resampled.
  sprites.set(key, (s = { image: spriteImage(size, px, draw), half: size / (2 * px) }));
  return s;
}

/**
 * The sprite's pixels as an ImageBitmap where the browser has OffscreenCanvas: stamping a
 * canvas element copies its pixels out of it on every stamp (a few microseconds, but two
 * hundred and more stamps a frame: about a millisecond of each frame at 2,000 sandboxes),
 * stamping a bitmap does not. Elsewhere (and in tests) a canvas element.
 */
function spriteImage(size: number, px: number, draw: (c: Context2D) => void): CanvasImageSource {
  const paint = (c: Context2D) => {
    c.setTransform(px, 0, 0, px, size / 2, size / 2);
    draw(c);
  };
  if (typeof OffscreenCanvas === 'function' && size > 0) {
    const off = new OffscreenCanvas(size, size);
    const c = off.getContext('2d');
    if (c) {
      paint(c);
      return off.transferToImageBitmap();
    }
  }
  const image = document.createElement('canvas');
  image.width = size;
  image.height = size;
  const c = image.getContext('2d');
  if (c) paint(c);
  return image;
}

/** Stamps a sprite centred on (x, y), in viewBox units. */
function stamp(ctx: CanvasRenderingContext2D, s: Sprite, x: number, y: number): void {
  ctx.drawImage(s.image, x - s.half, y - s.half, 2 * s.half, 2 * s.half);
}

/** A request: a dot in its function's colour with an outline; a dashed amber ring while waiting for a cold start, a ring when selected. */
function tokenMark(c: Context2D, fn: number, ring: 'none' | 'waiting' | 'selected', k: Ink): void {
  c.beginPath();
  c.arc(0, 0, TOKEN_DOT_R, 0, 2 * Math.PI);
  c.fillStyle = functionColor(fn);
  c.fill();
  c.lineWidth = 1.5 * k.strokeScale;
  c.strokeStyle = k.outline;
  c.stroke();
  if (ring === 'none') return;
  c.beginPath();
  c.arc(0, 0, 9, 0, 2 * Math.PI);
  if (ring === 'selected') {
    c.lineWidth = 3 * k.strokeScale;
    c.strokeStyle = k.selected;
  } else {
    c.lineWidth = 2.5 * k.strokeScale;
    c.strokeStyle = '#E69F00';
    c.setLineDash([3, 2]);
  }
  c.stroke();
}

/** An ended request: its outcome's disc and symbol. */
function endedMark(c: Context2D, outcome: EndedRequestView['outcome'], k: Ink): void {
  const style = OUTCOME_STYLE[outcome];
  c.beginPath();
  c.arc(0, 0, 8, 0, 2 * Math.PI);
  c.fillStyle = style.color;
  c.fill();
  c.lineWidth = k.strokeScale;
  c.strokeStyle = k.outline;
  c.stroke();
  c.fillStyle = '#ffffff';
  c.font = '700 11px system-ui, sans-serif';
  c.textAlign = 'center';
  c.textBaseline = 'alphabetic';
  c.fillText(style.symbol, 0, 4);
}

/** Empties the canvas (the tokens went back to the SVG). */
export function clearTokenCanvas(canvas: HTMLCanvasElement): void {
  if (canvas.width === 0 && canvas.height === 0) return;
  canvas.width = 0;
  canvas.height = 0;
}
