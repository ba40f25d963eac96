import type { Localized } from '../i18n/types';
import { checkScenario } from '../sim/scenario';
import { formatSize, L, scenarioProblems, sentences } from './messages';

/**
 * Scenarios as files: written as pretty JSON (a lecturer may read or diff them), read back
 * with a size ceiling checked before a byte is read, parsed as JSON and validated. A file
 * whose scenario has problems is still returned, so the editor can show them in place and
 * nothing typed into it is lost.
 */

/** Largest scenario file read (a week of per-minute traffic for hundreds of functions is < 1 MB). */
export const MAX_SCENARIO_FILE_BYTES = 5 * 1024 * 1024;

export type ReadScenarioResult = { ok: true; draft: unknown } | { ok: false; draft?: unknown; message: Localized };

/** `My demo: cold starts` → `my-demo-cold-starts.json`: safe on every file system. */
export function scenarioFileName(name: string): string {
  return `${slug(name) || 'scenario'}.json`;
}

/** A name reduced to lowercase ASCII words joined by dashes (accents dropped, at most 60 characters). */
export function slug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 60)
    .replace(/^-+|-+$/g, '');
}

export function scenarioToBlob(draft: unknown): Blob {
  return new Blob([`${JSON.stringify(draft, null, 2)}\n`], { type: 'application/json' });
}

const KEPT = L('Your current scenario is unchanged.', 'Votre scénario actuel est inchangé.');

export async function readScenarioFile(file: File): Promise<ReadScenarioResult> {
  if (file.size > MAX_SCENARIO_FILE_BYTES) {
    return {
      ok: false,
      message: sentences(
        L(
          `"${file.name}" is too large for a scenario (${formatSize(file.size)}; at most ${formatSize(MAX_SCENARIO_FILE_BYTES)}).`,
          `« ${file.name} » est trop volumineux pour un scénario (${formatSize(file.size)} ; ${formatSize(MAX_SCENARIO_FILE_BYTES)} au plus).`,
        ),
        L('Choose a FaaScope scenario file (.json).', 'Choisissez un fichier de scénario FaaScope (.json).'),
        KEPT,
      ),
    };
  }
  const text = (await file.text()).replace(/^\uFEFF/, '');
  if (text.trim() === '') {
    return { ok: false, message: sentences(L(`"${file.name}" is empty.`, `« ${file.name} » est vide.`), L('Choose a FaaScope scenario file (.json).', 'Choisissez un fichier de scénario FaaScope (.json).'), KEPT) };
  }
  let draft: unknown;
  try {
    draft = JSON.parse(text);
  } catch (e) {
    const { line, column } = jsonErrorPosition(text, (e as Error).message);
    return {
      ok: false,
      message: sentences(
        L(
          `"${file.name}" is not valid JSON: line ${line}, column ${column} (${(e as Error).message}).`,
          `« ${file.name} » n'est pas du JSON valide : ligne ${line}, colonne ${column} (${(e as Error).message}).`,
        ),
        L(
          'Fix the file there (a missing comma or quote is the usual cause) and import it again.',
          "Corrigez le fichier à cet endroit (une virgule ou un guillemet manquant, le plus souvent) et importez-le à nouveau.",
        ),
        KEPT,
      ),
    };
  }
  const checked = checkScenario(draft);
  if (!checked.ok) {
    return {
      ok: false,
      draft,
      message: sentences(
        scenarioProblems(L(`The scenario in "${file.name}"`, `Le scénario de « ${file.name} »`), checked.issues),
        L('Fix these fields in the file, or open it in the editor to fix them there.', "Corrigez ces champs dans le fichier, ou ouvrez-le dans l'éditeur pour les corriger."),
        KEPT,
      ),
    };
  }
  return { ok: true, draft };
}

/**
 * Where JSON.parse stopped, 1-based. Engines say it differently: V8 "at position 42" (newer
 * versions add "(line 3 column 5)"), Firefox "at line 3 column 5"; an unexpected end of input
 * names no place, and is the end of the text.
 */
export function jsonErrorPosition(text: string, message: string): { line: number; column: number } {
  const lineCol = /line (\d+) column (\d+)/.exec(message);
  if (lineCol) return { line: Number(lineCol[1]), column: Number(lineCol[2]) };
  const pos = /position (\d+)/.exec(message);
  const offset = pos ? Math.min(text.length, Number(pos[1])) : text.length;
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

/** Saves `blob` as `filename` through a temporary link; the object URL is released afterwards. */
export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers: the click starts it asynchronously.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
