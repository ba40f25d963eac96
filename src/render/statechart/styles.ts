import { OUTCOME_STYLE, STATE_STYLE } from '../palette';
import type { StateStyleFor } from './render';

/**
 * Accents that tie the statechart to the other views: a sandbox state's strip has the colour the
 * topology view gives it, an outcome its colour in the plane view. A state with no
 * entry here (one just added to a machine) is drawn plain, and still drawn.
 */
export const sandboxStateStyle: StateStyleFor = (id) => {
  if (id === 'initializing' || id.startsWith('initializing.')) return { accent: STATE_STYLE.initializing.color };
  if (id === 'idle') return { accent: STATE_STYLE.idle.color };
  if (id === 'invoking') return { accent: STATE_STYLE.busy.color };
  if (id === 'shuttingDown') return { accent: STATE_STYLE.shuttingDown.color };
  return undefined;
};

// The outcome symbols (✓ ⊘ ⏱ ✕) are left out: ⏱ is missing from common monospace fonts and
// shows as an empty box; the state's name says the same.
export const requestStateStyle: StateStyleFor = (id) => {
  const outcome = OUTCOME_STYLE[id as keyof typeof OUTCOME_STYLE];
  return outcome ? { accent: outcome.color } : undefined;
};
