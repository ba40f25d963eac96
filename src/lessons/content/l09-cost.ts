import type { Lesson } from '../types';
import type { RunReport } from '../../sim/meters';
import type { ScenarioInput } from '../../sim/scenario';
import { num, usd } from '../format';

/**
 * Lesson 9: what it costs. GB-seconds and requests, billing granularity, and the break-even
 * against an always-on VM.
 *
 * A short handler (about 20 ms, 512 MB) at one request a second for ten minutes: small enough
 * that rounding each invocation up to 100 ms multiplies the compute bill, and cheap enough that
 * a VM would cost more. The engine does not model VMs: the comparison is computed from the
 * run's cost and an assumed VM price, marked illustrative in the text and in the explanation.
 */

/**
 * An always-on VM's price, USD per hour. Illustrative, not from the domain's table: about the
 * on-demand price of a small general-purpose cloud VM with 2 GB of memory.
 */
const VM_USD_PER_HOUR = 0.02;
const TRAFFIC_FACTOR = 40;
const BASE_RATE_PER_SEC = 1;

const scenario: ScenarioInput = {
  version: 1,
  name: 'What a short function costs',
  seed: 9,
  durationMs: 10 * 60_000,
  platform: { hosts: 2, billing: { granularityMs: 1, pricePerGbSecond: 0.0000166667, pricePerMillionRequests: 0.2 } },
  accounts: [{ id: 'shop' }],
  functions: [
    {
      name: 'price-lookup',
      account: 'shop',
      memoryMb: 512,
      packageMb: 10,
      initMs: { dist: 'constant', ms: 250 },
      durationMs: { dist: 'lognormal', medianMs: 20, sigma: 0.3 },
      workload: { type: 'poisson', ratePerSec: BASE_RATE_PER_SEC },
    },
  ],
};

const perHour = (r: RunReport) => (r.simulatedMs > 0 ? (r.cost.totalUsd * 3_600_000) / r.simulatedMs : 0);
/** The run's measured request rate, per second. */
const ratePerSec = (r: RunReport) => (r.simulatedMs > 0 ? (r.requests.total * 1000) / r.simulatedMs : 0);

export const lesson: Lesson = {
  id: 'cost',
  title: { en: 'What it costs', fr: 'Ce que ça coûte' },
  body: [
    {
      en: 'A function is billed for what it uses: its memory times the billed duration of each invocation, in GB-seconds, at $0.0000166667 per GB-second (x86, first tier; $0.0000133334 on Arm), plus $0.20 per million requests (AWS Lambda pricing). Between invocations you pay nothing: the idle memory of lesson 6 is the provider’s cost. FaaScope bills the handler’s duration only, leaves out data transfer, and shows costs without the free tier (1 million requests and 400,000 GB-seconds a month).',
      fr: "Une fonction est facturée à l’usage : sa mémoire multipliée par la durée facturée de chaque invocation, en Go-secondes, à 0,0000166667 $ le Go-seconde (x86, premier palier ; 0,0000133334 $ sur Arm), plus 0,20 $ par million de requêtes (tarifs AWS Lambda). Entre deux invocations, vous ne payez rien : la mémoire inactive de la leçon 6 est à la charge du fournisseur. FaaScope ne facture que la durée du handler, ignore le transfert de données et affiche les coûts sans l’offre gratuite (1 million de requêtes et 400 000 Go-secondes par mois).",
    },
    {
      en: "AWS's own worked example: 512 MB, 3 million invocations a month, 1 s each, make 1.5 million GB-seconds. After the free tier that is $18.34 of compute plus $0.40 of requests, $18.74 a month (AWS Lambda pricing page, which rounds the price to $0.00001667; with $0.0000166667 the compute is $18.33).",
      fr: "L’exemple chiffré d’AWS : 512 Mo, 3 millions d’invocations d’une seconde par mois, cela fait 1,5 million de Go-secondes. Après l’offre gratuite, 18,34 $ de calcul plus 0,40 $ de requêtes, soit 18,74 $ par mois (page des tarifs d’AWS Lambda, qui arrondit le prix à 0,00001667 $ ; avec 0,0000166667 $, le calcul revient à 18,33 $).",
    },
    {
      en: 'The billed duration is rounded up to the billing granularity: 1 ms on AWS Lambda today, 100 ms before December 2020 (AWS announcement, re:Invent 2020). For a handler that runs for a second, the rounding hardly matters; for one that runs for 20 ms, it decides the bill.',
      fr: "La durée facturée est arrondie au pas de facturation supérieur : 1 ms sur AWS Lambda aujourd’hui, 100 ms avant décembre 2020 (annonce d’AWS, re:Invent 2020). Pour un handler qui tourne une seconde, l’arrondi compte peu ; pour un handler de 20 ms, c’est lui qui fait la facture.",
    },
    {
      en: `Serverless against serverful: an always-on VM costs the same whether it is busy or idle, while a function costs in proportion to its use. A rarely called function costs almost nothing; under a high, steady load the VM becomes cheaper. FaaScope does not simulate the VM: this lesson assumes one at $${VM_USD_PER_HOUR} an hour, an illustrative price of the order of a small 2 GB cloud VM, not a figure from a source. The scenario: a price lookup of 512 MB answering in about 20 ms, one request a second for ten minutes.`,
      fr: `Serverless contre serveur : une VM allumée en permanence coûte pareil qu’elle travaille ou non, alors qu’une fonction coûte à proportion de son usage. Une fonction rarement appelée ne coûte presque rien ; sous une charge forte et régulière, la VM devient moins chère. FaaScope ne simule pas la VM : cette leçon en suppose une à ${String(VM_USD_PER_HOUR).replace('.', ',')} $ de l’heure, un prix illustratif de l’ordre d’une petite VM de 2 Go, qui ne vient d’aucune source. Le scénario : une recherche de prix de 512 Mo qui répond en 20 ms environ, une requête par seconde pendant dix minutes.`,
    },
  ],
  sources: ['AWS Lambda pricing', 'AWS announcement, re:Invent 2020'],
  scenario,
  panels: ['plane', 'charts', 'metrics'],
  steps: [
    {
      text: {
        en: 'The first request has been answered. Its handler ran for about 20 ms (it waited for a cold start first, which is not billed here). Its compute is 0.5 GB × 0.02 s = 0.01 GB-s, about $0.00000017: less than the $0.0000002 charged for the request itself. Read the cost in the summary bar.',
        fr: "La première requête a reçu sa réponse. Son handler a tourné environ 20 ms (après un démarrage à froid, non facturé ici). Son calcul : 0,5 Go × 0,02 s = 0,01 Go-s, soit environ 0,00000017 $, moins que les 0,0000002 $ facturés pour la requête elle-même. Lisez le coût dans la barre de résumé.",
      },
      target: { kind: 'transition', entity: 'request', to: 'responded' },
    },
    {
      text: {
        en: 'A hundred requests later, the "Cumulative cost" chart is a straight line: at a steady rate, the bill grows in proportion to use, and it would stop growing if the traffic stopped.',
        fr: "Cent requêtes plus tard, le graphique du coût cumulé est une droite : à débit régulier, la facture croît à proportion de l’usage, et elle cesserait de croître si le trafic s’arrêtait.",
      },
      target: { kind: 'transition', entity: 'request', to: 'responded', nth: 100 },
    },
    {
      text: {
        en: 'Billing granularity: predict, then run the same ten minutes billed in steps of 100 ms, as before December 2020.',
        fr: "Le pas de facturation : faites votre pronostic, puis relancez les dix mêmes minutes facturées par tranches de 100 ms, comme avant décembre 2020.",
      },
      predict: {
        question: {
          en: 'Bill each invocation rounded up to 100 ms instead of 1 ms. How does the compute part of the bill (the GB-seconds) change?',
          fr: "On facture chaque invocation arrondie aux 100 ms supérieures au lieu de 1 ms. Comment évolue la part calcul de la facture (les Go-secondes) ?",
        },
        choices: [
          { id: 'slightly', label: { en: 'A few percent more: it is only rounding', fr: 'Quelques pour cent de plus : ce n’est qu’un arrondi' } },
          { id: 'double', label: { en: 'About twice as much', fr: 'Environ le double' } },
          { id: 'fivefold', label: { en: 'About five times as much', fr: 'Environ cinq fois plus' } },
        ],
        variantLabel: { en: 'billing granularity 1 ms → 100 ms', fr: 'pas de facturation 1 ms → 100 ms' },
        variant: (base) => {
          const copy = structuredClone(base);
          const billing = { ...copy.platform?.billing, granularityMs: 100 };
          return { ...copy, platform: { ...copy.platform, billing } };
        },
        answer: (base, variant) => {
          const ratio = base.cost.computeUsd > 0 ? variant.cost.computeUsd / base.cost.computeUsd : 1;
          return ratio < 1.5 ? 'slightly' : ratio < 3.5 ? 'double' : 'fivefold';
        },
        explain: (base, variant, lang) => {
          const ratio = base.cost.computeUsd > 0 ? variant.cost.computeUsd / base.cost.computeUsd : 1;
          const gbs = [base.cost.billedGbSeconds, variant.cost.billedGbSeconds] as const;
          return lang === 'fr'
            ? `Au pas de 1 ms : ${num(gbs[0], lang, 1)} Go-s facturés, ${usd(base.cost.computeUsd, lang, 3)} de calcul. Au pas de 100 ms : ${num(gbs[1], lang, 1)} Go-s, ${usd(variant.cost.computeUsd, lang, 3)}, soit ${num(ratio, lang, 1)} fois plus pour le même travail : une invocation de 20 ms est facturée 100 ms. La facture totale, requêtes comprises, passe de ${usd(base.cost.totalUsd, lang, 3)} à ${usd(variant.cost.totalUsd, lang, 3)} : pour un handler si court, le prix par requête pèse autant que le calcul.`
            : `Billed per 1 ms: ${num(gbs[0], lang, 1)} GB-s, ${usd(base.cost.computeUsd, lang, 3)} of compute. Billed per 100 ms: ${num(gbs[1], lang, 1)} GB-s, ${usd(variant.cost.computeUsd, lang, 3)}, ${num(ratio, lang, 1)} times as much for the same work: a 20 ms invocation is billed as 100 ms. The whole bill, requests included, goes from ${usd(base.cost.totalUsd, lang, 3)} to ${usd(variant.cost.totalUsd, lang, 3)}: for a handler this short, the price per request weighs as much as the compute.`;
        },
      },
    },
    {
      text: {
        en: `Serverless or a VM: predict, then run the same function with ${TRAFFIC_FACTOR} times the traffic. The VM is assumed at $${VM_USD_PER_HOUR} an hour (illustrative).`,
        fr: `Serverless ou VM : faites votre pronostic, puis relancez la même fonction avec ${TRAFFIC_FACTOR} fois plus de trafic. La VM est supposée coûter ${String(VM_USD_PER_HOUR).replace('.', ',')} $ de l’heure (prix illustratif).`,
      },
      predict: {
        question: {
          en: `At ${TRAFFIC_FACTOR} requests a second instead of ${BASE_RATE_PER_SEC}, which costs less per hour: the function, or an always-on VM at $${VM_USD_PER_HOUR} an hour that could serve them all?`,
          fr: `À ${TRAFFIC_FACTOR} requêtes par seconde au lieu de ${BASE_RATE_PER_SEC}, qu’est-ce qui coûte le moins cher à l’heure : la fonction, ou une VM allumée en permanence à ${String(VM_USD_PER_HOUR).replace('.', ',')} $ de l’heure, capable de toutes les servir ?`,
        },
        choices: [
          { id: 'function', label: { en: 'The function: serverless is the cheap option', fr: 'La fonction : le serverless est l’option bon marché' } },
          { id: 'vm', label: { en: 'The VM', fr: 'La VM' } },
          { id: 'even', label: { en: 'About the same', fr: 'À peu près pareil' } },
        ],
        variantLabel: { en: `traffic × ${TRAFFIC_FACTOR}`, fr: `trafic × ${TRAFFIC_FACTOR}` },
        variant: (base) => {
          const copy = structuredClone(base);
          return {
            ...copy,
            functions: copy.functions.map((f) => (f.workload.type === 'poisson' ? { ...f, workload: { ...f.workload, ratePerSec: f.workload.ratePerSec * TRAFFIC_FACTOR } } : f)),
          };
        },
        answer: (_base, variant) => {
          const ratio = perHour(variant) / VM_USD_PER_HOUR;
          return ratio > 1.25 ? 'vm' : ratio < 0.8 ? 'function' : 'even';
        },
        explain: (base, variant, lang) => {
          const [b, v] = [perHour(base), perHour(variant)];
          const [rb, rv] = [num(ratePerSec(base), lang, 1), num(ratePerSec(variant), lang)];
          // Requests per second at which the function would cost as much as the VM, at the base run's cost per request.
          const perRequest = base.requests.total > 0 ? base.cost.totalUsd / base.requests.total : 0;
          const breakEven = perRequest > 0 ? VM_USD_PER_HOUR / 3_600 / perRequest : Infinity;
          return lang === 'fr'
            ? `Au rythme moyen de ${rb} par seconde, la fonction coûte ${usd(b, lang, 3)} de l’heure, ${num(VM_USD_PER_HOUR / b, lang)} fois moins que la VM (${usd(VM_USD_PER_HOUR, lang, 3)}, prix supposé). À ${rv} par seconde, elle coûte ${usd(v, lang, 3)} de l’heure : ${num(v / VM_USD_PER_HOUR, lang, 1)} fois la VM, qui, elle, coûte la même chose occupée ou non. Au coût par requête de cette fonction, l’équilibre est vers ${num(breakEven, lang)} requêtes par seconde. Mais la VM ne s’adapte pas seule : pics, pannes et mises à jour restent à votre charge.`
            : `At an average of ${rb} per second, the function costs ${usd(b, lang, 3)} an hour, ${num(VM_USD_PER_HOUR / b, lang)} times less than the VM (${usd(VM_USD_PER_HOUR, lang, 3)}, an assumed price). At ${rv} per second it costs ${usd(v, lang, 3)} an hour: ${num(v / VM_USD_PER_HOUR, lang, 1)} times the VM, which costs the same busy or idle. At this function's cost per request, the break-even is around ${num(breakEven, lang)} requests a second. But the VM does not scale by itself: peaks, failures and patching are then your job.`;
        },
      },
    },
    {
      text: {
        en: 'Play the ten minutes at 30×. The metrics tab splits the bill into compute and requests, and shows the GB-seconds billed.',
        fr: "Lancez les dix minutes à 30×. L’onglet des métriques sépare la facture entre calcul et requêtes, et affiche les Go-secondes facturées.",
      },
      playAt: 30,
    },
  ],
};
