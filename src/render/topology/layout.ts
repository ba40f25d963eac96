import { i18n } from '../../i18n';
import type { Frame } from '../../worker/frame';
import { plural } from '../locale';
import { cachedText } from '../textCache';

/**
 * Where each host, guest OS and sandbox of a frame is drawn. Pure: a function of the frame, the
 * width and the interface's language (the guest OS labels).
 */
export interface TopologyLayout {
  width: number;
  height: number;
  cell: number;
  hosts: { id: number; x: number; y: number; w: number; h: number }[];
  /** Account groups (microVM mode) or account VMs (account-VM mode): the guest OS level. */
  guests: { key: string; guestOs: number | null; account: string; host: number; label: string; x: number; y: number; w: number; h: number; kind: 'microvm-group' | 'account-vm' | 'pool' }[];
  sandboxes: Map<number, { x: number; y: number }>;
  /** The warm pool's generic sandboxes (by their pool ids), in a group of their own on each host. */
  pool: Map<number, { x: number; y: number }>;
}

const GAP = 10;
const HOST_HEADER = 40;
const GUEST_LABEL = 16;
const PAD = 6;
const CELL_SIZES = [26, 22, 18, 14, 11, 8, 6, 4, 3];
/** A host's warm-pool group; account groups are `acct-…` and `vm-…`, so it cannot clash. */
const POOL_KEY = 'pool';

/**
 * Hosts in a grid; inside each, guest OSes grouped by account; inside those, sandboxes as
 * square cells in id order; last, the host's warm-pool sandboxes (no account, no function
 * yet). The cell size is the largest that keeps the whole view within
 * `maxHeight`, so 10 sandboxes are large and 10,000 are still all on screen.
 */
export function layoutTopology(frame: Frame, width: number, maxHeight = 640): TopologyLayout {
  // Most frames move no sandbox in or out: the last layout is reused when everything it
  // depends on is the same (a hash of it, taken without allocating), which spares the page
  // thousands of objects per frame and the pauses of collecting them.
  const sig = layoutSignature(frame, width, maxHeight);
  if (last && last.sig === sig) return last.layout;
  const layout = computeLayout(frame, width, maxHeight);
  last = { sig, layout };
  return layout;
}
let last: { sig: string; layout: TopologyLayout } | null = null;

/**
 * What a layout depends on: the width, the height allowed, the language, the accounts, the hosts, the guest
 * OSes (with an account VM's memory in use, which sizes its empty slots), and which sandbox and
 * pool sandbox sits on which host and guest OS (a sandbox never moves), hashed in two 32-bit
 * lanes with their counts.
 */
export function layoutSignature(frame: Frame, width: number, maxHeight: number): string {
  // Two lanes updated by plain functions (inlined by the engine): a closure writing to its
  // outer variables took 2 ms a frame at 10,000 sandboxes, most of the topology's script time.
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (const h of frame.hosts) {
    a = laneA(a, h.id);
    b = laneB(b, h.id);
  }
  for (const g of frame.guestOses) {
    a = laneA(laneA(a, g.id), g.host);
    b = laneB(laneB(b, g.id), g.host);
    if (g.kind === 'account-vm') {
      a = laneA(a, g.memoryMb - g.usedMb);
      b = laneB(b, g.memoryMb - g.usedMb);
    }
  }
  const sbs = frame.sandboxes;
  for (let i = 0; i < sbs.length; i++) {
    const sb = sbs[i]!;
    a = laneA(laneA(a, sb.id), sb.guestOs);
    b = laneB(laneB(b, sb.id), sb.guestOs);
  }
  for (const p of frame.poolSandboxes) {
    a = laneA(laneA(a, p.id), p.host);
    b = laneB(laneB(b, p.id), p.host);
  }
  return `${width}|${maxHeight}|${i18n.language}|${frame.accounts.join(',')}|${frame.hosts.length}|${frame.guestOses.length}|${frame.sandboxes.length}|${frame.poolSandboxes.length}|${frame.functions.map((f) => f.memoryMb).join(',')}|${a}|${b}`;
}

/** FNV-1a step. */
const laneA = (h: number, v: number) => Math.imul(h ^ v, 0x01000193) >>> 0;
/** A multiply-xorshift step, independent of FNV's. */
const laneB = (h: number, v: number) => (Math.imul(h + v, 0x5bd1e995) ^ (h >>> 13)) >>> 0;

function computeLayout(frame: Frame, width: number, maxHeight: number): TopologyLayout {
  const cols = Math.max(1, Math.min(frame.hosts.length, Math.floor((width + GAP) / (240 + GAP))));
  const hostW = (width - GAP * (cols - 1)) / cols;
  const innerW = hostW - 2 * PAD;

  // Group the sandboxes: host -> guest group (account for microVMs, the VM for account VMs) -> ids.
  const groups = new Map<number, Map<string, { account: string; guestOs: number | null; ids: number[]; capacity: number }>>();
  for (const h of frame.hosts) groups.set(h.id, new Map());
  const guestById = new Map(frame.guestOses.map((g) => [g.id, g]));
  const fnMemory = frame.functions.map((f) => f.memoryMb);
  for (const g of frame.guestOses) {
    if (g.kind === 'account-vm') groups.get(g.host)!.set(`vm-${g.id}`, { account: g.account, guestOs: g.id, ids: [], capacity: 0 });
  }
  // The worker sends sandboxes in id order already; sort only if not (a copy, the frame is shared).
  let inOrder = true;
  for (let i = 1; i < frame.sandboxes.length && inOrder; i++) inOrder = frame.sandboxes[i - 1]!.id < frame.sandboxes[i]!.id;
  const sorted = inOrder ? frame.sandboxes : [...frame.sandboxes].sort((a, b) => a.id - b.id);
  // A sandbox's group: its account VM, or its account's microVMs on its host. Found through a
  // number (no string per sandbox: a frame has up to 10,000 of them, each its own microVM).
  const accountIndex = new Map(frame.accounts.map((a, i) => [a, i]));
  const groupByNumber = new Map<number, { ids: number[] }>();
  for (let i = 0; i < sorted.length; i++) {
    const sb = sorted[i]!;
    const g = guestById.get(sb.guestOs);
    if (!g) continue;
    const n = g.kind === 'account-vm' ? -1 - g.id : sb.host * (frame.accounts.length + 1) + (accountIndex.get(g.account) ?? frame.accounts.length);
    let group = groupByNumber.get(n);
    if (!group) {
      const key = g.kind === 'account-vm' ? `vm-${g.id}` : `acct-${g.account}`;
      const hostGroups = groups.get(sb.host)!;
      if (!hostGroups.has(key)) hostGroups.set(key, { account: g.account, guestOs: null, ids: [], capacity: 0 });
      groupByNumber.set(n, (group = hostGroups.get(key)!));
    }
    group.ids.push(sb.id);
  }
  // Last on each host (grouped after its guests), in readiness order, which is their id order.
  for (const p of frame.poolSandboxes) {
    const hostGroups = groups.get(p.host)!;
    let g = hostGroups.get(POOL_KEY);
    if (!g) hostGroups.set(POOL_KEY, (g = { account: '', guestOs: null, ids: [], capacity: 0 }));
    g.ids.push(p.id);
  }
  // An account VM shows its free room as empty slots (sized by its smallest function), so
  // a half-empty VM looks half-empty: that reserved memory is the price of per-account VMs.
  const minFnMemory = Math.min(...fnMemory);
  for (const g of frame.guestOses) {
    if (g.kind !== 'account-vm') continue;
    const entry = groups.get(g.host)!.get(`vm-${g.id}`)!;
    entry.capacity = entry.ids.length + Math.floor((g.memoryMb - g.usedMb) / minFnMemory);
  }

  const measure = (cell: number) => {
    const perRow = Math.max(1, Math.floor((innerW - 2 * PAD) / (cell + 2)));
    const hostHeights = frame.hosts.map((h) => {
      let y = HOST_HEADER;
      for (const g of groups.get(h.id)!.values()) y += GUEST_LABEL + Math.max(1, Math.ceil(Math.max(g.ids.length, Math.min(g.capacity, 4 * perRow)) / perRow)) * (cell + 2) + PAD + 4;
      return Math.max(y + PAD, HOST_HEADER + 30);
    });
    let total = 0;
    for (let r = 0; r < hostHeights.length; r += cols) total += Math.max(...hostHeights.slice(r, r + cols)) + GAP;
    return { perRow, hostHeights, total };
  };
  let cell = CELL_SIZES[CELL_SIZES.length - 1]!;
  let m = measure(cell);
  for (const c of CELL_SIZES) {
    const mc = measure(c);
    if (mc.total <= maxHeight) {
      cell = c;
      m = mc;
      break;
    }
  }

  const layout: TopologyLayout = { width, height: 0, cell, hosts: [], guests: [], sandboxes: new Map(), pool: new Map() };
  let rowY = 0;
  for (let r = 0; r < frame.hosts.length; r += cols) {
    const rowHosts = frame.hosts.slice(r, r + cols);
    const rowH = Math.max(...m.hostHeights.slice(r, r + cols));
    rowHosts.forEach((h, c) => {
      const x = c * (hostW + GAP);
      layout.hosts.push({ id: h.id, x, y: rowY, w: hostW, h: rowH });
      let y = rowY + HOST_HEADER;
      for (const [key, g] of groups.get(h.id)!) {
        const isPool = key === POOL_KEY;
        const slots = Math.max(g.ids.length, Math.min(g.capacity, 4 * m.perRow));
        const rows = Math.max(1, Math.ceil(slots / m.perRow));
        const gh = GUEST_LABEL + rows * (cell + 2) + PAD;
        const isVm = g.guestOs !== null;
        layout.guests.push({
          key: `${h.id}-${key}`,
          guestOs: g.guestOs,
          account: g.account,
          host: h.id,
          label: isPool
            ? cachedText(`topology.pool|${g.ids.length}`, () => plural('render.topology.pool.group', g.ids.length, { n: g.ids.length }))
            : isVm
              ? cachedText(`topology.vm|${g.account}`, () => i18n.t('render.topology.accountVmLabel', { account: g.account }))
              : cachedText(`topology.microvms|${g.account}|${g.ids.length}`, () => plural('render.topology.microvms', g.ids.length, { account: g.account, n: g.ids.length })),
          x: x + PAD,
          y,
          w: innerW,
          h: gh,
          kind: isPool ? 'pool' : isVm ? 'account-vm' : 'microvm-group',
        });
        const cells = isPool ? layout.pool : layout.sandboxes;
        const x0 = x + 2 * PAD;
        const y0 = y + GUEST_LABEL;
        for (let i = 0, col = 0, row = 0; i < g.ids.length; i++) {
          cells.set(g.ids[i]!, { x: x0 + col * (cell + 2), y: y0 + row * (cell + 2) });
          if (++col === m.perRow) {
            col = 0;
            row++;
          }
        }
        y += gh + 4;
      }
    });
    rowY += rowH + GAP;
  }
  layout.height = Math.max(rowY - GAP, 40);
  return layout;
}
