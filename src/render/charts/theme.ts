/**
 * Type sizes and neutral colours shared by every chart. Sizes are for a laptop at arm's
 * length and for a projector at the back of a room: nothing under 12 px, data lines at least
 * 2 px. Text stays dark whatever the series colour (orange text on white fails contrast).
 */
export const THEME = {
  font: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
  titleSize: 15,
  subtitleSize: 13,
  legendSize: 13,
  labelSize: 13,
  tickSize: 12,
  text: '#1b1f24',
  muted: '#4a525c',
  grid: '#e3e6ea',
  future: '#f1f2f4',
  background: '#ffffff',
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
