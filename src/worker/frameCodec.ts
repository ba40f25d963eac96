import type { Frame, GuestOsView, PoolSandboxState, PoolSandboxView, SandboxView } from './frame';

/**
 * A frame as it crosses from the worker to the page. Sandboxes and guest OSes, the bulk of a
 * frame (about 600 KB as objects with 2,000 sandboxes, 12 ms to copy on each side), travel as
 * columns of numbers in two Float64Arrays whose buffers are transferred, not copied; the page
 * rebuilds the objects in a fraction of a millisecond. Everything else is as in Frame.
 *
 * The warm pool's generic sandboxes travel as the last `poolSandboxes` rows of the sandbox
 * column block (same width, see packPoolSandbox), so they share its transferred buffer.
 */
export interface WireFrame extends Omit<Frame, 'sandboxes' | 'guestOses' | 'poolSandboxes'> {
  packed: {
    /** SANDBOX_FIELDS numbers per sandbox, then per pool sandbox; -1 stands for null. */
    sandboxes: Float64Array;
    /** How many of the rows of `sandboxes`, at its end, are pool sandboxes. */
    poolSandboxes: number;
    /** GUEST_OS_FIELDS numbers per guest OS. */
    guestOses: Float64Array;
    /** Sandbox lifecycle state paths, indexed by the packed state number. */
    sandboxStates: string[];
  };
}

/**
 * The buffers a frame hands over to the page instead of copying: its packed columns and its
 * series (about 90 KB at 600 buckets). Every one is made afresh for the frame (buildWireFrame
 * packs new columns; Timeline.seriesAt copies the series), so the engine keeps its own.
 */
export function frameTransferables(f: WireFrame): ArrayBuffer[] {
  const s = f.series;
  return [f.packed.sandboxes, f.packed.guestOses, ...Object.values(s.series), s.latencyWarm, s.latencyCold].map((a) => a.buffer as ArrayBuffer);
}

export const SANDBOX_FIELDS = 12;
export const GUEST_OS_FIELDS = 8;
const KINDS: GuestOsView['kind'][] = ['microvm', 'account-vm'];
const POOL_STATES: PoolSandboxState[] = ['pool.booting', 'pool.ready'];

/** Writes one sandbox at slot `i` (the engine's fields, -1 for none). */
export function packSandbox(
  out: Float64Array,
  i: number,
  sb: { id: number; fn: number; host: number; guestOs: number; state: number; stateSince: number; stateEndsAt: number; createdAt: number; initEndedAt: number; invocations: number; provisioned: boolean; currentRequest: number },
): void {
  const o = i * SANDBOX_FIELDS;
  out[o] = sb.id;
  out[o + 1] = sb.fn;
  out[o + 2] = sb.host;
  out[o + 3] = sb.guestOs;
  out[o + 4] = sb.state;
  out[o + 5] = sb.stateSince;
  out[o + 6] = sb.stateEndsAt;
  out[o + 7] = sb.createdAt;
  out[o + 8] = sb.initEndedAt;
  out[o + 9] = sb.invocations;
  out[o + 10] = sb.provisioned ? 1 : 0;
  out[o + 11] = sb.currentRequest;
}

/**
 * Writes one warm-pool sandbox at row `i` of the sandbox block: id, host, ready (1) or booting
 * (0), created, ready at, memory held; the other columns of the row are unused.
 */
export function packPoolSandbox(out: Float64Array, i: number, p: { id: number; host: number; memoryMb: number; createdAt: number; readyAt: number }, now: number): void {
  const o = i * SANDBOX_FIELDS;
  out[o] = p.id;
  out[o + 1] = p.host;
  out[o + 2] = p.readyAt <= now ? 1 : 0;
  out[o + 3] = p.createdAt;
  out[o + 4] = p.readyAt;
  out[o + 5] = p.memoryMb;
}

/** Writes one guest OS at slot `i`; `account` is its index in the frame's accounts. */
export function packGuestOs(
  out: Float64Array,
  i: number,
  g: { id: number; host: number; account: number; kind: GuestOsView['kind']; memoryMb: number; usedMb: number; createdAt: number; readyAt: number },
): void {
  const o = i * GUEST_OS_FIELDS;
  out[o] = g.id;
  out[o + 1] = g.host;
  out[o + 2] = g.account;
  out[o + 3] = KINDS.indexOf(g.kind);
  out[o + 4] = g.memoryMb;
  out[o + 5] = g.usedMb;
  out[o + 6] = g.createdAt;
  out[o + 7] = g.readyAt;
}

const orNull = (v: number) => (v < 0 ? null : v);

/**
 * Rebuilds the frame's objects from its columns. `prev` is the previous frame's sandboxes and
 * guest OSes, in id order (as the worker sends them): an entity whose every field is unchanged
 * keeps its object, so a frame of 10,000 sandboxes of which a few hundred changed allocates a
 * few hundred objects, not 10,000 (the rest was most of the page's garbage at that scale).
 * The views are read-only, so sharing them between frames is safe.
 */
export function unpackFrame(wire: WireFrame, prev: Pick<Frame, 'sandboxes' | 'guestOses'> = { sandboxes: [], guestOses: [] }): Frame {
  const { packed, ...rest } = wire;
  const s = packed.sandboxes;
  const poolRows = packed.poolSandboxes;
  const end = s.length - poolRows * SANDBOX_FIELDS;
  const sandboxes: SandboxView[] = new Array<SandboxView>(end / SANDBOX_FIELDS);
  const ps = prev.sandboxes;
  for (let i = 0, o = 0, j = 0; o < end; i++, o += SANDBOX_FIELDS) {
    const id = s[o]!;
    const state = packed.sandboxStates[s[o + 4]!]!;
    const stateEndsAt = orNull(s[o + 6]!);
    const initEndedAt = orNull(s[o + 8]!);
    const currentRequest = orNull(s[o + 11]!);
    while (j < ps.length && ps[j]!.id < id) j++;
    const old = ps[j];
    if (
      old !== undefined &&
      old.id === id &&
      old.fn === s[o + 1] &&
      old.host === s[o + 2] &&
      old.guestOs === s[o + 3] &&
      old.state === state &&
      old.stateSince === s[o + 5] &&
      old.stateEndsAt === stateEndsAt &&
      old.createdAt === s[o + 7] &&
      old.initEndedAt === initEndedAt &&
      old.invocations === s[o + 9] &&
      old.provisioned === (s[o + 10] === 1) &&
      old.currentRequest === currentRequest
    ) {
      sandboxes[i] = old;
      continue;
    }
    sandboxes[i] = {
      id,
      fn: s[o + 1]!,
      host: s[o + 2]!,
      guestOs: s[o + 3]!,
      state,
      stateSince: s[o + 5]!,
      stateEndsAt,
      createdAt: s[o + 7]!,
      initEndedAt,
      invocations: s[o + 9]!,
      provisioned: s[o + 10] === 1,
      currentRequest,
      // An idle sandbox's timed step is its keep-alive: it ends when the engine reclaims it.
      reclaimAt: state === 'idle' ? stateEndsAt : null,
    };
  }
  const poolSandboxes: PoolSandboxView[] = new Array<PoolSandboxView>(poolRows);
  for (let i = 0, o = end; o < s.length; i++, o += SANDBOX_FIELDS) {
    poolSandboxes[i] = { id: s[o]!, host: s[o + 1]!, state: POOL_STATES[s[o + 2]!]!, createdAt: s[o + 3]!, readyAt: s[o + 4]!, memoryMb: s[o + 5]! };
  }
  const g = packed.guestOses;
  const guestOses: GuestOsView[] = new Array<GuestOsView>(g.length / GUEST_OS_FIELDS);
  const pg = prev.guestOses;
  for (let i = 0, o = 0, j = 0; o < g.length; i++, o += GUEST_OS_FIELDS) {
    const id = g[o]!;
    const account = wire.accounts[g[o + 2]!]!;
    const kind = KINDS[g[o + 3]!]!;
    while (j < pg.length && pg[j]!.id < id) j++;
    const old = pg[j];
    if (old !== undefined && old.id === id && old.host === g[o + 1] && old.account === account && old.kind === kind && old.memoryMb === g[o + 4] && old.usedMb === g[o + 5] && old.createdAt === g[o + 6] && old.readyAt === g[o + 7]) {
      guestOses[i] = old;
      continue;
    }
    guestOses[i] = { id, host: g[o + 1]!, account, kind, memoryMb: g[o + 4]!, usedMb: g[o + 5]!, createdAt: g[o + 6]!, readyAt: g[o + 7]! };
  }
  return { ...rest, sandboxes, guestOses, poolSandboxes };
}
