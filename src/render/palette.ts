import { i18n } from '../i18n';

/**
 * Colours, chosen to stay distinguishable with colour-vision deficiencies (Okabe & Ito's
 * palette). Colour is never the only cue: states also differ by pattern or shape, and
 * outcomes by symbol. These are data colours: the same in the light, dark and presenter
 * themes (each mark has an outline or a texture that carries it on either background); the
 * neutral colours (text, axes, grid) come from the theme's CSS custom properties instead.
 */
export const OKABE_ITO = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'] as const;

/** The colour of function `index` (functions are coloured, states are patterned). */
export function functionColor(index: number): string {
  return OKABE_ITO[index % OKABE_ITO.length]!;
}

/** Sandbox states, for charts and legends (one colour and one pattern name each; the label in the interface's language). */
export const STATE_STYLE = {
  initializing: {
    color: '#E69F00',
    pattern: 'hatched',
    get label() {
      return i18n.t('render.states.initializing');
    },
  },
  busy: {
    color: '#0072B2',
    pattern: 'solid',
    get label() {
      return i18n.t('render.states.busy');
    },
  },
  idle: {
    color: '#56B4E9',
    pattern: 'outline',
    get label() {
      return i18n.t('render.states.idle');
    },
  },
  shuttingDown: {
    color: '#999999',
    pattern: 'dashed',
    get label() {
      return i18n.t('render.states.shuttingDown');
    },
  },
} as const;

/** How a request ended; each also has its own symbol in the plane view. */
export const OUTCOME_STYLE = {
  responded: {
    color: '#009E73',
    symbol: '✓',
    get label() {
      return i18n.t('render.outcomes.responded');
    },
  },
  throttled: {
    color: '#D55E00',
    symbol: '⊘',
    get label() {
      return i18n.t('render.outcomes.throttled');
    },
  },
  timedOut: {
    color: '#CC79A7',
    symbol: '⏱',
    get label() {
      return i18n.t('render.outcomes.timedOut');
    },
  },
  failed: {
    color: '#000000',
    symbol: '✕',
    get label() {
      return i18n.t('render.outcomes.failed');
    },
  },
} as const;

export const WARM_COLOR = '#0072B2';
export const COLD_COLOR = '#E69F00';
