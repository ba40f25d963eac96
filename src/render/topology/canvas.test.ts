// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { History } from '../../sim/history';
import { fn, scenario } from '../../sim/testkit';
import type { Frame } from '../../worker/frame';
import { buildWireFrame } from '../../worker/frameBuilder';
import { unpackFrame } from '../../worker/frameCodec';
import { drawSandboxesOnCanvas } from './canvas';
import { layoutTopology } from './layout';

/**
 * A stand-in for a 2D context that keeps what is on the canvas as marks, each with the box of
 * device pixels it covers and how it was drawn. Clearing a box removes the marks inside it and
 * fails on a mark it would cut in part: that would leave half a neighbour on the screen.
 */
class Scene {
  marks: { x0: number; y0: number; x1: number; y1: number; what: string }[] = [];
  ops = { clearAll: 0, clearCell: 0, draws: 0 };
  fillStyle = '';
  strokeStyle = '';
  lineWidth = 1;
  globalAlpha = 1;
  font = '';
  textAlign = '';
  textBaseline = '';
  private t = [1, 0, 0, 1, 0, 0];
  private dash: number[] = [];
  private path: [number, number][] = [];
  constructor(private readonly canvas: HTMLCanvasElement) {}

  setTransform(...m: number[]) {
    this.t = m;
  }
  private box(x: number, y: number, w: number, h: number) {
    const [a, , , d, e, f] = this.t as [number, number, number, number, number, number];
    return { x0: Math.floor(a * x + e), y0: Math.floor(d * y + f), x1: Math.ceil(a * (x + w) + e), y1: Math.ceil(d * (y + h) + f) };
  }
  private size = '';
  /** Setting a canvas's width or height blanks it, as on a real canvas. */
  private resized() {
    const size = `${this.canvas.width}x${this.canvas.height}`;
    if (size !== this.size) this.marks = [];
    this.size = size;
  }
  private mark(b: { x0: number; y0: number; x1: number; y1: number }, what: string) {
    this.resized();
    this.ops.draws++;
    this.marks.push({ ...b, what: `${what} alpha ${this.globalAlpha}` });
  }
  clearRect(x: number, y: number, w: number, h: number) {
    this.resized();
    const c = this.box(x, y, w, h);
    if (c.x1 - c.x0 >= this.canvas.width && c.y1 - c.y0 >= this.canvas.height) this.ops.clearAll++;
    else this.ops.clearCell++;
    this.marks = this.marks.filter((m) => {
      const inside = m.x0 >= c.x0 && m.x1 <= c.x1 && m.y0 >= c.y0 && m.y1 <= c.y1;
      const apart = m.x1 <= c.x0 || m.x0 >= c.x1 || m.y1 <= c.y0 || m.y0 >= c.y1;
      if (!inside && !apart) throw new Error(`clearing ${JSON.stringify(c)} cuts ${JSON.stringify(m)}`);
      return apart;
    });
  }
  fillRect(x: number, y: number, w: number, h: number) {
    this.mark(this.box(x, y, w, h), `fill ${this.fillStyle}`);
  }
  strokeRect(x: number, y: number, w: number, h: number) {
    const l = this.lineWidth / 2;
    this.mark(this.box(x - l, y - l, w + 2 * l, h + 2 * l), `stroke ${this.strokeStyle} ${this.lineWidth} [${this.dash.join(' ')}]`);
  }
  setLineDash(d: number[]) {
    this.dash = d;
  }
  beginPath() {
    this.path = [];
  }
  moveTo(x: number, y: number) {
    this.path.push([x, y]);
  }
  lineTo(x: number, y: number) {
    this.path.push([x, y]);
  }
  closePath() {}
  fill() {
    const xs = this.path.map((p) => p[0]);
    const ys = this.path.map((p) => p[1]);
    const x = Math.min(...xs);
    const y = Math.min(...ys);
    this.mark(this.box(x, y, Math.max(...xs) - x, Math.max(...ys) - y), `path ${this.fillStyle}`);
  }
  fillText(text: string, x: number, y: number) {
    this.mark(this.box(x - 1, y - 1, 2, 2), `text ${text} ${this.fillStyle} ${this.font}`);
  }
  /** What is on the canvas, in an order that does not depend on the order it was drawn in. */
  picture(): string[] {
    this.resized();
    return this.marks.map((m) => `${m.x0},${m.y0},${m.x1},${m.y1} ${m.what}`).sort();
  }
}

const scenes = new WeakMap<HTMLCanvasElement, Scene>();
function sceneOf(canvas: HTMLCanvasElement): Scene {
  let s = scenes.get(canvas);
  if (!s) scenes.set(canvas, (s = new Scene(canvas)));
  return s;
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

/** Every frame of a small busy run, unpacked one after the other as the page does (unchanged sandboxes keep their object). */
function frames(platform = {}): Frame[] {
  const h = new History(
    scenario({
      durationMs: 6_000,
      platform,
      functions: [
        fn({ name: 'a', timeoutMs: 10_000, durationMs: { dist: 'constant', ms: 700 }, workload: { type: 'periodic', everyMs: 90 } }),
        fn({ name: 'b', memoryMb: 256, timeoutMs: 10_000, durationMs: { dist: 'exponential', meanMs: 400 }, workload: { type: 'poisson', ratePerSec: 8 } }),
      ],
    }),
  );
  const out: Frame[] = [];
  let prev: Frame | undefined;
  for (let i = 0; i < 400 && h.stepForward(); i++) out.push((prev = unpackFrame(buildWireFrame(h, i), prev)));
  return out;
}

/** What a fresh canvas shows, given only `frame`. */
function fresh(frame: Frame, width: number, selected: number | null): string[] {
  const canvas = document.createElement('canvas');
  drawSandboxesOnCanvas(canvas, frame, layoutTopology(frame, width), selected);
  return sceneOf(canvas).picture();
}

describe('the topology canvas, drawn frame after frame', () => {
  for (const dpr of [1, 1.5, 2]) {
    it(`shows after every frame what a fresh canvas shows for it, repainting only changed cells (device pixel ratio ${dpr})`, () => {
      vi.stubGlobal('devicePixelRatio', dpr);
      vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (this: HTMLCanvasElement) {
        return sceneOf(this) as unknown as CanvasRenderingContext2D;
      } as never);
      const run = frames({ warmPool: { size: 2 } });
      const canvas = document.createElement('canvas');
      const scene = sceneOf(canvas);
      // An odd width puts the hosts, and so the cells, at fractional positions.
      const width = 901;
      let incremental = 0;
      let moved = 0;
      let lastLayout = null as ReturnType<typeof layoutTopology> | null;
      for (const frame of run) {
        const before = { ...scene.ops };
        const layout = layoutTopology(frame, width);
        drawSandboxesOnCanvas(canvas, frame, layout, null);
        expect(scene.picture()).toEqual(fresh(frame, width, null));
        if (scene.ops.clearAll === before.clearAll && scene.ops.clearCell > before.clearCell) {
          incremental++;
          // A sandbox came or went, and still only some places were repainted.
          if (lastLayout !== null && layout !== lastLayout) moved++;
        }
        lastLayout = layout;
      }
      // Most frames of a run repaint cell by cell, also when a sandbox comes or goes.
      expect(incremental).toBeGreaterThan(run.length / 4);
      expect(moved).toBeGreaterThanOrEqual(5);
      expect(run.some((f) => f.poolSandboxes.some((p) => p.state === 'pool.booting'))).toBe(true);
    });
  }

  it('draws nothing when given the same frame again', () => {
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (this: HTMLCanvasElement) {
      return sceneOf(this) as unknown as CanvasRenderingContext2D;
    } as never);
    const frame = frames().at(-1)!;
    const canvas = document.createElement('canvas');
    const layout = layoutTopology(frame, 900);
    drawSandboxesOnCanvas(canvas, frame, layout, null);
    const ops = { ...sceneOf(canvas).ops };
    drawSandboxesOnCanvas(canvas, frame, layout, null);
    expect(sceneOf(canvas).ops).toEqual(ops);
  });

  it('keeps the selection ring whole while the cells around it change, and moves it when the selection does', () => {
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (this: HTMLCanvasElement) {
      return sceneOf(this) as unknown as CanvasRenderingContext2D;
    } as never);
    const run = frames();
    const canvas = document.createElement('canvas');
    // A sandbox that lives through most of the run, with neighbours that come and go.
    const selected = run[Math.floor(run.length / 3)]!.sandboxes[1]!.id;
    for (const frame of run) {
      // The scene throws if a repaint cuts the ring; the picture must match a fresh one.
      drawSandboxesOnCanvas(canvas, frame, layoutTopology(frame, 900), selected);
      expect(sceneOf(canvas).picture()).toEqual(fresh(frame, 900, selected));
    }
    const last = run.at(-1)!;
    const other = last.sandboxes.find((s) => s.id !== selected)!.id;
    drawSandboxesOnCanvas(canvas, last, layoutTopology(last, 900), other);
    expect(sceneOf(canvas).picture()).toEqual(fresh(last, 900, other));
    expect(sceneOf(canvas).picture().filter((m) => m.includes('stroke #000 2 ['))).toHaveLength(1);
  });
});
