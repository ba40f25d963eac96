import type { Scenario } from './scenario';
import type { GuestOs, Host } from './model';

/** Where a new sandbox goes: an existing guest OS, or a new one on a host. */
export type PlacementDecision = { guestOs: GuestOs; host: Host; newGuest: false } | { host: Host; newGuest: true; guestMemoryMb: number } | null;

/**
 * The placement service. `pack` fills hosts in order (few hosts busy, the rest free for big
 * tenants); `spread` puts a function's new sandbox on the host with the fewest of its
 * sandboxes, so one function's spikes are not concentrated on one worker.
 */
export function placeSandbox(
  s: Scenario,
  hosts: readonly Host[],
  guestOses: ReadonlyMap<number, GuestOs>,
  fn: number,
  account: number,
  memoryMb: number,
): PlacementDecision {
  const spread = s.platform.placement === 'spread';
  const better = (a: Host, b: Host) => {
    if (!spread) return a.id < b.id;
    const ca = a.sandboxesByFn[fn] ?? 0;
    const cb = b.sandboxesByFn[fn] ?? 0;
    if (ca !== cb) return ca < cb;
    const fa = a.memoryMb - a.usedMb;
    const fb = b.memoryMb - b.usedMb;
    return fa !== fb ? fa > fb : a.id < b.id;
  };

  if (s.platform.isolation === 'account-vm') {
    // Reuse a VM of this account with room for one more container.
    let best: GuestOs | null = null;
    for (const g of guestOses.values()) {
      if (g.account !== account || g.memoryMb - g.usedMb < memoryMb) continue;
      if (best === null || better(hosts[g.host]!, hosts[best.host]!) || (g.host === best.host && g.id < best.id)) best = g;
    }
    if (best) return { guestOs: best, host: hosts[best.host]!, newGuest: false };
  }

  const need = s.platform.isolation === 'microvm' ? memoryMb + s.platform.coldStart.microVmOverheadMb : s.platform.coldStart.accountVmMemoryMb;
  let host: Host | null = null;
  for (const h of hosts) {
    if (h.memoryMb - h.usedMb < need) continue;
    if (host === null || better(h, host)) {
      host = h;
      if (!spread) break; // first fit
    }
  }
  return host ? { host, newGuest: true, guestMemoryMb: need } : null;
}
