import { i18n } from '../../i18n';
import { translateOr } from '../locale';

/**
 * How each sandbox state reads on screen: a glyph (so state never relies on colour alone) and
 * words in the interface's language. The glyphs stay the same in every language: F, S, R and I
 * are the initials of the English phase names (fetchingCode …), as the code and the statechart
 * spell them, and the French legend says so.
 */
const GLYPHS: Record<string, string> = {
  placing: 'P',
  'initializing.fetchingCode': 'F',
  'initializing.startingSandbox': 'S',
  'initializing.bootingRuntime': 'R',
  'initializing.assigningFromPool': 'A',
  'initializing.restoringSnapshot': 'X',
  'initializing.runningInit': 'I',
  invoking: '▶',
  idle: '❄',
  shuttingDown: '✕',
};

export function sandboxGlyph(state: string): string {
  return GLYPHS[state] ?? '';
}

/** A state as words ("cold start: fetching code"); an unknown state as its own name. */
export function phaseOf(state: string): string {
  return translateOr(`render.topology.phases.${state.replace(/\./g, '_')}`, state);
}

/** The legend: glyph, words, and how the cell is drawn. */
export function sandboxLegend(): { state: string; glyph: string; text: string }[] {
  return [
    { state: 'initializing.fetchingCode', glyph: 'F S R I', text: i18n.t('render.topology.key.initializing') },
    { state: 'invoking', glyph: '▶', text: i18n.t('render.topology.key.invoking') },
    { state: 'idle', glyph: '❄', text: i18n.t('render.topology.key.idle') },
    { state: 'shuttingDown', glyph: '✕', text: i18n.t('render.topology.key.shuttingDown') },
  ];
}
