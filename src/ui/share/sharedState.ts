import { getLang } from '../../i18n';
import type { SharedState } from '../../share/link';
import { usePlayback } from '../../store/playback';
import { useScenarioDraft } from '../../store/scenarioDraft';

/**
 * The state a link captures, read from the stores at the moment of sharing. The scenario is the
 * draft as the user has it (even with problems: a link loses nothing the user typed).
 */

/** Where the lecturer is in a lesson, when one is open. */
export interface LessonPosition {
  lessonId: string;
  step: number;
}

export function currentSharedState(lesson: LessonPosition | null = null): SharedState {
  const { draft, presetId } = useScenarioDraft.getState();
  const { t, speedIndex } = usePlayback.getState();
  return {
    v: 1,
    scenario: draft,
    ...(presetId !== null && { presetId }),
    ...(lesson && { lessonId: lesson.lessonId, step: lesson.step }),
    t: Math.max(0, t),
    speedIndex,
    lang: getLang(),
  };
}

/** This page's address with `hash` as its fragment (and `?embed=1` for an embedded view). */
export function shareUrl(href: string, hash: string, embed = false): string {
  const url = new URL(href);
  url.hash = hash;
  if (embed) url.searchParams.set('embed', '1');
  else url.searchParams.delete('embed');
  return url.toString();
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An `<iframe>` a lecturer pastes into a course page; the title names the scenario for screen readers. */
export function embedCode(embedUrl: string, scenarioName: string): string {
  return `<iframe src="${escapeAttr(embedUrl)}" title="${escapeAttr(`FaaScope: ${scenarioName}`)}" width="100%" height="720" style="border: 0" loading="lazy"></iframe>`;
}

/** The draft's name, for file names and titles, whatever state the draft is in. */
export function draftName(draft: unknown): string {
  const name = draft !== null && typeof draft === 'object' ? (draft as { name?: unknown }).name : undefined;
  return typeof name === 'string' && name.trim() !== '' ? name : 'scenario';
}
