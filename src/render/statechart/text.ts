import { format } from '../locale';

/**
 * Text metrics for the statechart. States and events are code names (`bootingRuntime`,
 * `INIT_DONE_FOR_REQUEST`) and are set in a monospace font: it tells students "this is the
 * code", and every glyph is 0.6 em wide in the common monospace faces (Menlo, DejaVu Sans Mono,
 * Liberation Mono; Consolas is narrower), so the layout can size boxes and place labels without
 * measuring the DOM, which jsdom cannot do and which would make the layout depend on the page.
 */
export const MONO_FONT = "ui-monospace, 'SFMono-Regular', Menlo, 'DejaVu Sans Mono', 'Liberation Mono', Consolas, monospace";

const MONO_EM = 0.6;

export function textWidth(text: string, fontPx: number): number {
  return [...text].length * fontPx * MONO_EM;
}

/**
 * A count short enough for a badge: exact up to 999, then two significant digits (`1.2k`,
 * `45k`, `1.3M`; `1,2k` in French). The screen-reader list beside the diagram keeps the exact numbers.
 */
export function formatCount(n: number): string {
  return n < 1000 ? String(n) : format('.2~s')(n);
}

/** The widest badge text the layout leaves room for (`999`, `1.2k`, `120k`). */
export const COUNT_CHARS = 4;
