import type { Lesson } from '../types';
import type { RunReport } from '../../sim/meters';
import { num } from '../format';

/**
 * Lesson 2: the four phases of a cold start, the freeze between invocations, the thaw of a
 * warm start, and the shutdown that loses everything. The scenario spaces four requests so
 * that the first is cold, the second thaws the frozen sandbox, and the last comes after the
 * keep-alive has expired. The experiment grows the code package: only cold starts pay for it.
 */


/** Mean latency of cold or warm requests (0 when there were none). */
const mean = (r: RunReport, which: 'coldLatencyMs' | 'warmLatencyMs') => r[which].mean ?? 0;

/** A change counts when it moves the mean by more than a tenth (and more than a few ms). */
const grew = (before: number, after: number) => after - before > Math.max(5, 0.1 * before);

export const lesson: Lesson = {
  id: 'cold-warm',
  title: { en: 'Cold and warm starts', fr: 'Démarrages à froid et à chaud' },
  body: [
    {
      en: 'When a request finds no sandbox ready for its function, the platform makes one and the request waits: this is a cold start. It has four phases: download the function’s code package, start the sandbox (boot a microVM or start a container), start the language runtime (Node.js, Python, a JVM...), and run the initialization code. Only then does the handler run. For an on-demand function the whole init phase may last at most 10 s (AWS Lambda execution environment lifecycle, documentation).',
      fr: 'Quand une requête ne trouve aucune sandbox prêt pour sa fonction, la plateforme en fabrique un et la requête attend : c’est un démarrage à froid. Il se déroule en quatre phases : télécharger le paquet de code de la fonction, démarrer la sandbox (amorcer une microVM ou lancer un conteneur), lancer l’environnement d’exécution du langage (Node.js, Python, une JVM…), puis exécuter le code d’initialisation. Alors seulement le handler s’exécute. Pour une fonction à la demande, l’initialisation entière ne peut pas dépasser 10 s (documentation AWS Lambda, cycle de vie de l’environnement d’exécution).',
    },
    {
      en: 'Each phase has its own cost. Firecracker boots a microVM to the guest’s init in about 125 ms (Agache et al., NSDI 2020). The download grows with the package: FaaScope charges 10 ms per MB, an illustrative figure, since no provider publishes one. The init code takes as long as its set-up does; here its duration is drawn from a lognormal distribution around 600 ms.',
      fr: 'Chaque phase a son coût. Firecracker amorce une microVM jusqu’à l’init du système invité en 125 ms environ (Agache et al., NSDI 2020). Le téléchargement grandit avec le paquet : FaaScope compte 10 ms par Mo, un chiffre illustratif, faute de valeur publiée par les fournisseurs. Le code d’initialisation dure ce que durent ses préparatifs ; ici, sa durée est tirée d’une loi log-normale centrée sur 600 ms.',
    },
    {
      en: 'When the handler returns, the platform freezes the sandbox: its processes get no more CPU, but its memory is kept. The next request for the same function may thaw it: a warm start, with no init at all. Everything survives the freeze: global variables, files written to /tmp (512 MB by default, up to 10,240 MB; AWS Lambda ephemeral storage, documentation), and even background work the handler started and did not wait for, which resumes during the next invocation, a classic source of surprising bugs.',
      fr: 'Quand le handler rend la main, la plateforme gèle la sandbox : ses processus ne reçoivent plus de temps processeur, mais sa mémoire est conservée. La requête suivante pour la même fonction peut la dégeler : c’est un démarrage à chaud, sans aucune initialisation. Tout survit au gel : les variables globales, les fichiers écrits dans /tmp (512 Mo par défaut, jusqu’à 10 240 Mo ; documentation AWS Lambda sur le stockage éphémère), et même le travail d’arrière-plan lancé par le handler sans l’attendre, qui reprend pendant l’invocation suivante, source classique de bogues déroutants.',
    },
    {
      en: 'Nothing survives the shutdown. After a while without requests the platform reclaims the sandbox (about 10 minutes on AWS Lambda, as cited by Shahrad et al., USENIX ATC 2020): its memory and /tmp are gone, and the next request is cold again. A warm start is quick: Wang et al. (USENIX ATC 2018) measured a median of about 25 ms on AWS.',
      fr: 'Rien ne survit à l’arrêt. Après un moment sans requête, la plateforme récupère la sandbox (une dizaine de minutes sur AWS Lambda, selon Shahrad et al., USENIX ATC 2020) : sa mémoire et /tmp disparaissent, et la requête suivante repart à froid. Un démarrage à chaud est rapide : Wang et al. (USENIX ATC 2018) ont mesuré une médiane d’environ 25 ms sur AWS.',
    },
    {
      en: 'FaaScope simplifies: it draws init and handler durations from distributions and does not model what is in memory or in /tmp, only whether a sandbox exists to keep it.',
      fr: 'FaaScope simplifie : les durées d’initialisation et de traitement sont tirées de distributions, et la simulation ne représente pas le contenu de la mémoire ni de /tmp, seulement l’existence d’une sandbox pour les conserver.',
    },
  ],
  sources: [
    'AWS Lambda execution environment lifecycle (documentation)',
    'Agache et al., "Firecracker", NSDI 2020',
    'AWS Lambda ephemeral storage (documentation)',
    'Shahrad et al., "Serverless in the Wild", USENIX ATC 2020',
    'Wang et al., "Peeking Behind the Curtains of Serverless Platforms", USENIX ATC 2018',
  ],
  scenario: {
    version: 1,
    name: 'Lesson 2: cold, warm, and cold again',
    seed: 21,
    durationMs: 16 * 60_000,
    platform: { hosts: 2, keepAlive: { policy: 'fixed', idleMs: 10 * 60_000 } },
    accounts: [{ id: 'acme' }],
    functions: [
      {
        name: 'pdf-render',
        account: 'acme',
        memoryMb: 512,
        timeoutMs: 10_000,
        packageMb: 50,
        initMs: { dist: 'lognormal', medianMs: 600, sigma: 0.3 },
        durationMs: { dist: 'lognormal', medianMs: 150, sigma: 0.3 },
        // One request in minutes 0, 2 and 3, then silence until minute 15 (past the keep-alive).
        workload: { type: 'perMinute', counts: [1, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1] },
      },
    ],
  },
  panels: ['plane', 'topology', 'statechart', 'charts', 'metrics'],
  steps: [
    {
      text: {
        en: 'The first request found no sandbox: it waits at the worker (plane view). Phase 1 of the cold start: the 50 MB package is downloading, about 500 ms. In the Statecharts tab the sandbox is in initializing › fetchingCode.',
        fr: 'La première requête n’a trouvé aucune sandbox : elle attend au worker (vue du plan de données). Phase 1 du démarrage à froid : le paquet de 50 Mo se télécharge, environ 500 ms. Dans l’onglet des diagrammes d’états, la sandbox est dans initializing › fetchingCode.',
      },
      target: { kind: 'transition', entity: 'sandbox', to: 'fetchingCode' },
    },
    {
      text: {
        en: 'Phases 2 and 3: the microVM has booted (about 125 ms) and the language runtime is now starting.',
        fr: 'Phases 2 et 3 : la microVM a démarré (environ 125 ms) et l’environnement d’exécution du langage se lance à présent.',
      },
      target: { kind: 'transition', entity: 'sandbox', to: 'bootingRuntime' },
    },
    {
      text: {
        en: 'Phase 4: the initialization code runs, once for this sandbox. Only when it ends will the handler start.',
        fr: 'Phase 4 : le code d’initialisation s’exécute, une seule fois pour cette sandbox. Le handler ne démarrera qu’une fois qu’il aura fini.',
      },
      target: { kind: 'transition', entity: 'sandbox', to: 'runningInit' },
    },
    {
      text: {
        en: 'The handler has returned and the sandbox is frozen: idle in the topology view, its memory, globals and /tmp kept for the next request. Select it: the inspector says when the keep-alive will reclaim it.',
        fr: 'Le handler a rendu la main et la sandbox est gelée : inactive dans la vue de topologie, elle garde sa mémoire, ses variables globales et /tmp pour la requête suivante. Sélectionnez-la : l’inspecteur indique quand le maintien en vie la récupérera.',
      },
      target: { kind: 'transition', entity: 'sandbox', to: 'idle' },
    },
    {
      text: {
        en: 'The second request is routed straight to the frozen sandbox, which thaws: a warm start, with none of the four phases. Compare the two latencies in the Charts tab (latency, warm or cold).',
        fr: 'La deuxième requête est envoyée directement à la sandbox gelée, qui se dégèle : démarrage à chaud, sans aucune des quatre phases. Comparez les deux latences dans l’onglet des graphiques (latence, à chaud ou à froid).',
      },
      target: { kind: 'transition', entity: 'request', to: 'running', nth: 2 },
    },
    {
      text: {
        en: 'Ten minutes without a request: the keep-alive has expired and the sandbox shuts down, losing its memory and /tmp. The last request, about 15 minutes in, will start cold again.',
        fr: 'Dix minutes sans requête : le maintien en vie a expiré et la sandbox s’arrête, en perdant sa mémoire et /tmp. La dernière requête, vers la quinzième minute, repartira à froid.',
      },
      target: { kind: 'transition', entity: 'sandbox', to: 'shuttingDown' },
      predict: {
        question: {
          en: 'The team adds a large library: the code package grows from 50 MB to 250 MB. Which requests get slower?',
          fr: 'L’équipe ajoute une grosse bibliothèque : le paquet de code passe de 50 Mo à 250 Mo. Quelles requêtes deviennent plus lentes ?',
        },
        choices: [
          { id: 'all', label: { en: 'All of them, cold and warm', fr: 'Toutes, à froid comme à chaud' } },
          { id: 'cold', label: { en: 'Only the cold starts', fr: 'Seulement les démarrages à froid' } },
          { id: 'none', label: { en: 'None: package size only matters when deploying', fr: 'Aucune : la taille du paquet ne compte qu’au déploiement' } },
        ],
        variantLabel: { en: 'package 50 MB → 250 MB', fr: 'paquet de 50 Mo → 250 Mo' },
        variant: (base) => ({ ...base, functions: base.functions.map((f) => ({ ...f, packageMb: 250 })) }),
        answer: (b, v) => {
          if (grew(mean(b, 'warmLatencyMs'), mean(v, 'warmLatencyMs'))) return 'all';
          return grew(mean(b, 'coldLatencyMs'), mean(v, 'coldLatencyMs')) ? 'cold' : 'none';
        },
        explain: (b, v, lang) =>
          lang === 'fr'
            ? `Les démarrages à froid ont pris en moyenne ${num(mean(b, 'coldLatencyMs'), lang)} ms avec le paquet de 50 Mo et ${num(mean(v, 'coldLatencyMs'), lang)} ms avec celui de 250 Mo : le téléchargement fait partie de l’initialisation. Les démarrages à chaud, eux, n’ont rien téléchargé : ${num(mean(b, 'warmLatencyMs'), lang)} ms puis ${num(mean(v, 'warmLatencyMs'), lang)} ms en moyenne.`
            : `Cold starts took ${num(mean(b, 'coldLatencyMs'), lang)} ms on average with the 50 MB package and ${num(mean(v, 'coldLatencyMs'), lang)} ms with the 250 MB one: the download is part of init. Warm starts downloaded nothing: ${num(mean(b, 'warmLatencyMs'), lang)} ms, then ${num(mean(v, 'warmLatencyMs'), lang)} ms on average.`,
      },
    },
  ],
};
