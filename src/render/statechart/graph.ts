import type { AnyStateMachine, AnyStateNode } from 'xstate';

/**
 * A statechart as plain data, read from the XState definition itself: the diagram students see
 * is the chart the engine compiles and runs (design.md, "The statecharts are the truth"). A state
 * or transition added to a machine appears here, and so in the drawing, with no other change.
 *
 * @example
 * const g = machineGraph(sandboxLifecycle);
 * g.nodes.find((n) => n.id === 'initializing.fetchingCode')?.parent; // 'initializing'
 * g.edges.find((e) => e.event === 'HOST_RECYCLED' && e.from === 'initializing')?.to; // 'shuttingDown'
 */
export interface MachineGraph {
  /** The machine's id (`sandbox`, `request`): also prefixes the SVG ids of its drawing. */
  id: string;
  /** States in document order, parents before their children. */
  nodes: StateGraphNode[];
  /** Transitions in document order: a state's own before its children's. */
  edges: StateGraphEdge[];
}

/** One state: `id` is its dotted path, the key the frame's counts use (`initializing.fetchingCode`). */
export interface StateGraphNode {
  id: string;
  /** The state's key as written in the machine: the diagram shows the code's own names. */
  label: string;
  description: string;
  /** The dotted path of the compound state around this one, if any. */
  parent?: string;
  final: boolean;
  /** The state its parent (or the machine) enters first. */
  initial: boolean;
  /** Has child states: drawn as a container around them. */
  compound: boolean;
  /** Named entry actions, e.g. `scheduleCodeFetch`. */
  entry: string[];
}

/**
 * One transition. `from` is the state that declares it: a transition declared on a compound state
 * (`initializing` on HOST_RECYCLED) leaves from the container and applies to all its children.
 */
export interface StateGraphEdge {
  from: string;
  to: string;
  /** The event as the engine sends it (`INIT_DONE`); delayed transitions read `after 500 ms`. */
  event: string;
  actions: string[];
  guard?: string;
}

const pathId = (node: AnyStateNode): string => node.path.join('.');

/** The name of an action or guard as written in the chart; XState's own built-ins are left out. */
function implementationName(item: unknown): string | null {
  let name: string | undefined;
  if (typeof item === 'string') name = item;
  else if (typeof item === 'function') name = (item as { type?: string }).type ?? (item.name || 'inline');
  else if (item && typeof item === 'object' && 'type' in item) name = String((item as { type: unknown }).type);
  if (!name || name.startsWith('xstate.')) return null;
  return name;
}

const names = (list: readonly unknown[]): string[] => list.map(implementationName).filter((n): n is string => n !== null);

/** A readable label for XState's internal event types; the chart's own events pass unchanged. */
export function eventLabel(eventType: string): string {
  const after = /^xstate\.after\.([^.]+)\./.exec(eventType);
  if (after) return /^\d+$/.test(after[1]!) ? `after ${after[1]} ms` : `after ${after[1]}`;
  if (eventType.startsWith('xstate.done.state.')) return 'done';
  if (eventType.startsWith('xstate.done.actor.')) return `done: ${eventType.slice('xstate.done.actor.'.length)}`;
  if (eventType.startsWith('xstate.error.actor.')) return `error: ${eventType.slice('xstate.error.actor.'.length)}`;
  return eventType;
}

/** Reads the states and transitions of an XState v5 machine by walking `machine.root`. */
export function machineGraph(machine: AnyStateMachine): MachineGraph {
  const nodes: StateGraphNode[] = [];
  const edges: StateGraphEdge[] = [];

  const visit = (node: AnyStateNode): void => {
    const id = pathId(node);
    const children = Object.values(node.states) as AnyStateNode[];
    const parent = node.parent && node.parent.path.length > 0 ? pathId(node.parent) : undefined;
    const initialTargets = (node.parent?.initial?.target ?? []) as readonly AnyStateNode[];
    nodes.push({
      id,
      label: node.key,
      description: node.description ?? '',
      ...(parent !== undefined && { parent }),
      final: node.type === 'final',
      initial: initialTargets.includes(node),
      compound: children.length > 0,
      entry: names(node.entry),
    });

    const transitions = [...node.transitions.values()].flat();
    for (const t of [...transitions, ...(node.always ?? [])]) {
      const targets = (t.target ?? [node]) as readonly AnyStateNode[]; // targetless: stays put, runs its actions
      const guard = t.guard ? implementationName(t.guard) : null;
      for (const target of targets) {
        edges.push({
          from: id,
          to: pathId(target),
          event: t.eventType ? eventLabel(t.eventType) : 'always',
          actions: names(t.actions),
          ...(guard && { guard }),
        });
      }
    }
    for (const child of children) visit(child);
  };

  for (const top of Object.values(machine.root.states) as AnyStateNode[]) visit(top);
  return { id: machine.id, nodes, edges };
}

/** The leaf a transition into `id` ends in: a compound state is entered through its initial child. */
export function entryLeaf(graph: MachineGraph, id: string): string {
  let current = id;
  for (;;) {
    const initialChild = graph.nodes.find((n) => n.parent === current && n.initial);
    if (!initialChild) return current;
    current = initialChild.id;
  }
}
