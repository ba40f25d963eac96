import type { Lang, Lesson } from '../types';
import type { ScenarioInput } from '../../sim/scenario';

/**
 * Lesson 10: anti-patterns. The monolith function against small single-purpose functions, run
 * on the same traffic; the recursive trigger and functions waiting on functions are explained
 * in the text and run in their own presets (src/lessons/appsPresets.ts).
 *
 * The monolith serves three routes with one package, one init and one memory size (the
 * hungriest route's). Its duration distribution has the same mean as the three routes' mix, so
 * both runs do the same handler work and differ only by what splitting changes: package, init,
 * memory per route, and traffic divided among three functions.
 */

type FunctionInput = ScenarioInput['functions'][number];

const DURATION_MS = 5 * 60_000;
const TIMEOUT_MS = 30_000;

/** The three routes as small functions: each with its own dependencies, init and memory. */
const splitFunctions: FunctionInput[] = [
  {
    name: 'browse',
    account: 'shop',
    memoryMb: 256,
    timeoutMs: TIMEOUT_MS,
    packageMb: 15,
    initMs: { dist: 'lognormal', medianMs: 250, sigma: 0.25 },
    durationMs: { dist: 'lognormal', medianMs: 80, sigma: 0.3 },
    workload: { type: 'poisson', ratePerSec: 2.5 },
  },
  {
    name: 'checkout',
    account: 'shop',
    memoryMb: 512,
    timeoutMs: TIMEOUT_MS,
    packageMb: 30,
    initMs: { dist: 'lognormal', medianMs: 600, sigma: 0.25 },
    durationMs: { dist: 'lognormal', medianMs: 300, sigma: 0.3 },
    workload: { type: 'poisson', ratePerSec: 0.4 },
  },
  {
    name: 'export-pdf',
    account: 'shop',
    memoryMb: 2_048,
    timeoutMs: TIMEOUT_MS,
    packageMb: 120,
    initMs: { dist: 'lognormal', medianMs: 1_500, sigma: 0.25 },
    durationMs: { dist: 'lognormal', medianMs: 1_500, sigma: 0.3 },
    workload: { type: 'poisson', ratePerSec: 0.1 },
  },
];

const scenario: ScenarioInput = {
  version: 1,
  name: 'The monolith function',
  seed: 10,
  durationMs: DURATION_MS,
  platform: { hosts: 6 },
  accounts: [{ id: 'shop' }],
  functions: [
    {
      name: 'shop-monolith',
      account: 'shop',
      // Sized for its hungriest route (the PDF export); every route pays for it.
      memoryMb: 2_048,
      timeoutMs: TIMEOUT_MS,
      // Every route's dependencies, and an init that sets up all of them.
      packageMb: 250,
      initMs: { dist: 'lognormal', medianMs: 3_000, sigma: 0.25 },
      // Mostly quick page views, some checkouts, a few slow exports: mean 164 ms, as the routes' mix.
      durationMs: { dist: 'empirical', percentiles: { p0: 40, p1: 50, p25: 70, p50: 85, p75: 110, p99: 637, p100: 2_500 } },
      // The three routes' traffic together: 2.5 + 0.4 + 0.1 requests a second.
      workload: { type: 'poisson', ratePerSec: 3 },
    },
  ],
};

const num = (x: number, lang: Lang, digits = 0) => new Intl.NumberFormat(lang, { maximumFractionDigits: digits }).format(x);
const usd = (x: number, lang: Lang) => new Intl.NumberFormat(lang, { style: 'currency', currency: 'USD', maximumSignificantDigits: 2 }).format(x);
const seconds = (ms: number | null, lang: Lang) => (ms === null ? '–' : `${num(ms / 1000, lang, 1)} s`);

/** The lesson's scenario with the monolith replaced by the three small functions (a copy). */
const split = (base: ScenarioInput): ScenarioInput => ({ ...structuredClone(base), functions: structuredClone(splitFunctions) });

export const lesson: Lesson = {
  id: 'anti-patterns',
  title: { en: 'Anti-patterns: the monolith, the loop, the chain', fr: 'Anti-patterns : le monolithe, la boucle, la chaîne' },
  body: [
    {
      en: "The monolith function puts every route of an application in one function. Its package carries every route's dependencies, its init code sets all of them up, its memory must suit its hungriest route, and its permissions are the sum of all the routes' needs. A change to any route redeploys the whole thing, and every sandbox starts cold again. The init phase may take at most 10 s for on-demand functions (AWS Lambda documentation): a monolith that loads everything creeps towards it.",
      fr: "La fonction monolithe met toutes les routes d’une application dans une seule fonction. Son paquet emporte les dépendances de toutes les routes, son code d’initialisation les prépare toutes, sa mémoire doit convenir à sa route la plus gourmande, et ses droits sont la somme des besoins de toutes les routes. Modifier une route redéploie le tout, et toutes les sandboxes repartent à froid. La phase d’initialisation ne peut dépasser 10 s pour une fonction à la demande (documentation d’AWS Lambda) : un monolithe qui charge tout s’en approche.",
    },
    {
      en: 'The recursive trigger: a function triggered when a file lands in a bucket writes its result into the same bucket, which triggers it again, without end. The invocations and the bill run away until someone notices. Write to another bucket or prefix, and set a concurrency limit as a safety net.',
      fr: "Le déclencheur récursif : une fonction déclenchée par l’arrivée d’un fichier dans un bucket écrit son résultat dans le même bucket, ce qui la déclenche à nouveau, sans fin. Les invocations et la facture s’emballent jusqu’à ce que quelqu’un s’en aperçoive. Écrivez dans un autre bucket ou un autre préfixe, et fixez une limite de concurrence comme garde-fou.",
    },
    {
      en: 'Functions calling functions synchronously: the caller waits, and is billed for waiting; errors and retries compound along the chain; the chain is as slow as its slowest link, and each link may start cold. Put a queue or a workflow service between them instead. Many small single-purpose functions are preferred, each handling its event and knowing nothing of the overall workflow.',
      fr: "Des fonctions qui en appellent d’autres de façon synchrone : l’appelant attend, et paie son attente ; les erreurs et les nouvelles tentatives se cumulent le long de la chaîne ; la chaîne est aussi lente que son maillon le plus lent, et chaque maillon peut démarrer à froid. Mettez plutôt une file d’attente ou un service de workflow entre elles. On préfère de nombreuses petites fonctions à but unique, chacune traitant son événement sans rien savoir du workflow d’ensemble.",
    },
    {
      en: 'This lesson runs the monolith; the loop and the chain have presets of their own (in the preset menu: “a recursive trigger”, without a guard and stopped by the guard, and “functions calling functions synchronously” against “the same three functions, through queues”). The scenario: a shop of 2 GB with a 250 MB package and about 3 s of init code serves page views (2.5 a second), checkouts (0.4) and PDF exports (0.1). The experiment runs the same traffic split into three functions. Handler code is not run: the monolith draws its durations from one distribution with the same mean as the three routes together, so both runs do the same work.',
      fr: "Cette leçon fait tourner le monolithe ; la boucle et la chaîne ont leurs propres scénarios types (menu des scénarios types : « un déclencheur récursif », sans protection et arrêté par la protection, et « des fonctions qui s’appellent de façon synchrone » contre « les trois mêmes fonctions, reliées par des files »). Le scénario : une boutique de 2 Go, avec un paquet de 250 Mo et environ 3 s de code d’initialisation, sert des pages (2,5 par seconde), des paiements (0,4) et des exports PDF (0,1). L’expérience fait passer le même trafic par trois fonctions séparées. Le code du handler n’est pas exécuté : le monolithe tire ses durées d’une seule distribution, de même moyenne que les trois routes réunies, pour que les deux exécutions fassent le même travail.",
    },
  ],
  sources: ['AWS Lambda execution environment lifecycle (documentation)', 'AWS Lambda pricing'],
  scenario,
  panels: ['plane', 'topology', 'statechart', 'charts', 'metrics'],
  steps: [
    {
      text: {
        en: 'The first request finds no sandbox. Whatever its route, it waits for the whole monolith: 250 MB of code to download (2.5 s at the illustrative 10 ms per MB), then the init of every route.',
        fr: "La première requête ne trouve aucune sandbox. Quelle que soit sa route, elle attend le monolithe entier : 250 Mo de code à télécharger (2,5 s aux 10 ms par Mo illustratifs), puis l’initialisation de toutes les routes.",
      },
      target: { kind: 'transition', entity: 'request', to: 'waitingForSandbox' },
    },
    {
      text: {
        en: 'The code is there, the microVM and the runtime are up: the init code runs (the statechart tab highlights runningInit). About 3 s to open clients for every route and load the PDF library, though a page view needs none of it.',
        fr: "Le code est là, la microVM et le runtime sont prêts : le code d’initialisation s’exécute (l’onglet des statecharts met en évidence runningInit). Environ 3 s pour ouvrir les clients de toutes les routes et charger la bibliothèque PDF, alors qu’un affichage de page n’en a aucun besoin.",
      },
      target: { kind: 'transition', entity: 'sandbox', to: 'runningInit' },
    },
    {
      text: {
        en: 'The first response, about six seconds after its request arrived. Meanwhile every request that came during that long cold start asked for a sandbox of its own: in the topology view, count the 2 GB sandboxes still initializing. The latency chart shows the cold requests far to the right of the warm ones.',
        fr: "La première réponse, environ six secondes après l’arrivée de sa requête. Entre-temps, chaque requête arrivée pendant ce long démarrage à froid a demandé sa propre sandbox : dans la vue des hôtes, comptez les sandboxes de 2 Go encore en initialisation. Le graphique des latences place les requêtes à froid loin à droite des requêtes à chaud.",
      },
      target: { kind: 'transition', entity: 'request', to: 'responded' },
    },
    {
      text: {
        en: 'Predict, then run the same five minutes of traffic split into three functions: browse (256 MB), checkout (512 MB) and export-pdf (2 GB), each with only its own dependencies.',
        fr: "Faites votre pronostic, puis relancez les cinq mêmes minutes de trafic réparties sur trois fonctions : browse (256 Mo), checkout (512 Mo) et export-pdf (2 Go), chacune avec ses seules dépendances.",
      },
      predict: {
        question: {
          en: 'Split the monolith into three functions. Will there be more cold starts (three functions each need warm sandboxes of their own), or fewer?',
          fr: 'On découpe le monolithe en trois fonctions. Y aura-t-il plus de démarrages à froid (chaque fonction a besoin de ses propres sandboxes chaudes), ou moins ?',
        },
        choices: [
          { id: 'more', label: { en: 'More cold starts', fr: 'Plus de démarrages à froid' } },
          { id: 'fewer', label: { en: 'Fewer cold starts', fr: 'Moins de démarrages à froid' } },
          { id: 'same', label: { en: 'About as many', fr: "À peu près autant" } },
        ],
        variantLabel: { en: 'one monolith → three small functions', fr: 'un monolithe → trois petites fonctions' },
        variant: split,
        answer: (base, variant) => {
          const ratio = base.requests.cold > 0 ? variant.requests.cold / base.requests.cold : 1;
          return ratio < 0.85 ? 'fewer' : ratio > 1.15 ? 'more' : 'same';
        },
        explain: (base, variant, lang) =>
          lang === 'fr'
            ? `Le monolithe : ${base.requests.cold} démarrages à froid, de ${seconds(base.coldLatencyMs.mean, lang)} en moyenne. Les trois fonctions : ${variant.requests.cold} démarrages à froid, de ${seconds(variant.coldLatencyMs.mean, lang)} en moyenne. Chaque fonction a bien besoin de ses propres sandboxes, mais un démarrage à froid court laisse moins de requêtes s’accumuler pendant l’initialisation, donc moins de sandboxes à créer. Sur des heures de trafic régulier, les routes rares d’un découpage peuvent au contraire démarrer à froid plus souvent ; chacun de ces démarrages reste bien plus court.`
            : `The monolith: ${base.requests.cold} cold starts, of ${seconds(base.coldLatencyMs.mean, lang)} on average. The three functions: ${variant.requests.cold} cold starts, of ${seconds(variant.coldLatencyMs.mean, lang)} on average. Each function does need sandboxes of its own, but a short cold start lets fewer requests pile up during init, so fewer sandboxes are created. Over hours of steady traffic, the rarely used routes of a split may instead start cold more often; each of those cold starts is still far shorter.`,
      },
    },
    {
      text: {
        en: 'Same experiment, another question: the bill.',
        fr: 'Même expérience, autre question : la facture.',
      },
      predict: {
        question: {
          en: 'Same requests, same handler work. After the split, the compute part of the bill will…',
          fr: 'Mêmes requêtes, même travail des handlers. Après le découpage, la part calcul de la facture va…',
        },
        choices: [
          { id: 'rise', label: { en: 'Rise: three functions to pay for', fr: 'Augmenter : trois fonctions à payer' } },
          { id: 'same', label: { en: 'Stay about the same', fr: 'Rester à peu près la même' } },
          { id: 'fall', label: { en: 'Fall', fr: 'Baisser' } },
        ],
        variantLabel: { en: 'one monolith → three small functions', fr: 'un monolithe → trois petites fonctions' },
        variant: split,
        answer: (base, variant) => {
          const ratio = base.cost.computeUsd > 0 ? variant.cost.computeUsd / base.cost.computeUsd : 1;
          return ratio < 0.85 ? 'fall' : ratio > 1.15 ? 'rise' : 'same';
        },
        explain: (base, variant, lang) => {
          const ratio = base.cost.computeUsd > 0 ? variant.cost.computeUsd / base.cost.computeUsd : 1;
          return lang === 'fr'
            ? `Le monolithe : ${num(base.cost.billedGbSeconds, lang)} Go-s facturés, ${usd(base.cost.computeUsd, lang)} de calcul. Les trois fonctions : ${num(variant.cost.billedGbSeconds, lang)} Go-s, ${usd(variant.cost.computeUsd, lang)}, soit ${num(ratio * 100, lang)} % du monolithe. On paie la mémoire × la durée : dans le monolithe, chaque affichage de page réserve les 2 Go dont seul l’export PDF a besoin ; découpé, il tourne dans 256 Mo. Le prix par requête, lui, ne change pas : ${usd(base.cost.requestsUsd, lang)} contre ${usd(variant.cost.requestsUsd, lang)}. (FaaScope ne ralentit pas un handler quand on lui donne moins de mémoire, donc moins de processeur ; des pages qui attendent surtout une base de données n’en souffriraient guère.)`
            : `The monolith: ${num(base.cost.billedGbSeconds, lang)} GB-s billed, ${usd(base.cost.computeUsd, lang)} of compute. The three functions: ${num(variant.cost.billedGbSeconds, lang)} GB-s, ${usd(variant.cost.computeUsd, lang)}, ${num(ratio * 100, lang)}% of the monolith's. You pay memory × duration: in the monolith every page view holds the 2 GB only the PDF export needs; split, it runs in 256 MB. The price per request does not change: ${usd(base.cost.requestsUsd, lang)} against ${usd(variant.cost.requestsUsd, lang)}. (FaaScope does not slow a handler down when it gets less memory, and so less CPU; page views that mostly wait on a database would hardly notice.)`;
        },
      },
    },
    {
      text: {
        en: 'Play the rest at 10×. Once the sandboxes are warm the monolith serves well; its cost is paid at every cold start, every deployment and in every page view’s 2 GB. Then open the recursive-trigger presets and watch the request rate chart climb without end, or stop at the guard; and the synchronous-chain preset, where each caller is billed while it waits.',
        fr: "Lancez la suite à 10×. Une fois ses sandboxes chaudes, le monolithe sert bien ; il se paie à chaque démarrage à froid, à chaque déploiement, et dans les 2 Go de chaque affichage de page. Ouvrez ensuite les scénarios du déclencheur récursif : le débit de requêtes grimpe sans fin, ou s’arrête à la protection ; puis celui de la chaîne synchrone, où chaque appelant est facturé pendant qu’il attend.",
      },
      playAt: 10,
    },
  ],
};
