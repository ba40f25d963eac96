import { compressToEncodedURIComponent } from 'lz-string';
import '../sim/zodJitless';
import * as z from 'zod/mini';
import { LANGS, type Lang, type Localized } from '../i18n/types';
import { checkScenario } from '../sim/scenario';
import { SPEEDS } from '../store/playback';
import { decompressBounded } from './lzBounded';
import { formatSize, L, scenarioProblems, sentences } from './messages';

/**
 * A shared link: the scenario, where the lesson is and where playback stands, compressed into
 * the URL's fragment (`#v1=<lz-string>`). The fragment never reaches a server, so a lecturer's
 * scenario stays between the link and the browser. A link is data: it is decompressed with a
 * ceiling, parsed as JSON and validated; nothing in it is ever run.
 */

/** What a link holds. `scenario` is the draft as it was shared (defaults left out, as written). */
export interface SharedState {
  v: 1;
  scenario: unknown;
  presetId?: string;
  lessonId?: string;
  /** Lesson step, 0-based. */
  step?: number;
  /** Playback position, simulated ms. */
  t?: number;
  /** Index into SPEEDS (src/store/playback.ts). */
  speedIndex?: number;
  lang?: Lang;
}

export type DecodedLink =
  /** No shared state in the fragment (none at all, or an ordinary anchor such as `#main`). */
  | { kind: 'none' }
  | { kind: 'ok'; state: SharedState }
  /** A link that cannot be opened as it is; `scenario` is its scenario when one could be read. */
  | { kind: 'error'; message: Localized; scenario?: unknown };

export const LINK_VERSION = 1;
/** Longest fragment read: far beyond what "Copy link" makes (a large scenario is tens of KB). */
export const MAX_LINK_CHARS = 512 * 1024;
/** Longest JSON a link may expand to, the same ceiling as a scenario file. */
export const MAX_LINK_JSON_CHARS = 5 * 1024 * 1024;

const PREFIX = /^v(\d{1,9})=/;

export function encodeLink(state: SharedState): string {
  return `#v${LINK_VERSION}=${compressToEncodedURIComponent(JSON.stringify(state))}`;
}

const DEFAULT_OPENED = L('The default scenario was opened instead.', 'Le scénario par défaut a été ouvert à la place.');
const ASK_AGAIN = L('Ask for a new link.', 'Demandez un nouveau lien.');

const envelope = z.object({
  v: z.literal(LINK_VERSION),
  scenario: z.unknown().check(z.refine((s) => s !== undefined)),
  presetId: z.optional(z.string().check(z.maxLength(100))),
  lessonId: z.optional(z.string().check(z.maxLength(100))),
  step: z.optional(z.int().check(z.minimum(0), z.maximum(10_000))),
  t: z.optional(z.number().check(z.minimum(0))),
  speedIndex: z.optional(z.int().check(z.minimum(0), z.maximum(SPEEDS.length - 1))),
  lang: z.optional(z.enum(LANGS)),
});

/** One sentence per field of the envelope: what it is, in words, and what it must be. */
const FIELD_PROBLEM: Record<Exclude<keyof SharedState, 'v'>, Localized> = {
  scenario: L('The link carries no scenario (field "scenario").', 'Le lien ne contient pas de scénario (champ « scenario »).'),
  presetId: L("The link's preset (presetId) must be a text of at most 100 characters.", 'Le préréglage du lien (presetId) doit être un texte de 100 caractères au plus.'),
  lessonId: L("The link's lesson (lessonId) must be a text of at most 100 characters.", 'La leçon du lien (lessonId) doit être un texte de 100 caractères au plus.'),
  step: L("The link's lesson step (step) must be a whole number ≥ 0.", "L'étape de leçon du lien (step) doit être un nombre entier ≥ 0."),
  t: L("The link's playback position (t) must be a number of milliseconds ≥ 0.", 'La position de lecture du lien (t) doit être un nombre de millisecondes ≥ 0.'),
  speedIndex: L(
    `The link's speed (speedIndex) must be a whole number from 0 to ${SPEEDS.length - 1}.`,
    `La vitesse du lien (speedIndex) doit être un nombre entier de 0 à ${SPEEDS.length - 1}.`,
  ),
  lang: L(`The link's language (lang) must be one of ${LANGS.map((l) => `"${l}"`).join(', ')}.`, `La langue du lien (lang) doit être ${LANGS.map((l) => `« ${l} »`).join(' ou ')}.`),
};

const damaged = (): DecodedLink => ({
  kind: 'error',
  message: sentences(
    L('This link is incomplete or damaged: it may have been cut when it was copied or sent.', 'Ce lien est incomplet ou abîmé : il a pu être coupé en étant copié ou envoyé.'),
    L('Copy the whole link (it can be long) and open it again.', "Copiez le lien en entier (il peut être long) et ouvrez-le à nouveau."),
    DEFAULT_OPENED,
  ),
});

const otherVersion = (version: string): DecodedLink => ({
  kind: 'error',
  message: sentences(
    L(
      `This link was made by another version of FaaScope (link format v${version}; this version reads v${LINK_VERSION}).`,
      `Ce lien a été créé par une autre version de FaaScope (format de lien v${version} ; cette version lit v${LINK_VERSION}).`,
    ),
    L('Open it with the FaaScope that made it, or ask for a new link.', "Ouvrez-le avec le FaaScope qui l'a créé, ou demandez un nouveau lien."),
    DEFAULT_OPENED,
  ),
});

const tooLarge = (what: Localized): DecodedLink => ({
  kind: 'error',
  message: sentences(what, L('Share the scenario as a file instead (Export scenario).', 'Partagez plutôt le scénario sous forme de fichier (Exporter le scénario).'), DEFAULT_OPENED),
});

/** Reads a URL fragment (`location.hash`, with or without its `#`). Never throws. */
export function decodeLink(hash: string): DecodedLink {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  const prefix = PREFIX.exec(raw);
  if (!prefix) return { kind: 'none' };
  if (raw.length > MAX_LINK_CHARS) {
    return tooLarge(
      L(
        `This link is too long to open (${formatSize(raw.length)}; at most ${formatSize(MAX_LINK_CHARS)}).`,
        `Ce lien est trop long pour être ouvert (${formatSize(raw.length)} ; ${formatSize(MAX_LINK_CHARS)} au plus).`,
      ),
    );
  }
  if (Number(prefix[1]) !== LINK_VERSION) return otherVersion(prefix[1]!);

  const text = decompress(raw.slice(prefix[0].length));
  if (text === 'tooLarge') {
    return tooLarge(
      L(
        `This link's content is too large to open (over ${formatSize(MAX_LINK_JSON_CHARS)} once expanded).`,
        `Le contenu de ce lien est trop volumineux pour être ouvert (plus de ${formatSize(MAX_LINK_JSON_CHARS)} une fois décompressé).`,
      ),
    );
  }
  if (!text) return damaged();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return damaged();
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return damaged();

  const record = json as Record<string, unknown>;
  if (!('v' in record)) return damaged();
  if (record.v !== LINK_VERSION) return otherVersion(typeof record.v === 'number' ? String(record.v) : JSON.stringify(record.v).slice(0, 20));
  const scenario = 'scenario' in record ? record.scenario : undefined;
  const parsed = envelope.safeParse(json);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => String(i.path[0])))] as (keyof typeof FIELD_PROBLEM)[];
    return {
      kind: 'error',
      message: sentences(...fields.map((f) => FIELD_PROBLEM[f] ?? FIELD_PROBLEM.scenario), ASK_AGAIN, DEFAULT_OPENED),
      ...(scenario !== undefined && { scenario }),
    };
  }
  const checked = checkScenario(parsed.data.scenario);
  if (!checked.ok) {
    return {
      kind: 'error',
      message: sentences(scenarioProblems(L("The link's scenario", 'Le scénario du lien'), checked.issues), DEFAULT_OPENED),
      scenario: parsed.data.scenario,
    };
  }
  return { kind: 'ok', state: parsed.data as SharedState };
}

/** The JSON text of a payload, '' or null when it is not an lz-string stream. */
function decompress(payload: string): string | null | 'tooLarge' {
  let data = payload;
  // Some mail and chat clients percent-encode `$` and `+`; the alphabet has no `%` of its own.
  if (data.includes('%')) {
    try {
      data = decodeURIComponent(data);
    } catch {
      return null;
    }
  }
  const result = decompressBounded(data, MAX_LINK_JSON_CHARS);
  return result.ok ? result.text : 'tooLarge';
}
