import { create } from 'zustand';

/** Speeds the speed control offers: slow motion to fast forward (simulated ms per wall ms). */
export const SPEEDS = [0.01, 0.03, 0.1, 0.3, 1, 3, 10, 30, 100, 300, 1_000, 3_000, 10_000, 30_000, 100_000] as const;

export interface PlaybackState {
  playing: boolean;
  /** Index into SPEEDS. */
  speedIndex: number;
  /** Simulated time of the frame on screen, ms. */
  t: number;
  durationMs: number;
  done: boolean;
  /** The scenario's problems, when the last one loaded did not validate. */
  issues: string[];
  setPlaying: (playing: boolean) => void;
  setSpeedIndex: (i: number) => void;
}

export const usePlayback = create<PlaybackState>((set) => ({
  playing: false,
  speedIndex: SPEEDS.indexOf(1),
  t: 0,
  durationMs: 0,
  done: false,
  issues: [],
  setPlaying: (playing) => set({ playing }),
  setSpeedIndex: (i) => set({ speedIndex: Math.max(0, Math.min(SPEEDS.length - 1, i)) }),
}));

export const speedOf = (s: PlaybackState) => SPEEDS[s.speedIndex]!;
