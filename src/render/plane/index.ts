import * as d3 from 'd3';
import './plane.css';
import type { EndedRequestView, Frame, RequestView } from '../../worker/frame';
import { functionColor, OUTCOME_STYLE } from '../palette';
import { getLang } from '../../i18n';
import { CONTROL_PLANE, PLANE_H, PLANE_W, placeEnded, placeRequest, stationLabelLines, STATIONS, TOKEN_DOT_R, workerBoxes, workerLabelBaseline, WORKERS_W, WORKERS_X, type HostBoxOf, type SandboxIndex } from './layout';
import { formatStationCount, planeText, requestTitle, workerBoxLabel } from './text';
import { setTextIfChanged } from '../dom';
import { keyedJoin, svgElement } from './join';
import { drawAppStations, placeAppEnded, placeAppRequest } from './stations';
import { clearTokenCanvas, drawTokensOnCanvas, PLANE_CANVAS_THRESHOLD, type PlaneBox } from './canvas';

export interface PlaneOptions {
  /** How long (simulated ms) an ended request stays visible as it leaves. */
  trailMs: number;
  animate: boolean;
  /**
   * Draw each request as a token. Off in fast forward (1,000× and up, playing): a request
   * crosses the plane in a few microseconds of wall time, and the stations' counts say it all.
   */
  tokens?: boolean;
  selected: { kind: string; id: number } | null;
  onSelect: (s: { kind: 'request' | 'host'; id: number }) => void;
  /** Playing: above PLANE_CANVAS_THRESHOLD requests in flight, tokens go on `canvas` (if given). */
  playing?: boolean;
  /** The canvas over the SVG, at the SVG's size in CSS pixels. */
  canvas?: { element: HTMLCanvasElement; box: PlaneBox } | null;
}

type Sel<E extends d3.BaseType> = d3.Selection<E, null, null, undefined>;

/**
 * The plane view: the path of an invocation through the data plane, left to right, each
 * request a token at the pace of the simulation; the control plane greyed above, apart.
 */
export function renderPlane(svg: SVGSVGElement, frame: Frame, opts: PlaneOptions): void {
  const lang = getLang();
  const layers = layersOf(svg);
  // The fixed drawing (and the view's name) is made once per language.
  if (layers.statics.attr('data-lang') !== lang) {
    d3.select(svg).attr('viewBox', `0 0 ${PLANE_W} ${PLANE_H}`).attr('role', 'group').attr('aria-label', planeText().aria);
    layers.statics.selectAll('*').remove();
    drawStatics(layers.statics.attr('data-lang', lang));
    layers.labels.selectAll('*').remove();
    drawArrowLabels(layers.labels.attr('data-lang', lang));
  }
  const boxes = workerBoxes(frame.hosts.length);
  const hostBox = (host: number) => boxes.find((b) => host >= b.first && host <= b.last)!;
  drawWorkers(layers.workers, frame, boxes, opts);
  drawCounts(layers.counts, frame);
  drawAppStations(layers.appStations, frame, lang);
  const shown = opts.tokens === false ? { ...frame, requests: [], recentlyEnded: [] } : frame;
  // Token places need sandboxes by id: a binary search of the frame's (the worker sends them in
  // id order), rather than a Map of thousands built on every frame for a few hundred tokens.
  const all = frame.sandboxes;
  const sandboxes: SandboxIndex = {
    get: (id: number) => {
      let lo = 0;
      let hi = all.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const v = all[mid]!.id;
        if (v === id) return all[mid];
        if (v < id) lo = mid + 1;
        else hi = mid - 1;
      }
      return undefined; // gone (an ended request's sandbox may have been reclaimed since)
    },
  };
  const onCanvas = !!opts.canvas && !!opts.playing && shown.requests.length > PLANE_CANVAS_THRESHOLD;
  if (onCanvas) {
    // Emptied in one operation each, then drawn as pixels.
    drawEnded(layers.ended, { ...shown, recentlyEnded: [] }, opts, hostBox, sandboxes);
    drawTokens(layers.tokens, { ...shown, requests: [] }, opts, hostBox, sandboxes);
    const tokens = shown.requests.map((r) => ({ r, p: placeAppRequest(r) ?? placeRequest(r, frame, hostBox, sandboxes) }));
    const ended = recentEnded(shown, opts).map((e) => ({ e, ...(placeAppEnded(e) ?? placeEnded(e, hostBox, sandboxes)), opacity: Number(endedOpacity(e, frame, opts)) }));
    drawTokensOnCanvas(opts.canvas!.element, opts.canvas!.box, tokens, ended, opts.selected?.kind === 'request' ? opts.selected.id : null);
  } else {
    if (opts.canvas) clearTokenCanvas(opts.canvas.element);
    drawEnded(layers.ended, shown, opts, hostBox, sandboxes);
    drawTokens(layers.tokens, shown, opts, hostBox, sandboxes);
  }
}

/** The view's layers, bottom to top, made once per SVG element (not looked up on every frame). */
const LAYERS = ['statics', 'workers', 'labels', 'counts', 'appStations', 'ended', 'tokens'] as const;
type Layers = Record<(typeof LAYERS)[number], Sel<SVGGElement>>;
const layerCache = new WeakMap<SVGSVGElement, Layers>();
/** Class names kept from before, which tests and CSS use. */
const LAYER_CLASS: Record<(typeof LAYERS)[number], string> = { statics: 'statics', workers: 'workers', labels: 'arrow-labels', counts: 'counts', appStations: 'app-stations', ended: 'ended', tokens: 'tokens' };
function layersOf(svg: SVGSVGElement): Layers {
  let layers = layerCache.get(svg);
  if (!layers) {
    // Above the worker boxes, which the short arrows into them would otherwise hide, come the arrows' labels.
    const root = d3.select(svg);
    layers = Object.fromEntries(LAYERS.map((name) => [name, root.append('g').attr('class', LAYER_CLASS[name]) as unknown as Sel<SVGGElement>])) as Layers;
    layerCache.set(svg, layers);
  }
  return layers;
}

function drawStatics(g: Sel<SVGGElement>): void {
  const text = planeText();
  const cp = g.append('g').attr('class', 'control-plane');
  cp.append('rect').attr('x', CONTROL_PLANE.x).attr('y', CONTROL_PLANE.y).attr('width', CONTROL_PLANE.w).attr('height', CONTROL_PLANE.h).attr('rx', 8);
  cp.append('text').attr('class', 'cp-title').attr('x', CONTROL_PLANE.x + 12).attr('y', CONTROL_PLANE.y + 21).text(text.controlPlane);
  cp.append('text')
    .attr('class', 'cp-text')
    .attr('x', CONTROL_PLANE.x + 12)
    .attr('y', CONTROL_PLANE.y + 40)
    .text(text.controlPlaneText);
  const fe = STATIONS.find((s) => s.id === 'frontend')!;
  cp.append('line').attr('class', 'cp-link').attr('x1', fe.x + fe.w / 2).attr('x2', fe.x + fe.w / 2).attr('y1', CONTROL_PLANE.y + CONTROL_PLANE.h).attr('y2', fe.y);
  cp.append('text').attr('class', 'cp-link-label').attr('x', fe.x + fe.w / 2 + 6).attr('y', fe.y - 12).text(text.metadata);

  // The main path: arrows between consecutive stations.
  const path = ['callers', 'lb', 'frontend', 'counting', 'wm'].map((id) => STATIONS.find((s) => s.id === id)!);
  const defs = g.append('defs');
  defs
    .append('marker')
    .attr('id', 'plane-arrow')
    .attr('viewBox', '0 0 10 10')
    .attr('refX', 9)
    .attr('refY', 5)
    .attr('markerWidth', 7)
    .attr('markerHeight', 7)
    .attr('orient', 'auto-start-reverse')
    .append('path')
    .attr('d', 'M0,0 L10,5 L0,10 z');
  // One mark per outcome (its colour and its symbol, so it reads without colour), used by every ended request.
  for (const [outcome, style] of Object.entries(OUTCOME_STYLE)) {
    const mark = defs.append('g').attr('id', `plane-ended-${outcome}`).attr('class', 'ended-mark');
    mark.append('circle').attr('r', 8).attr('fill', style.color);
    mark.append('text').attr('class', 'outcome-symbol').attr('y', 4).text(style.symbol);
  }
  const arrow = (x1: number, y1: number, x2: number, y2: number, cls = 'flow') =>
    g.append('line').attr('class', cls).attr('x1', x1).attr('y1', y1).attr('x2', x2).attr('y2', y2).attr('marker-end', 'url(#plane-arrow)');
  for (let i = 0; i + 1 < path.length; i++) {
    const a = path[i]!;
    const b = path[i + 1]!;
    arrow(a.x + a.w, a.y + a.h / 2, b.x - 2, b.y + b.h / 2);
  }
  const wm = STATIONS.find((s) => s.id === 'wm')!;
  const pl = STATIONS.find((s) => s.id === 'placement')!;
  const cs = STATIONS.find((s) => s.id === 'counting')!;
  const q = STATIONS.find((s) => s.id === 'queue')!;
  const th = STATIONS.find((s) => s.id === 'throttle')!;
  arrow(wm.x + wm.w, wm.y + wm.h / 2, WORKERS_X - 4, wm.y + wm.h / 2);
  arrow(wm.x + wm.w / 2 - 12, wm.y + wm.h, pl.x + pl.w / 2 - 12, pl.y - 2);
  arrow(pl.x + pl.w / 2 + 12, pl.y, wm.x + wm.w / 2 + 12, wm.y + wm.h + 2);
  arrow(pl.x + pl.w, pl.y + pl.h / 2, WORKERS_X - 4, pl.y + pl.h / 2);
  arrow(cs.x + cs.w / 2, cs.y + cs.h, q.x + q.w / 2, q.y - 2, 'flow async');
  arrow(cs.x + 10, cs.y + cs.h, th.x + th.w - 10, th.y - 2, 'flow throttle');

  const st = g
    .selectAll('g.station')
    .data(STATIONS.filter((s) => s.id !== 'throttle'))
    .join('g')
    .attr('class', (s) => `station station-${s.id}`)
    .attr('transform', (s) => `translate(${s.x},${s.y})`);
  st.append('rect').attr('width', (s) => s.w).attr('height', (s) => s.h).attr('rx', 8);
  // Long names (« Répartiteur de charge ») take two lines, centred on the same point.
  st.append('text')
    .attr('class', 'station-label')
    .selectAll('tspan')
    .data((s) => stationLabelLines(s).map((line, i, all) => ({ line, x: s.w / 2, y: s.h / 2 - 4 + (i - (all.length - 1) / 2) * 15 })))
    .join('tspan')
    .attr('x', (d) => d.x)
    .attr('y', (d) => d.y)
    .text((d) => d.line);
  const sink = g.append('g').attr('class', 'station station-throttle').attr('transform', `translate(${th.x},${th.y})`);
  sink.append('rect').attr('width', th.w).attr('height', th.h).attr('rx', 8);
  sink.append('text').attr('class', 'station-label').attr('x', th.w / 2).attr('y', 25).text(`${OUTCOME_STYLE.throttled.symbol} ${th.label}`);
}

function drawArrowLabels(g: Sel<SVGGElement>): void {
  const text = planeText();
  const wm = STATIONS.find((s) => s.id === 'wm')!;
  const pl = STATIONS.find((s) => s.id === 'placement')!;
  g.append('text').attr('class', 'arrow-label').attr('x', wm.x + wm.w + 4).attr('y', wm.y + wm.h / 2 - 6).text(text.warm);
  g.append('text').attr('class', 'arrow-label').attr('x', pl.x + pl.w + 4).attr('y', pl.y + pl.h / 2 + 16).text(text.coldNew);
}

function drawWorkers(g: Sel<SVGGElement>, frame: Frame, boxes: ReturnType<typeof workerBoxes>, opts: PlaneOptions): void {
  // Invoking sandboxes per host (host ids are 0..n-1): an array, not a Map, for 10,000 sandboxes a frame.
  const running = new Array<number>(frame.hosts.length).fill(0);
  const sbs = frame.sandboxes;
  for (let i = 0; i < sbs.length; i++) if (sbs[i]!.state === 'invoking') running[sbs[i]!.host]!++;
  const counts = boxes.map((b) => {
    let n = 0;
    for (let h = b.first; h <= b.last; h++) n += running[h] ?? 0;
    return n;
  });
  const selected = opts.selected?.kind === 'host' ? opts.selected.id : -1;
  const node = g.node() as SVGGElement & Drawn & { __counts?: number[] };
  // Most frames change only some running counts: then only those labels are translated and
  // rewritten.
  const key = `${getLang()}|${selected}|${boxes.map((b) => `${b.first}-${b.last}`).join(',')}`;
  const was = node.__counts;
  node.__counts = counts;
  if (node.__look === key && was) {
    g.selectAll<SVGTextElement, unknown>('text.worker-label').each(function (_, i) {
      if (counts[i] !== was[i]) setTextIfChanged(this, workerBoxLabel(boxes[i]!.first, boxes[i]!.last, counts[i]!));
    });
    return;
  }
  const labels = boxes.map((b, i) => workerBoxLabel(b.first, b.last, counts[i]!));
  node.__look = key;
  g.selectAll('text.workers-title')
    .data([null])
    .join('text')
    .attr('class', 'workers-title')
    .attr('x', WORKERS_X + WORKERS_W / 2)
    .attr('y', 70)
    .text(planeText().workers);
  const sel = g
    .selectAll<SVGGElement, (typeof boxes)[number]>('g.worker')
    .data(boxes, (b) => `${b.first}-${b.last}`)
    .join((enter) => {
      const e = enter.append('g').attr('class', 'worker');
      e.append('rect').attr('rx', 6);
      e.append('text').attr('class', 'worker-label').attr('x', 8);
      return e;
    })
    .attr('transform', (b) => `translate(${b.x},${b.y})`)
    .classed('selected', (b) => selected >= b.first && selected <= b.last)
    .on('click', (_, b) => opts.onSelect({ kind: 'host', id: b.first }));
  sel.select('rect').attr('width', (b) => b.w).attr('height', (b) => b.h);
  sel
    .select('text.worker-label')
    .attr('y', (b) => workerLabelBaseline(b.h))
    .text((_, i) => labels[i]!);
}

function drawCounts(g: Sel<SVGGElement>, frame: Frame): void {
  const data = STATIONS.filter((s) => s.states.length > 0).map((s) => ({ s, n: s.states.reduce((acc, st) => acc + (frame.counts.request[st] ?? 0), 0), dy: 0 }));
  // The throttle's count sits a little lower (not a copy of the station: its label is a getter that translates).
  data.push({ s: STATIONS.find((s) => s.id === 'throttle')!, n: frame.summary.throttled, dy: 6 });
  // Counts change a few times a second at most stations: no join when none did.
  const node = g.node() as SVGGElement & Drawn;
  const look = `${getLang()}|${data.map((d) => d.n).join(",")}`;
  if (node.__look === look) return;
  node.__look = look;
  g.selectAll<SVGTextElement, (typeof data)[number]>('text.station-count')
    .data(data, (d) => d.s.id)
    .join((enter) =>
      enter
        .append('text')
        .attr('class', 'station-count')
        .attr('x', (d) => d.s.x + d.s.w - 6)
        .attr('y', (d) => d.s.y + d.dy + d.s.h - 7),
    )
    .each(function (d) {
      setTextIfChanged(this, d.n > 0 ? formatStationCount(d.n) : '');
    });
}

/** What a token or an ended request last showed: attributes are written only when it changes. */
interface Drawn {
  __place?: string;
  __look?: string;
}

/** The token group under a click (one listener for all tokens, not one per token per frame). */
function delegateClicks(g: Sel<SVGGElement>, opts: PlaneOptions): void {
  g.on('click', (ev: MouseEvent) => {
    const node = (ev.target as Element).closest('g.token');
    if (!node) return;
    ev.stopPropagation();
    opts.onSelect({ kind: 'request', id: (d3.select(node).datum() as RequestView).id });
  });
}

/**
 * Request tokens. Up to MAX_REQUESTS_IN_FRAME of them change every frame, so each writes
 * only what changed since the last frame, and moves by a CSS transition of its transform
 * (the compositor's work, not a script timer per token); with reduced motion it jumps.
 */
function drawTokens(g: Sel<SVGGElement>, frame: Frame, opts: PlaneOptions, hostBox: HostBoxOf, sandboxes: SandboxIndex): void {
  delegateClicks(g, opts);
  g.node()!.classList.toggle('animate', opts.animate); // not d3's classed: see src/render/dom.ts
  const selectedId = opts.selected?.kind === 'request' ? opts.selected.id : -1;
  const lang = getLang();
  keyedJoin<RequestView, SVGGElement & Drawn>(
    g.node()!,
    frame.requests,
    (r) => {
      const node = svgElement('g', { class: 'token' });
      node.append(svgElement('circle', { class: 'ring', r: 9 }), svgElement('circle', { class: 'dot', r: TOKEN_DOT_R, fill: functionColor(r.fn) }), svgElement('title', {}));
      return node;
    },
    (node, r) => {
      const p = placeAppRequest(r) ?? placeRequest(r, frame, hostBox, sandboxes);
      const place = `translate(${p.x.toFixed(1)}px,${p.y.toFixed(1)}px)`;
      if (node.__place !== place) {
        node.style.transform = place;
        node.__place = place;
      }
      const look = `${r.state}|${r.cold}|${p.waiting}|${r.id === selectedId}|${lang}`;
      if (node.__look === look) return;
      node.__look = look;
      node.setAttribute('data-state', r.state);
      node.classList.toggle('selected', r.id === selectedId);
      (node.firstChild as SVGCircleElement).setAttribute('class', p.waiting ? 'ring waiting' : 'ring');
      (node.lastChild as SVGTitleElement).textContent = requestTitle(r, frame);
    },
  );
}

/**
 * Ended requests fading out where they ended. At most MAX_ENDED of them (the latest): past
 * that the trail is a blur, and each one is an element the page must style every frame.
 * Each is one <use> of its outcome's mark, drawn once in the defs (colour and symbol).
 */
const MAX_ENDED = 120;
/** The ended requests still fading, the latest MAX_ENDED. */
function recentEnded(frame: Frame, opts: PlaneOptions): EndedRequestView[] {
  const recent = frame.recentlyEnded.filter((e) => frame.t - e.endedAt <= opts.trailMs);
  return recent.length > MAX_ENDED ? recent.slice(recent.length - MAX_ENDED) : recent;
}
/** Fading is the only change while it stays; a tenth of a step is as fine as the eye sees. */
const endedOpacity = (e: EndedRequestView, frame: Frame, opts: PlaneOptions) => (1 - Math.min(0.8, (frame.t - e.endedAt) / Math.max(1, opts.trailMs))).toFixed(1);

function drawEnded(g: Sel<SVGGElement>, frame: Frame, opts: PlaneOptions, hostBox: HostBoxOf, sandboxes: SandboxIndex): void {
  keyedJoin<EndedRequestView, SVGUseElement & Drawn>(
    g.node()!,
    recentEnded(frame, opts),
    (e) => {
      const node = svgElement('use', { class: 'ended', 'data-outcome': e.outcome, href: `#plane-ended-${e.outcome}` });
      const p = placeAppEnded(e) ?? placeEnded(e, hostBox, sandboxes);
      node.style.transform = `translate(${p.x.toFixed(1)}px,${p.y.toFixed(1)}px)`;
      return node;
    },
    (node, e) => {
      const opacity = endedOpacity(e, frame, opts);
      if (node.__look !== opacity) {
        node.style.opacity = opacity;
        node.__look = opacity;
      }
    },
  );
}
