/** What a scheduled event does when its time comes (see Simulation.dispatch). */
export const EventKind = {
  Arrival: 0,
  SandboxEvent: 1,
  RequestEvent: 2,
  CountingDone: 3,
  RoutingDone: 4,
  InitCodeDone: 5,
  HandlerEnd: 6,
  KeepAlive: 7,
  GatewayDone: 8,
  /** The hybrid keep-alive policy loads a function's sandbox again (id: function, code: generation). */
  Prewarm: 9,
  /** A provisioned-concurrency schedule's step (id: function, code: step number, counting repeats). */
  ProvisionedStep: 10,
} as const;
export type EventKind = (typeof EventKind)[keyof typeof EventKind];

/** A scheduled event. Plain data, so a checkpoint can copy the whole queue. */
export interface SimEvent {
  t: number;
  /** Insertion order: breaks ties between events at the same time deterministically. */
  seq: number;
  kind: EventKind;
  /** The function, sandbox or request the event is for. */
  id: number;
  /** An event index of the target's statechart, or a generation number (keep-alive). */
  code: number;
}

const before = (a: SimEvent, b: SimEvent) => a.t < b.t || (a.t === b.t && a.seq < b.seq);

/** A binary min-heap ordered by (time, insertion order). */
export class EventQueue {
  items: SimEvent[] = [];
  private seq = 0;
  /** Dispatched events, reused by push: a million-request run allocates few event objects. */
  private free: SimEvent[] = [];

  get size(): number {
    return this.items.length;
  }

  peekTime(): number {
    return this.items.length > 0 ? this.items[0]!.t : Infinity;
  }

  push(t: number, kind: EventKind, id: number, code: number): void {
    const items = this.items;
    let ev = this.free.pop();
    if (ev) {
      ev.t = t;
      ev.seq = this.seq++;
      ev.kind = kind;
      ev.id = id;
      ev.code = code;
    } else {
      ev = { t, seq: this.seq++, kind, id, code };
    }
    let i = items.length;
    items.push(ev);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = items[parent]!;
      if (!before(ev, p)) break;
      items[i] = p;
      i = parent;
    }
    items[i] = ev;
  }

  /** Hands a dispatched event back for reuse; the caller must hold no reference to it. */
  recycle(ev: SimEvent): void {
    this.free.push(ev);
  }

  pop(): SimEvent | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (top === undefined || last === undefined || items.length === 0) return top;
    const n = items.length;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && before(items[r]!, items[l]!) ? r : l;
      if (!before(items[c]!, last)) break;
      items[i] = items[c]!;
      i = c;
    }
    items[i] = last;
    return top;
  }

  /** Plain-data copy for checkpoints. */
  save(): { items: SimEvent[]; seq: number } {
    return { items: this.items.map((e) => ({ ...e })), seq: this.seq };
  }

  static restore(saved: { items: SimEvent[]; seq: number }): EventQueue {
    const q = new EventQueue();
    q.items = saved.items.map((e) => ({ ...e }));
    q.seq = saved.seq;
    return q;
  }
}
