import type { Lesson } from '../types';
import type { ScenarioInput } from '../../sim/scenario';
import { num, seconds, usd } from '../format';

/**
 * Lesson 7: mitigating cold starts (provisioned concurrency, smaller packages, warm pools).
 *
 * A flash sale on a checkout function with a heavy package: nothing for 10 s, then 4 requests
 * a second for a minute. Every request that finds no free sandbox asks for its own, so the slow
 * first cold start (about 3.5 s) lets a storm of them pile up. The two experiments are the two
 * cures FaaScope models: sandboxes provisioned ahead of the sale, and a package ten times smaller.
 * Warm pools and snapshot restore are explained in the text; the scenario fields warmPool and snapStart run them.
 */

const SALE_STARTS_MS = 10_000;
const SALE_ENDS_MS = 70_000;
const PROVISIONED = 3;

const scenario: ScenarioInput = {
  version: 1,
  name: 'A flash sale on a heavy checkout function',
  seed: 7,
  durationMs: 90_000,
  platform: { hosts: 4 },
  accounts: [{ id: 'shop' }],
  functions: [
    {
      name: 'checkout',
      account: 'shop',
      memoryMb: 1024,
      timeoutMs: 10_000,
      packageMb: 200,
      initMs: { dist: 'lognormal', medianMs: 1_200, sigma: 0.3 },
      durationMs: { dist: 'lognormal', medianMs: 250, sigma: 0.4 },
      workload: {
        type: 'steps',
        steps: [
          { atMs: SALE_STARTS_MS, ratePerSec: 4 },
          { atMs: SALE_ENDS_MS, ratePerSec: 0.5 },
        ],
      },
    },
  ],
};


/** The scenario with every function changed by `change` (a copy; `base` is left alone). */
const withFunctions = (base: ScenarioInput, change: (f: ScenarioInput['functions'][number]) => Partial<ScenarioInput['functions'][number]>): ScenarioInput => {
  const copy = structuredClone(base);
  return { ...copy, functions: copy.functions.map((f) => ({ ...f, ...change(f) })) };
};

export const lesson: Lesson = {
  id: 'cold-start-mitigations',
  title: { en: 'Mitigating cold starts', fr: 'Atténuer les démarrages à froid' },
  body: [
    {
      en: 'A cold start is four phases before the handler can run: download the code (it grows with the package; FaaScope takes 10 ms per MB, an illustrative figure), start the sandbox (a Firecracker microVM boots in about 125 ms, Agache et al., NSDI 2020), boot the language runtime, then run the init code. The init phase may take at most 10 s for on-demand functions (AWS Lambda documentation). There are three ways to suffer less: make cold starts shorter, make them rarer, or have them done before anyone waits.',
      fr: "Un démarrage à froid, ce sont quatre phases avant que le handler puisse s’exécuter : télécharger le code (plus le paquet est gros, plus c’est long ; FaaScope compte 10 ms par Mo, un chiffre illustratif), lancer la sandbox (une microVM Firecracker démarre en 125 ms environ, Agache et al., NSDI 2020), amorcer le runtime du langage, puis exécuter le code d’initialisation. La phase d’initialisation ne peut dépasser 10 s pour une fonction à la demande (documentation d’AWS Lambda). Pour en souffrir moins, trois pistes : des démarrages à froid plus courts, plus rares, ou faits avant que quiconque attende.",
    },
    {
      en: 'Shorter: ship smaller packages (only the dependencies the handler needs) and leaner init code. Snapshot-and-restore (AWS SnapStart) goes further: the platform initializes once, saves the sandbox’s memory, and restores copies of it instead of running init again. FaaScope models it (a function’s snapStart, with a fixed restore time) and package size, through the code download. What a snapshot breaks: init runs once, at deployment, so every restored sandbox starts from the same memory. Random seeds, unique ids, tokens and open connections made in init are shared by all copies, or stale: generate them in the handler, or in a restore hook.',
      fr: "Plus courts : livrer des paquets plus petits (seulement les dépendances dont le handler a besoin) et un code d’initialisation plus sobre. La capture et restauration (SnapStart chez AWS) va plus loin : la plateforme initialise une fois, enregistre la mémoire de la sandbox, puis en restaure des copies au lieu de refaire l’initialisation. FaaScope la modélise (snapStart d’une fonction, avec un temps de restauration fixe), ainsi que la taille du paquet, par le téléchargement du code. Ce qu’un instantané casse : l’initialisation n’a lieu qu’une fois, au déploiement, donc chaque sandbox restaurée part de la même mémoire. Graines aléatoires, identifiants uniques, jetons et connexions ouvertes créés à l’initialisation sont partagés par toutes les copies, ou périmés : créez-les dans le handler, ou dans un hook de restauration.",
    },
    {
      en: "Ahead of demand: provisioned concurrency keeps a number of sandboxes initialized and warm before the traffic comes. Their init may take up to 130 s, or the timeout if that is longer (AWS documentation), and you pay for them while they wait: $0.0000041667 per GB-second provisioned, plus $0.0000097222 per GB-second of handler time on them, instead of the on-demand $0.0000166667 (AWS Lambda pricing, x86). FaaScope's cost meter bills both. On the provider's side, a warm pool does the same for everyone: generic sandboxes or VMs started in advance and handed to a tenant on demand. Warm pools are not modelled in FaaScope yet.",
      fr: "En avance sur la demande : la concurrence provisionnée garde un certain nombre de sandboxes initialisées et chaudes avant l’arrivée du trafic. Leur initialisation peut durer jusqu’à 130 s, ou jusqu’au délai d’expiration s’il est plus long (documentation d’AWS), et on les paie pendant qu’elles attendent : 0,0000041667 $ par Go-seconde provisionné, plus 0,0000097222 $ par Go-seconde d’exécution sur elles, au lieu des 0,0000166667 $ à la demande (tarifs AWS Lambda, x86). Le compteur de coût de FaaScope facture les deux. Côté fournisseur, un pool chaud (warm pool) fait la même chose pour tout le monde : des sandboxes ou des VM génériques démarrées à l’avance et attribuées à un client à la demande. FaaScope ne modélise pas encore les pools chauds.",
    },
    {
      en: 'The scenario: a flash sale. The checkout function (1 GB, a 200 MB package, about 1.2 s of init code) gets nothing for 10 s, then 4 requests a second for a minute. Watch what happens while the first sandbox initializes: each new request that finds no free sandbox asks for one of its own. Handler code is not run; durations are drawn from distributions.',
      fr: "Le scénario : une vente flash. La fonction checkout (1 Go, un paquet de 200 Mo, environ 1,2 s de code d’initialisation) ne reçoit rien pendant 10 s, puis 4 requêtes par seconde pendant une minute. Regardez ce qui se passe pendant que la première sandbox s’initialise : chaque nouvelle requête qui ne trouve pas de sandbox libre en demande une pour elle. Le code du handler n’est pas exécuté ; les durées sont tirées de distributions.",
    },
  ],
  sources: [
    'AWS Lambda execution environment lifecycle (documentation)',
    'Agache et al., "Firecracker", NSDI 2020',
    'AWS Lambda pricing',
  ],
  scenario,
  panels: ['plane', 'topology', 'statechart', 'charts', 'metrics'],
  steps: [
    {
      text: {
        en: 'The sale begins. The first request reaches the worker manager, which has no sandbox of checkout: placement is asked for a new one. Follow it in the plane view.',
        fr: "La vente commence. La première requête atteint le gestionnaire de workers, qui n’a aucune sandbox de checkout : il demande une nouvelle sandbox au service de placement. Suivez-la dans la vue du plan de données.",
      },
      target: { kind: 'transition', entity: 'request', to: 'waitingForSandbox' },
    },
    {
      text: {
        en: 'The new sandbox downloads its code: 200 MB at 10 ms per MB, 2 s, the longest of the four phases here. The statechart tab highlights fetchingCode.',
        fr: "La nouvelle sandbox télécharge son code : 200 Mo à 10 ms par Mo, soit 2 s, la plus longue des quatre phases ici. L’onglet des statecharts met en évidence fetchingCode.",
      },
      target: { kind: 'transition', entity: 'sandbox', to: 'fetchingCode' },
    },
    {
      text: {
        en: 'About two seconds into the sale, the first sandbox is still initializing and the eighth request has already asked for a sandbox of its own. In the topology view, count the sandboxes in their cold start (hatched): a cold-start storm.',
        fr: "Environ deux secondes après le début de la vente, la première sandbox s’initialise encore et la huitième requête a déjà demandé sa propre sandbox. Dans la vue des hôtes, comptez les sandboxes en démarrage à froid (hachurées) : une avalanche de démarrages à froid.",
      },
      target: { kind: 'transition', entity: 'request', to: 'waitingForSandbox', nth: 8 },
    },
    {
      text: {
        en: 'The sale is over. In the charts, "Sandboxes by state" shows how many sandboxes the storm created, most of them now idle, for a load that keeps only one or two busy at a time. The latency chart shows the cold requests waiting several seconds.',
        fr: "La vente est terminée. Dans les graphiques, « Sandboxes par état » montre combien de sandboxes l’avalanche a créées, presque toutes inactives maintenant, pour une charge qui n’en occupe qu’une ou deux à la fois. Le graphique des latences montre les requêtes à froid qui ont attendu plusieurs secondes.",
      },
      target: { kind: 'time', atMs: SALE_ENDS_MS },
    },
    {
      text: {
        en: 'First cure: provisioned concurrency. Predict, then run the sale again with sandboxes initialized before it starts.',
        fr: "Premier remède : la concurrence provisionnée. Faites votre pronostic, puis relancez la vente avec des sandboxes initialisées avant qu’elle ne commence.",
      },
      predict: {
        question: {
          en: `The sale brings 4 requests a second. We provision ${PROVISIONED} sandboxes of checkout before it. What becomes of the sale's cold starts?`,
          fr: `La vente amène 4 requêtes par seconde. On provisionne ${PROVISIONED} sandboxes de checkout avant qu’elle ne commence. Que deviennent les démarrages à froid de la vente ?`,
        },
        choices: [
          { id: 'most-remain', label: { en: `Most remain: ${PROVISIONED} sandboxes cannot serve 4 requests a second`, fr: `La plupart restent : ${PROVISIONED} sandboxes ne suffisent pas pour 4 requêtes par seconde` } },
          { id: 'few-remain', label: { en: 'Only a few remain, if any', fr: 'Il n’en reste que quelques-uns, voire aucun' } },
        ],
        variantLabel: { en: `provisioned concurrency 0 → ${PROVISIONED}`, fr: `concurrence provisionnée 0 → ${PROVISIONED}` },
        variant: (base) => withFunctions(base, () => ({ provisionedConcurrency: PROVISIONED })),
        answer: (base, variant) => (variant.requests.cold * 3 <= base.requests.cold ? 'few-remain' : 'most-remain'),
        explain: (base, variant, lang) => {
          const gb = scenario.functions[0]!.memoryMb / 1024;
          return lang === 'fr'
            ? `Sans provisionnement : ${base.requests.cold} démarrages à froid sur ${base.requests.total} requêtes, ${base.sandboxes.created} sandboxes créées. Avec ${PROVISIONED} sandboxes provisionnées : ${variant.requests.cold} démarrages à froid, ${variant.sandboxes.created} sandboxes. Chaque requête n’occupe une sandbox qu’environ un quart de seconde : 4 requêtes par seconde n’en tiennent qu’une ou deux à la fois, et ${PROVISIONED} sandboxes prêtes absorbent la vente presque entière. Ce n’est pas gratuit : le compteur facture ${PROVISIONED} sandboxes de ${num(gb, lang)} Go provisionnées pendant les ${num(variant.simulatedMs / 1000, lang)} s de la course, occupées ou non, soit ${usd(variant.cost.provisionedUsd, lang, 3)} au tarif d’AWS ; le temps des handlers y est facturé moins cher au Go-seconde qu’à la demande. La course entière coûte ${usd(variant.cost.totalUsd, lang, 3)}, contre ${usd(base.cost.totalUsd, lang, 3)} sans provisionnement.`
            : `Without provisioning: ${base.requests.cold} cold starts out of ${base.requests.total} requests, ${base.sandboxes.created} sandboxes created. With ${PROVISIONED} provisioned sandboxes: ${variant.requests.cold} cold starts, ${variant.sandboxes.created} sandboxes. Each request holds a sandbox for only about a quarter of a second, so 4 requests a second keep just one or two busy at a time, and ${PROVISIONED} ready sandboxes absorb almost the whole sale. It is not free: the meter bills ${PROVISIONED} sandboxes of ${num(gb, lang)} GB provisioned for all ${num(variant.simulatedMs / 1000, lang)} s of the run, busy or not: ${usd(variant.cost.provisionedUsd, lang, 3)} at AWS's price; the handlers' time on them is billed at a lower price per GB-second than on demand. The whole run costs ${usd(variant.cost.totalUsd, lang, 3)}, against ${usd(base.cost.totalUsd, lang, 3)} without provisioning.`;
        },
      },
    },
    {
      text: {
        en: 'Second cure: a smaller package, no provisioning. Predict, then run the sale again with the package cut from 200 MB to 20 MB.',
        fr: 'Deuxième remède : un paquet plus petit, sans provisionnement. Faites votre pronostic, puis relancez la vente avec un paquet réduit de 200 Mo à 20 Mo.',
      },
      predict: {
        question: {
          en: 'Cut the package from 200 MB to 20 MB (leaner dependencies). Each cold start gets about 1.8 s shorter. What about the number of cold starts?',
          fr: 'On réduit le paquet de 200 Mo à 20 Mo (des dépendances allégées). Chaque démarrage à froid raccourcit d’environ 1,8 s. Et le nombre de démarrages à froid ?',
        },
        choices: [
          { id: 'same-count', label: { en: 'About as many: only their length changes', fr: 'À peu près autant : seule leur durée change' } },
          { id: 'fewer', label: { en: 'Fewer cold starts too', fr: 'Moins de démarrages à froid aussi' } },
        ],
        variantLabel: { en: 'package 200 → 20 MB', fr: 'paquet 200 → 20 Mo' },
        variant: (base) => withFunctions(base, () => ({ packageMb: 20 })),
        answer: (base, variant) => (variant.requests.cold * 10 <= base.requests.cold * 9 ? 'fewer' : 'same-count'),
        explain: (base, variant, lang) => {
          const coldMs = [base.coldLatencyMs.mean, variant.coldLatencyMs.mean] as const;
          return lang === 'fr'
            ? `Avec 200 Mo : ${base.requests.cold} démarrages à froid, d’une latence moyenne de ${seconds(coldMs[0], lang)}. Avec 20 Mo : ${variant.requests.cold} démarrages à froid, de ${seconds(coldMs[1], lang)} en moyenne. Une sandbox prête plus tôt, c’est moins de requêtes arrivées pendant qu’elle s’initialise, donc moins de requêtes qui demandent leur propre sandbox : raccourcir le démarrage à froid en réduit aussi le nombre pendant une montée en charge.`
            : `With 200 MB: ${base.requests.cold} cold starts, with a mean latency of ${seconds(coldMs[0], lang)}. With 20 MB: ${variant.requests.cold} cold starts, of ${seconds(coldMs[1], lang)} on average. A sandbox ready sooner means fewer requests arrive while it initializes, so fewer of them ask for a sandbox of their own: shortening cold starts also makes them fewer when the load rises.`;
        },
      },
    },
  ],
};

