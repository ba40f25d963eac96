/** How each sandbox state reads on screen: a glyph (so state never relies on colour alone) and words. */
const GLYPHS: Record<string, string> = {
  placing: 'P',
  'initializing.fetchingCode': 'F',
  'initializing.startingSandbox': 'S',
  'initializing.bootingRuntime': 'R',
  'initializing.runningInit': 'I',
  invoking: '▶',
  idle: '❄',
  shuttingDown: '✕',
};

const PHASES: Record<string, string> = {
  placing: 'being placed',
  'initializing.fetchingCode': 'cold start: fetching code',
  'initializing.startingSandbox': 'cold start: starting the sandbox',
  'initializing.bootingRuntime': 'cold start: booting the runtime',
  'initializing.runningInit': 'cold start: running init code',
  invoking: 'busy (invoking)',
  idle: 'idle (frozen, warm)',
  shuttingDown: 'shutting down',
  gone: 'gone',
};

export function sandboxGlyph(state: string): string {
  return GLYPHS[state] ?? '';
}

export function phaseOf(state: string): string {
  return PHASES[state] ?? state;
}

/** The legend: glyph, words, and how the cell is drawn. */
export const SANDBOX_LEGEND = [
  { state: 'initializing.fetchingCode', glyph: 'F S R I', text: 'Cold start (hatched): Fetch code, Start sandbox, boot Runtime, run Init' },
  { state: 'invoking', glyph: '▶', text: 'Busy: running one invocation (solid)' },
  { state: 'idle', glyph: '❄', text: 'Idle: frozen, warm (outline; bar = keep-alive left)' },
  { state: 'shuttingDown', glyph: '✕', text: 'Shutting down (dashed)' },
] as const;
