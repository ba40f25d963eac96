import { describe, expect, it } from 'vitest';
import { setup, type AnyStateMachine } from 'xstate';
import { requestPath } from '../../machines/requestPath';
import { sandboxLifecycle } from '../../machines/sandboxLifecycle';
import { machineGraph } from './graph';
import { layoutGraph, type Direction, type Rect } from './layout';
import { packInOrder } from './layered';

const overlap = (a: Rect, b: Rect) => Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x) > 0.5 && Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y) > 0.5;
const contains = (outer: Rect, inner: Rect) => inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;

/** A small machine with a compound state; `withPause` adds one state and its two transitions. */
function toyMachine(withPause = false) {
  return setup({}).createMachine({
    id: 'toy',
    initial: 'a',
    states: {
      a: { on: { GO: 'b', SKIP: 'c' } },
      b: { initial: 'b1', states: { b1: { on: { NEXT: 'b2' } }, b2: { on: { DONE: '#toy.c' } } }, on: { ABORT: 'd' } },
      c: { on: { BACK: 'a', END: 'd', ...(withPause && { PAUSE: 'e' }) } },
      d: { type: 'final' },
      ...(withPause && { e: { on: { RESUME: 'c' } } }),
    },
  });
}
const toy = toyMachine();

const machines: [string, AnyStateMachine][] = [
  ['sandbox lifecycle', sandboxLifecycle],
  ['request path', requestPath],
  ['a toy machine', toy],
];
const cases = machines.flatMap(([name, m]) => (['TB', 'LR'] as Direction[]).map((d) => [`${name}, ${d}`, m, d] as const));

describe.each(cases)('layoutGraph: %s', (_, machine, direction) => {
  const graph = machineGraph(machine);
  const layout = layoutGraph(graph, { direction });
  const parentOf = new Map(graph.nodes.map((n) => [n.id, n.parent]));
  const isAncestor = (a: string, b: string) => {
    for (let p = parentOf.get(b); p !== undefined; p = parentOf.get(p)) if (p === a) return true;
    return false;
  };

  it('puts no two state boxes over each other; children sit inside their container, below its header', () => {
    const boxes = layout.boxes;
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i]!, boxes[j]!];
        if (isAncestor(a.id, b.id)) {
          expect(contains(a, b), `${b.id} inside ${a.id}`).toBe(true);
          expect(overlap({ ...a, height: a.headerHeight }, b), `${b.id} below the header of ${a.id}`).toBe(false);
        } else if (isAncestor(b.id, a.id)) expect(contains(b, a), `${a.id} inside ${b.id}`).toBe(true);
        else expect(overlap(a, b), `${a.id} and ${b.id}`).toBe(false);
      }
  });

  it('has one box per state and one arrow per pair of states with transitions between them', () => {
    expect(layout.boxes.map((b) => b.id)).toEqual(graph.nodes.map((n) => n.id));
    const pairs = new Set(graph.edges.map((e) => `${e.from}|${e.to}`));
    expect(layout.edges.map((e) => e.key).sort()).toEqual([...pairs].sort());
    for (const e of graph.edges) expect(layout.edges.find((r) => r.key === `${e.from}|${e.to}`)!.label.lines).toContain(e.event);
  });

  it('keeps everything inside the viewBox, the selection marker included', () => {
    const [x, y, width, height] = layout.viewBox;
    const view = { x, y, width, height };
    // With room for the selection ring, and its pin on the top-left corner.
    for (const b of layout.boxes) expect(contains(view, { x: b.x - 12, y: b.y - 12, width: b.width + 17, height: b.height + 17 }), b.id).toBe(true);
    for (const e of layout.edges) expect(contains(view, e.label), e.key).toBe(true);
  });

  it('is deterministic', () => {
    expect(layoutGraph(machineGraph(machine), { direction })).toEqual(layout);
  });

  it('starts with the initial state and ends with the final states', () => {
    const along = (r: Rect) => (direction === 'TB' ? [r.y, r.y + r.height] : [r.x, r.x + r.width]) as [number, number];
    const top = layout.boxes.filter((b) => parentOf.get(b.id) === undefined);
    const isFinal = (id: string) => graph.nodes.find((n) => n.id === id)!.final;
    const initial = top.find((b) => graph.nodes.find((n) => n.id === b.id)!.initial)!;
    for (const b of top) if (b !== initial) expect(along(b)[0], b.id).toBeGreaterThan(along(initial)[1]);
    const firstFinal = Math.min(...top.filter((b) => isFinal(b.id)).map((b) => along(b)[0]));
    for (const b of top.filter((x) => !isFinal(x.id))) expect(along(b)[1], b.id).toBeLessThan(firstFinal);
  });
});

describe.each(machines.slice(0, 2))('layoutGraph: labels of the %s', (_, machine) => {
  const layout = layoutGraph(machineGraph(machine));

  it('cover no state and no other label', () => {
    const labels = layout.edges.map((e) => e.label);
    for (const e of layout.edges) {
      for (const b of layout.boxes) {
        const region = b.container ? { ...b, height: b.headerHeight } : b;
        expect(overlap(e.label, region), `${e.key} label over ${b.id}`).toBe(false);
      }
      for (const other of labels) if (other !== e.label) expect(overlap(e.label, other), `${e.key} label`).toBe(false);
    }
  });
});

describe('layoutGraph: what the drawing shows of a machine', () => {
  it('gets a box for a state added to the machine, with no other change', () => {
    const before = layoutGraph(machineGraph(toy));
    const after = layoutGraph(machineGraph(toyMachine(true)));
    expect(after.boxes.map((b) => b.id)).toEqual([...before.boxes.map((b) => b.id), 'e']);
    expect(after.edges.map((e) => e.key)).toEqual(expect.arrayContaining(['c|e', 'e|c']));
  });
});

describe('packInOrder', () => {
  it('keeps order and gaps, and stays as close as it can to where each item wants to be', () => {
    expect(packInOrder([0, 10, 20], [0, 5, 5])).toEqual([0, 10, 20]);
    expect(packInOrder([10, 10], [0, 20])).toEqual([0, 20]);
    const packed = packInOrder([50, 0, 100], [0, 30, 30]);
    expect(packed[1]! - packed[0]!).toBeGreaterThanOrEqual(30);
    expect(packed[2]!).toBe(100);
  });
});
