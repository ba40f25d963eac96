import { create } from 'zustand';
import { presets } from '../lessons/presets';

/**
 * The scenario as the user is editing it. It may be invalid (a field half-typed): it is kept
 * as it is, so nothing the user entered is lost; the simulation runs the last valid version.
 */
export interface ScenarioDraftState {
  draft: unknown;
  presetId: string | null;
  /** Bumped when a preset replaces the draft: the run restarts from 0 rather than keeping its time. */
  generation: number;
  setDraft: (draft: unknown) => void;
  choosePreset: (id: string) => void;
  /** A whole new scenario (a lesson's, a link's, an imported file): the run restarts from 0. */
  replaceScenario: (draft: unknown, presetId?: string | null) => void;
}

export const useScenarioDraft = create<ScenarioDraftState>((set) => ({
  draft: presets[0]!.scenario,
  presetId: presets[0]!.id,
  generation: 0,
  setDraft: (draft) => set({ draft }),
  choosePreset: (id) => {
    const preset = presets.find((p) => p.id === id);
    if (preset) set((s) => ({ draft: structuredClone(preset.scenario), presetId: id, generation: s.generation + 1 }));
  },
  replaceScenario: (draft, presetId = null) => set((s) => ({ draft: structuredClone(draft), presetId, generation: s.generation + 1 })),
}));
