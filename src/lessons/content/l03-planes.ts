import type { Lesson } from '../types';
import { num } from '../format';

/**
 * Lesson 3: the data plane hop by hop (load balancer, frontend, counting service, worker
 * manager, placement, worker), and the fact that a warm request skips placement. The scenario
 * is one function called every 4 s: one cold request, then warm ones. The experiment makes the
 * placement service 20 times slower; the average latency barely moves, because only the cold
 * request went through it.
 */


/** The placement delay before and after the experiment, ms. */
const PLACEMENT_MS = 10;
const SLOW_PLACEMENT_MS = 200;

export const lesson: Lesson = {
  id: 'planes',
  title: { en: 'Control plane and data plane', fr: 'Plan de contrôle et plan de données' },
  body: [
    {
      en: 'A serverless platform has two halves. The control plane is the developer’s side: the API to create, configure and deploy functions and to set who may call them. The data plane is what every single invocation travels through, and it is what FaaScope draws.',
      fr: 'Une plateforme serverless a deux moitiés. Le plan de contrôle est le côté du développeur : l’API qui sert à créer, configurer et déployer les fonctions, et à dire qui peut les appeler. Le plan de données est ce que traverse chaque invocation, et c’est lui que FaaScope dessine.',
    },
    {
      en: 'The path of one invocation: a load balancer receives the call; the frontend (the invoke service) authenticates it and looks up the function’s metadata and configuration; the counting service counts the function’s concurrent executions against its limits (1,000 per account and region by default, AWS Lambda quotas) and throttles what is over; the worker manager tracks the function’s sandboxes and sends the request to a warm, idle one if there is one.',
      fr: 'Le trajet d’une invocation : un équilibreur de charge reçoit l’appel ; le frontend (le service d’invocation) l’authentifie et lit les métadonnées et la configuration de la fonction ; le service de comptage compare les exécutions simultanées de la fonction à ses limites (1 000 par compte et par région par défaut, quotas AWS Lambda) et rejette ce qui dépasse ; le gestionnaire de workers suit les sandboxes de la fonction et envoie la requête vers une sandbox chaude et libre s’il en existe un.',
    },
    {
      en: 'Only when there is none does the worker manager ask the placement service for a new sandbox. Placement picks a worker (a physical host) that can start it quickly, keeps the hosts well used and avoids unhealthy ones; the worker then starts the sandbox and runs the handler. A warm request never meets placement: its path is shorter, and much faster. This architecture is the one AWS described in “A Serverless Journey: AWS Lambda under the hood” (re:Invent 2018).',
      fr: 'C’est seulement s’il n’y en a aucune que le gestionnaire de workers demande une nouvelle sandbox au service de placement. Celui-ci choisit un worker (une machine physique) capable de le démarrer vite, garde les machines bien occupées et évite celles en mauvaise santé ; le worker démarre alors la sandbox et exécute le handler. Une requête à chaud ne passe jamais par le placement : son trajet est plus court, et bien plus rapide. C’est l’architecture qu’AWS a présentée dans « A Serverless Journey: AWS Lambda under the hood » (re:Invent 2018).',
    },
    {
      en: 'FaaScope simplifies each hop to a fixed delay: 1 ms for the load balancer, 3 ms for the frontend, 1 ms for counting, 1 ms for the worker manager and 10 ms for placement. No provider publishes these; they are illustrative, small enough to be realistic and visible in slow motion.',
      fr: 'FaaScope réduit chaque étape à un délai fixe : 1 ms pour l’équilibreur de charge, 3 ms pour le frontend, 1 ms pour le comptage, 1 ms pour le gestionnaire de workers et 10 ms pour le placement. Aucun fournisseur ne les publie : ce sont des valeurs illustratives, assez petites pour être plausibles et visibles au ralenti.',
    },
  ],
  sources: ['AWS Lambda quotas (documentation)', 'AWS re:Invent 2018, "A Serverless Journey: AWS Lambda under the hood"'],
  scenario: {
    version: 1,
    name: 'Lesson 3: the path of a request',
    seed: 31,
    durationMs: 60_000,
    platform: { hosts: 3, hopsMs: { loadBalancer: 1, frontend: 3, counting: 1, workerManager: 1, placement: PLACEMENT_MS } },
    accounts: [{ id: 'acme' }],
    functions: [
      {
        name: 'orders-api',
        account: 'acme',
        memoryMb: 256,
        timeoutMs: 5_000,
        packageMb: 10,
        initMs: { dist: 'constant', ms: 250 },
        durationMs: { dist: 'lognormal', medianMs: 120, sigma: 0.2 },
        workload: { type: 'periodic', everyMs: 4_000, offsetMs: 500 },
      },
    ],
  },
  panels: ['plane', 'topology', 'statechart', 'metrics'],
  steps: [
    {
      text: {
        en: 'The first request reaches the load balancer, on the left of the plane view. Play it in slow motion to watch it move from hop to hop.',
        fr: 'La première requête arrive à l’équilibreur de charge, à gauche de la vue du plan de données. Faites-la avancer au ralenti pour la voir passer d’étape en étape.',
      },
      target: { kind: 'transition', entity: 'request', to: 'atLoadBalancer' },
      playAt: 0.01,
    },
    {
      text: {
        en: 'The frontend has authenticated the call and found the function’s configuration. Now the counting service checks the limits: nothing of this account is running, far below 1,000, so the request is admitted.',
        fr: 'Le frontend a authentifié l’appel et trouvé la configuration de la fonction. Le service de comptage vérifie maintenant les limites : rien ne tourne pour ce compte, bien en dessous de 1 000, la requête est donc admise.',
      },
      target: { kind: 'transition', entity: 'request', to: 'counting' },
    },
    {
      text: {
        en: 'The worker manager found no idle sandbox of orders-api, so the request waits while the placement service picks a worker: a new sandbox appears on a host in the topology view, in the placing state.',
        fr: 'Le gestionnaire de workers n’a trouvé aucune sandbox libre pour orders-api : la requête attend pendant que le service de placement choisit un worker. Une nouvelle sandbox apparaît sur un hôte dans la vue de topologie, dans l’état placing.',
      },
      target: { kind: 'transition', entity: 'request', to: 'waitingForSandbox' },
    },
    {
      text: {
        en: 'The sandbox has initialized on its worker and the handler runs. The request took the long way: every hop, plus placement and the cold start.',
        fr: 'La sandbox s’est initialisée sur son worker et le handler s’exécute. La requête a pris le chemin long : toutes les étapes, plus le placement et le démarrage à froid.',
      },
      target: { kind: 'transition', entity: 'request', to: 'running' },
    },
    {
      text: {
        en: 'The second request: same load balancer, frontend and counting service, but the worker manager finds the idle sandbox and sends it straight to running. In the Statecharts tab, its path never visited waitingForSandbox.',
        fr: 'La deuxième requête : même équilibreur, même frontend, même service de comptage, mais le gestionnaire de workers trouve la sandbox libre et l’envoie directement à running. Dans l’onglet des diagrammes d’états, son trajet ne passe jamais par waitingForSandbox.',
      },
      target: { kind: 'transition', entity: 'request', to: 'running', nth: 2 },
      predict: {
        question: {
          en: 'The placement service is overloaded and becomes 20 times slower (10 ms → 200 ms). By how much does the average latency of this minute’s requests grow?',
          fr: 'Le service de placement est surchargé et devient 20 fois plus lent (10 ms → 200 ms). De combien la latence moyenne des requêtes de cette minute augmente-t-elle ?',
        },
        choices: [
          { id: 'full', label: { en: 'By about 190 ms: every request goes through placement', fr: 'D’environ 190 ms : chaque requête passe par le placement' } },
          { id: 'little', label: { en: 'By much less than 190 ms', fr: 'De bien moins que 190 ms' } },
          { id: 'none', label: { en: 'Not at all', fr: 'Pas du tout' } },
        ],
        variantLabel: { en: 'placement 10 ms → 200 ms', fr: 'placement de 10 ms → 200 ms' },
        variant: (base) => ({ ...base, platform: { ...base.platform, hopsMs: { ...base.platform?.hopsMs, placement: SLOW_PLACEMENT_MS } } }),
        answer: (b, v) => {
          const grew = (v.latencyMs.mean ?? 0) - (b.latencyMs.mean ?? 0);
          if (grew > (SLOW_PLACEMENT_MS - PLACEMENT_MS) / 2) return 'full';
          return grew >= 1 ? 'little' : 'none';
        },
        explain: (b, v, lang) => {
          const grew = (v.latencyMs.mean ?? 0) - (b.latencyMs.mean ?? 0);
          return lang === 'fr'
            ? `La latence moyenne est passée de ${num(b.latencyMs.mean ?? 0, lang)} ms à ${num(v.latencyMs.mean ?? 0, lang)} ms, soit ${num(grew, lang)} ms de plus. Seules les requêtes à froid ont attendu le placement, ${num(v.requests.cold, lang)} sur ${num(v.requests.total, lang)} ; les ${num(v.requests.warm, lang)} requêtes à chaud ne l’ont jamais croisé.`
            : `The average latency went from ${num(b.latencyMs.mean ?? 0, lang)} ms to ${num(v.latencyMs.mean ?? 0, lang)} ms, ${num(grew, lang)} ms more. Only cold requests waited for placement, ${num(v.requests.cold, lang)} of ${num(v.requests.total, lang)}; the ${num(v.requests.warm, lang)} warm ones never met it.`;
        },
      },
    },
  ],
};
