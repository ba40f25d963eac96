import type { Localized } from '../i18n/types';
import { decodeLink, type SharedState } from './link';

/**
 * What the page was opened with: a shared state in the fragment, and `?embed=1` for the
 * embedded view (a course page's iframe). Read once at start-up; the app applies it to the
 * stores. A bad link still opens the app: `message` says what was wrong and the default
 * scenario runs, with the link's scenario (when it could be read) kept for the editor.
 */
export interface StartupLink {
  state?: SharedState;
  message?: Localized;
  linkScenario?: unknown;
  embed: boolean;
}

export function readStartupLink(location: Pick<Location, 'hash' | 'search'>): StartupLink {
  const embed = isEmbed(location.search);
  const link = decodeLink(location.hash);
  switch (link.kind) {
    case 'none':
      return { embed };
    case 'ok':
      return { state: link.state, embed };
    case 'error':
      return { message: link.message, ...(link.scenario !== undefined && { linkScenario: link.scenario }), embed };
  }
}

/** `?embed=1` (also `?embed` and `?embed=true`); `?embed=0` is not. */
export function isEmbed(search: string): boolean {
  const params = new URLSearchParams(search);
  if (!params.has('embed')) return false;
  return ['', '1', 'true', 'yes'].includes((params.get('embed') ?? '').toLowerCase());
}
