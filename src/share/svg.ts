/**
 * A view's SVG as a file that looks the same outside the page: the app's stylesheets (classes,
 * CSS variables) do not travel with an exported SVG, so the styles that change how it looks
 * are copied onto each element, CSS variables resolved, and the size made explicit. The live
 * SVG is never modified (it is cloned). A PNG is the same SVG drawn onto a canvas.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

/**
 * Inherited properties and their initial values: written on an element only when its value
 * differs from its parent's, so a standalone file inherits exactly what the page showed.
 */
const INHERITED: Record<string, string> = {
  fill: 'rgb(0, 0, 0)',
  'fill-opacity': '1',
  stroke: 'none',
  'stroke-width': '1px',
  'stroke-dasharray': 'none',
  'stroke-opacity': '1',
  'stroke-linecap': 'butt',
  'stroke-linejoin': 'miter',
  // No initial value worth trusting (it is the viewer's default font): always written on the root.
  'font-family': '',
  'font-size': '16px',
  'font-weight': '400',
  'font-style': 'normal',
  'text-anchor': 'start',
  visibility: 'visible',
};
/** Properties not inherited: written when they differ from their initial value. */
const OWN: Record<string, string> = { opacity: '1', 'dominant-baseline': 'auto' };
/** Elements that draw nothing themselves: their styles are of no use. */
const NOT_DRAWN = new Set(['title', 'desc', 'style', 'script', 'metadata']);

export interface SvgSize {
  width: number;
  height: number;
}

/** The SVG's size in user units: its viewBox, else its width/height attributes, else its box on screen. */
export function svgSize(svg: SVGSVGElement): SvgSize {
  const box = (svg.getAttribute('viewBox') ?? '').trim().split(/[\s,]+/).map(Number);
  if (box.length === 4 && box.every(Number.isFinite) && box[2]! > 0 && box[3]! > 0) return { width: box[2]!, height: box[3]! };
  const width = Number.parseFloat(svg.getAttribute('width') ?? '');
  const height = Number.parseFloat(svg.getAttribute('height') ?? '');
  if (width > 0 && height > 0) return { width, height };
  const rect = svg.getBoundingClientRect();
  return { width: Math.max(1, rect.width), height: Math.max(1, rect.height) };
}

/** The SVG as a standalone document (UTF-8 text), with the styles it is drawn with inlined. */
export function serializeSvg(svg: SVGSVGElement): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...svg.querySelectorAll('*')];
  const copies = [clone, ...clone.querySelectorAll('*')];
  const styleOf = new Map<Element, Record<string, string>>();

  originals.forEach((el, i) => {
    if (NOT_DRAWN.has(el.localName)) return;
    const computed = getComputedStyle(el);
    const parent = el === svg ? null : styleOf.get(el.parentElement!) ?? null;
    const values: Record<string, string> = {};
    const declarations: string[] = [];
    for (const [prop, initial] of Object.entries(INHERITED)) {
      const value = resolveVars(computed.getPropertyValue(prop), el);
      values[prop] = value || (parent?.[prop] ?? initial);
      if (value && value !== (parent ? parent[prop] : initial)) declarations.push(`${prop}: ${value}`);
    }
    for (const [prop, initial] of Object.entries(OWN)) {
      const value = resolveVars(computed.getPropertyValue(prop), el);
      if (value && value !== initial) declarations.push(`${prop}: ${value}`);
    }
    if (computed.getPropertyValue('display') === 'none') declarations.push('display: none');
    styleOf.set(el, values);
    if (declarations.length === 0) return;
    const copy = copies[i]! as SVGElement;
    // Set after the element's own inline style: the computed value is what was on screen. Through
    // the CSSOM, which the page's Content-Security-Policy allows (a style attribute it refuses).
    for (const d of declarations) {
      const colon = d.indexOf(':');
      copy.style.setProperty(d.slice(0, colon), d.slice(colon + 1).trim());
    }
  });

  const { width, height } = svgSize(svg);
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  if (!clone.hasAttribute('viewBox')) clone.setAttribute('viewBox', `0 0 ${width} ${height}`);
  clone.setAttributeNS(XMLNS_NS, 'xmlns', SVG_NS);

  // A CSS background does not paint in every SVG viewer: a rectangle does.
  const background = getComputedStyle(svg).getPropertyValue('background-color');
  if (background && !/^(transparent|rgba\(0, 0, 0, 0\))$/.test(background)) {
    const [x = 0, y = 0] = (svg.getAttribute('viewBox') ?? '').trim().split(/[\s,]+/).map(Number);
    const rect = clone.ownerDocument.createElementNS(SVG_NS, 'rect');
    for (const [k, v] of Object.entries({ x, y, width, height, fill: background })) rect.setAttribute(k, String(v));
    clone.insertBefore(rect, clone.firstChild);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}\n`;
}

/**
 * `var(--ink)` → the custom property's value on `el` (browsers resolve variables in computed
 * styles already; a value is resolved here only when one is left, as some DOMs do).
 */
export function resolveVars(value: string, el: Element): string {
  let out = value.trim();
  for (let depth = 0; depth < 8 && out.includes('var('); depth++) {
    out = out.replace(/var\(\s*(--[\w-]+)\s*(?:,\s*([^()]*))?\)/g, (_, name: string, fallback?: string) => {
      const v = getComputedStyle(el).getPropertyValue(name).trim();
      return v || (fallback ?? '').trim();
    });
  }
  return out;
}

/** Canvas limits of common browsers (a side of 16,384 px and an area of about 64 megapixels are safe everywhere). */
const MAX_SIDE_PX = 16_384;
const MAX_AREA_PX = 64e6;

/** `scale`, lowered if needed so the picture fits a canvas the browser can allocate. */
export function safeScale(size: SvgSize, scale: number): number {
  return Math.max(0.1, Math.min(scale, MAX_SIDE_PX / size.width, MAX_SIDE_PX / size.height, Math.sqrt(MAX_AREA_PX / (size.width * size.height))));
}

/** A bitmap drawn over the SVG, in the SVG's user units (the topology's canvas layer). */
export interface Overlay {
  source: CanvasImageSource;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface RasterOptions {
  scale?: number;
  /** Painted under everything; null leaves the PNG transparent. */
  background?: string | null;
  overlays?: readonly Overlay[];
}

export function svgToPngBlob(svg: SVGSVGElement, scale = 2): Promise<Blob> {
  return rasterize(serializeSvg(svg), svgSize(svg), { scale });
}

/** Draws standalone SVG text (and any overlays) onto a canvas, as a PNG. Browser only. */
export async function rasterize(svgText: string, size: SvgSize, { scale = 2, background = '#ffffff', overlays = [] }: RasterOptions = {}): Promise<Blob> {
  const s = safeScale(size, scale);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(size.width * s);
  canvas.height = Math.round(size.height * s);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('this browser cannot draw on a canvas');
  if (background) {
    ctx.fillStyle = background;
    ctx.fillRect(0, 0, canvas.width, canvas.height);
  }
  ctx.drawImage(await loadSvgImage(svgText), 0, 0, canvas.width, canvas.height);
  for (const o of overlays) ctx.drawImage(o.source, o.x * s, o.y * s, o.width * s, o.height * s);
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the picture is too large to encode'))), 'image/png'));
}

function loadSvgImage(svgText: string): Promise<HTMLImageElement> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml;charset=utf-8' }));
  const img = new Image();
  return new Promise<HTMLImageElement>((resolve, reject) => {
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('the browser could not draw the SVG'));
    img.src = url;
  }).finally(() => URL.revokeObjectURL(url));
}
