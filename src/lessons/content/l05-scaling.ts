import type { Lesson } from '../types';
import { num } from '../format';

/**
 * Lesson 5: concurrency, scaling out, throttling and reserved concurrency. A checkout function
 * capped at 20 concurrent executions gets a 20-second burst that needs about 28: the platform
 * scales out to the cap and throttles the rest. The experiment doubles the cap; the throttled
 * requests do not halve, they almost vanish, because the need sat just above the old cap.
 */


const RESERVED = 20;
const RESERVED_DOUBLED = 40;
const BURST_AT_MS = 30_000;
const BURST_END_MS = 50_000;
const BURST_RATE = 100;

export const lesson: Lesson = {
  id: 'scaling',
  title: { en: 'Scaling out, and its limits', fr: 'La montée en charge et ses limites' },
  body: [
    {
      en: 'One sandbox runs one invocation at a time, so a function’s concurrency, the number of its requests being handled at this instant, is also the number of busy sandboxes it needs. A handy estimate: concurrency ≈ requests per second × seconds per request. At 100 requests per second lasting about a quarter of a second each, some 25 to 30 sandboxes are busy. When traffic jumps, the platform scales out by creating sandboxes, and each new one is a cold start.',
      fr: 'Une sandbox ne traite qu’une invocation à la fois : la concurrence d’une fonction, c’est-à-dire le nombre de ses requêtes en cours de traitement à un instant donné, est donc aussi le nombre de sandboxes occupées dont elle a besoin. Une estimation commode : concurrence ≈ requêtes par seconde × secondes par requête. À 100 requêtes par seconde durant chacune un quart de seconde environ, 25 à 30 sandboxes sont occupées. Quand le trafic bondit, la plateforme monte en charge en créant des sandboxes, et chaque création est un démarrage à froid.',
    },
    {
      en: 'Scaling has limits. By default an account may run 1,000 concurrent executions per region, shared by all its functions (AWS Lambda quotas), and each function can add up to 1,000 execution environments every 10 seconds (AWS Lambda scaling behaviour, since late 2023). A request over the limit is throttled: a synchronous caller gets HTTP 429 (TooManyRequestsException), while an asynchronous event is kept and retried for up to 6 hours (AWS Lambda documentation).',
      fr: 'La montée en charge a ses limites. Par défaut, un compte peut exécuter 1 000 invocations simultanées par région, partagées entre toutes ses fonctions (quotas AWS Lambda), et chaque fonction peut ajouter jusqu’à 1 000 environnements d’exécution toutes les 10 secondes (comportement de mise à l’échelle d’AWS Lambda, depuis fin 2023). Une requête au-delà de la limite subit une limitation : l’appelant synchrone reçoit une erreur HTTP 429 (TooManyRequestsException), tandis qu’un événement asynchrone est conservé et retenté pendant 6 heures au plus (documentation AWS Lambda).',
    },
    {
      en: 'Reserved concurrency sets part of the account’s limit aside for one function. It cuts both ways: the function is guaranteed that many executions, since no other function can take them, and it can never use more, so the reservation is also a cap. Here the checkout function has a reserved concurrency of 20, and its traffic jumps from 2 to 100 requests per second for 20 seconds.',
      fr: 'La concurrence réservée met de côté une part de la limite du compte pour une seule fonction. L’arme est à double tranchant : la fonction a la garantie de disposer d’autant d’exécutions, qu’aucune autre fonction ne peut lui prendre, mais elle ne peut jamais en utiliser davantage : la réservation est aussi un plafond. Ici, la fonction checkout a une concurrence réservée de 20, et son trafic passe de 2 à 100 requêtes par seconde pendant 20 secondes.',
    },
    {
      en: 'FaaScope simplifies: it counts concurrency exactly as above but does not enforce the scaling rate (at this lesson’s scale, a few tens of sandboxes, it would never bind), and handler durations are drawn from a lognormal distribution around 250 ms.',
      fr: 'FaaScope simplifie : la concurrence est comptée exactement comme ci-dessus, mais le rythme maximal de création d’environnements n’est pas appliqué (à l’échelle de cette leçon, quelques dizaines de sandboxes, il ne jouerait jamais), et les durées de traitement sont tirées d’une loi log-normale centrée sur 250 ms.',
    },
  ],
  sources: ['AWS Lambda quotas (documentation)', 'AWS Lambda scaling behaviour (since late 2023)', 'AWS Lambda documentation (throttling)', 'AWS Lambda asynchronous invocation (documentation)'],
  scenario: {
    version: 1,
    name: 'Lesson 5: a burst against reserved concurrency',
    seed: 51,
    durationMs: 90_000,
    platform: { hosts: 4, placement: 'spread' },
    accounts: [{ id: 'shop' }],
    functions: [
      {
        name: 'checkout',
        account: 'shop',
        memoryMb: 256,
        timeoutMs: 5_000,
        packageMb: 20,
        reservedConcurrency: RESERVED,
        initMs: { dist: 'lognormal', medianMs: 300, sigma: 0.3 },
        durationMs: { dist: 'lognormal', medianMs: 250, sigma: 0.4 },
        workload: {
          type: 'steps',
          steps: [
            { atMs: 0, ratePerSec: 2 },
            { atMs: BURST_AT_MS, ratePerSec: BURST_RATE },
            { atMs: BURST_END_MS, ratePerSec: 2 },
          ],
        },
      },
    ],
  },
  panels: ['plane', 'topology', 'charts', 'metrics'],
  steps: [
    {
      text: {
        en: 'Quiet traffic: two requests a second, each over in about a quarter of a second. One or two sandboxes are enough; the summary bar shows almost every request warm.',
        fr: 'Trafic calme : deux requêtes par seconde, chacune terminée en un quart de seconde environ. Une ou deux sandboxes suffisent ; la barre de résumé montre presque toutes les requêtes servies à chaud.',
      },
      target: { kind: 'time', atMs: 20_000 },
    },
    {
      text: {
        en: 'At 30 s the burst begins: 100 requests a second. The worker manager finds every sandbox busy, so placement creates new ones, spread across the four workers (topology view). Every one of them is a cold start.',
        fr: 'À 30 s, la rafale commence : 100 requêtes par seconde. Le gestionnaire de workers trouve toutes les sandboxes occupées, et le placement en crée de nouvelles, réparties sur les quatre workers (vue de topologie). Chacun d’eux est un démarrage à froid.',
      },
      target: { kind: 'time', atMs: BURST_AT_MS },
      playAt: 0.1,
    },
    {
      text: {
        en: 'The first throttled request: the counting service found 20 requests of checkout in flight, its reserved concurrency, and turned this one away. In the plane view it leaves at the counting service; its caller gets HTTP 429.',
        fr: 'La première requête limitée : le service de comptage a trouvé 20 requêtes de checkout en cours, sa concurrence réservée, et a refusé celle-ci. Dans la vue du plan de données, elle repart dès le service de comptage ; son appelant reçoit une erreur HTTP 429.',
      },
      target: { kind: 'transition', entity: 'request', to: 'throttled' },
    },
    {
      text: {
        en: 'The burst is over. In the Charts tab, throttling started as soon as concurrency reached 20 and went on for the whole burst, while the sandboxes alive never exceeded 20.',
        fr: 'La rafale est passée. Dans l’onglet des graphiques, les limitations ont commencé dès que la concurrence a atteint 20 et ont duré toute la rafale, tandis que le nombre de sandboxes en vie n’a jamais dépassé 20.',
      },
      target: { kind: 'time', atMs: BURST_END_MS + 5_000 },
      predict: {
        question: {
          en: 'Double the reserved concurrency of checkout, from 20 to 40. What happens to the number of throttled requests?',
          fr: 'Doublons la concurrence réservée de checkout, de 20 à 40. Que devient le nombre de requêtes limitées ?',
        },
        choices: [
          { id: 'same', label: { en: 'About the same', fr: 'À peu près le même' } },
          { id: 'half', label: { en: 'About halved', fr: 'Divisé par deux environ' } },
          { id: 'mostGone', label: { en: 'Down by far more than half', fr: 'Bien plus que divisé par deux' } },
        ],
        variantLabel: { en: 'reserved concurrency 20 → 40', fr: 'concurrence réservée de 20 → 40' },
        variant: (base) => ({ ...base, functions: base.functions.map((f) => ({ ...f, reservedConcurrency: RESERVED_DOUBLED })) }),
        answer: (b, v) => {
          const ratio = b.requests.throttled > 0 ? v.requests.throttled / b.requests.throttled : 1;
          if (ratio < 0.3) return 'mostGone';
          return ratio < 0.75 ? 'half' : 'same';
        },
        explain: (b, v, lang) => {
          // Concurrency ≈ rate × time per request, once the sandboxes are warm.
          const need = (BURST_RATE * (v.warmLatencyMs.mean ?? 0)) / 1000;
          return lang === 'fr'
            ? `Avec une concurrence réservée de ${RESERVED}, ${num(b.requests.throttled, lang)} requêtes sur ${num(b.requests.total, lang)} ont été limitées ; avec ${RESERVED_DOUBLED}, seulement ${num(v.requests.throttled, lang)}, surtout au début de la rafale, quand les premières sandboxes démarraient encore à froid. Une fois les sandboxes chaudes, la rafale ne demandait que ${BURST_RATE} requêtes/s × ${num(Math.round(v.warmLatencyMs.mean ?? 0), lang)} ms ≈ ${num(Math.round(need), lang)} exécutions simultanées : un peu plus de ${RESERVED}, bien moins que ${RESERVED_DOUBLED}. Doubler le plafond ne divise pas les refus par deux, il les fait presque disparaître.`
            : `With a reserved concurrency of ${RESERVED}, ${num(b.requests.throttled, lang)} of ${num(b.requests.total, lang)} requests were throttled; with ${RESERVED_DOUBLED}, only ${num(v.requests.throttled, lang)}, mostly at the start of the burst, while the first sandboxes were still cold-starting. Once the sandboxes were warm, the burst needed only ${BURST_RATE} requests/s × ${num(Math.round(v.warmLatencyMs.mean ?? 0), lang)} ms ≈ ${num(Math.round(need), lang)} concurrent executions: a little over ${RESERVED}, well under ${RESERVED_DOUBLED}. Doubling the cap does not halve the refusals; it nearly removes them.`;
        },
      },
    },
  ],
};
