import { i18n } from '../../i18n';
import type { Frame, RequestView } from '../../worker/frame';
import { format } from '../locale';
import { cachedText } from '../textCache';

/**
 * The plane view's words, in the interface's language: the control plane's note, the arrows'
 * labels, the workers and the requests' tooltips. Station names are in `layout.ts`
 * (`STATIONS[i].label`, `stationLabelLines`).
 */
export const planeText = () => {
  // Looked up once per language: the view asks on every frame.
  const lang = i18n.language;
  if (planeWords?.lang !== lang)
    planeWords = {
      lang,
      words: {
        aria: i18n.t('render.plane.title'),
        controlPlane: i18n.t('render.plane.controlPlane'),
        controlPlaneText: i18n.t('render.plane.controlPlaneText'),
        metadata: i18n.t('render.plane.metadata'),
        warm: i18n.t('render.plane.warm'),
        coldNew: i18n.t('render.plane.coldNew'),
        workers: i18n.t('render.plane.workers'),
      },
    };
  return planeWords.words;
};
let planeWords: { lang: string; words: Record<'aria' | 'controlPlane' | 'controlPlaneText' | 'metadata' | 'warm' | 'coldNew' | 'workers', string> } | undefined;

/** A worker box's label: "Worker 2 · 3 running", "Workers 0–4 · 12 running". */
export function workerBoxLabel(first: number, last: number, running: number): string {
  // Asked for every box on every frame; the counts change, the sentences rarely.
  return cachedText(`plane.box|${first}|${last}|${running}`, () => {
    const name = first === last ? i18n.t('render.plane.worker', { id: first }) : i18n.t('render.plane.workerRange', { first, last });
    return i18n.t('render.plane.running', { name, n: formatStationCount(running) });
  });
}

/** A request token's tooltip: "Request 12 of resize: running (cold start)". */
export function requestTitle(r: Pick<RequestView, 'id' | 'fn' | 'state' | 'cold'>, frame: Pick<Frame, 'functions'>): string {
  const fn = frame.functions[r.fn]!.name;
  // Hundreds of tokens change state every second: the sentence is made once per function, state
  // and language, with a mark where the id goes.
  const sentence = cachedText(`plane.request|${fn}|${r.state}|${r.cold}`, () => {
    const values = { id: ID_MARK, fn, state: r.state };
    return r.cold ? i18n.t('render.plane.requestCold', values) : i18n.t('render.plane.request', values);
  });
  return sentence.replace(ID_MARK, String(r.id));
}
const ID_MARK = '\u0001';

/** A station's live count, with the language's thousands separator ("1,234"; "1 234"). */
export const formatStationCount = (n: number): string => format(',.0f')(n);
