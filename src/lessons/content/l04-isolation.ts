import type { Lesson } from '../types';
import type { ScenarioInput } from '../../sim/scenario';
import { num } from '../format';

/**
 * Lesson 4: how tenants are kept apart on shared hosts (a guest OS per account, a sandbox per
 * function), container versus microVM versus VM, and Lambda's two generations. Six accounts
 * share one host in the microVM design; the experiment switches to the early design, a VM per
 * account, where each account reserves a whole VM and the host runs out of room for some.
 */


type FunctionInput = ScenarioInput['functions'][number];
const fn = (name: string, account: string, memoryMb: number, ratePerSec: number, durationMs: FunctionInput['durationMs']): FunctionInput => ({
  name,
  account,
  memoryMb,
  timeoutMs: 10_000,
  packageMb: 20,
  initMs: { dist: 'lognormal', medianMs: 300, sigma: 0.3 },
  durationMs,
  workload: { type: 'poisson', ratePerSec },
});
const short = { dist: 'lognormal', medianMs: 200, sigma: 0.4 } as const;

export const lesson: Lesson = {
  id: 'isolation',
  title: { en: 'Isolation: hosts, guest OSes, sandboxes', fr: 'Isolation : machines, OS invités, sandboxes' },
  body: [
    {
      en: 'The functions of many customers run on the same physical machines, the hosts (or workers). This sharing is what makes serverless cheap, and what makes isolation hard. Three kinds of isolation are needed: of environment (each function has its own runtime and packages), of security (no customer can read another’s data, even through side channels of shared hardware) and of performance (no noisy neighbour slowing the others down).',
      fr: 'Les fonctions de nombreux clients tournent sur les mêmes machines physiques, les hôtes (ou workers). C’est ce partage qui rend le serverless bon marché, et l’isolation difficile. Il en faut de trois sortes : d’environnement (chaque fonction a son propre environnement d’exécution et ses paquets), de sécurité (aucun client ne doit lire les données d’un autre, même par les canaux auxiliaires du matériel partagé) et de performance (pas de voisin bruyant qui ralentit les autres).',
    },
    {
      en: 'The rules nest. A host runs hundreds to thousands of guest operating systems; a guest OS belongs to one account and is never reused for another; inside it, a sandbox belongs to one function and runs its invocations one after another. Three techniques can draw these borders: a container (isolation medium, resource cost low, starts fast: the tool of microservices), a microVM (isolation high, cost medium, start medium: the tool of serverless) and a traditional VM (isolation high, cost high, starts slowly: general purpose).',
      fr: 'Les règles s’emboîtent. Un hôte fait tourner des centaines, voire des milliers de systèmes d’exploitation invités ; un OS invité appartient à un seul compte et ne sert jamais à un autre ; à l’intérieur, une sandbox appartient à une seule fonction et exécute ses invocations l’une après l’autre. Trois techniques permettent de tracer ces frontières : le conteneur (isolation moyenne, coût en ressources faible, démarrage rapide : l’outil des microservices), la microVM (isolation forte, coût moyen, démarrage moyen : l’outil du serverless) et la machine virtuelle classique (isolation forte, coût élevé, démarrage lent : usage général).',
    },
    {
      en: 'AWS Lambda has had two designs. At first each account got its own VMs, and each function ran in a container inside them: the VM kept accounts apart, but every account needed at least one whole VM, and hosts were poorly packed. Firecracker (Agache et al., NSDI 2020) gives each sandbox its own microVM instead: it boots in about 125 ms with under 5 MiB of memory overhead, a host can create up to about 150 per second, and about 8,000 microVMs of 128 MB fit on a host with 1 TB of memory.',
      fr: 'AWS Lambda a connu deux conceptions. Au début, chaque compte avait ses propres VM, et chaque fonction tournait dans un conteneur à l’intérieur : la VM séparait les comptes, mais chaque compte immobilisait au moins une VM entière, et les hôtes étaient mal remplis. Firecracker (Agache et al., NSDI 2020) donne au contraire à chaque sandbox sa propre microVM : elle démarre en 125 ms environ avec moins de 5 Mio de mémoire en plus, un hôte peut en créer jusqu’à 150 par seconde environ, et quelque 8 000 microVM de 128 Mo tiennent sur un hôte de 1 To de mémoire.',
    },
    {
      en: 'Here six accounts share a single host of 16 GB in the microVM design. FaaScope simplifies: the host size, the 4 GB VM per account of the early design and its 1.5 s boot are illustrative figures, not published ones, and the simulation models where things run, not attacks across their borders.',
      fr: 'Ici, six comptes se partagent un seul hôte de 16 Go, avec une microVM par sandbox. FaaScope simplifie : la taille de l’hôte, la VM de 4 Go par compte de la première conception et son démarrage de 1,5 s sont des chiffres illustratifs, non publiés, et la simulation montre où les choses s’exécutent, pas les attaques d’un compartiment à l’autre.',
    },
  ],
  sources: ['Agache et al., "Firecracker", NSDI 2020'],
  scenario: {
    version: 1,
    name: 'Lesson 4: six accounts on one host',
    seed: 41,
    durationMs: 3 * 60_000,
    platform: { hosts: 1, hostMemoryMb: 16_384, isolation: 'microvm', placement: 'pack' },
    accounts: [{ id: 'alice' }, { id: 'bob' }, { id: 'carol' }, { id: 'dave' }, { id: 'erin' }, { id: 'frank' }],
    functions: [
      fn('alice-api', 'alice', 256, 2, short),
      fn('alice-report', 'alice', 1024, 0.2, { dist: 'exponential', meanMs: 1_500 }),
      fn('bob-thumbnails', 'bob', 512, 1, short),
      fn('carol-chat', 'carol', 256, 1, short),
      fn('dave-etl', 'dave', 512, 0.3, { dist: 'exponential', meanMs: 1_000 }),
      fn('erin-auth', 'erin', 128, 2, short),
      fn('frank-search', 'frank', 256, 0.5, short),
    ],
  },
  panels: ['topology', 'plane', 'metrics'],
  steps: [
    {
      text: {
        en: 'The first request of the run needs a sandbox. Watch the host in the topology view: a guest OS, here a microVM, is created for it, marked with its account.',
        fr: 'La première requête a besoin d’une sandbox. Regardez l’hôte dans la vue de topologie : un OS invité, ici une microVM, est créé pour elle, marqué de son compte.',
      },
      target: { kind: 'transition', entity: 'sandbox', to: 'placing' },
    },
    {
      text: {
        en: 'The microVM boots, in about 125 ms (Firecracker). It is this sandbox’s own guest OS: no other function, and no other account, will ever run inside it.',
        fr: 'La microVM démarre, en 125 ms environ (Firecracker). C’est l’OS invité de cette seule sandbox : aucune autre fonction, et aucun autre compte, n’y tournera jamais.',
      },
      target: { kind: 'transition', entity: 'sandbox', to: 'startingSandbox' },
    },
    {
      text: {
        en: 'alice’s second function, alice-report, gets its first sandbox. Same account, different function: it gets a microVM of its own, since a sandbox never serves two functions.',
        fr: 'La deuxième fonction d’alice, alice-report, reçoit sa première sandbox. Même compte, autre fonction : elle a sa propre microVM, car une sandbox ne sert jamais deux fonctions.',
      },
      target: { kind: 'transition', entity: 'sandbox', to: 'placing', fn: 'alice-report' },
    },
    {
      text: {
        en: 'One minute in. Count the guest OSes on the host: one per sandbox, six accounts side by side, each behind its own VM border. Select one: the inspector names its account and function.',
        fr: 'Une minute s’est écoulée. Comptez les OS invités sur l’hôte : un par sandbox, six comptes côte à côte, chacun derrière sa propre frontière de VM. Sélectionnez-en un : l’inspecteur donne son compte et sa fonction.',
      },
      target: { kind: 'time', atMs: 60_000 },
    },
    {
      text: {
        en: 'Now go back to the early design, before Firecracker.',
        fr: 'Revenons maintenant à la première conception, celle d’avant Firecracker.',
      },
      target: { kind: 'time', atMs: 3 * 60_000 },
      predict: {
        question: {
          en: 'Same host, same six accounts, but each account now gets one VM of 4 GB and its functions run in containers inside it, as in early Lambda. What happens?',
          fr: 'Même hôte, mêmes six comptes, mais chaque compte reçoit désormais une VM de 4 Go et ses fonctions tournent dans des conteneurs à l’intérieur, comme aux débuts de Lambda. Que se passe-t-il ?',
        },
        choices: [
          { id: 'same', label: { en: 'Nothing changes: the same requests are served', fr: 'Rien ne change : les mêmes requêtes sont servies' } },
          { id: 'slower', label: { en: 'All are served, but cold starts are slower', fr: 'Toutes sont servies, mais les démarrages à froid sont plus lents' } },
          { id: 'failed', label: { en: 'Some customers cannot be served at all', fr: 'Certains clients ne peuvent pas être servis du tout' } },
        ],
        variantLabel: { en: 'one microVM per sandbox → one 4 GB VM per account', fr: 'une microVM par sandbox → une VM de 4 Go par compte' },
        variant: (base) => ({ ...base, platform: { ...base.platform, isolation: 'account-vm' } }),
        answer: (b, v) => {
          if (v.requests.failed > b.requests.failed) return 'failed';
          return (v.coldLatencyMs.mean ?? 0) > (b.coldLatencyMs.mean ?? 0) ? 'slower' : 'same';
        },
        explain: (b, v, lang) =>
          lang === 'fr'
            ? `Avec une microVM par sandbox, l’hôte a servi ${num(b.requests.completed, lang)} requêtes sur ${num(b.requests.total, lang)}, avec au plus ${num(b.sandboxes.peakAlive, lang)} sandboxes en vie. Avec une VM par compte, chaque compte immobilise une VM entière, même pour un ou deux conteneurs : ${num(v.requests.failed, lang)} requêtes sur ${num(v.requests.total, lang)} ont échoué faute de place sur l’hôte (contre ${num(b.requests.failed, lang)} avant).`
            : `With one microVM per sandbox, the host served ${num(b.requests.completed, lang)} of ${num(b.requests.total, lang)} requests, with at most ${num(b.sandboxes.peakAlive, lang)} sandboxes alive. With one VM per account, each account holds a whole VM even for one or two containers: ${num(v.requests.failed, lang)} of ${num(v.requests.total, lang)} requests failed because the host had no room left (${num(b.requests.failed, lang)} before).`,
      },
    },
  ],
};
