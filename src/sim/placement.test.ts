import { describe, expect, it } from 'vitest';
import { Simulation, type Transition } from './engine';
import { fn, instantPlatform, requestTransitions, runTraced, sandboxTransitions, scenario } from './testkit';

/**
 * The placement service and the isolation rules: hosts > guest OSes > sandboxes.
 */

/**
 * `n` concurrent executions: a call every 10 ms, each running 10·n ms. On the instant
 * platform (no hop or cold-start time) exactly `n` sandboxes are needed.
 */
const concurrent = (n: number, overrides: Parameters<typeof fn>[0] = {}) =>
  fn({ initMs: { dist: 'constant', ms: 0 }, durationMs: { dist: 'constant', ms: 10 * n }, workload: { type: 'periodic', everyMs: 10 }, ...overrides });

/** The host of each sandbox, in creation order. */
const hostsOfSandboxes = (trace: Transition[]) => sandboxTransitions(trace).filter((t) => t.from === null).map((t) => t.host!);

describe('placement', () => {
  it('pack fills host 0 first, then host 1, and so on (first fit)', () => {
    // 512 MB + 5 MB of microVM overhead: 3 sandboxes fit on a 2048 MB host.
    const { trace } = runTraced(
      scenario({ durationMs: 1_000, platform: { ...instantPlatform, hosts: 4, hostMemoryMb: 2048, placement: 'pack' }, functions: [concurrent(10, { memoryMb: 512 })] }),
    );
    const hosts = hostsOfSandboxes(trace);
    const perHost = Math.floor(2048 / (512 + 5));
    expect(hosts).toHaveLength(10);
    hosts.forEach((h, i) => expect(h, `sandbox ${i}`).toBe(Math.floor(i / perHost)));
  });

  it('pack keeps a small load on host 0', () => {
    const { trace } = runTraced(scenario({ durationMs: 1_000, platform: { ...instantPlatform, hosts: 4, placement: 'pack' }, functions: [concurrent(6)] }));
    expect(new Set(hostsOfSandboxes(trace))).toEqual(new Set([0]));
  });

  it("spread puts a function's sandboxes evenly across hosts", () => {
    const { trace } = runTraced(scenario({ durationMs: 1_000, platform: { ...instantPlatform, hosts: 4, placement: 'spread' }, functions: [concurrent(10)] }));
    const hosts = hostsOfSandboxes(trace);
    expect(hosts).toHaveLength(10);
    // While none is reclaimed, each new sandbox goes to a host with the fewest of this function's.
    const count = [0, 0, 0, 0];
    for (const h of hosts) {
      expect(count[h]).toBe(Math.min(...count));
      count[h]!++;
    }
  });

  it('a sandbox that fits nowhere fails its request, and host memory is never over-committed', () => {
    // Two hosts of 1024 MB hold one 512 MB microVM each; demand is for about 5.
    const s = scenario({ durationMs: 2_000, platform: { hosts: 2, hostMemoryMb: 1024 }, functions: [concurrent(5)] });
    const sim = new Simulation(s);
    const checkHosts = () => {
      const used = sim.hosts.map(() => 0);
      for (const g of sim.guestOses.values()) used[g.host]! += g.memoryMb;
      sim.hosts.forEach((h, i) => expect(used[i]).toBeLessThanOrEqual(h.memoryMb));
      expect(sim.sandboxes.size).toBeLessThanOrEqual(2);
    };
    while (sim.step()) checkHosts();
    const report = sim.report();
    expect(report.requests.failed).toBeGreaterThan(0);
    expect(report.sandboxes.peakAlive).toBe(2);
  });

  it('account VMs are never over-committed either', () => {
    // Each account VM takes 2048 MB of a 4096 MB host: at most two VMs per host, four containers each.
    const s = scenario({
      durationMs: 2_000,
      platform: { hosts: 2, hostMemoryMb: 4096, isolation: 'account-vm', coldStart: { accountVmMemoryMb: 2048 } },
      functions: [concurrent(6, { name: 'a', account: 'alpha' }), concurrent(6, { name: 'b', account: 'beta' }), concurrent(6, { name: 'c', account: 'gamma' })],
    });
    const sim = new Simulation(s);
    let steps = 0;
    while (sim.step()) {
      steps++;
      for (const h of sim.hosts) {
        const vms = [...sim.guestOses.values()].filter((g) => g.host === h.id);
        expect(vms.reduce((m, g) => m + g.memoryMb, 0)).toBeLessThanOrEqual(h.memoryMb);
        for (const g of vms) expect(g.usedMb).toBeLessThanOrEqual(g.memoryMb);
      }
    }
    expect(steps).toBeGreaterThan(100);
    expect(sim.report().requests.failed).toBeGreaterThan(0);
  });
});

/** For each guest OS id: the accounts and functions of the sandboxes placed on it. */
function guestTenants(trace: Transition[]) {
  const out = new Map<number, { accounts: Set<string>; fns: Set<string>; sandboxes: Set<number> }>();
  for (const t of sandboxTransitions(trace).filter((x) => x.from === null)) {
    const g = out.get(t.guestOs!) ?? { accounts: new Set(), fns: new Set(), sandboxes: new Set() };
    g.accounts.add(t.account);
    g.fns.add(t.fn);
    g.sandboxes.add(t.id);
    out.set(t.guestOs!, g);
  }
  return out;
}

describe('isolation', () => {
  const twoAccounts = (isolation: 'microvm' | 'account-vm') =>
    runTraced(
      scenario({
        durationMs: 3_000,
        platform: { ...instantPlatform, hosts: 2, isolation, placement: 'pack' },
        functions: [
          concurrent(3, { name: 'a-resize', account: 'alpha' }),
          concurrent(3, { name: 'a-index', account: 'alpha' }),
          concurrent(3, { name: 'b-bill', account: 'beta' }),
        ],
      }),
    );

  it("account-vm: two accounts never share a guest OS, and one account's containers share its VM", () => {
    const { trace } = twoAccounts('account-vm');
    const guests = guestTenants(trace);
    for (const g of guests.values()) expect(g.accounts.size).toBe(1);
    // 512 MB containers, 8 to a 4096 MB VM: each account needs just one VM, even on one host.
    const alpha = [...guests.values()].filter((g) => g.accounts.has('alpha'));
    expect(alpha).toHaveLength(1);
    expect(alpha[0]!.fns).toEqual(new Set(['a-resize', 'a-index']));
    expect(alpha[0]!.sandboxes.size).toBeGreaterThan(2);
    expect([...guests.values()].filter((g) => g.accounts.has('beta'))).toHaveLength(1);
  });

  it('microvm: every sandbox has a guest OS of its own, while accounts share the hosts', () => {
    const { trace } = twoAccounts('microvm');
    const guests = guestTenants(trace);
    for (const g of guests.values()) expect(g.sandboxes.size).toBe(1);
    const host0 = new Set(sandboxTransitions(trace).filter((t) => t.from === null && t.host === 0).map((t) => t.account));
    expect(host0).toEqual(new Set(['alpha', 'beta']));
  });

  it.each(['microvm', 'account-vm'] as const)('%s: a sandbox serves one function, and one invocation at a time', (isolation) => {
    const { trace } = twoAccounts(isolation);
    const sandboxFn = new Map(sandboxTransitions(trace).filter((t) => t.from === null).map((t) => [t.id, t.fn]));
    const serving = new Map<number, number>();
    let runs = 0;
    for (const t of requestTransitions(trace)) {
      if (t.to === 'running') {
        runs++;
        expect(sandboxFn.get(t.sandbox!)).toBe(t.fn);
        expect(serving.has(t.sandbox!), `sandbox ${t.sandbox} already serving ${serving.get(t.sandbox!)} when given ${t.id}`).toBe(false);
        serving.set(t.sandbox!, t.id);
      } else if (t.from === 'running') {
        expect(serving.get(t.sandbox!)).toBe(t.id);
        serving.delete(t.sandbox!);
      }
    }
    expect(runs).toBeGreaterThan(500);
    // And a second concurrent request needed a second sandbox: 3 functions × about 3 each.
    expect(sandboxFn.size).toBe(9);
  });
});
