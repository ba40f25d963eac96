import type { Localized } from '../i18n/types';
import type { ScenarioIssue } from '../sim/scenario';

/**
 * Building blocks for the messages of links and files, in English and French. Kept here, not
 * in the interface's translation files, because they are assembled from parts (a count, the
 * scenario's own problem lines) and every one must name the field and the fix.
 */

export const L = (en: string, fr: string): Localized => ({ en, fr });

/** Sentences joined into one message, language by language. */
export function sentences(...parts: Localized[]): Localized {
  return { en: parts.map((p) => p.en).join(' '), fr: parts.map((p) => p.fr).join(' ') };
}

/** Problems listed in full up to this many; beyond, "and N more" (the editor shows them all). */
const LISTED_ISSUES = 5;

/**
 * "<whose> scenario has 2 problems: functions[0].memoryMb: expected 128..10240, got 64; ...".
 * The problem lines come from the scenario's schema (path first) and stay as they are: they
 * name the field exactly as it is written in the file.
 */
export function scenarioProblems(whose: Localized, issues: readonly ScenarioIssue[]): Localized {
  const n = issues.length;
  const listed = issues
    .slice(0, LISTED_ISSUES)
    .map((i) => i.message)
    .join('; ');
  const more = n - LISTED_ISSUES;
  return {
    en: `${whose.en} has ${n} problem${n === 1 ? '' : 's'}: ${listed}${more > 0 ? `; and ${more} more` : ''}.`,
    fr: `${whose.fr} a ${n} problème${n === 1 ? '' : 's'} : ${listed}${more > 0 ? ` ; et ${more} de plus` : ''}.`,
  };
}

/** A byte count in words (5 MB, 820 KB), rounded up: a file just over a limit never reads as at it. */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${String(Math.ceil((bytes / 1024 / 1024) * 10) / 10)} MB`;
  return `${Math.ceil(bytes / 1024)} KB`;
}
