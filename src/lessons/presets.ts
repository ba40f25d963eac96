import type { Localized } from '../i18n/types';
import type { ScenarioInput } from '../sim/scenario';
import { appsPresets } from './appsPresets';

/**
 * A ready-made scenario, with one line on what it shows, in every language of the interface
 * (the scenario itself, its `name` included, is data and stays as it is).
 */
export interface Preset {
  id: string;
  title: Localized;
  /** What to watch for. */
  summary: Localized;
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
    title: { en: 'One cold start, step by step', fr: 'Un démarrage à froid, pas à pas' },
    summary: {
      en: 'A single request finds no sandbox: placement picks a worker, the sandbox fetches code, starts, boots the runtime and runs init before the handler.',
      fr: 'Une requête seule ne trouve aucune sandbox : le placement choisit un hôte, la sandbox télécharge le code, démarre, amorce le runtime et exécute l’initialisation avant le handler.',
    },
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
    title: { en: 'Warm reuse and keep-alive expiry', fr: 'Réutilisation à chaud et fin du keep-alive' },
    summary: {
      en: 'The second request a minute later is warm; after eight idle minutes the 5-minute keep-alive has reclaimed the sandbox, so the next one is cold again.',
      fr: 'La deuxième requête, une minute plus tard, démarre à chaud ; après huit minutes d’inactivité, le keep-alive de 5 minutes a récupéré la sandbox : la suivante repart à froid.',
    },
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
    title: { en: 'A burst scales out, then throttles', fr: 'Un pic de trafic : montée en charge, puis limitation' },
    summary: {
      en: 'Traffic jumps from 2 to 150 requests/s: new sandboxes are placed across workers until the reserved concurrency of 40 is reached, and the rest are throttled (HTTP 429).',
      fr: 'Le trafic passe de 2 à 150 requêtes/s : de nouvelles sandboxes sont placées sur les hôtes jusqu’à la concurrence réservée de 40, au-delà les requêtes sont limitées (HTTP 429).',
    },
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
      title:
        isolation === 'microvm'
          ? { en: 'Two accounts on shared hosts (one microVM per sandbox)', fr: 'Deux comptes sur des hôtes partagés (une microVM par sandbox)' }
          : { en: 'Two accounts on shared hosts (one VM per account)', fr: 'Deux comptes sur des hôtes partagés (une VM par compte)' },
      summary:
        isolation === 'microvm'
          ? {
              en: 'Firecracker-style: every sandbox is its own microVM, so two accounts pack densely onto the same hosts with VM-grade isolation.',
              fr: 'À la manière de Firecracker : chaque sandbox est sa propre microVM, si bien que deux comptes se partagent densément les mêmes hôtes, avec une isolation de niveau VM.',
            }
          : {
              en: 'Early-Lambda style: each account gets whole VMs and its containers run inside them; a VM is reserved even when its containers are few, so hosts fill up sooner.',
              fr: 'Comme aux débuts de Lambda : chaque compte reçoit des VM entières et ses conteneurs s’y exécutent ; une VM reste réservée même quand elle a peu de conteneurs, et les hôtes se remplissent plus vite.',
            },
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
    title: { en: 'Steady traffic for an hour', fr: 'Une heure de trafic régulier' },
    summary: {
      en: 'Poisson traffic at half a request per second: a handful of sandboxes serve almost every request warm, and most of their memory sits idle.',
      fr: 'Un trafic de Poisson à une demi-requête par seconde : une poignée de sandboxes servent presque toutes les requêtes à chaud, et l’essentiel de leur mémoire reste inactive.',
    },
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
  ...appsPresets,
];
