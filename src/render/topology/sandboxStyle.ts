import { i18n } from '../../i18n';
import type { Frame } from '../../worker/frame';
import { translateOr } from '../locale';

/**
 * How each sandbox state reads on screen: a glyph (so state never relies on colour alone) and
 * words in the interface's language. The glyphs stay the same in every language: F, S, R and I
 * are the initials of the English phase names (fetchingCode …), as the code and the statechart
 * spell them, and the French legend says so. The two shortcuts through a cold start follow:
 * A for assigningFromPool, and X for restoringSnapshot (its R is the runtime's).
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

/** Which of the shortcuts through a cold start a scenario can take, and whether it has a warm pool to draw. */
export function coldStartShortcuts(frame: Pick<Frame, 'functions' | 'warmPool'>): { fromPool: boolean; fromSnapshot: boolean; pool: boolean } {
  const pool = frame.warmPool;
  return {
    // As the engine decides: a function with snapStart restores; one that fits takes a pool sandbox.
    fromPool: pool !== null && frame.functions.some((f) => !f.snapStart && f.memoryMb <= pool.sandboxMb),
    fromSnapshot: frame.functions.some((f) => f.snapStart),
    pool: pool !== null,
  };
}

/**
 * The legend: glyph, words, and how the cell is drawn. The warm pool's phase and cells, and
 * the snapshot's phase, are listed only when the frame's scenario can show them, so the
 * beginner's legend stays at four lines.
 */
export function sandboxLegend(frame?: Pick<Frame, 'functions' | 'warmPool'> | null): { state: string; glyph: string; text: string }[] {
  const can = frame ? coldStartShortcuts(frame) : { fromPool: false, fromSnapshot: false, pool: false };
  const key = (k: 'initializing' | 'assigningFromPool' | 'restoringSnapshot' | 'invoking' | 'idle' | 'shuttingDown' | 'pool') => i18n.t(`render.topology.key.${k}`);
  return [
    { state: 'initializing.fetchingCode', glyph: 'F S R I', text: key('initializing') },
    ...(can.fromPool ? [{ state: 'initializing.assigningFromPool', glyph: GLYPHS['initializing.assigningFromPool']!, text: key('assigningFromPool') }] : []),
    ...(can.fromSnapshot ? [{ state: 'initializing.restoringSnapshot', glyph: GLYPHS['initializing.restoringSnapshot']!, text: key('restoringSnapshot') }] : []),
    { state: 'invoking', glyph: '▶', text: key('invoking') },
    { state: 'idle', glyph: '❄', text: key('idle') },
    { state: 'shuttingDown', glyph: '✕', text: key('shuttingDown') },
    ...(can.pool ? [{ state: 'pool', glyph: '', text: key('pool') }] : []),
  ];
}
