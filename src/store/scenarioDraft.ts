import { create } from 'zustand';
import { presets } from '../lessons/presets';

/** Why the saved scenario was not used, or why the current one could not be saved; null: nothing to say. */
export type DraftStorageNotice =
  | { kind: 'dropped'; reason: 'unreadable' | 'notAnEntry' | 'newerFormat' | 'tooLarge' }
  | { kind: 'tooLargeToSave'; chars: number }
  | { kind: 'storageFull' };

/**
 * The scenario as the user is editing it. It may be invalid (a field half-typed): it is kept
 * as it is, so nothing the user entered is lost; the simulation runs the last valid version.
 */
export interface ScenarioDraftState {
  draft: unknown;
  presetId: string | null;
  /** Bumped when a preset replaces the draft: the run restarts from 0 rather than keeping its time. */
  generation: number;
  /** What the browser's storage of the draft has to report (see `restoreSavedDraft`, `startDraftSaving`). */
  storageNotice: DraftStorageNotice | null;
  setDraft: (draft: unknown) => void;
  choosePreset: (id: string) => void;
  /** A whole new scenario (a lesson's, a link's, an imported file): the run restarts from 0. */
  replaceScenario: (draft: unknown, presetId?: string | null) => void;
  dismissStorageNotice: () => void;
}

export const useScenarioDraft = create<ScenarioDraftState>((set) => ({
  draft: presets[0]!.scenario,
  presetId: presets[0]!.id,
  generation: 0,
  storageNotice: null,
  setDraft: (draft) => set({ draft }),
  choosePreset: (id) => {
    const preset = presets.find((p) => p.id === id);
    if (preset) set((s) => ({ draft: structuredClone(preset.scenario), presetId: id, generation: s.generation + 1 }));
  },
  replaceScenario: (draft, presetId = null) => set((s) => ({ draft: structuredClone(draft), presetId, generation: s.generation + 1 })),
  dismissStorageNotice: () => set({ storageNotice: null }),
}));

// ---- Kept across a reload or a crash: the draft in the browser's local storage ----

/** Where the draft is kept. */
export const DRAFT_STORAGE_KEY = 'faascope.scenarioDraft';
/** The entry's format: a later version of FaaScope that changes it bumps this and reads both. */
export const DRAFT_FORMAT = 1;
/**
 * Longest entry kept, in characters (UTF-16: twice that in bytes). Browsers give a site about
 * 5 MB of local storage, shared with lesson progress and settings; the largest preset is under
 * 10 KB, a scenario built from a trace some hundreds of KB. Above this, the user is told to
 * export the scenario as a file instead.
 */
export const MAX_DRAFT_CHARS = 1_000_000;
/** Waits this long after the last edit before writing (typing is not slowed by serialization). */
export const DRAFT_SAVE_DEBOUNCE_MS = 400;

interface SavedDraft {
  format: typeof DRAFT_FORMAT;
  presetId: string | null;
  draft: unknown;
}

/** The storage entry for a draft, or null if it is longer than `MAX_DRAFT_CHARS`. */
export function encodeSavedDraft(draft: unknown, presetId: string | null): string | null {
  const text = JSON.stringify({ format: DRAFT_FORMAT, presetId, draft } satisfies SavedDraft);
  return text.length > MAX_DRAFT_CHARS ? null : text;
}

export type DecodedDraft = { ok: true; draft: unknown; presetId: string | null } | { ok: false; reason: Extract<DraftStorageNotice, { kind: 'dropped' }>['reason'] };

/**
 * Reads a storage entry. Never throws: a damaged entry (a crash mid-write, a hand edit, another
 * program) is reported by its reason. The draft itself may be an invalid scenario: it is what
 * the user had typed, shown in the editor with its problems.
 */
export function decodeSavedDraft(text: string): DecodedDraft {
  if (text.length > MAX_DRAFT_CHARS) return { ok: false, reason: 'tooLarge' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, reason: 'notAnEntry' };
  const entry = value as Partial<Record<keyof SavedDraft, unknown>>;
  if (typeof entry.format !== 'number' || !Number.isInteger(entry.format) || entry.format < 1) return { ok: false, reason: 'notAnEntry' };
  if (entry.format > DRAFT_FORMAT) return { ok: false, reason: 'newerFormat' };
  if (!('draft' in entry) || entry.draft === undefined) return { ok: false, reason: 'notAnEntry' };
  const presetId = typeof entry.presetId === 'string' && presets.some((p) => p.id === entry.presetId) ? entry.presetId : null;
  return { ok: true, draft: entry.draft, presetId };
}

/** Local storage, or undefined where it is missing or refused (a private window, a sandboxed iframe). */
function browserStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

/**
 * Puts back the draft saved by an earlier visit, as a new scenario (the run starts at 0).
 * Call it only when the page was not opened on a link (a link says which scenario to show).
 * A damaged entry is removed and `storageNotice` says so; true if a draft was restored.
 */
export function restoreSavedDraft(storage: Storage | undefined = browserStorage()): boolean {
  let text: string | null;
  try {
    text = storage?.getItem(DRAFT_STORAGE_KEY) ?? null;
  } catch {
    return false;
  }
  if (text === null) return false;
  const decoded = decodeSavedDraft(text);
  if (!decoded.ok) {
    try {
      storage?.removeItem(DRAFT_STORAGE_KEY);
    } catch {
      // Storage refused: the entry stays, and is reported again next time.
    }
    useScenarioDraft.setState({ storageNotice: { kind: 'dropped', reason: decoded.reason } });
    return false;
  }
  useScenarioDraft.getState().replaceScenario(decoded.draft, decoded.presetId);
  return true;
}

/**
 * Saves the draft whenever it changes (after a pause in typing, and at once when the page is
 * hidden or closed, so a reload right after an edit keeps it). Returns the stop function.
 */
export function startDraftSaving(storage: Storage | undefined = browserStorage(), target: Pick<Window, 'addEventListener' | 'removeEventListener'> | undefined = globalThis.window): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending = false;
  const write = () => {
    clearTimeout(timer);
    if (!pending || !storage) return;
    pending = false;
    const { draft, presetId, storageNotice } = useScenarioDraft.getState();
    const text = encodeSavedDraft(draft, presetId);
    let notice: DraftStorageNotice | null = null;
    try {
      if (text === null) {
        // Too large: an older, smaller draft must not come back in its place.
        storage.removeItem(DRAFT_STORAGE_KEY);
        notice = { kind: 'tooLargeToSave', chars: JSON.stringify(draft)?.length ?? 0 };
      } else storage.setItem(DRAFT_STORAGE_KEY, text);
    } catch {
      notice = { kind: 'storageFull' };
    }
    // A saving problem replaces the last one, and disappears once saving works again; a
    // notice about the entry dropped at start-up stays until dismissed.
    if (notice || (storageNotice && storageNotice.kind !== 'dropped')) useScenarioDraft.setState({ storageNotice: notice ?? null });
  };
  const unsubscribe = useScenarioDraft.subscribe((s, prev) => {
    if (s.draft === prev.draft && s.presetId === prev.presetId) return;
    pending = true;
    clearTimeout(timer);
    timer = setTimeout(write, DRAFT_SAVE_DEBOUNCE_MS);
  });
  const flush = () => write();
  target?.addEventListener('pagehide', flush);
  target?.addEventListener('visibilitychange', flush);
  return () => {
    write();
    unsubscribe();
    target?.removeEventListener('pagehide', flush);
    target?.removeEventListener('visibilitychange', flush);
  };
}
