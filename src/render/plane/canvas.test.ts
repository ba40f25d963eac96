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

/** Records the calls made to every canvas's 2D context: the view's canvas and the sprites it stamps. */
function recordCanvas(): { canvas: HTMLCanvasElement; calls: string[]; spriteFills: string[] } {
  const calls: string[] = [];
  const spriteFills: string[] = [];
  const canvas = document.createElement('canvas');
  const contexts = new WeakMap<HTMLCanvasElement, unknown>();
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (this: HTMLCanvasElement) {
    const view = this === canvas;
    if (!contexts.has(this))
      contexts.set(
        this,
        new Proxy({} as Record<string, unknown>, {
          get: (target, k: string) => (k in target ? target[k] : (...args: unknown[]) => (view ? calls.push(`${k}(${args.length})`) : 0)),
          set: (target, k: string, v) => {
            if (!view && k === 'fillStyle') spriteFills.push(String(v));
            target[k] = v;
            return true;
          },
        }),
      );
    return contexts.get(this) as CanvasRenderingContext2D;
  } as never);
  return { canvas, calls, spriteFills };
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
    const { canvas, calls, spriteFills } = recordCanvas();
    const svg = svgWith();
    renderPlane(svg, frame, options(canvas, true));
    expect(svg.querySelectorAll('g.token')).toHaveLength(0);
    expect(svg.querySelectorAll('use.ended')).toHaveLength(0);
    // One stamp per token and per ended request still fading; the marks are drawn once each,
    // the token's in its function's colour.
    const ended = frame.recentlyEnded.filter((e) => frame.t - e.endedAt <= 900).length;
    expect(calls.filter((c) => c.startsWith('drawImage(')).length).toBe(frame.requests.length + Math.min(ended, 120));
    expect(spriteFills).toContain(functionColor(0));
    expect(spriteFills.length).toBeLessThan(10);
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
    expect(calls.filter((c) => c.startsWith('drawImage('))).toHaveLength(0);
  });
});
