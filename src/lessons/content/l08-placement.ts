import type { Lesson } from '../types';
import type { ScenarioInput } from '../../sim/scenario';
import { pct } from '../format';

/**
 * Lesson 8: placement, packing sandboxes onto few hosts or spreading a function's load.
 *
 * Four small hosts (4 GB each). A web API of one account starts first and, with `spread`,
 * puts a few 512 MB sandboxes on every host; from 30 s an image model of another account needs
 * 3 GB sandboxes, and no host has 3 GB left: its requests fail. With `pack` the web API fills
 * two hosts and leaves two whole hosts free. Interference between neighbours is not modelled,
 * so the experiment shows the cost of spreading (fragmented memory), and the text its benefit.
 */

const IMAGE_MODEL_FROM_MS = 30_000;

const scenario: ScenarioInput = {
  version: 1,
  name: 'Pack or spread: a big tenant arrives',
  seed: 8,
  durationMs: 120_000,
  platform: { hosts: 4, hostMemoryMb: 4_096, placement: 'spread' },
  accounts: [{ id: 'shop' }, { id: 'lab' }],
  functions: [
    {
      name: 'web-api',
      account: 'shop',
      memoryMb: 512,
      packageMb: 20,
      initMs: { dist: 'constant', ms: 300 },
      durationMs: { dist: 'lognormal', medianMs: 400, sigma: 0.3 },
      workload: { type: 'poisson', ratePerSec: 8 },
    },
    {
      name: 'image-model',
      account: 'lab',
      memoryMb: 3_008,
      timeoutMs: 10_000,
      packageMb: 50,
      initMs: { dist: 'constant', ms: 1_500 },
      durationMs: { dist: 'lognormal', medianMs: 1_000, sigma: 0.3 },
      workload: {
        type: 'steps',
        steps: [
          { atMs: 0, ratePerSec: 0 },
          { atMs: IMAGE_MODEL_FROM_MS, ratePerSec: 0.25 },
        ],
      },
    },
  ],
};


export const lesson: Lesson = {
  id: 'placement',
  title: { en: 'Placement: pack or spread?', fr: 'Placement : regrouper ou répartir ?' },
  body: [
    {
      en: "For every new sandbox, the placement service picks a worker (a host). It wants cold starts short, hosts well used, and unhealthy workers avoided. Two instincts pull in opposite directions. Packing fills hosts one after the other: few hosts are busy, the others stay whole, free for a big tenant or for maintenance (workers are replaced every few hours, 8 to 10 h cited, AWS re:Invent 2018). Spreading puts a function's sandboxes on many hosts, so that its spikes do not all land on the same machine and a failing host takes only part of it.",
      fr: "Pour chaque nouvelle sandbox, le service de placement choisit un worker (un hôte). Il veut des démarrages à froid courts, des hôtes bien remplis, et éviter les workers en mauvaise santé. Deux réflexes s’opposent. Regrouper remplit les hôtes l’un après l’autre : peu d’hôtes sont occupés, les autres restent entiers, libres pour un gros client ou pour la maintenance (les workers sont remplacés au bout de quelques heures : 8 à 10 h selon AWS re:Invent 2018). Répartir place les sandboxes d’une fonction sur de nombreux hôtes, pour que ses pics ne tombent pas tous sur la même machine et qu’une panne d’hôte n’en emporte qu’une partie.",
    },
    {
      en: "AWS Lambda does some of both: it spreads one function's load evenly across workers, yet sends that function's requests to as few sandboxes as possible (FaaScope's worker manager, too, reuses the most recently used idle sandbox), and it packs together functions whose loads are anti-correlated, so that their peaks do not coincide.",
      fr: "AWS Lambda fait un peu des deux : il répartit la charge d’une fonction sur les workers, tout en envoyant ses requêtes vers aussi peu de sandboxes que possible (le gestionnaire de workers de FaaScope réutilise lui aussi la sandbox inactive la plus récemment servie), et il regroupe les fonctions dont les charges sont anti-corrélées, pour que leurs pics ne coïncident pas.",
    },
    {
      en: "Neighbours matter. Sandboxes on one host share its CPU caches, memory bandwidth, disk and network: a busy neighbour can slow your function down even when a microVM isolates it for security. The density is high: about 8,000 microVMs of 128 MB fit on a host with 1 TB of memory (Agache et al., \"Firecracker\", NSDI 2020). FaaScope does not model this interference (a handler takes as long whoever its neighbours are), so the experiment below shows the other side: what spreading costs in free space.",
      fr: "Les voisins comptent. Les sandboxes d’un même hôte partagent ses caches processeur, sa bande passante mémoire, son disque et son réseau : un voisin bruyant peut ralentir votre fonction, même quand une microVM l’isole côté sécurité. La densité est forte : environ 8 000 microVM de 128 Mo tiennent sur un hôte doté de 1 To de mémoire (Agache et al., « Firecracker », NSDI 2020). FaaScope ne modélise pas ces interférences (un handler dure autant quels que soient ses voisins) ; l’expérience ci-dessous montre donc l’autre face : ce que la répartition coûte en place libre.",
    },
    {
      en: 'The scenario: four small hosts of 4 GB each (illustrative; real workers are far bigger and far more numerous). A web API of the account shop takes 8 requests a second in 512 MB sandboxes; from 30 s, an image model of the account lab needs sandboxes of 3 GB. When no host has room, placement cannot create the sandbox and the request fails.',
      fr: "Le scénario : quatre petits hôtes de 4 Go chacun (chiffre illustratif ; les vrais workers sont bien plus gros et bien plus nombreux). Une API web du compte shop reçoit 8 requêtes par seconde dans des sandboxes de 512 Mo ; à partir de 30 s, un modèle d’images du compte lab demande des sandboxes de 3 Go. Quand aucun hôte n’a de place, le placement ne peut pas créer la sandbox et la requête échoue.",
    },
  ],
  sources: ['AWS re:Invent 2018, "A Serverless Journey: AWS Lambda under the hood"', 'Agache et al., "Firecracker", NSDI 2020'],
  scenario,
  panels: ['topology', 'plane', 'charts', 'metrics'],
  steps: [
    {
      text: {
        en: 'The first web-api request needs a sandbox: the placement service picks a worker for it. In the topology view, watch which host it lands on.',
        fr: "La première requête de web-api a besoin d’une sandbox : le service de placement lui choisit un worker. Dans la vue des hôtes, regardez sur quel hôte elle arrive.",
      },
      target: { kind: 'transition', entity: 'sandbox', to: 'placing', fn: 'web-api' },
    },
    {
      text: {
        en: "The fourth web-api sandbox is being placed. With placement 'spread', each new sandbox goes to the host with the fewest sandboxes of this function: by now there is one on every host.",
        fr: "La quatrième sandbox de web-api est en cours de placement. Avec le placement « spread » (répartir), chaque nouvelle sandbox va sur l’hôte qui a le moins de sandboxes de cette fonction : il y en a maintenant une sur chaque hôte.",
      },
      target: { kind: 'transition', entity: 'sandbox', to: 'placing', nth: 4, fn: 'web-api' },
    },
    {
      text: {
        en: "Soon after 30 s the first image-model request arrives and needs a 3 GB sandbox (3,013 MB with its microVM). Look at each host's used memory in the topology view: every host has web-api sandboxes on it, and none has 3 GB left.",
        fr: "Peu après 30 s, la première requête d’image-model arrive et réclame une sandbox de 3 Go (3 013 Mo avec sa microVM). Regardez la mémoire utilisée de chaque hôte dans la vue des hôtes : tous portent des sandboxes de web-api, et aucun n’a encore 3 Go de libre.",
      },
      target: { kind: 'transition', entity: 'request', to: 'waitingForSandbox', fn: 'image-model' },
    },
    {
      text: {
        en: 'No worker can take the sandbox: the request fails. The summary bar counts it under "timed out or failed". There is plenty of free memory in total, but it is cut into pieces too small.',
        fr: "Aucun worker ne peut accueillir la sandbox : la requête échoue. La barre de résumé la compte parmi les requêtes en échec. Il reste beaucoup de mémoire libre au total, mais découpée en morceaux trop petits.",
      },
      target: { kind: 'transition', entity: 'request', to: 'failed', fn: 'image-model' },
    },
    {
      text: {
        en: "Predict, then run the same two minutes with placement 'pack'.",
        fr: 'Faites votre pronostic, puis relancez les deux mêmes minutes avec le placement « pack » (regrouper).',
      },
      predict: {
        question: {
          en: "Switch placement from 'spread' to 'pack'. Will more image-model requests succeed, fewer, or about as many?",
          fr: "On passe le placement de « spread » (répartir) à « pack » (regrouper). Les requêtes d’image-model réussiront-elles plus, moins, ou à peu près autant ?",
        },
        choices: [
          { id: 'more', label: { en: 'More succeed', fr: 'Plus de réussites' } },
          { id: 'same', label: { en: 'About as many: the hosts have the same memory', fr: 'À peu près autant : les hôtes ont la même mémoire' } },
          { id: 'fewer', label: { en: 'Fewer: packed hosts are full', fr: 'Moins : les hôtes regroupés sont pleins' } },
        ],
        variantLabel: { en: "placement 'spread' → 'pack'", fr: 'placement « spread » → « pack »' },
        variant: (base) => {
          const copy = structuredClone(base);
          return { ...copy, platform: { ...copy.platform, placement: 'pack' } };
        },
        // Only the image model can fail here (the web API's small sandboxes always fit), so the totals say it.
        answer: (base, variant) => {
          const diff = base.requests.failed - variant.requests.failed;
          const margin = Math.max(2, 0.1 * Math.max(base.requests.failed, variant.requests.failed));
          return diff > margin ? 'more' : diff < -margin ? 'fewer' : 'same';
        },
        explain: (base, variant, lang) => {
          const model = [base.perFunction['image-model'], variant.perFunction['image-model']] as const;
          const [b, v] = model[0] && model[1] ? [model[0].requests, model[1].requests] : [base.requests, variant.requests];
          return lang === 'fr'
            ? `Avec « spread » : ${b.failed} requêtes d’image-model sur ${b.total} échouent (${pct(b.failed, b.total, lang)}). Avec « pack » : ${v.failed} sur ${v.total} (${pct(v.failed, v.total, lang)}). En regroupant, les sandboxes de web-api remplissent les premiers hôtes et laissent les autres entiers, où une sandbox de 3 Go tient ; en répartissant, chaque hôte garde un peu de place libre, jamais assez. La contrepartie, que FaaScope ne simule pas : avec « pack », les sandboxes de web-api s’entassent sur deux hôtes, qui subissent ensemble ses pics et ses voisins bruyants.`
            : `With 'spread': ${b.failed} of ${b.total} image-model requests fail (${pct(b.failed, b.total, lang)}). With 'pack': ${v.failed} of ${v.total} (${pct(v.failed, v.total, lang)}). Packing, the web-api sandboxes fill the first hosts and leave the others whole, where a 3 GB sandbox fits; spreading, every host keeps a little free room, never enough. The other side, which FaaScope does not simulate: with 'pack', all of web-api's sandboxes share two hosts, which take its spikes and its noisy neighbours together.`;
        },
      },
    },
    {
      text: {
        en: "Play on at 10×. In the topology view, the image model never gets a sandbox while the web API holds a slice of every host. With 'pack', the experiment's layout is two hosts full of web-api and two left whole for the model.",
        fr: "Poursuivez à 10×. Dans la vue des hôtes, le modèle d’images n’obtient jamais de sandbox tant que l’API web occupe une part de chaque hôte. Avec « pack », l’expérience dispose autrement : deux hôtes remplis de web-api, deux laissés entiers au modèle.",
      },
      playAt: 10,
    },
  ],
};
