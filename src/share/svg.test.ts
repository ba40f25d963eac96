// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { safeScale, serializeSvg, svgSize } from './svg';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An SVG styled the way the app styles its views: classes, a page stylesheet, CSS variables. */
function styledSvg(): SVGSVGElement {
  document.head.innerHTML = `<style>
    :root { --ink-soft: #4a525c; --line: #c9ced4; }
    .topology .host-box { fill: #f7f8fa; stroke: var(--line); stroke-width: 1.5; }
    .topology .guest-label { font-size: 11px; fill: var(--ink-soft); }
    .topology .glyph { text-anchor: middle; dominant-baseline: central; font-weight: 700; }
    .topology .gone { display: none; }
  </style>`;
  document.body.innerHTML = `<div class="topology-stage" style="width: 300px">
    <svg class="topology" viewBox="0 0 640 320" style="max-width: 100%; background: #ffffff">
      <defs><pattern id="hatch-fn-0" width="6" height="6"><rect class="stripe" width="3" height="6" fill="#0072B2"/></pattern></defs>
      <g class="host"><rect class="host-box" width="100" height="50"/><title>Worker 0</title>
        <text class="guest-label">acme</text>
        <g class="sandbox" style="opacity: 0.5"><rect class="cell" fill="url(#hatch-fn-0)" stroke="#0072B2"/><text class="glyph">▶</text></g>
        <rect class="gone" width="5" height="5"/>
      </g>
    </svg></div>`;
  return document.querySelector('svg')!;
}

afterEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

/** The exported text, parsed back as a standalone SVG document (as a viewer would). */
function standalone(text: string): Document {
  const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
  expect(doc.querySelector('parsererror')).toBeNull();
  return doc;
}

/** `prop: <colour>`, in hex or in the rgb() form DOMs normalize colours to. */
const colour = (prop: string, hex: string) => {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
  return new RegExp(`${prop}: (${hex}|rgb\\(${r}, ${g}, ${b}\\))`, 'i');
};
const styleOf = (doc: Document, selector: string) => doc.querySelector(selector)?.getAttribute('style') ?? '';

describe('an exported SVG looks as it did on the page', () => {
  it('is a standalone SVG document with its size made explicit from the viewBox', () => {
    const doc = standalone(serializeSvg(styledSvg()));
    const root = doc.documentElement;
    expect(root.namespaceURI).toBe(SVG_NS);
    expect(root.getAttribute('width')).toBe('640');
    expect(root.getAttribute('height')).toBe('320');
    expect(root.getAttribute('viewBox')).toBe('0 0 640 320');
  });

  it("carries the page stylesheet's styles, CSS variables resolved", () => {
    const doc = standalone(serializeSvg(styledSvg()));
    expect(styleOf(doc, '.host-box')).toMatch(colour('fill', '#f7f8fa'));
    expect(styleOf(doc, '.host-box')).toMatch(colour('stroke', '#c9ced4'));
    expect(styleOf(doc, '.host-box')).toContain('stroke-width: 1.5');
    expect(styleOf(doc, '.guest-label')).toMatch(colour('fill', '#4a525c'));
    expect(styleOf(doc, '.guest-label')).toContain('font-size: 11px');
    expect(styleOf(doc, '.glyph')).toMatch(/text-anchor: middle.*font-weight: 700|font-weight: 700.*text-anchor: middle/);
    expect(styleOf(doc, '.glyph')).toContain('dominant-baseline: central');
    expect(doc.documentElement.outerHTML).not.toContain('var(');
  });

  it('keeps what is drawn: patterns, attributes, opacity; hidden elements stay hidden', () => {
    const doc = standalone(serializeSvg(styledSvg()));
    expect(doc.querySelector('pattern#hatch-fn-0 rect')?.getAttribute('fill')).toBe('#0072B2');
    expect(doc.querySelector('.cell')?.getAttribute('fill')).toBe('url(#hatch-fn-0)');
    expect(styleOf(doc, '.sandbox')).toContain('opacity: 0.5');
    expect(styleOf(doc, '.gone')).toContain('display: none');
    expect(doc.querySelector('.glyph')?.textContent).toBe('▶');
  });

  it('paints the page background as a rectangle, which every viewer draws', () => {
    const first = standalone(serializeSvg(styledSvg())).documentElement.firstElementChild!;
    expect(first.localName).toBe('rect');
    expect(`fill: ${first.getAttribute('fill')}`).toMatch(colour('fill', '#ffffff'));
    expect(first.getAttribute('width')).toBe('640');
  });

  it('leaves the SVG on the page untouched', () => {
    const svg = styledSvg();
    const before = svg.outerHTML;
    serializeSvg(svg);
    expect(svg.outerHTML).toBe(before);
  });

  it('falls back to width and height when there is no viewBox', () => {
    const svg = document.createElementNS(SVG_NS, 'svg');
    svg.setAttribute('width', '200');
    svg.setAttribute('height', '80');
    document.body.append(svg);
    expect(svgSize(svg)).toEqual({ width: 200, height: 80 });
    expect(standalone(serializeSvg(svg)).documentElement.getAttribute('viewBox')).toBe('0 0 200 80');
  });
});

describe('the PNG scale', () => {
  it('is lowered for a picture too large for a canvas, and kept otherwise', () => {
    expect(safeScale({ width: 1300, height: 1100 }, 2)).toBe(2);
    const big = { width: 1400, height: 30_000 };
    const s = safeScale(big, 2);
    expect(big.height * s).toBeLessThanOrEqual(16_384);
    expect(big.width * s * big.height * s).toBeLessThanOrEqual(64e6);
  });
});
