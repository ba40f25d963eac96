/**
 * Type sizes and neutral colours shared by every chart. Sizes are for a laptop at arm's
 * length and for a projector at the back of a room: nothing under 12 px, data lines at least
 * 2 px. Text stays dark whatever the series colour (orange text on white fails contrast).
 *
 * The neutral colours are the page theme's CSS custom properties (light, dark, high-contrast
 * presenter), set as SVG presentation attributes, which take `var()`; the value after the
 * comma is the light theme's, used where no theme is defined (a chart saved as a file, tests).
 * Being attributes, not inline styles, a theme's stylesheet can still override any of them.
 * Series colours stay the palette's (src/render/palette.ts), the same on every background.
 */
export const THEME = {
  font: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
  titleSize: 15,
  subtitleSize: 13,
  legendSize: 13,
  labelSize: 13,
  tickSize: 12,
  text: 'var(--fg, #1b1f24)',
  muted: 'var(--muted, #4a525c)',
  grid: 'var(--grid, #e3e6ea)',
  background: 'var(--panel-bg, #ffffff)',
  /** The "not simulated yet" wash: the text colour, faint, so it reads on a light or a dark ground. */
  future: 'var(--fg, #1b1f24)',
  futureOpacity: 0.06,
  lineWidth: 2.5,
} as const;

/**
 * A generous guess at a text's width, for layout without measuring (jsdom cannot measure, and
 * measuring would make the layout depend on the fonts installed). 0.55 em a character is about
 * a tenth wider than DejaVu Sans, one of the widest common sans-serif faces.
 */
export function textWidth(text: string, fontSize: number): number {
  return text.length * fontSize * 0.55;
}
