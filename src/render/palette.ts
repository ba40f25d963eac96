/**
 * Colours, chosen to stay distinguishable with colour-vision deficiencies (Okabe & Ito's
 * palette). Colour is never the only cue: states also differ by pattern or shape, and
 * outcomes by symbol.
 */
export const OKABE_ITO = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'] as const;

/** The colour of function `index` (functions are coloured, states are patterned). */
export function functionColor(index: number): string {
  return OKABE_ITO[index % OKABE_ITO.length]!;
}

/** Sandbox states, for charts and legends (one colour and one pattern name each). */
export const STATE_STYLE = {
  initializing: { color: '#E69F00', pattern: 'hatched', label: 'Initializing (cold start)' },
  busy: { color: '#0072B2', pattern: 'solid', label: 'Busy (invoking)' },
  idle: { color: '#56B4E9', pattern: 'outline', label: 'Idle (frozen, warm)' },
  shuttingDown: { color: '#999999', pattern: 'dashed', label: 'Shutting down' },
} as const;

/** How a request ended; each also has its own symbol in the plane view. */
export const OUTCOME_STYLE = {
  responded: { color: '#009E73', symbol: '✓', label: 'Responded' },
  throttled: { color: '#D55E00', symbol: '⊘', label: 'Throttled (429)' },
  timedOut: { color: '#CC79A7', symbol: '⏱', label: 'Timed out' },
  failed: { color: '#000000', symbol: '✕', label: 'Failed' },
} as const;

export const WARM_COLOR = '#0072B2';
export const COLD_COLOR = '#E69F00';
