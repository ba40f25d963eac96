import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { presets } from '../lessons/presets';
import { decodeSavedDraft, DRAFT_FORMAT, DRAFT_SAVE_DEBOUNCE_MS, DRAFT_STORAGE_KEY, encodeSavedDraft, MAX_DRAFT_CHARS, restoreSavedDraft, startDraftSaving, useScenarioDraft } from './scenarioDraft';

/** localStorage as a Map; `full` makes every write throw, as a full or disabled storage does. */
class MemoryStorage implements Storage {
  items = new Map<string, string>();
  full = false;
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(k: string) {
    return this.items.get(k) ?? null;
  }
  key(i: number) {
    return [...this.items.keys()][i] ?? null;
  }
  removeItem(k: string) {
    this.items.delete(k);
  }
  setItem(k: string, v: string) {
    if (this.full) throw new DOMException('quota', 'QuotaExceededError');
    this.items.set(k, v);
  }
}

const initial = useScenarioDraft.getState();
const fresh = () => useScenarioDraft.setState({ draft: presets[0]!.scenario, presetId: presets[0]!.id, generation: 0, storageNotice: null });

describe('the scenario draft kept in local storage', () => {
  let storage: MemoryStorage;
  let page: EventTarget;
  let stop: () => void = () => undefined;
  beforeEach(() => {
    vi.useFakeTimers();
    storage = new MemoryStorage();
    page = new EventTarget();
    fresh();
  });
  afterEach(() => {
    stop();
    vi.useRealTimers();
    useScenarioDraft.setState(initial);
  });

  it('round-trips a draft, even an invalid one, with its preset', () => {
    const draft = { version: 1, functions: [{ name: 'half-typed', memoryMb: '12' }] };
    const text = encodeSavedDraft(draft, presets[1]!.id)!;
    expect(JSON.parse(text).format).toBe(DRAFT_FORMAT);
    expect(decodeSavedDraft(text)).toEqual({ ok: true, draft, presetId: presets[1]!.id });
    // A preset this version does not have is forgotten, the scenario kept.
    expect(decodeSavedDraft(encodeSavedDraft(draft, 'removed-preset')!)).toEqual({ ok: true, draft, presetId: null });
  });

  it('names what is wrong with a damaged entry', () => {
    expect(decodeSavedDraft('{"format":1,"draft":{"seed"')).toEqual({ ok: false, reason: 'unreadable' });
    expect(decodeSavedDraft('[1,2]')).toEqual({ ok: false, reason: 'notAnEntry' });
    expect(decodeSavedDraft('null')).toEqual({ ok: false, reason: 'notAnEntry' });
    expect(decodeSavedDraft('{"draft":{}}')).toEqual({ ok: false, reason: 'notAnEntry' });
    expect(decodeSavedDraft('{"format":1}')).toEqual({ ok: false, reason: 'notAnEntry' });
    expect(decodeSavedDraft('{"format":1.5,"draft":{}}')).toEqual({ ok: false, reason: 'notAnEntry' });
    expect(decodeSavedDraft(`{"format":${DRAFT_FORMAT + 1},"draft":{}}`)).toEqual({ ok: false, reason: 'newerFormat' });
    expect(decodeSavedDraft('x'.repeat(MAX_DRAFT_CHARS + 1))).toEqual({ ok: false, reason: 'tooLarge' });
  });

  it('saves an edit after a pause in typing, and a reload restores it as a new run', () => {
    stop = startDraftSaving(storage, page);
    const edited = { ...(presets[0]!.scenario as object), seed: 42 };
    useScenarioDraft.getState().setDraft(edited);
    vi.advanceTimersByTime(DRAFT_SAVE_DEBOUNCE_MS - 1);
    expect(storage.getItem(DRAFT_STORAGE_KEY)).toBeNull();
    vi.advanceTimersByTime(1);
    expect(storage.getItem(DRAFT_STORAGE_KEY)).not.toBeNull();

    // The next visit: the store starts from the default, then takes the saved draft back.
    fresh();
    expect(restoreSavedDraft(storage)).toBe(true);
    const s = useScenarioDraft.getState();
    expect(s.draft).toEqual(edited);
    expect(s.presetId).toBe(presets[0]!.id);
    expect(s.generation).toBe(1);
    expect(s.storageNotice).toBeNull();
  });

  it('writes at once when the page is hidden or closed (a reload right after an edit)', () => {
    stop = startDraftSaving(storage, page);
    useScenarioDraft.getState().setDraft({ seed: 7 });
    page.dispatchEvent(new Event('pagehide'));
    expect(decodeSavedDraft(storage.getItem(DRAFT_STORAGE_KEY)!)).toMatchObject({ ok: true, draft: { seed: 7 } });
  });

  it('drops a corrupt entry with a notice and keeps the default, never throwing', () => {
    storage.setItem(DRAFT_STORAGE_KEY, '{"format":1,"draft":');
    expect(restoreSavedDraft(storage)).toBe(false);
    expect(storage.getItem(DRAFT_STORAGE_KEY)).toBeNull();
    const s = useScenarioDraft.getState();
    expect(s.storageNotice).toEqual({ kind: 'dropped', reason: 'unreadable' });
    expect(s.draft).toBe(presets[0]!.scenario);
    expect(s.generation).toBe(0);
  });

  it('does nothing without a saved entry or without storage', () => {
    expect(restoreSavedDraft(storage)).toBe(false);
    expect(restoreSavedDraft(undefined)).toBe(false);
    expect(useScenarioDraft.getState().storageNotice).toBeNull();
  });

  it('does not keep a draft over the size cap, and says so; a smaller one clears the notice', () => {
    stop = startDraftSaving(storage, page);
    useScenarioDraft.getState().setDraft({ seed: 1 });
    vi.advanceTimersByTime(DRAFT_SAVE_DEBOUNCE_MS);
    useScenarioDraft.getState().setDraft({ name: 'x'.repeat(MAX_DRAFT_CHARS) });
    vi.advanceTimersByTime(DRAFT_SAVE_DEBOUNCE_MS);
    // The older, smaller draft must not come back in place of the one on screen.
    expect(storage.getItem(DRAFT_STORAGE_KEY)).toBeNull();
    expect(useScenarioDraft.getState().storageNotice).toMatchObject({ kind: 'tooLargeToSave' });
    useScenarioDraft.getState().setDraft({ seed: 2 });
    vi.advanceTimersByTime(DRAFT_SAVE_DEBOUNCE_MS);
    expect(useScenarioDraft.getState().storageNotice).toBeNull();
    expect(storage.getItem(DRAFT_STORAGE_KEY)).not.toBeNull();
  });

  it('reports a storage that refuses to write', () => {
    storage.full = true;
    stop = startDraftSaving(storage, page);
    useScenarioDraft.getState().setDraft({ seed: 3 });
    vi.advanceTimersByTime(DRAFT_SAVE_DEBOUNCE_MS);
    expect(useScenarioDraft.getState().storageNotice).toEqual({ kind: 'storageFull' });
  });
});
