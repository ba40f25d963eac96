import type { Lesson } from '../types';
import type { ScenarioInput } from '../../sim/scenario';
import { num } from '../format';

/**
 * Lesson 6: keep-alive, the trade-off between cold starts and idle memory.
 *
 * Two functions of one shop over two hours: an orders API called in clusters (gaps of 3 to 16
 * minutes, then a 32-minute pause) and a report run every 30 minutes. The gaps are chosen away
 * from 10 and 20 minutes, so going from AWS's ~10 minutes to Azure's ~20 minutes of keep-alive
 * turns the 14- to 16-minute gaps warm, leaves the report's 30-minute gaps cold, and the answer
 * to "will cold starts fall by more than half?" does not depend on the seed.
 */

const MINUTE = 60_000;

/** Minutes (from the start) in which the orders API gets one request, somewhere within the minute. */
const ORDER_MINUTES = [0, 6, 21, 26, 40, 44, 60, 92, 97, 111];
const orderCounts = Array.from({ length: 120 }, (_, m) => (ORDER_MINUTES.includes(m) ? 1 : 0));

const scenario: ScenarioInput = {
  version: 1,
  name: 'Keep-alive: 10 or 20 minutes?',
  seed: 6,
  durationMs: 120 * MINUTE,
  platform: { hosts: 2, keepAlive: { policy: 'fixed', idleMs: 10 * MINUTE } },
  accounts: [{ id: 'shop' }],
  functions: [
    {
      name: 'orders-api',
      account: 'shop',
      memoryMb: 512,
      packageMb: 20,
      initMs: { dist: 'constant', ms: 400 },
      durationMs: { dist: 'lognormal', medianMs: 200, sigma: 0.3 },
      workload: { type: 'perMinute', counts: orderCounts },
    },
    {
      name: 'half-hourly-report',
      account: 'shop',
      memoryMb: 1024,
      timeoutMs: 30_000,
      packageMb: 40,
      initMs: { dist: 'constant', ms: 800 },
      durationMs: { dist: 'lognormal', medianMs: 2_000, sigma: 0.3 },
      workload: { type: 'periodic', everyMs: 30 * MINUTE, offsetMs: 2 * MINUTE },
    },
  ],
};


export const lesson: Lesson = {
  id: 'keep-alive',
  title: { en: 'Keep-alive: cold starts against idle memory', fr: 'Maintien en vie : démarrages à froid contre mémoire inactive' },
  body: [
    {
      en: 'After each invocation the platform freezes the sandbox and keeps it for a while. A request that arrives meanwhile thaws it and starts warm, in tens of milliseconds (a median of about 25 ms on AWS in 2018, Wang et al., USENIX ATC 2018). How long to wait before reclaiming an idle sandbox is the keep-alive policy. The values commonly cited are about 10 minutes on AWS Lambda and about 20 minutes on Azure Functions (Shahrad et al., "Serverless in the Wild", USENIX ATC 2020).',
      fr: "Après chaque invocation, la plateforme gèle la sandbox et la garde un moment. Une requête qui arrive entre-temps la dégèle et démarre à chaud, en quelques dizaines de millisecondes (environ 25 ms en médiane chez AWS en 2018, Wang et al., USENIX ATC 2018). Combien de temps attendre avant de récupérer une sandbox inactive, c’est la politique de maintien en vie (keep-alive). Les valeurs souvent citées sont d’environ 10 minutes pour AWS Lambda et d’environ 20 minutes pour Azure Functions (Shahrad et al., « Serverless in the Wild », USENIX ATC 2020).",
    },
    {
      en: "It is a trade-off. Every minute a frozen sandbox waits, its memory stays reserved on a host for nobody: that idle memory is the provider's cost, not billed to you. Reclaim it too early and the next request pays a cold start. A request is warm only if it comes before the keep-alive runs out, so what decides is the gaps between requests, not the keep-alive alone.",
      fr: "C’est un compromis. Chaque minute où une sandbox gelée attend, sa mémoire reste réservée sur un hôte pour personne : cette mémoire inactive est un coût pour le fournisseur, elle ne vous est pas facturée. La récupérer trop tôt, c’est faire payer un démarrage à froid à la requête suivante. Une requête ne démarre à chaud que si elle arrive avant la fin du maintien en vie : ce qui compte, ce sont les intervalles entre les requêtes, pas la durée de maintien à elle seule.",
    },
    {
      en: "Most functions are called rarely: in Azure's production traces, 45% of applications were invoked at most once an hour on average, and 81% at most once a minute (same study). For a function called once an hour, 10 or 20 minutes of keep-alive changes nothing but the memory wasted. This is why the study proposes an adaptive policy that learns each application's idle times (a histogram of 1-minute bins over 4 hours, pre-warming at the 5th percentile and keeping alive to the 99th). FaaScope models a fixed keep-alive, or none; the adaptive policy is not modelled yet.",
      fr: "La plupart des fonctions sont rarement appelées : dans les traces de production d’Azure, 45 % des applications étaient invoquées au plus une fois par heure en moyenne, et 81 % au plus une fois par minute (même étude). Pour une fonction appelée une fois par heure, 10 ou 20 minutes de maintien en vie ne changent rien, sinon la mémoire gaspillée. C’est pourquoi l’étude propose une politique adaptative qui apprend les temps d’inactivité de chaque application (un histogramme par tranches d’une minute sur 4 heures, préchauffage au 5e centile, maintien jusqu’au 99e). FaaScope modélise un maintien en vie fixe, ou aucun ; la politique adaptative n’est pas encore modélisée.",
    },
    {
      en: "The scenario: two functions of one shop over two hours. The orders API is called in small clusters with gaps of 3 to 16 minutes and one 32-minute pause; a report runs every 30 minutes. Handler code is not run: its durations are drawn from distributions, and the idle memory counts each frozen sandbox's configured memory.",
      fr: "Le scénario : deux fonctions d’une boutique pendant deux heures. L’API des commandes est appelée par petits groupes, avec des intervalles de 3 à 16 minutes et une pause de 32 minutes ; un rapport tourne toutes les 30 minutes. Le code du handler n’est pas exécuté : ses durées sont tirées de distributions, et la mémoire inactive compte la mémoire configurée de chaque sandbox gelée.",
    },
  ],
  sources: [
    'Shahrad et al., "Serverless in the Wild", USENIX ATC 2020',
    'Wang et al., "Peeking Behind the Curtains of Serverless Platforms", USENIX ATC 2018',
  ],
  scenario,
  panels: ['plane', 'topology', 'charts', 'metrics'],
  steps: [
    {
      text: {
        en: 'The first order arrives and the worker manager finds no sandbox of orders-api: a cold start. In the plane view it waits while a sandbox is placed and initialized.',
        fr: "La première commande arrive et le gestionnaire de workers ne trouve aucune sandbox d’orders-api : démarrage à froid. Dans la vue du plan de données, elle attend qu’une sandbox soit placée et initialisée.",
      },
      target: { kind: 'transition', entity: 'request', to: 'waitingForSandbox', fn: 'orders-api' },
    },
    {
      text: {
        en: 'The handler has returned and the sandbox is frozen (idle). Its keep-alive timer starts now: 10 minutes. In the topology view the bar under it shows the keep-alive left; select it and the inspector says when it will be reclaimed if nothing comes.',
        fr: "Le handler a répondu et la sandbox est gelée (inactive). Son minuteur de maintien en vie démarre : 10 minutes. Dans la vue des hôtes, la barre sous la sandbox montre le temps restant ; sélectionnez-la, l’inspecteur indique quand elle sera récupérée si rien n’arrive.",
      },
      target: { kind: 'transition', entity: 'sandbox', to: 'idle', fn: 'orders-api' },
    },
    {
      text: {
        en: 'Six minutes later the next order finds the frozen sandbox and thaws it: a warm start, no init. The summary bar counts it as warm.',
        fr: 'Six minutes plus tard, la commande suivante trouve la sandbox gelée et la dégèle : démarrage à chaud, sans initialisation. La barre de résumé le compte parmi les requêtes à chaud.',
      },
      target: { kind: 'transition', entity: 'request', to: 'running', nth: 2, fn: 'orders-api' },
    },
    {
      text: {
        en: "The report ran at minute 2, then nobody called it for 10 minutes: its sandbox is shutting down and its memory goes back to the host. The next report, at minute 32, will be cold again; with 20 minutes of keep-alive it would still be cold.",
        fr: "Le rapport a tourné à la minute 2, puis personne ne l’a appelé pendant 10 minutes : sa sandbox s’arrête et sa mémoire retourne à l’hôte. Le prochain rapport, à la minute 32, démarrera encore à froid ; avec 20 minutes de maintien en vie, aussi.",
      },
      target: { kind: 'transition', entity: 'sandbox', to: 'shuttingDown', fn: 'half-hourly-report' },
    },
    {
      text: {
        en: "An order arrives about 15 minutes after the previous one. Its sandbox was reclaimed 5 minutes ago, so it is cold again. With 20 minutes of keep-alive it would have been warm.",
        fr: "Une commande arrive environ 15 minutes après la précédente. Sa sandbox a été récupérée il y a 5 minutes : nouveau démarrage à froid. Avec 20 minutes de maintien en vie, elle aurait démarré à chaud.",
      },
      target: { kind: 'transition', entity: 'request', to: 'waitingForSandbox', nth: 2, fn: 'orders-api' },
    },
    {
      text: {
        en: 'Predict, then run the experiment: the same two hours with 20 minutes of keep-alive instead of 10.',
        fr: "Faites votre pronostic, puis lancez l’expérience : les deux mêmes heures avec 20 minutes de maintien en vie au lieu de 10.",
      },
      predict: {
        question: {
          en: 'Raise the keep-alive from 10 to 20 minutes. Over the two hours, will the cold starts fall by half or more, or by less than half?',
          fr: 'On passe le maintien en vie de 10 à 20 minutes. Sur les deux heures, les démarrages à froid vont-ils baisser de moitié ou plus, ou de moins de la moitié ?',
        },
        choices: [
          { id: 'half-or-more', label: { en: 'By half or more: the keep-alive doubles', fr: 'De moitié ou plus : le maintien en vie double' } },
          { id: 'less-than-half', label: { en: 'By less than half', fr: 'De moins de la moitié' } },
          { id: 'no-change', label: { en: 'Not at all', fr: 'Pas du tout' } },
        ],
        variantLabel: { en: 'keep-alive 10 → 20 minutes', fr: 'maintien en vie 10 → 20 minutes' },
        variant: (base) => ({ ...structuredClone(base), platform: { ...structuredClone(base.platform), keepAlive: { policy: 'fixed', idleMs: 20 * MINUTE } } }),
        answer: (base, variant) => (variant.requests.cold >= base.requests.cold ? 'no-change' : variant.requests.cold * 2 <= base.requests.cold ? 'half-or-more' : 'less-than-half'),
        explain: (base, variant, lang) => {
          const fell = base.requests.cold > 0 ? (1 - variant.requests.cold / base.requests.cold) * 100 : 0;
          const idle = [base.memory.idleGbSeconds, variant.memory.idleGbSeconds] as const;
          const times = idle[0] > 0 ? idle[1] / idle[0] : 1;
          // The report's part, said only if the run still shows it (the scenario may have been edited).
          const report = [base.perFunction['half-hourly-report'], variant.perFunction['half-hourly-report']] as const;
          const reportStaysCold = report[0] !== undefined && report[1] !== undefined && report[0].requests.warm === 0 && report[1].requests.warm === 0 && report[0].requests.cold > 0;
          if (lang === 'fr') {
            return (
              `Avec 10 minutes : ${base.requests.cold} démarrages à froid et ${num(idle[0], lang)} Go-s de mémoire inactive. ` +
              `Avec 20 minutes : ${variant.requests.cold} démarrages à froid (${num(fell, lang)} % de moins) et ${num(idle[1], lang)} Go-s de mémoire inactive (${num(times, lang, 1)} fois plus). ` +
              'Seules les requêtes arrivées de 10 à 20 minutes après la précédente démarrent désormais à chaud.' +
              (reportStaysCold ? ` Le rapport, appelé toutes les 30 minutes, démarre à froid les ${report[1]!.requests.cold} fois, et sa sandbox attend maintenant deux fois plus longtemps pour rien.` : '')
            );
          }
          return (
            `With 10 minutes: ${base.requests.cold} cold starts and ${num(idle[0], lang)} GB-s of idle memory. ` +
            `With 20 minutes: ${variant.requests.cold} cold starts (${num(fell, lang)}% fewer) and ${num(idle[1], lang)} GB-s of idle memory (${num(times, lang, 1)} times as much). ` +
            'Only the requests that came 10 to 20 minutes after the previous one now start warm.' +
            (reportStaysCold ? ` The report, called every 30 minutes, is cold all ${report[1]!.requests.cold} times, and its sandbox now waits twice as long for nothing.` : '')
          );
        },
      },
    },
    {
      text: {
        en: 'Play the two hours: in the charts, "The trade-off: idle memory vs cold starts" shows idle memory piling up while sandboxes wait and the cold starts that come after each long gap.',
        fr: "Lancez les deux heures : dans les graphiques, « Le compromis : mémoire inactive ou démarrages à froid » montre la mémoire inactive qui s’accumule pendant que les sandboxes attendent, et les démarrages à froid qui suivent chaque long intervalle.",
      },
      playAt: 300,
    },
  ],
};
