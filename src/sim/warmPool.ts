import type { Host, PoolSandbox } from './model';
import type { Scenario } from './scenario';

/**
 * The warm pool: generic sandboxes (microVMs with a runtime booted, no function yet) started
 * ahead of demand and handed to whichever function needs a cold start, so that its cold start
 * shrinks to the assignment and its init code (as in Fission's pool manager, or the pool-based
 * approach of Lin and Glikson, 2019). Plain data, so a checkpoint copies it with a spread.
 */
export interface WarmPoolState {
  /** Ready or booting, in order of readiness (all boot for the same time). */
  sandboxes: PoolSandbox[];
  nextId: number;
  /** Pool sandboxes that could not be started for lack of memory: started when memory frees up. */
  deficit: number;
}

export function newWarmPool(): WarmPoolState {
  return { sandboxes: [], nextId: 0, deficit: 0 };
}

export function copyWarmPool(p: WarmPoolState): WarmPoolState {
  return { sandboxes: p.sandboxes.map((x) => ({ ...x })), nextId: p.nextId, deficit: p.deficit };
}

/** Memory one pool sandbox takes on its host. */
export function poolSandboxMb(s: Scenario): number {
  return s.platform.warmPool!.sandboxMb + s.platform.coldStart.microVmOverheadMb;
}

/**
 * Starts one pool sandbox on a host with room (the placement policy's choice: first fit for
 * `pack`, most free memory for `spread`), ready after `bootMs`; false when no host has room.
 */
export function startPoolSandbox(s: Scenario, hosts: Host[], pool: WarmPoolState, now: number, bootMs: number): boolean {
  const need = poolSandboxMb(s);
  let best: Host | null = null;
  for (const h of hosts) {
    if (h.memoryMb - h.usedMb < need) continue;
    if (s.platform.placement === 'pack') {
      best = h;
      break;
    }
    if (best === null || h.memoryMb - h.usedMb > best.memoryMb - best.usedMb) best = h;
  }
  if (!best) return false;
  best.usedMb += need;
  pool.sandboxes.push({ id: pool.nextId++, host: best.id, memoryMb: need, createdAt: now, readyAt: now + bootMs });
  return true;
}

/** Takes the pool sandbox that has been ready longest, or null if none is ready at `now`. */
export function takeReadyPoolSandbox(pool: WarmPoolState, now: number): PoolSandbox | null {
  const first = pool.sandboxes[0];
  if (!first || first.readyAt > now) return null;
  return pool.sandboxes.shift()!;
}
