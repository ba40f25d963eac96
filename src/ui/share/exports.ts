import type { Lang, Localized } from '../../i18n/types';
import { checkScenario } from '../../sim/scenario';
import { chartsImage } from '../../share/chartsImage';
import { chartsCsv, latencyCsv } from '../../share/csv';
import { download, readScenarioFile, scenarioFileName, scenarioToBlob, slug } from '../../share/files';
import { encodeLink, MAX_LINK_CHARS } from '../../share/link';
import { rasterize, serializeSvg, svgSize, svgToPngBlob } from '../../share/svg';
import { latestFrame } from '../../store/latestFrame';
import { useScenarioDraft } from '../../store/scenarioDraft';
import { formatTime } from '../format';
import { currentSharedState, draftName, embedCode, shareUrl, type LessonPosition } from './sharedState';
import { T } from './texts';

/**
 * What each item of the share menu does. Every action answers with what to tell the user
 * (a polite status, an alert, or a field to copy from when the clipboard is refused) rather
 * than touching the interface itself, so the menu stays a thin view and these can be tested.
 */
export type Feedback =
  | { kind: 'status'; text: Localized }
  /** A problem; `draft` is a scenario the user may still open in the editor to fix it there. */
  | { kind: 'alert'; text: Localized; draft?: unknown }
  /** The clipboard was refused: show `value` in a selectable field labelled `label`. */
  | { kind: 'copyField'; text: Localized; label: Localized; value: string };

/** The subset of the Clipboard API used; absent on pages not served over HTTPS. */
export type ClipboardLike = Pick<Clipboard, 'writeText'> | undefined;

const browserClipboard = (): ClipboardLike => (typeof navigator !== 'undefined' ? navigator.clipboard : undefined);

async function copy(text: string, clipboard: ClipboardLike, done: Localized, label: Localized): Promise<Feedback> {
  try {
    if (!clipboard) throw new Error('no clipboard');
    await clipboard.writeText(text);
    return { kind: 'status', text: done };
  } catch {
    return { kind: 'copyField', text: T.clipboardRefused, label, value: text };
  }
}

export async function copyLink(lesson: LessonPosition | null, clipboard = browserClipboard(), href = location.href): Promise<Feedback> {
  const state = currentSharedState(lesson);
  const hash = encodeLink(state);
  if (hash.length > MAX_LINK_CHARS) return { kind: 'alert', text: T.linkTooLong };
  const done = checkScenario(state.scenario).ok ? T.linkCopied : T.linkCopiedWithProblems;
  return copy(shareUrl(href, hash), clipboard, done, T.linkField);
}

export async function copyEmbedCode(lesson: LessonPosition | null, clipboard = browserClipboard(), href = location.href): Promise<Feedback> {
  const state = currentSharedState(lesson);
  const hash = encodeLink(state);
  if (hash.length > MAX_LINK_CHARS) return { kind: 'alert', text: T.linkTooLong };
  return copy(embedCode(shareUrl(href, hash, true), draftName(state.scenario)), clipboard, T.embedCopied, T.embedField);
}

export function exportScenario(): Feedback {
  const { draft } = useScenarioDraft.getState();
  const file = scenarioFileName(draftName(draft));
  download(scenarioToBlob(draft), file);
  return { kind: 'status', text: checkScenario(draft).ok ? T.saved(file) : T.savedWithProblems(file) };
}

/** Reads a chosen file; only a valid scenario replaces the current one. */
export async function importScenario(file: File): Promise<Feedback> {
  const result = await readScenarioFile(file);
  if (!result.ok) return { kind: 'alert', text: result.message, ...(result.draft !== undefined && { draft: result.draft }) };
  useScenarioDraft.getState().replaceScenario(result.draft);
  return { kind: 'status', text: T.imported(file.name) };
}

/** `burst-charts-at-20s`: what, from which scenario, at which moment. */
function baseName(what: string): string | null {
  const frame = latestFrame.getState().frame;
  if (!frame) return null;
  return `${slug(frame.scenarioName) || 'scenario'}-${what}-at-${Math.floor(frame.t / 1000)}s`;
}

export async function exportChartsPng(lang: Lang): Promise<Feedback> {
  const frame = latestFrame.getState().frame;
  const name = baseName('charts');
  if (!frame || !name) return { kind: 'alert', text: T.noRun };
  const image = chartsImage(frame, T.chartsHeading(frame.scenarioName, formatTime(frame.t))[lang]);
  try {
    download(await svgToPngBlob(image.svg, 2), `${name}.png`);
    return { kind: 'status', text: T.saved(`${name}.png`) };
  } catch (e) {
    return { kind: 'alert', text: T.pictureFailed((e as Error).message) };
  } finally {
    image.dispose();
  }
}

export function exportChartsCsv(lang: Lang, which: 'series' | 'latency' = 'series'): Feedback {
  const frame = latestFrame.getState().frame;
  const name = baseName(which === 'series' ? 'charts-data' : 'latency-histogram');
  if (!frame || !name) return { kind: 'alert', text: T.noRun };
  const csv = which === 'series' ? chartsCsv(frame, lang) : latencyCsv(frame, lang);
  download(new Blob([csv], { type: 'text/csv;charset=utf-8' }), `${name}.csv`);
  return { kind: 'status', text: T.saved(`${name}.csv`) };
}

/** The topology view's drawing in the page: its SVG, and the canvas sandboxes are drawn on above 1,500 of them. */
function topologyElements(doc: Document): { svg: SVGSVGElement; canvas: HTMLCanvasElement | null } | null {
  const svg = doc.querySelector<SVGSVGElement>('.topology-stage svg.topology');
  return svg ? { svg, canvas: doc.querySelector<HTMLCanvasElement>('.topology-stage canvas.topology-canvas') } : null;
}

/**
 * SVG while sandboxes are SVG elements; PNG once they are pixels on a canvas (above 1,500),
 * since an SVG would silently lack every sandbox. Null when the view is not on screen.
 */
export function topologyFormat(doc: Document = document): 'svg' | 'png' | null {
  const found = topologyElements(doc);
  return found ? (found.canvas ? 'png' : 'svg') : null;
}

export async function exportTopology(doc: Document = document): Promise<Feedback> {
  const found = topologyElements(doc);
  const name = baseName('topology');
  if (!found || !name) return { kind: 'alert', text: found ? T.noRun : T.noTopology };
  const { svg, canvas } = found;
  if (!canvas) {
    download(new Blob([serializeSvg(svg)], { type: 'image/svg+xml' }), `${name}.svg`);
    return { kind: 'status', text: T.saved(`${name}.svg`) };
  }
  const size = svgSize(svg);
  try {
    // The canvas sits over the SVG at the SVG's size (see render/topology/canvas.ts).
    const blob = await rasterize(serializeSvg(svg), size, { scale: 2, overlays: [{ source: canvas, x: 0, y: 0, ...size }] });
    download(blob, `${name}.png`);
    return { kind: 'status', text: T.saved(`${name}.png`) };
  } catch (e) {
    return { kind: 'alert', text: T.pictureFailed((e as Error).message) };
  }
}
