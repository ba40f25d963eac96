import type * as d3 from 'd3';
import './stations.css';
import { i18n } from '../../i18n';
import { isAsyncTrigger } from '../../sim/triggers';
import type { EndedRequestView, Frame, RequestView } from '../../worker/frame';
import { OUTCOME_STYLE } from '../palette';
import { STATIONS, stationLabelLines } from './layout';
import { formatStationCount } from './text';
import { setTextIfChanged } from '../dom';

/**
 * The application side of the plane view (issue 6), drawn only for scenarios that use it: an
 * API gateway in front of the load balancer with its own 429 sink; an event source (bucket,
 * schedule, queue) feeding the data plane, the retry loop of the asynchronous queue and the
 * dead-letter queue; and the frontend's denials (resource policy). Same style as the stations
 * of layout.ts; drawn in the plane's free margins, so the main path does not move.
 */

type Sel<E extends d3.BaseType> = d3.Selection<E, null, null, undefined>;

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export const APP_BOXES = {
  gateway429: { x: 2, y: 6, w: 112, h: 46 },
  gateway: { x: 4, y: 72, w: 96, h: 50 },
  eventSource: { x: 2, y: 248, w: 104, h: 52 },
  deadLetter: { x: 116, y: 260, w: 124, h: 46 },
  denied: { x: 226, y: 74, w: 94, h: 42 },
} satisfies Record<string, Box>;

const st = (id: string) => STATIONS.find((s) => s.id === id)!;
const centre = (b: Box) => ({ x: b.x + b.w / 2, y: b.y + b.h / 2 });

/** Which parts a frame's scenario needs. */
export function appFeatures(frame: Pick<Frame, 'functions'>): { gateway: boolean; events: boolean; denied: boolean } {
  return {
    gateway: frame.functions.some((f) => f.trigger === 'api'),
    events: frame.functions.some((f) => f.trigger !== undefined && isAsyncTrigger(f.trigger)),
    denied: frame.functions.some((f) => !!f.resourcePolicy || !!f.role),
  };
}

const text = () => ({
  gateway: i18n.t('apps.plane.gateway'),
  gateway429: i18n.t('apps.plane.gateway429'),
  eventSource: i18n.t('apps.plane.eventSource'),
  deadLetter: i18n.t('apps.plane.deadLetter'),
  denied: i18n.t('apps.plane.denied'),
  retry: i18n.t('apps.plane.retry'),
});

/** The event sources' names under the "Event source" title: "s3:photos", "2 sources". */
function sourcesLine(frame: Pick<Frame, 'functions'>): string {
  const names = [...new Set(frame.functions.filter((f) => f.trigger !== undefined && isAsyncTrigger(f.trigger)).map((f) => f.source ?? ''))];
  const line = names.join(', ');
  return line.length <= 14 ? line : names.length === 1 ? `${line.slice(0, 13)}…` : i18n.t('apps.plane.sources', { n: names.length });
}

/** Draws the fixed part (once per language and scenario shape) and the live counts. */
export function drawAppStations(g: Sel<SVGGElement>, frame: Frame, lang: string): void {
  const f = appFeatures(frame);
  const key = `${lang}|${f.gateway}|${f.events}|${f.denied}|${f.events ? sourcesLine(frame) : ''}`;
  if (g.attr('data-key') !== key) {
    g.attr('data-key', key).selectAll('*').remove();
    drawStatics(g, frame, f);
  }
  const counts: { id: string; box: Box; n: number }[] = [];
  if (f.gateway) {
    counts.push({ id: 'gateway', box: APP_BOXES.gateway, n: frame.counts.request.atGateway ?? 0 });
    counts.push({ id: 'gateway429', box: APP_BOXES.gateway429, n: frame.summary.gatewayThrottled });
  }
  if (f.events) counts.push({ id: 'deadLetter', box: APP_BOXES.deadLetter, n: frame.summary.deadLettered });
  if (f.denied) counts.push({ id: 'denied', box: APP_BOXES.denied, n: frame.summary.denied });
  g.selectAll<SVGTextElement, (typeof counts)[number]>('text.station-count')
    .data(counts, (d) => d.id)
    .join((enter) =>
      enter
        .append('text')
        .attr('class', 'station-count')
        .attr('data-count', (d) => d.id)
        .attr('x', (d) => d.box.x + d.box.w - 6)
        .attr('y', (d) => d.box.y + d.box.h - 5),
    )
    .each(function (d) {
      setTextIfChanged(this, d.n > 0 ? formatStationCount(d.n) : '');
    });
}

function drawStatics(g: Sel<SVGGElement>, frame: Frame, f: ReturnType<typeof appFeatures>): void {
  const words = text();
  const arrow = (d: string, cls = 'flow') => g.append('path').attr('class', `${cls} app-flow`).attr('d', d).attr('marker-end', 'url(#plane-arrow)');
  /** A station: its name on as many lines as it needs, and an optional smaller line under it. */
  const box = (id: string, b: Box, name: string, sink: boolean, sub?: string) => {
    const s = g.append('g').attr('class', `station app-station station-${id}${sink ? ' app-sink' : ''}`).attr('transform', `translate(${b.x},${b.y})`);
    s.append('rect').attr('width', b.w).attr('height', b.h).attr('rx', 8);
    const lines = stationLabelLines({ label: name, w: b.w }).map((line) => ({ line, sub: false }));
    if (sub) lines.push({ line: sub, sub: true });
    const label = s.append('text').attr('class', 'station-label');
    lines.forEach(({ line, sub: small }, i) => {
      label
        .append('tspan')
        .attr('class', small ? 'app-subline' : null)
        .attr('x', b.w / 2)
        .attr('y', (sink ? b.h / 2 - 4 : b.h / 2 - 2) + (i - (lines.length - 1) / 2) * 14 + 4)
        .text(line);
    });
  };
  const lb = st('lb');
  const fe = st('frontend');
  const callers = st('callers');
  if (f.gateway) {
    const gw = APP_BOXES.gateway;
    const sink = APP_BOXES.gateway429;
    arrow(`M${callers.x + 42},${callers.y} L${gw.x + gw.w / 2},${gw.y + gw.h + 2}`);
    arrow(`M${gw.x + gw.w},${gw.y + gw.h / 2} L${lb.x + 36},${lb.y - 2}`);
    arrow(`M${gw.x + gw.w / 2},${gw.y} L${sink.x + sink.w / 2},${sink.y + sink.h + 2}`, 'flow throttle');
    box('gateway', gw, words.gateway, false);
    box('gateway429', sink, `${OUTCOME_STYLE.throttled.symbol} ${words.gateway429}`, true);
  }
  if (f.events) {
    const src = APP_BOXES.eventSource;
    const dl = APP_BOXES.deadLetter;
    const q = st('queue');
    const cs = st('counting');
    arrow(`M${src.x + src.w - 10},${src.y} L${lb.x + 30},${lb.y + lb.h + 2}`, 'flow async');
    // The retry loop: from the queue back to the counting service.
    arrow(`M${q.x + q.w - 14},${q.y} C${q.x + q.w + 12},${q.y - 12} ${q.x + q.w + 12},${cs.y + cs.h + 14} ${q.x + q.w - 14},${cs.y + cs.h + 2}`, 'flow async retry');
    g.append('text').attr('class', 'arrow-label').attr('x', q.x + q.w + 6).attr('y', (q.y + cs.y + cs.h) / 2 + 4).text(words.retry);
    // Given up: under the 429 sink, to the dead-letter queue.
    arrow(`M${q.x + 10},${q.y + q.h} Q${(q.x + dl.x + dl.w) / 2},${q.y + q.h + 32} ${dl.x + dl.w + 2},${dl.y + dl.h / 2 - 4}`, 'flow throttle');
    box('eventSource', src, words.eventSource, false, sourcesLine(frame));
    box('deadLetter', dl, `${OUTCOME_STYLE.failed.symbol} ${words.deadLetter}`, true);
  }
  if (f.denied) {
    const d = APP_BOXES.denied;
    arrow(`M${d.x + d.w / 2 + 12},${fe.y} L${d.x + d.w / 2 + 12},${d.y + d.h + 2}`, 'flow throttle');
    box('denied', d, `${OUTCOME_STYLE.throttled.symbol} ${words.denied}`, true);
  }
}

/** A small, stable offset, as layout.ts gives tokens at a station. */
function jitter(id: number, radius: number) {
  const angle = id * 2.399963;
  const r = radius * Math.sqrt(((id * 0.618034) % 1) + 0.05);
  return { x: Math.cos(angle) * r, y: Math.sin(angle) * r * 0.6 };
}

/** Where a request in one of this module's states is (null: layout.ts places it). */
export function placeAppRequest(r: Pick<RequestView, 'id' | 'state'>): { x: number; y: number; waiting: boolean } | null {
  const j = jitter(r.id, 12);
  if (r.state === 'atGateway') {
    const c = centre(APP_BOXES.gateway);
    return { x: c.x + j.x, y: c.y + j.y, waiting: false };
  }
  if (r.state === 'waitingToRetry') {
    // Waiting out its back-off in the queue, drawn dashed like every wait.
    const c = centre(st('queue'));
    return { x: c.x + j.x, y: c.y + 10 + j.y * 0.5, waiting: true };
  }
  return null;
}

/** Where an ended request fades: at the sink of the state it ended in (null: layout.ts places it). */
export function placeAppEnded(e: Pick<EndedRequestView, 'id' | 'state'>): { x: number; y: number } | null {
  const b = e.state === 'throttledAtGateway' ? APP_BOXES.gateway429 : e.state === 'deadLettered' ? APP_BOXES.deadLetter : e.state === 'denied' ? APP_BOXES.denied : null;
  if (!b) return null;
  const j = jitter(e.id, 10);
  const c = centre(b);
  return { x: c.x + j.x, y: c.y + j.y };
}
