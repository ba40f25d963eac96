import { describe, expect, it } from 'vitest';
import { setup, type AnyStateMachine } from 'xstate';
import { compileMachine, leafStatePaths } from '../../machines/compile';
import { requestEventTypes, requestPath } from '../../machines/requestPath';
import { sandboxEventTypes, sandboxLifecycle } from '../../machines/sandboxLifecycle';
import { entryLeaf, machineGraph, type MachineGraph } from './graph';

const machines: [string, AnyStateMachine, readonly string[]][] = [
  ['sandbox lifecycle', sandboxLifecycle, sandboxEventTypes],
  ['request path', requestPath, requestEventTypes],
];

/** The state itself, then its parent, and so on up: the order in which XState looks for a transition. */
function selfAndAncestors(graph: MachineGraph, id: string): string[] {
  const out: string[] = [];
  for (let n = graph.nodes.find((x) => x.id === id); n; n = graph.nodes.find((x) => x.id === n!.parent)) out.push(n.id);
  return out;
}

describe.each(machines)('machineGraph: %s', (_, machine, events) => {
  const graph = machineGraph(machine);
  const table = compileMachine(machine, events);

  it('draws every leaf state the engine can be in, with its description', () => {
    const ids = graph.nodes.map((n) => n.id);
    for (const leaf of leafStatePaths(machine)) expect(ids).toContain(leaf);
    for (const n of graph.nodes) {
      const node = machine.root.states[n.id.split('.')[0]!]!;
      const own = n.parent ? node.states[n.label]! : node;
      expect(n.description).toBe(own.description ?? '');
    }
  });

  it('has an arrow for every (state, event) pair the compiled table accepts, to the state it leads to', () => {
    table.states.forEach((state, s) => {
      table.events.forEach((event, e) => {
        const next = table.next[s * table.events.length + e]!;
        if (next < 0) return;
        // XState takes the deepest state declaring the event: the arrow leaves from that one.
        const declaring = selfAndAncestors(graph, state).find((id) => graph.edges.some((x) => x.from === id && x.event === event));
        expect(declaring, `${state} on ${event}`).toBeDefined();
        const edge = graph.edges.find((x) => x.from === declaring && x.event === event)!;
        expect(entryLeaf(graph, edge.to), `${state} on ${event}`).toBe(table.states[next]);
      });
    });
  });

  it('draws no arrow the engine would never take', () => {
    for (const edge of graph.edges) {
      const leaves = table.states.filter((s) => selfAndAncestors(graph, s).includes(edge.from));
      const taken = leaves.some((s) => table.next[table.stateIndex(s) * table.events.length + table.eventIndex(edge.event)] === table.stateIndex(entryLeaf(graph, edge.to)));
      expect(taken, `${edge.from} --${edge.event}--> ${edge.to}`).toBe(true);
    }
  });

  it('marks final states the way the engine sees them', () => {
    for (const n of graph.nodes.filter((x) => !x.compound)) expect(n.final).toBe(table.isFinal[table.stateIndex(n.id)] === 1);
  });

  it('marks exactly one initial state per level, the one the machine enters first', () => {
    const top = graph.nodes.filter((n) => n.parent === undefined && n.initial);
    expect(top).toHaveLength(1);
    expect(entryLeaf(graph, top[0]!.id)).toBe(table.states[table.initialState]);
  });
});

describe('machineGraph: the sandbox lifecycle as students see it', () => {
  const graph = machineGraph(sandboxLifecycle);

  it("draws 'initializing' as a container around its four phases and the two shortcuts (warm pool, snapshot), entered at fetchingCode", () => {
    const initializing = graph.nodes.find((n) => n.id === 'initializing')!;
    expect(initializing.compound).toBe(true);
    const phases = graph.nodes.filter((n) => n.parent === 'initializing');
    expect(phases.map((n) => n.label)).toEqual(['fetchingCode', 'startingSandbox', 'bootingRuntime', 'assigningFromPool', 'restoringSnapshot', 'runningInit']);
    expect(phases.filter((n) => n.initial).map((n) => n.label)).toEqual(['fetchingCode']);
  });

  it('draws HOST_RECYCLED during init from the container, with the action it runs', () => {
    const fromContainer = graph.edges.filter((e) => e.from === 'initializing');
    expect(fromContainer).toEqual([{ from: 'initializing', to: 'shuttingDown', event: 'HOST_RECYCLED', actions: ['failWaitingRequest'] }]);
    expect(graph.edges.some((e) => e.from.startsWith('initializing.') && e.event === 'HOST_RECYCLED')).toBe(false);
  });

  it('lists entry actions, which the engine implements', () => {
    expect(graph.nodes.find((n) => n.id === 'initializing.fetchingCode')!.entry).toEqual(['scheduleCodeFetch']);
  });
});

describe('machineGraph: reads any machine', () => {
  it('labels delayed, guarded and targetless transitions readably', () => {
    const m = setup({ guards: { isBig: () => true }, actions: { log: () => {} } }).createMachine({
      id: 'toy',
      initial: 'a',
      states: {
        a: { after: { 500: 'b' }, on: { GO: { target: 'b', guard: 'isBig' }, PING: { actions: 'log' } } },
        b: { type: 'final' },
      },
    });
    const graph = machineGraph(m);
    expect(graph.edges).toEqual([
      { from: 'a', to: 'b', event: 'GO', actions: [], guard: 'isBig' },
      { from: 'a', to: 'a', event: 'PING', actions: ['log'] },
      { from: 'a', to: 'b', event: 'after 500 ms', actions: [] },
    ]);
    expect(graph.nodes.map((n) => [n.id, n.initial, n.final])).toEqual([
      ['a', true, false],
      ['b', false, true],
    ]);
  });
});
