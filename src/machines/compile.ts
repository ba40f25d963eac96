import { initialTransition, pathToStateValue, transition, type AnyStateMachine, type AnyStateNode } from 'xstate';

/**
 * A statechart compiled to a lookup table: (state, event) -> next state and the named actions
 * to run. Interpreting XState per event runs at about 0.1-0.35 M transitions/s here, far too
 * slow for a million-request run; a table lookup runs at tens of millions per second. The
 * table is built from the XState definition at start-up, so the chart stays the single source
 * of truth (compile.test.ts proves they agree on every pair).
 *
 * @example
 * const t = compileMachine(sandboxLifecycle, sandboxEventTypes);
 * const cell = t.cell(t.stateIndex('idle'), t.eventIndex('INVOKE')); // -1 if not accepted
 */
export interface CompiledMachine<E extends string = string> {
  /** Leaf states as dotted paths, e.g. `initializing.fetchingCode`. */
  readonly states: readonly string[];
  readonly events: readonly E[];
  /** Every action name that any transition runs, in first-seen order. */
  readonly actions: readonly string[];
  readonly initialState: number;
  readonly initialActions: readonly number[];
  /** `next[state * events.length + event]`: the next state index, or -1 when not accepted. */
  readonly next: Int16Array;
  /** Action indices run by each cell, in XState's order (exit, transition, entry). */
  readonly cellActions: readonly (readonly number[])[];
  readonly isFinal: Uint8Array;
  stateIndex(path: string): number;
  eventIndex(type: E): number;
}

/** Every leaf state of a machine as a dotted path. */
export function leafStatePaths(machine: AnyStateMachine): string[] {
  const out: string[] = [];
  const walk = (node: AnyStateNode, prefix: string[]): void => {
    const children = Object.values(node.states) as AnyStateNode[];
    if (children.length === 0) {
      out.push(prefix.join('.'));
      return;
    }
    for (const child of children) walk(child, [...prefix, child.key]);
  };
  walk(machine.root, []);
  return out;
}

/** The snapshot of `machine` sitting in the leaf state `path`. */
export function snapshotAt(machine: AnyStateMachine, path: string) {
  return machine.resolveState({ value: pathToStateValue(path.split('.')), context: {} });
}

/** The dotted leaf path of a snapshot's value. */
export function valueToPath(value: unknown): string {
  if (typeof value === 'string') return value;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length !== 1) throw new Error(`expected one active leaf, got ${JSON.stringify(value)}`);
  const [key, child] = entries[0]!;
  return `${key}.${valueToPath(child)}`;
}

export function compileMachine<E extends string>(machine: AnyStateMachine, events: readonly E[]): CompiledMachine<E> {
  const states = leafStatePaths(machine);
  const stateIdx = new Map(states.map((s, i) => [s, i]));
  const eventIdx = new Map(events.map((e, i) => [e, i]));
  const actions: string[] = [];
  const actionIdx = new Map<string, number>();
  const actionIndices = (list: readonly { type: string }[]): number[] =>
    list
      .filter((a) => !a.type.startsWith('xstate.'))
      .map((a) => {
        let i = actionIdx.get(a.type);
        if (i === undefined) {
          i = actions.length;
          actions.push(a.type);
          actionIdx.set(a.type, i);
        }
        return i;
      });

  const [init, initActs] = initialTransition(machine);
  const initialState = stateIdx.get(valueToPath(init.value))!;
  const initialActions = actionIndices(initActs as { type: string }[]);

  const next = new Int16Array(states.length * events.length).fill(-1);
  const cellActions: number[][] = new Array(states.length * events.length);
  const isFinal = new Uint8Array(states.length);
  states.forEach((path, s) => {
    const snap = snapshotAt(machine, path);
    isFinal[s] = snap.status === 'done' ? 1 : 0;
    events.forEach((type, e) => {
      const cell = s * events.length + e;
      cellActions[cell] = [];
      if (snap.status === 'done' || !snap.can({ type })) return;
      const [after, acts] = transition(machine, snap, { type });
      next[cell] = stateIdx.get(valueToPath(after.value))!;
      cellActions[cell] = actionIndices(acts as { type: string }[]);
    });
  });

  return {
    states,
    events,
    actions,
    initialState,
    initialActions,
    next,
    cellActions,
    isFinal,
    stateIndex: (path) => {
      const i = stateIdx.get(path);
      if (i === undefined) throw new Error(`unknown state ${path}`);
      return i;
    },
    eventIndex: (type) => eventIdx.get(type)!,
  };
}
