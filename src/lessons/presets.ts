import type { ScenarioInput } from '../sim/scenario';

/** A ready-made scenario, with one line on what it shows. */
export interface Preset {
  id: string;
  title: string;
  /** What to watch for. */
  summary: string;
  scenario: ScenarioInput;
}

const fn = (name: string, account: string, extra: Partial<ScenarioInput['functions'][number]> & Pick<ScenarioInput['functions'][number], 'workload'>) => ({
  name,
  account,
  memoryMb: 512,
  timeoutMs: 10_000,
  packageMb: 20,
  initMs: { dist: 'constant' as const, ms: 300 },
  durationMs: { dist: 'constant' as const, ms: 400 },
  ...extra,
});

export const presets: Preset[] = [
  {
    id: 'one-cold-start',
    title: 'One cold start, step by step',
    summary: 'A single request finds no sandbox: placement picks a worker, the sandbox fetches code, starts, boots the runtime and runs init before the handler.',
    scenario: {
      version: 1,
      name: 'One cold start, step by step',
      seed: 1,
      durationMs: 60_000,
      platform: { hosts: 2 },
      accounts: [{ id: 'acme' }],
      functions: [fn('resize-image', 'acme', { workload: { type: 'periodic', everyMs: 3_600_000, offsetMs: 1_000 } })],
    },
  },
  {
    id: 'warm-reuse',
    title: 'Warm reuse and keep-alive expiry',
    summary: 'The second request a minute later is warm; after eight idle minutes the 5-minute keep-alive has reclaimed the sandbox, so the next one is cold again.',
    scenario: {
      version: 1,
      name: 'Warm reuse and keep-alive expiry',
      seed: 2,
      durationMs: 12 * 60_000,
      platform: { hosts: 2, keepAlive: { policy: 'fixed', idleMs: 5 * 60_000 } },
      accounts: [{ id: 'acme' }],
      functions: [fn('resize-image', 'acme', { workload: { type: 'perMinute', counts: [1, 1, 0, 0, 0, 0, 0, 0, 1, 1] } })],
    },
  },
  {
    id: 'burst',
    title: 'A burst scales out, then throttles',
    summary: 'Traffic jumps from 2 to 150 requests/s: new sandboxes are placed across workers until the reserved concurrency of 40 is reached, and the rest are throttled (HTTP 429).',
    scenario: {
      version: 1,
      name: 'A burst scales out, then throttles',
      seed: 3,
      durationMs: 120_000,
      platform: { hosts: 4 },
      accounts: [{ id: 'acme' }],
      functions: [
        fn('checkout', 'acme', {
          memoryMb: 256,
          reservedConcurrency: 40,
          durationMs: { dist: 'lognormal', medianMs: 250, sigma: 0.5 },
          workload: { type: 'steps', steps: [{ atMs: 0, ratePerSec: 2 }, { atMs: 30_000, ratePerSec: 150 }, { atMs: 50_000, ratePerSec: 2 }] },
        }),
      ],
    },
  },
  ...(['microvm', 'account-vm'] as const).map(
    (isolation): Preset => ({
      id: `two-accounts-${isolation}`,
      title: `Two accounts on shared hosts (${isolation === 'microvm' ? 'one microVM per sandbox' : 'one VM per account'})`,
      summary:
        isolation === 'microvm'
          ? 'Firecracker-style: every sandbox is its own microVM, so two accounts pack densely onto the same hosts with VM-grade isolation.'
          : "Early-Lambda style: each account gets whole VMs and its containers run inside them; a VM is reserved even when its containers are few, so hosts fill up sooner.",
      scenario: {
        version: 1,
        name: `Two accounts on shared hosts (${isolation})`,
        seed: 4,
        durationMs: 5 * 60_000,
        platform: { hosts: 3, hostMemoryMb: 16_384, isolation, placement: 'spread' },
        accounts: [{ id: 'alice' }, { id: 'bob' }],
        functions: [
          fn('alice-api', 'alice', { memoryMb: 256, workload: { type: 'poisson', ratePerSec: 6 } }),
          fn('alice-report', 'alice', { memoryMb: 1024, durationMs: { dist: 'exponential', meanMs: 2_000 }, workload: { type: 'poisson', ratePerSec: 0.5 } }),
          fn('bob-thumbnails', 'bob', { memoryMb: 512, workload: { type: 'poisson', ratePerSec: 4 } }),
        ],
      },
    }),
  ),
  {
    id: 'steady',
    title: 'Steady traffic for an hour',
    summary: 'Poisson traffic at half a request per second: a handful of sandboxes serve almost every request warm, and most of their memory sits idle.',
    scenario: {
      version: 1,
      name: 'Steady traffic for an hour',
      seed: 42,
      durationMs: 3_600_000,
      accounts: [{ id: 'acme' }],
      functions: [
        fn('thumbnail', 'acme', {
          initMs: { dist: 'lognormal', medianMs: 300, sigma: 0.4 },
          durationMs: { dist: 'exponential', meanMs: 400 },
          workload: { type: 'poisson', ratePerSec: 0.5 },
        }),
      ],
    },
  },
];
