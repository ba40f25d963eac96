import type { Localized } from '../i18n';
import { readStartupLink } from '../share/boot';
import type { SharedState } from '../share/link';
import { usePlayback } from '../store/playback';
import { useScenarioDraft } from '../store/scenarioDraft';
import { useUi } from '../store/ui';

/** What the page was opened with, once applied: a message for a bad link, a position to go to. */
export interface Startup {
  /** A malformed or outdated link: why, shown above the default scenario. */
  message?: Localized;
  /** The scenario a bad link carried, when it could be read: offered to the editor, not run. */
  linkScenario?: unknown;
  /** The shared link's state, once the stores hold its scenario. */
  state?: SharedState;
}

/**
 * Applies the link the page was opened with, before the first render: the embed layout, the
 * speed and the scenario (main.tsx loads the link's language). The position (time, lesson step) is applied once the
 * scenario is loaded (`goToSharedPosition`), since the player's commands run in order. A bad
 * link changes nothing: the default scenario runs and the message says why.
 */
export function applyStartupLink(location: Pick<Location, 'hash' | 'search'>): Startup {
  const link = readStartupLink(location);
  useUi.getState().setEmbed(link.embed);
  if (!link.state) return { ...(link.message && { message: link.message }), ...(link.linkScenario !== undefined && { linkScenario: link.linkScenario }) };
  const s = link.state;
  if (s.speedIndex !== undefined) usePlayback.getState().setSpeedIndex(s.speedIndex);
  useScenarioDraft.getState().replaceScenario(s.scenario, s.presetId ?? null);
  return { state: s };
}
