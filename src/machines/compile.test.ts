import { createActor, createMachine, type AnyStateMachine, type AnyStateNode } from 'xstate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compileMachine, type CompiledMachine } from './compile';
import { requestEventTypes, requestPath } from './requestPath';
import { sandboxEventTypes, sandboxLifecycle } from './sandboxLifecycle';

/**
 * The engine runs the statecharts as lookup tables; the UI draws them from the XState
 * definitions. These tests interpret each chart with XState itself, independently of
 * compile.ts, and prove that the table the engine uses says the same thing.
 */

interface Interpreted {
  value: string;
  actions: string[];
}

/** Every atomic or final state node, as a dotted path, found by walking the definition. */
function leafPaths(machine: AnyStateMachine): string[] {
  const out: string[] = [];
  const walk = (node: AnyStateNode): void => {
    if (node.type === 'atomic' || node.type === 'final') out.push(node.path.join('.'));
    else for (const child of Object.values(node.states) as AnyStateNode[]) walk(child);
  };
  walk(machine.root);
  return out;
}

/** `{ a: { b: 'c' } }` -> `a.b.c`. */
function pathOf(value: unknown): string {
  if (typeof value === 'string') return value;
  const [key, child] = Object.entries(value as Record<string, unknown>)[0]!;
  return `${key}.${pathOf(child)}`;
}

/** `a.b.c` -> `{ a: { b: 'c' } }`. */
function valueOf(path: string): unknown {
  const parts = path.split('.');
  return parts.reduceRight<unknown>((acc, key) => (acc === undefined ? key : { [key]: acc }), undefined);
}

/** The chart with every named action logging its name, so an actor shows what it would run. */
function logging(machine: AnyStateMachine, log: string[]): AnyStateMachine {
  const names = Object.keys(machine.implementations.actions);
  return machine.provide({ actions: Object.fromEntries(names.map((n) => [n, () => void log.push(n)])) });
}

/** What XState does when the chart, sitting in `path`, receives `type`. */
function interpret(machine: AnyStateMachine, path: string, type: string): Interpreted & { accepted: boolean; done: boolean } {
  const log: string[] = [];
  const m = logging(machine, log);
  const snapshot = m.resolveState({ value: valueOf(path) as never, context: {} });
  const done = snapshot.status === 'done';
  const accepted = !done && snapshot.can({ type });
  if (done) return { value: path, actions: [], accepted, done };
  const actor = createActor(m, { snapshot }).start();
  log.length = 0; // restoring a snapshot must not count as running entry actions
  actor.send({ type });
  const value = pathOf(actor.getSnapshot().value);
  actor.stop();
  return { value, actions: [...log], accepted, done };
}

const charts: [string, AnyStateMachine, readonly string[]][] = [
  ['sandbox lifecycle', sandboxLifecycle, sandboxEventTypes],
  ['request path', requestPath, requestEventTypes],
];

describe.each(charts)('the compiled %s', (_name, machine, eventTypes) => {
  const table: CompiledMachine = compileMachine(machine, eventTypes);
  const names = (indices: readonly number[]) => indices.map((i) => table.actions[i]!);

  it('has one row per leaf state of the chart', () => {
    expect([...table.states].sort()).toEqual(leafPaths(machine).sort());
  });

  it('lists exactly the events the chart accepts, each once', () => {
    const accepted = new Set<string>();
    const walk = (node: AnyStateNode): void => {
      for (const e of node.ownEvents) accepted.add(e);
      for (const child of Object.values(node.states) as AnyStateNode[]) walk(child);
    };
    walk(machine.root);
    expect(new Set(eventTypes).size).toBe(eventTypes.length);
    expect([...eventTypes].sort()).toEqual([...accepted].sort());
  });

  it('starts in the initial state, running its entry actions', () => {
    const log: string[] = [];
    const actor = createActor(logging(machine, log)).start();
    expect(table.states[table.initialState]).toBe(pathOf(actor.getSnapshot().value));
    expect(names(table.initialActions)).toEqual(log);
    actor.stop();
  });

  it('agrees with XState on every (state, event) pair: next state, acceptance and actions in order', () => {
    let checked = 0;
    for (const state of leafPaths(machine)) {
      const s = table.stateIndex(state);
      for (const type of eventTypes) {
        const e = table.eventIndex(type);
        const cell = s * eventTypes.length + e;
        const xs = interpret(machine, state, type);
        expect(table.isFinal[s], `${state} final`).toBe(xs.done ? 1 : 0);
        expect(table.next[cell] !== -1, `${state} can take ${type}`).toBe(xs.accepted);
        if (xs.accepted) {
          expect(table.states[table.next[cell]!], `${state} + ${type}`).toBe(xs.value);
          expect(names(table.cellActions[cell]!), `${state} + ${type} actions`).toEqual(xs.actions);
        } else {
          // An event the chart does not accept leaves XState where it was: the engine must refuse it.
          expect(xs.value, `${state} ignores ${type}`).toBe(state);
          expect(table.cellActions[cell]).toEqual([]);
        }
        checked++;
      }
    }
    expect(checked).toBe(leafPaths(machine).length * eventTypes.length);
  });

  it('names exactly the actions the chart declares, so none is dead and none undeclared', () => {
    expect([...table.actions].sort()).toEqual(Object.keys(machine.implementations.actions).sort());
  });

  it('can leave every state that is not final, and reach every state from the initial one', () => {
    const reached = new Set([table.initialState]);
    const todo = [table.initialState];
    while (todo.length > 0) {
      const s = todo.pop()!;
      for (let e = 0; e < eventTypes.length; e++) {
        const n = table.next[s * eventTypes.length + e]!;
        if (n >= 0 && !reached.has(n)) {
          reached.add(n);
          todo.push(n);
        }
      }
    }
    expect([...reached].map((s) => table.states[s]).sort()).toEqual([...table.states].sort());
    table.states.forEach((state, s) => {
      const exits = eventTypes.filter((_, e) => table.next[s * eventTypes.length + e]! >= 0);
      expect(exits.length > 0, `${state} has a way out`).toBe(table.isFinal[s] === 0);
    });
  });
});

describe('the sandbox lifecycle chart, as students read it', () => {
  const t = compileMachine(sandboxLifecycle, sandboxEventTypes);
  const next = (state: string, event: (typeof sandboxEventTypes)[number]) => {
    const n = t.next[t.stateIndex(state) * sandboxEventTypes.length + t.eventIndex(event)]!;
    return n < 0 ? null : t.states[n];
  };

  it('goes through the four cold-start phases in order: code download, sandbox start, runtime boot, init code', () => {
    expect(next('placing', 'PLACED')).toBe('initializing.fetchingCode');
    expect(next('initializing.fetchingCode', 'CODE_FETCHED')).toBe('initializing.startingSandbox');
    expect(next('initializing.startingSandbox', 'SANDBOX_STARTED')).toBe('initializing.bootingRuntime');
    expect(next('initializing.bootingRuntime', 'RUNTIME_BOOTED')).toBe('initializing.runningInit');
  });

  it('runs one invocation at a time: a busy sandbox cannot take a second INVOKE', () => {
    expect(next('idle', 'INVOKE')).toBe('invoking');
    expect(next('invoking', 'INVOKE')).toBeNull();
  });

  it('discards a sandbox whose handler timed out, and reclaims an idle one at keep-alive expiry', () => {
    expect(next('invoking', 'INVOKE_TIMED_OUT')).toBe('shuttingDown');
    expect(next('idle', 'KEEP_ALIVE_EXPIRED')).toBe('shuttingDown');
    expect(next('invoking', 'KEEP_ALIVE_EXPIRED')).toBeNull();
  });
});

describe('the request path chart, as students read it', () => {
  const t = compileMachine(requestPath, requestEventTypes);
  const next = (state: string, event: (typeof requestEventTypes)[number]) => {
    const n = t.next[t.stateIndex(state) * requestEventTypes.length + t.eventIndex(event)]!;
    return n < 0 ? null : t.states[n];
  };
  const actions = (state: string, event: (typeof requestEventTypes)[number]) => t.cellActions[t.stateIndex(state) * requestEventTypes.length + t.eventIndex(event)]!.map((a) => t.actions[a]);

  it('starts with a choice: through the API gateway, or straight to the load balancer', () => {
    expect(t.states[t.initialState]).toBe('arriving');
    expect(t.initialActions).toEqual([]);
    expect(next('arriving', 'DIRECT')).toBe('atLoadBalancer');
    expect(next('arriving', 'VIA_GATEWAY')).toBe('atGateway');
  });

  it('refuses a call at the gateway before the counting service, holding no concurrency', () => {
    expect(next('atGateway', 'GATEWAY_PASSED')).toBe('atLoadBalancer');
    expect(next('atGateway', 'GATEWAY_THROTTLED')).toBe('throttledAtGateway');
    expect(actions('atGateway', 'GATEWAY_THROTTLED')).toEqual(['recordOutcome']);
    expect(t.isFinal[t.stateIndex('throttledAtGateway')]).toBe(1);
  });

  it('after a function error: the caller gets it (sync), or the event waits and goes back to counting, or to the dead-letter queue', () => {
    expect(next('running', 'HANDLER_FAILED')).toBe('failed');
    expect(next('running', 'HANDLER_FAILED_RETRY')).toBe('waitingToRetry');
    expect(actions('running', 'HANDLER_FAILED_RETRY')).toEqual(['releaseConcurrency', 'scheduleErrorRetry']);
    expect(next('waitingToRetry', 'RETRY')).toBe('counting');
    expect(next('waitingToRetry', 'DEAD_LETTER')).toBe('deadLettered');
    expect(actions('running', 'HANDLER_FAILED_FINAL')).toEqual(['releaseConcurrency', 'recordOutcome']);
    expect(next('queued', 'DEAD_LETTER')).toBe('deadLettered');
  });
});

describe('the engine implements every action the charts name', () => {
  afterEach(() => {
    vi.doUnmock('./sandboxLifecycle');
    vi.resetModules();
  });

  const tiny = {
    version: 1,
    durationMs: 1000,
    accounts: [{ id: 'acme' }],
    functions: [{ name: 'f', account: 'acme', memoryMb: 128, durationMs: { dist: 'constant', ms: 1 }, workload: { type: 'poisson', ratePerSec: 1 } }],
  };

  it('a simulation starts with the real charts', async () => {
    const { Simulation } = await import('../sim/engine');
    const { parseScenario } = await import('../sim/scenario');
    expect(() => new Simulation(parseScenario(tiny))).not.toThrow();
  });

  it('a chart naming an action the engine lacks is refused when a simulation starts', async () => {
    vi.resetModules();
    vi.doMock('./sandboxLifecycle', async (importOriginal) => {
      const real = await importOriginal<typeof import('./sandboxLifecycle')>();
      const config = real.sandboxLifecycle.config as { states: Record<string, object> };
      const withExtra = { ...config, states: { ...config.states, idle: { ...config.states.idle, entry: ['startKeepAliveTimer', 'prewarmCache'] } } };
      const machine: AnyStateMachine = createMachine(withExtra as never);
      return { ...real, sandboxLifecycle: machine.provide({ actions: real.sandboxLifecycle.implementations.actions as never }) };
    });
    const { Simulation } = await import('../sim/engine');
    const { parseScenario } = await import('../sim/scenario');
    expect(() => new Simulation(parseScenario(tiny))).toThrow(/sandbox chart names action "prewarmCache"/);
  });
});
