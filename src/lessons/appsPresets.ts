import type { ScenarioInput } from '../sim/scenario';
import type { Preset } from './presets';

/**
 * The anti-patterns of domain.md §7 as runnable scenarios, each beside its better design, and
 * one positive example (object transformation on read). Every summary says what to look at.
 */

type FunctionInput = ScenarioInput['functions'][number];
const idle = { type: 'poisson', ratePerSec: 0 } as const;
const constant = (ms: number) => ({ dist: 'constant' as const, ms });
const fn = (name: string, account: string, extra: Partial<FunctionInput> & Pick<FunctionInput, 'workload'>): FunctionInput => ({
  name,
  account,
  memoryMb: 512,
  timeoutMs: 10_000,
  packageMb: 20,
  initMs: constant(300),
  durationMs: constant(400),
  ...extra,
});

const recursive = (recursionGuard: boolean): Preset => ({
  id: recursionGuard ? 'recursive-trigger-guarded' : 'recursive-trigger',
  title: recursionGuard
    ? { en: 'Anti-pattern: a recursive trigger, stopped by the recursion guard', fr: 'Anti-pattern : un déclencheur récursif, arrêté par la protection' }
    : { en: 'Anti-pattern: a recursive trigger, without a guard', fr: 'Anti-pattern : un déclencheur récursif, sans protection' },
  summary: recursionGuard
    ? {
        en: 'The same loop with loop detection on (AWS Lambda’s default): each chain is stopped after 16 invocations and its next event goes to the dead-letter queue. Watch the request count level off at 17 per upload and the dead-letter queue count one stopped loop per upload.',
        fr: 'La même boucle avec la détection activée (le réglage par défaut d’AWS Lambda) : chaque chaîne s’arrête après 16 invocations et l’événement suivant part dans la file de lettres mortes. Le nombre de requêtes plafonne à 17 par dépôt, et la file de lettres mortes compte une boucle arrêtée par dépôt.',
      }
    : {
        en: 'Each photo uploaded to the bucket triggers make-thumbnail, which writes its result back into the same bucket, which triggers it again, without end. Watch the request count and the cost climb faster and faster: every upload adds a loop that never stops.',
        fr: 'Chaque photo déposée dans le bucket déclenche make-thumbnail, qui écrit son résultat dans le même bucket, ce qui la déclenche à nouveau, sans fin. Le nombre de requêtes et le coût montent de plus en plus vite : chaque dépôt ajoute une boucle qui ne s’arrête jamais.',
      },
  scenario: {
    version: 1,
    name: recursionGuard ? 'Recursive trigger, with the recursion guard' : 'Recursive trigger, without a guard',
    seed: 61,
    durationMs: 120_000,
    platform: { hosts: 2, recursionGuard },
    accounts: [{ id: 'media' }],
    functions: [
      fn('make-thumbnail', 'media', {
        trigger: 'storage',
        source: 'photos',
        resourcePolicy: ['s3:photos'],
        role: ['s3:photos'],
        calls: [{ fn: 'make-thumbnail', mode: 'storage' }],
        workload: { type: 'periodic', everyMs: 15_000, offsetMs: 1_000 },
      }),
    ],
  },
});

/** checkout (150 ms) > payment (300 ms) > invoice (250 ms), 1 GB each, called through the SDK or through queues. */
const chain = (mode: 'sync' | 'async'): Preset => {
  const next = (name: string, durationMs: number, caller: string, calls: FunctionInput['calls']): FunctionInput =>
    fn(name, 'shop', {
      memoryMb: 1024,
      durationMs: constant(durationMs),
      trigger: mode === 'sync' ? 'sdk' : 'queue',
      source: `${name}-queue`,
      resourcePolicy: [mode === 'sync' ? `fn:${caller}` : `sqs:${name}-queue`],
      ...(calls && { calls, role: calls.map((c) => (mode === 'sync' ? `fn:${c.fn}` : `sqs:${c.fn}-queue`)) }),
      workload: idle,
    });
  return {
    id: mode === 'sync' ? 'sync-chain' : 'queue-chain',
    title:
      mode === 'sync'
        ? { en: 'Anti-pattern: functions calling functions synchronously', fr: 'Anti-pattern : des fonctions qui s’appellent de façon synchrone' }
        : { en: 'The same three functions, through queues', fr: 'Les trois mêmes fonctions, reliées par des files' },
    summary:
      mode === 'sync'
        ? {
            en: 'checkout calls payment and waits; payment calls invoice and waits. A waiting caller keeps its sandbox busy and is billed for it: compare the billed GB-s and the latency with the queue version (Metrics tab). Click a checkout request to see what it is waiting for.',
            fr: 'checkout appelle payment et attend ; payment appelle invoice et attend. Un appelant qui attend garde sa sandbox occupée, et elle lui est facturée : comparez les Go-s facturés et la latence avec la version à files (onglet Métriques). Cliquez sur une requête de checkout pour voir ce qu’elle attend.',
          }
        : {
            en: 'Each function puts a message on the next one’s queue and returns: each is billed for its own work only, about half the GB-s of the synchronous chain, and checkout answers in a fraction of the time.',
            fr: 'Chaque fonction dépose un message dans la file de la suivante et rend la main : chacune n’est facturée que pour son propre travail, environ la moitié des Go-s de la chaîne synchrone, et checkout répond en une fraction du temps.',
          },
    scenario: {
      version: 1,
      name: mode === 'sync' ? 'Three functions calling each other synchronously' : 'Three functions through queues',
      seed: 62,
      durationMs: 120_000,
      platform: { hosts: 4 },
      accounts: [{ id: 'shop' }],
      functions: [
        fn('checkout', 'shop', {
          memoryMb: 1024,
          durationMs: constant(150),
          trigger: 'api',
          resourcePolicy: ['apigateway'],
          role: [mode === 'sync' ? 'fn:payment' : 'sqs:payment-queue'],
          calls: [{ fn: 'payment', mode }],
          workload: { type: 'poisson', ratePerSec: 4 },
        }),
        next('payment', 300, 'checkout', [{ fn: 'invoice', mode }]),
        next('invoice', 250, 'payment', undefined),
      ],
    },
  };
};

/** The shop's three routes, as one function or three (the traffic of lesson 10). */
const ROUTES = [
  { name: 'browse', memoryMb: 256, packageMb: 15, initMs: 250, durationMs: 80, rate: 2.5, role: ['s3:catalog'] },
  { name: 'checkout', memoryMb: 512, packageMb: 30, initMs: 600, durationMs: 300, rate: 0.4, role: ['dynamodb:orders', 'dynamodb:payments'] },
  { name: 'export-pdf', memoryMb: 2_048, packageMb: 120, initMs: 1_500, durationMs: 1_500, rate: 0.1, role: ['s3:invoices'] },
];

const monolith = (split: boolean): Preset => ({
  id: split ? 'small-functions' : 'monolith',
  title: split
    ? { en: 'The same routes as small functions', fr: 'Les mêmes routes en petites fonctions' }
    : { en: 'Anti-pattern: the monolith function', fr: 'Anti-pattern : la fonction monolithe' },
  summary: split
    ? {
        en: 'Each route is its own function, with its own small package, short init, right-sized memory and a role listing only what it touches. Compare the cold-start latency (Metrics tab) with the monolith’s, and click a request to see its narrow role.',
        fr: 'Chaque route est sa propre fonction, avec son petit paquet, une initialisation courte, une mémoire à sa taille et un rôle limité à ce qu’elle touche. Comparez la latence des démarrages à froid (onglet Métriques) à celle du monolithe, et cliquez sur une requête pour voir son rôle restreint.',
      }
    : {
        en: 'All three routes in one function: a 250 MB package and a 3 s init that every cold start pays, 2 GB of memory for every page view, and a role that lets every route reach every resource. Look at the cold-start latency in the Metrics tab, and click a request to see its broad role.',
        fr: 'Les trois routes dans une seule fonction : un paquet de 250 Mo et une initialisation de 3 s que paie chaque démarrage à froid, 2 Go de mémoire pour chaque affichage de page, et un rôle qui laisse chaque route atteindre chaque ressource. Regardez la latence des démarrages à froid dans l’onglet Métriques, et cliquez sur une requête pour voir son rôle étendu.',
      },
  scenario: {
    version: 1,
    name: split ? 'The same routes as small functions' : 'The monolith function',
    seed: 63,
    durationMs: 5 * 60_000,
    platform: { hosts: 6 },
    accounts: [{ id: 'shop' }],
    functions: split
      ? ROUTES.map((r) =>
          fn(r.name, 'shop', {
            memoryMb: r.memoryMb,
            packageMb: r.packageMb,
            initMs: { dist: 'lognormal', medianMs: r.initMs, sigma: 0.25 },
            durationMs: { dist: 'lognormal', medianMs: r.durationMs, sigma: 0.3 },
            trigger: 'api',
            resourcePolicy: ['apigateway'],
            role: r.role,
            uses: r.role,
            workload: { type: 'poisson', ratePerSec: r.rate },
          }),
        )
      : [
          fn('shop', 'shop', {
            memoryMb: 2_048,
            packageMb: 250,
            initMs: { dist: 'lognormal', medianMs: 3_000, sigma: 0.25 },
            // Mostly quick page views, some checkouts, a few slow exports (the routes' mix, as in lesson 10).
            durationMs: { dist: 'empirical', percentiles: { p0: 40, p1: 50, p25: 70, p50: 85, p75: 110, p99: 637, p100: 2_500 } },
            trigger: 'api',
            resourcePolicy: ['apigateway'],
            role: ROUTES.flatMap((r) => r.role).concat('ses:email', 'sqs:jobs'),
            workload: { type: 'poisson', ratePerSec: ROUTES.reduce((s, r) => s + r.rate, 0) },
          }),
        ],
  },
});

const objectLambda: Preset = {
  id: 'object-lambda',
  title: { en: 'Good pattern: transforming objects on read (object lambda)', fr: 'Bonne pratique : transformer les objets à la lecture (object lambda)' },
  summary: {
    en: 'Every GET through the bucket’s object-lambda access point invokes redact-on-get, which reads the original document (its role allows that one bucket) and returns a redacted copy: one stored original, many views. A nightly export that calls the function directly is denied by its resource policy: watch the denied count, and click a request to see the policy.',
    fr: 'Chaque GET via le point d’accès object lambda du bucket invoque redact-on-get, qui lit le document original (son rôle n’autorise que ce bucket) et renvoie une copie caviardée : un seul original stocké, plusieurs vues. Un export planifié qui appelle la fonction directement est refusé par sa politique de ressource : suivez le nombre de refus, et cliquez sur une requête pour voir la politique.',
  },
  scenario: {
    version: 1,
    name: 'Object transformation on read',
    seed: 64,
    durationMs: 3 * 60_000,
    platform: { hosts: 2 },
    accounts: [{ id: 'records' }],
    functions: [
      fn('redact-on-get', 'records', {
        memoryMb: 1024,
        durationMs: { dist: 'lognormal', medianMs: 120, sigma: 0.4 },
        trigger: 'sdk',
        caller: 's3-object-lambda:documents',
        resourcePolicy: ['s3-object-lambda:documents'],
        role: ['s3:documents'],
        uses: ['s3:documents'],
        workload: { type: 'poisson', ratePerSec: 5 },
      }),
      fn('nightly-export', 'records', {
        memoryMb: 256,
        durationMs: constant(200),
        trigger: 'schedule',
        role: ['fn:redact-on-get'],
        calls: [{ fn: 'redact-on-get', mode: 'sync' }],
        workload: { type: 'periodic', everyMs: 30_000, offsetMs: 5_000 },
      }),
    ],
  },
};

export const appsPresets: Preset[] = [recursive(false), recursive(true), chain('sync'), chain('async'), monolith(false), monolith(true), objectLambda];
