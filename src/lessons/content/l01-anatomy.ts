import type { Lang, Lesson } from '../types';
import { num } from '../format';

/**
 * Lesson 1: what an invocation is made of (handler, event, context) and why the code outside
 * the handler runs once per sandbox, not once per request nor once per function. The scenario
 * is one function called every 20 s, so one sandbox serves everything; the experiment sends
 * the same function a burst, where every request needs a sandbox of its own.
 */

/** "once" / "3 times", "une fois" / "3 fois". */
const times = (n: number, lang: Lang) => (n === 1 ? (lang === 'fr' ? 'une fois' : 'once') : `${num(n, lang)} ${lang === 'fr' ? 'fois' : 'times'}`);

export const lesson: Lesson = {
  id: 'anatomy',
  title: { en: 'Anatomy of an invocation', fr: 'Anatomie d’une invocation' },
  body: [
    {
      en: 'A serverless function is code with a single entry point, the handler. The platform calls it with two things: the event, a JSON document describing what happened (an HTTP request, a new file in a bucket, a message in a queue), and the context, which tells the code about this invocation: the function’s name, the request id, its memory setting, the time left before the timeout, where its logs go.',
      fr: 'Une fonction serverless, c’est du code avec un seul point d’entrée, le handler. La plateforme l’appelle avec deux choses : l’événement, un document JSON qui décrit ce qui s’est passé (une requête HTTP, un nouveau fichier dans un bucket, un message dans une file), et le contexte, qui renseigne le code sur cette invocation-là : le nom de la fonction, l’identifiant de la requête, la mémoire allouée, le temps qui reste avant l’expiration du délai, l’endroit où vont les journaux.',
    },
    {
      en: 'The code outside the handler is the initialization code. It runs once, when a new sandbox (an execution environment) starts, and what it builds, such as a database client, a cache or a machine-learning model loaded in memory, stays there for every later invocation in that sandbox. So expensive set-up belongs outside the handler: it is paid once per sandbox, not on every request. On AWS Lambda this init phase may take at most 10 s (AWS Lambda execution environment lifecycle, documentation).',
      fr: 'Le code placé en dehors du handler est le code d’initialisation. Il s’exécute une seule fois, au démarrage d’une nouvelle sandbox (un environnement d’exécution), et ce qu’il prépare (un client de base de données, un cache, un modèle d’apprentissage chargé en mémoire) reste là pour toutes les invocations suivantes de cette sandbox. Les préparatifs coûteux ont donc leur place hors du handler : on les paie une fois par sandbox, et non à chaque requête. Sur AWS Lambda, cette phase d’initialisation dure au plus 10 s (documentation AWS Lambda, cycle de vie de l’environnement d’exécution).',
    },
    {
      en: 'A sandbox runs one invocation at a time. If a second request arrives while the first is still being handled, the platform needs a second sandbox, and the initialization code runs again there. “Once per sandbox” is not “once per function”.',
      fr: 'Une sandbox ne traite qu’une invocation à la fois. Si une deuxième requête arrive alors que la première est encore en cours, la plateforme a besoin d’une deuxième sandbox, et le code d’initialisation y tourne de nouveau. « Une fois par sandbox » ne veut pas dire « une fois par fonction ».',
    },
    {
      en: 'Settings travel with the function: memory from 128 MB to 10,240 MB, CPU in proportion to it (about one vCPU at 1,769 MB), and a timeout of up to 900 s (AWS Lambda quotas and memory configuration, documentation). This lesson’s function, image-classifier, has 1,024 MB, spends 800 ms of init code loading its model, and handles a request in 100 ms.',
      fr: 'Les réglages accompagnent la fonction : de 128 Mo à 10 240 Mo de mémoire, un processeur proportionnel à cette mémoire (environ un vCPU à 1 769 Mo) et un délai d’exécution d’au plus 900 s (quotas et configuration de la mémoire d’AWS Lambda, documentation). La fonction de cette leçon, image-classifier, dispose de 1 024 Mo, passe 800 ms de code d’initialisation à charger son modèle et traite une requête en 100 ms.',
    },
    {
      en: 'FaaScope simplifies: it runs no handler code at all. Each function has an init duration and a handler duration (fixed here, drawn from distributions in other lessons), and the simulation moves sandboxes and requests through the same states a real platform would.',
      fr: 'FaaScope simplifie : aucun code de handler n’est réellement exécuté. Chaque fonction a une durée d’initialisation et une durée de traitement (fixes ici, tirées de distributions dans d’autres leçons), et la simulation fait passer sandboxes et requêtes par les mêmes états qu’une vraie plateforme.',
    },
  ],
  sources: ['AWS Lambda execution environment lifecycle (documentation)', 'AWS Lambda quotas (documentation)', 'AWS Lambda memory configuration (documentation)'],
  scenario: {
    version: 1,
    name: 'Lesson 1: one function, one sandbox',
    seed: 11,
    durationMs: 120_000,
    platform: { hosts: 2 },
    accounts: [{ id: 'acme' }],
    functions: [
      {
        name: 'image-classifier',
        account: 'acme',
        memoryMb: 1024,
        timeoutMs: 10_000,
        packageMb: 30,
        initMs: { dist: 'constant', ms: 800 },
        durationMs: { dist: 'constant', ms: 100 },
        workload: { type: 'periodic', everyMs: 20_000, offsetMs: 2_000 },
      },
    ],
  },
  panels: ['plane', 'topology', 'statechart', 'metrics'],
  steps: [
    {
      text: {
        en: 'The first request has crossed the load balancer and reaches the frontend (plane view). Its event carries the payload, here an image to classify; the frontend looks up the function’s configuration, which becomes the handler’s context: 1,024 MB of memory, a 10 s timeout.',
        fr: 'La première requête a franchi l’équilibreur de charge et arrive au frontend (vue du plan de données). Son événement porte la charge utile, ici une image à classer ; le frontend lit la configuration de la fonction, qui deviendra le contexte du handler : 1 024 Mo de mémoire, un délai de 10 s.',
      },
      target: { kind: 'transition', entity: 'request', to: 'atFrontend' },
    },
    {
      text: {
        en: 'No sandbox existed, so one was created. It is now running the initialization code: the 800 ms spent loading the model. In the Statecharts tab the sandbox is in initializing › runningInit, while the request waits.',
        fr: 'Aucune sandbox n’existait : il a fallu en créer une. Elle exécute maintenant le code d’initialisation, les 800 ms passées à charger le modèle. Dans l’onglet des diagrammes d’états, la sandbox est dans initializing › runningInit, pendant que la requête attend.',
      },
      target: { kind: 'transition', entity: 'sandbox', to: 'runningInit' },
    },
    {
      text: {
        en: 'Init is done: the handler is called with the event and the context, and runs for 100 ms. Select the sandbox in the topology view: the inspector shows its first invocation.',
        fr: 'L’initialisation est terminée : le handler est appelé avec l’événement et le contexte, et s’exécute pendant 100 ms. Sélectionnez la sandbox dans la vue de topologie : l’inspecteur montre sa première invocation.',
      },
      target: { kind: 'transition', entity: 'request', to: 'running' },
    },
    {
      text: {
        en: 'Twenty seconds later the second request goes straight to running: the same sandbox serves it, the model is still in memory, and the init code does not run again. The summary bar counts one cold start and one warm start; the inspector says the sandbox’s init has been reused by one warm invocation.',
        fr: 'Vingt secondes plus tard, la deuxième requête passe directement à running : la même sandbox la traite, le modèle est toujours en mémoire et le code d’initialisation ne tourne pas une seconde fois. La barre de résumé compte un démarrage à froid et un démarrage à chaud ; l’inspecteur indique que l’initialisation de la sandbox a déjà resservi à une invocation à chaud.',
      },
      target: { kind: 'transition', entity: 'request', to: 'running', nth: 2 },
    },
    {
      text: {
        en: 'The last request of the run has been served: six requests, one sandbox, and the init code ran once. Now change the traffic and predict.',
        fr: 'La dernière requête de la simulation a été servie : six requêtes, une seule sandbox, et le code d’initialisation n’a tourné qu’une fois. Changeons maintenant le trafic : à vous de prédire.',
      },
      target: { kind: 'transition', entity: 'request', to: 'running', nth: 6 },
      predict: {
        question: {
          en: 'The same function now receives a burst: about ten requests within a fifth of a second, instead of one every 20 s. How many times will the initialization code run?',
          fr: 'La même fonction reçoit maintenant une rafale : une dizaine de requêtes en un cinquième de seconde, au lieu d’une toutes les 20 s. Combien de fois le code d’initialisation va-t-il s’exécuter ?',
        },
        choices: [
          { id: 'once', label: { en: 'Once: the function is already deployed', fr: 'Une fois : la fonction est déjà déployée' } },
          { id: 'some', label: { en: 'A few times, fewer than the requests', fr: 'Quelques fois, moins que le nombre de requêtes' } },
          { id: 'perRequest', label: { en: 'Once per request', fr: 'Une fois par requête' } },
        ],
        variantLabel: {
          en: 'one request every 20 s → a burst of about 10 requests in 0.2 s',
          fr: 'une requête toutes les 20 s → une rafale d’une dizaine de requêtes en 0,2 s',
        },
        variant: (base) => ({
          ...base,
          functions: base.functions.map((f) => ({
            ...f,
            workload: {
              type: 'steps',
              steps: [
                { atMs: 2_000, ratePerSec: 50 },
                { atMs: 2_200, ratePerSec: 0 },
              ],
            },
          })),
        }),
        answer: (_base, variant) => {
          const inits = variant.sandboxes.created;
          if (inits === variant.requests.total) return 'perRequest';
          return inits <= 1 ? 'once' : 'some';
        },
        explain: (b, v, lang) =>
          lang === 'fr'
            ? `Dans la première simulation, ${num(b.requests.total, lang)} requêtes sont arrivées à 20 s d’intervalle et le code d’initialisation a tourné ${times(b.sandboxes.created, lang)} : chaque requête trouvait la sandbox libre. Dans la rafale, ${num(v.requests.total, lang)} requêtes sont arrivées avant qu’aucune sandbox ne soit prête ; il en a fallu ${num(v.sandboxes.created, lang)}, et le code d’initialisation a donc tourné ${times(v.sandboxes.created, lang)}, une fois par sandbox créée (${num(v.requests.cold, lang)} démarrages à froid).`
            : `In the first run, ${num(b.requests.total, lang)} requests arrived 20 s apart and the init code ran ${times(b.sandboxes.created, lang)}: each request found the sandbox free. In the burst, ${num(v.requests.total, lang)} requests arrived before any sandbox was ready; ${num(v.sandboxes.created, lang)} sandboxes were needed, so the init code ran ${times(v.sandboxes.created, lang)}, once per sandbox created (${num(v.requests.cold, lang)} cold starts).`,
      },
    },
  ],
};
