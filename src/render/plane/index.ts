import * as d3 from 'd3';
import './plane.css';
import type { EndedRequestView, Frame, RequestView } from '../../worker/frame';
import { functionColor, OUTCOME_STYLE } from '../palette';
import { getLang } from '../../i18n';
import { CONTROL_PLANE, PLANE_H, PLANE_W, placeEnded, placeRequest, stationLabelLines, STATIONS, workerBoxes, WORKERS_W, WORKERS_X, type HostBoxOf, type SandboxIndex } from './layout';
import { formatStationCount, planeText, requestTitle, workerBoxLabel } from './text';
import { drawAppStations, placeAppEnded, placeAppRequest } from './stations';

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
}

type Sel<E extends d3.BaseType> = d3.Selection<E, null, null, undefined>;

/**
 * The plane view: the path of an invocation through the data plane, left to right, each
 * request a token at the pace of the simulation; the control plane greyed above, apart.
 */
export function renderPlane(svg: SVGSVGElement, frame: Frame, opts: PlaneOptions): void {
  const root = d3.select(svg).attr('viewBox', `0 0 ${PLANE_W} ${PLANE_H}`).attr('role', 'group').attr('aria-label', planeText().aria);
  const layer = (name: string) =>
    root
      .selectAll<SVGGElement, null>(`g.${name}`)
      .data([null])
      .join('g')
      .attr('class', name) as unknown as Sel<SVGGElement>;
  const statics = layer('statics');
  // The fixed drawing is made once per language.
  const lang = getLang();
  if (statics.attr('data-lang') !== lang) {
    statics.selectAll('*').remove();
    drawStatics(statics.attr('data-lang', lang));
  }
  const boxes = workerBoxes(frame.hosts.length);
  const hostBox = (host: number) => boxes.find((b) => host >= b.first && host <= b.last)!;
  drawWorkers(layer('workers'), frame, boxes, opts);
  // Above the worker boxes, which the short arrows into them would otherwise hide them under.
  const labels = layer('arrow-labels');
  if (labels.attr('data-lang') !== lang) {
    labels.selectAll('*').remove();
    drawArrowLabels(labels.attr('data-lang', lang));
  }
  drawCounts(layer('counts'), frame);
  drawAppStations(layer('app-stations'), frame, lang);
  const sandboxes = new Map(frame.sandboxes.map((sb) => [sb.id, sb]));
  const shown = opts.tokens === false ? { ...frame, requests: [], recentlyEnded: [] } : frame;
  drawEnded(layer('ended'), shown, opts, hostBox, sandboxes);
  drawTokens(layer('tokens'), shown, opts, hostBox, sandboxes);
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
  g.selectAll('text.workers-title')
    .data([null])
    .join('text')
    .attr('class', 'workers-title')
    .attr('x', WORKERS_X + WORKERS_W / 2)
    .attr('y', 70)
    .text(planeText().workers);
  const running = new Map<number, number>();
  for (const sb of frame.sandboxes) if (sb.state === 'invoking') running.set(sb.host, (running.get(sb.host) ?? 0) + 1);
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
    .classed('selected', (b) => opts.selected?.kind === 'host' && opts.selected.id >= b.first && opts.selected.id <= b.last)
    .on('click', (_, b) => opts.onSelect({ kind: 'host', id: b.first }));
  sel.select('rect').attr('width', (b) => b.w).attr('height', (b) => b.h);
  sel
    .select('text.worker-label')
    .attr('y', (b) => Math.min(b.h / 2 + 5, 18))
    .text((b) => {
      let n = 0;
      for (let h = b.first; h <= b.last; h++) n += running.get(h) ?? 0;
      return workerBoxLabel(b.first, b.last, n);
    });
}

function drawCounts(g: Sel<SVGGElement>, frame: Frame): void {
  const data = STATIONS.filter((s) => s.states.length > 0).map((s) => ({ s, n: s.states.reduce((acc, st) => acc + (frame.counts.request[st] ?? 0), 0) }));
  const throttle = STATIONS.find((s) => s.id === 'throttle')!;
  data.push({ s: { ...throttle, y: throttle.y + 6 }, n: frame.summary.throttled });
  g.selectAll<SVGTextElement, (typeof data)[number]>('text.station-count')
    .data(data, (d) => d.s.id)
    .join('text')
    .attr('class', 'station-count')
    .attr('x', (d) => d.s.x + d.s.w - 6)
    .attr('y', (d) => d.s.y + d.s.h - 7)
    .text((d) => (d.n > 0 ? formatStationCount(d.n) : ''));
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
  g.classed('animate', opts.animate);
  const selectedId = opts.selected?.kind === 'request' ? opts.selected.id : -1;
  const lang = getLang();
  g.selectAll<SVGGElement, RequestView>('g.token')
    .data(frame.requests, (r) => r.id)
    .join((enter) =>
      enter.append('g').attr('class', 'token').call((e) => {
        e.append('circle').attr('class', 'ring').attr('r', 9);
        e.append('circle').attr('class', 'dot').attr('r', 6).attr('fill', (r) => functionColor(r.fn));
        e.append('title');
      }),
    )
    .each(function (r) {
      const node = this as SVGGElement & Drawn;
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
    });
}

function drawEnded(g: Sel<SVGGElement>, frame: Frame, opts: PlaneOptions, hostBox: HostBoxOf, sandboxes: SandboxIndex): void {
  const recent = frame.recentlyEnded.filter((e) => frame.t - e.endedAt <= opts.trailMs);
  g.selectAll<SVGGElement, EndedRequestView>('g.ended')
    .data(recent, (e) => e.id)
    .join((enter) =>
      enter
        .append('g')
        .attr('class', 'ended')
        .attr('data-outcome', (e) => e.outcome)
        .call((e) => {
          e.append('circle').attr('r', 8).attr('fill', (d) => OUTCOME_STYLE[d.outcome].color);
          e.append('text').attr('class', 'outcome-symbol').attr('y', 4).text((d) => OUTCOME_STYLE[d.outcome].symbol);
        })
        .each(function (e) {
          const p = placeAppEnded(e) ?? placeEnded(e, hostBox, sandboxes);
          (this as SVGGElement).style.transform = `translate(${p.x.toFixed(1)}px,${p.y.toFixed(1)}px)`;
        }),
    )
    .each(function (e) {
      // Fading is the only change while it stays; a tenth of a step is as fine as the eye sees.
      const node = this as SVGGElement & Drawn;
      const opacity = (1 - Math.min(0.8, (frame.t - e.endedAt) / Math.max(1, opts.trailMs))).toFixed(1);
      if (node.__look !== opacity) {
        node.style.opacity = opacity;
        node.__look = opacity;
      }
    });
}
