// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { History } from '../../sim/history';
import { fn, scenario } from '../../sim/testkit';
import type { Frame } from '../../worker/frame';
import { buildFrame } from '../../worker/frameBuilder';
import { functionColor } from '../palette';
import { PLANE_CANVAS_THRESHOLD } from './canvas';
import { renderPlane, type PlaneOptions } from './index';

afterEach(() => vi.restoreAllMocks());

/** A frame `atMs` into a run of `everyMs` requests of 2 s each: about 2,000 / everyMs of them in flight. */
function frameAt(everyMs: number, atMs = 3_000): Frame {
  const h = new History(scenario({ durationMs: 10_000, functions: [fn({ timeoutMs: 10_000, durationMs: { dist: 'constant', ms: 2_000 }, workload: { type: 'periodic', everyMs } })] }));
  h.seek(atMs);
  return buildFrame(h, 1);
}

/** Records the calls made to a canvas's 2D context. */
function recordCanvas(): { canvas: HTMLCanvasElement; calls: string[]; fills: string[] } {
  const calls: string[] = [];
  const fills: string[] = [];
  const ctx = new Proxy({} as Record<string, unknown>, {
    get: (target, k: string) => (k in target ? target[k] : (...args: unknown[]) => calls.push(`${k}(${args.join(',')})`)),
    set: (target, k: string, v) => {
      if (k === 'fillStyle') fills.push(String(v));
      target[k] = v;
      return true;
    },
  });
  const canvas = document.createElement('canvas');
  vi.spyOn(canvas, 'getContext').mockReturnValue(ctx as unknown as CanvasRenderingContext2D);
  return { canvas, calls, fills };
}

const svgWith = () => document.createElementNS('http://www.w3.org/2000/svg', 'svg');
const options = (canvas: HTMLCanvasElement, playing: boolean): PlaneOptions => ({
  trailMs: 900,
  animate: false,
  selected: null,
  onSelect: () => {},
  playing,
  canvas: { element: canvas, box: { width: 1000, height: 330 } },
});

describe('the plane with many requests in flight', () => {
  it('draws them on the canvas while playing, none as SVG', () => {
    const frame = frameAt(5);
    expect(frame.requests.length).toBeGreaterThan(PLANE_CANVAS_THRESHOLD);
    const { canvas, calls, fills } = recordCanvas();
    const svg = svgWith();
    renderPlane(svg, frame, options(canvas, true));
    expect(svg.querySelectorAll('g.token')).toHaveLength(0);
    expect(svg.querySelectorAll('use.ended')).toHaveLength(0);
    // One disc per token (and per ended request), in the function's colour.
    const ended = frame.recentlyEnded.filter((e) => frame.t - e.endedAt <= 900).length;
    expect(calls.filter((c) => c.startsWith('arc(') && c.includes(',6,')).length).toBe(frame.requests.length);
    expect(calls.filter((c) => c.startsWith('arc(') && c.includes(',8,')).length).toBe(Math.min(ended, 120));
    expect(fills.filter((f) => f === functionColor(0)).length).toBe(frame.requests.length);
    expect(canvas.width).toBe(1000);
  });

  it('puts them back in the SVG, titled and selectable, and empties the canvas when paused', () => {
    const frame = frameAt(5);
    const { canvas } = recordCanvas();
    const svg = svgWith();
    renderPlane(svg, frame, options(canvas, true));
    renderPlane(svg, frame, options(canvas, false));
    expect(svg.querySelectorAll('g.token')).toHaveLength(frame.requests.length);
    expect(svg.querySelector('g.token title')!.textContent).not.toBe('');
    expect(canvas.width).toBe(0);
  });

  it('keeps a few requests as SVG even while playing', () => {
    const frame = frameAt(400);
    expect(frame.requests.length).toBeGreaterThan(0);
    expect(frame.requests.length).toBeLessThanOrEqual(PLANE_CANVAS_THRESHOLD);
    const { canvas, calls } = recordCanvas();
    const svg = svgWith();
    renderPlane(svg, frame, options(canvas, true));
    expect(svg.querySelectorAll('g.token')).toHaveLength(frame.requests.length);
    expect(calls.filter((c) => c.startsWith('arc('))).toHaveLength(0);
  });
});
