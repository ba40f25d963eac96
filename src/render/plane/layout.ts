import { i18n } from '../../i18n';
import type { EndedRequestView, Frame, RequestView, SandboxView } from '../../worker/frame';

/** The plane view's fixed drawing space; the SVG scales it with its viewBox. */
export const PLANE_W = 1000;
export const PLANE_H = 330;

export interface Station {
  id: StationId;
  /** The station's name in the interface's language, read when drawn. */
  readonly label: string;
  /** The chart state(s) whose requests are at this station (for its live count). */
  states: string[];
  x: number;
  y: number;
  w: number;
  h: number;
}

export type StationId = 'callers' | 'lb' | 'frontend' | 'counting' | 'wm' | 'placement' | 'queue' | 'throttle';

const MID = 175;

/** A station's name in the interface's language ("Load balancer", « Répartiteur de charge »). */
export const stationName = (id: StationId): string => i18n.t(`render.plane.stations.${id}`);

const station = (id: StationId, states: string[], x: number, y: number, w: number, h: number): Station => ({
  id,
  get label() {
    return stationName(id);
  },
  states,
  x,
  y,
  w,
  h,
});

/** The data plane, left to right, as a student reads it: callers, then the path of an invocation. */
export const STATIONS: Station[] = [
  station('callers', [], 4, MID - 25, 84, 50),
  station('lb', ['atLoadBalancer'], 110, MID - 30, 122, 60),
  station('frontend', ['atFrontend'], 262, MID - 30, 122, 60),
  station('counting', ['counting'], 414, MID - 30, 134, 60),
  station('wm', ['routing'], 578, MID - 30, 132, 60),
  station('placement', [], 578, MID + 75, 132, 50),
  station('queue', ['queued'], 414, MID + 75, 134, 50),
  station('throttle', [], 262, MID + 80, 122, 40),
];

/** The size station names are drawn at (the plane's stylesheet sets 13.5 px, bold). */
const LABEL_PX = 13.5;
/** A bold sans-serif character is about 0.6 em wide, generously. */
const labelWidth = (text: string) => text.length * LABEL_PX * 0.6;

/**
 * A station's name as the lines that fit its box: one when it fits, else wrapped at spaces
 * (« Répartiteur de charge » is wider than its box; "Load balancer" is not).
 */
export function stationLabelLines(s: Pick<Station, 'label' | 'w'>): string[] {
  const room = s.w - 12;
  if (labelWidth(s.label) <= room) return [s.label];
  const lines: string[] = [];
  for (const word of s.label.split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && labelWidth(`${last} ${word}`) <= room) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

export const WORKERS_X = 748;
export const WORKERS_W = 244;
export const WORKERS_TOP = 78;
export const WORKERS_BOTTOM = PLANE_H - 8;

export const CONTROL_PLANE = { x: 125, y: 8, w: 565, h: 52 };

/** The baseline of a worker box's label ("Worker 0 · 3 running"), from the box's top. */
export const workerLabelBaseline = (boxHeight: number) => Math.min(boxHeight / 2 + 5, 18);
/** A token's dot radius (its selection ring is larger). */
export const TOKEN_DOT_R = 6;

/**
 * Where tokens at a worker box go, from the box's top: the band below its label, so that a
 * crowd of requests (hundreds at 2,000 sandboxes) does not hide the running count. `spread` is
 * how far a token may stray up or down from `y`. A box too short for a band keeps its tokens
 * on its middle line.
 */
export function workerTokenBand(boxHeight: number): { y: number; spread: number } {
  const top = workerLabelBaseline(boxHeight) + 4 + TOKEN_DOT_R; // below the label's descenders
  const bottom = boxHeight - TOKEN_DOT_R - 1;
  if (bottom < top) return { y: boxHeight / 2, spread: 0 };
  return { y: (top + bottom) / 2, spread: (bottom - top) / 2 };
}

/** One box per host, or per group of hosts when there are many. */
export function workerBoxes(hostCount: number): { first: number; last: number; x: number; y: number; w: number; h: number }[] {
  const boxes = Math.min(hostCount, 8);
  const per = Math.ceil(hostCount / boxes);
  const count = Math.ceil(hostCount / per);
  const gap = 6;
  const h = (WORKERS_BOTTOM - WORKERS_TOP - gap * (count - 1)) / count;
  return Array.from({ length: count }, (_, i) => ({
    first: i * per,
    last: Math.min(hostCount, (i + 1) * per) - 1,
    x: WORKERS_X,
    y: WORKERS_TOP + i * (h + gap),
    w: WORKERS_W,
    h,
  }));
}

const center = (id: string) => {
  const s = STATIONS.find((st) => st.id === id)!;
  return { x: s.x + s.w / 2, y: s.y + s.h / 2 };
};

const lerp = (a: { x: number; y: number }, b: { x: number; y: number }, f: number) => ({ x: a.x + (b.x - a.x) * f, y: a.y + (b.y - a.y) * f });

/** A small, stable offset so that tokens at the same station do not hide each other. */
function jitter(id: number, radius: number) {
  const angle = id * 2.399963; // the golden angle spreads consecutive ids evenly
  const r = radius * Math.sqrt(((id * 0.618034) % 1) + 0.05);
  return { x: Math.cos(angle) * r, y: Math.sin(angle) * r * 0.6 };
}

function progress(t: number, since: number, endsAt: number | null): number {
  if (endsAt === null || endsAt <= since) return 0;
  return Math.min(1, Math.max(0, (t - since) / (endsAt - since)));
}

export type HostBoxOf = (host: number) => { x: number; y: number; w: number; h: number };
/** The frame's sandboxes by id (a Map, or anything with its `get`), built at most once per render. */
export type SandboxIndex = Pick<ReadonlyMap<number, SandboxView>, 'get'>;

export interface TokenPlace {
  x: number;
  y: number;
  /** Waiting for a cold start (drawn with a dashed ring). */
  waiting: boolean;
}

/**
 * Where a request's token is: at the station of its state, moving toward the next station as
 * its current hop elapses, so any instant can be drawn from the frame alone.
 */
export function placeRequest(rq: RequestView, frame: Frame, hostBox: HostBoxOf, sandboxes: SandboxIndex): TokenPlace {
  const f = progress(frame.t, rq.stateSince, rq.stateEndsAt);
  const j = jitter(rq.id, 14);
  const at = (p: { x: number; y: number }, waiting = false): TokenPlace => ({ x: p.x + j.x, y: p.y + j.y, waiting });
  const sandbox = rq.sandbox === null ? undefined : sandboxes.get(rq.sandbox);
  const host = sandbox ? hostBox(sandbox.host) : null;
  // At its worker, in the band below the box's label; with no worker yet, at placement.
  const atHost = (waiting = false): TokenPlace => {
    if (!host) return at(center('placement'), waiting);
    const band = workerTokenBand(host.h);
    return { x: host.x + 30 + ((rq.id * 37) % Math.max(1, host.w - 60)) + j.x, y: host.y + band.y + Math.max(-band.spread, Math.min(band.spread, j.y)), waiting };
  };
  switch (rq.state) {
    case 'atLoadBalancer':
      return at(lerp(center('lb'), center('frontend'), f));
    case 'atFrontend':
      return at(lerp(center('frontend'), center('counting'), f));
    case 'counting':
      return at(lerp(center('counting'), center('wm'), f * 0.5));
    case 'queued':
      return at(center('queue'));
    case 'routing':
      return at(lerp(center('wm'), { x: WORKERS_X, y: center('wm').y }, f * 0.5));
    case 'waitingForSandbox':
      return sandbox?.state === 'placing' ? at(center('placement'), true) : atHost(true);
    case 'running':
      return atHost();
    default:
      return at(center('callers'));
  }
}

/** Where an ended request is shown while it fades: throttled beside the 429 sink, others where they ended. */
export function placeEnded(e: EndedRequestView, hostBox: HostBoxOf, sandboxes: SandboxIndex): { x: number; y: number } {
  const j = jitter(e.id, 12);
  if (e.outcome === 'throttled') {
    // Beside the sink, on its left, not on it: a burst of them would hide its "429" label.
    const t = STATIONS.find((s) => s.id === 'throttle')!;
    return { x: t.x - 20 + j.x * 0.6, y: t.y + t.h / 2 + j.y * 0.8 };
  }
  const sandbox = e.sandbox === null ? undefined : sandboxes.get(e.sandbox);
  if (sandbox) {
    const b = hostBox(sandbox.host);
    return { x: b.x + b.w - 24 + j.x * 0.5, y: b.y + b.h / 2 + j.y * 0.5 };
  }
  const c = center('placement');
  return { x: c.x + j.x, y: c.y + j.y };
}
