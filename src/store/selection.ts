import { create } from 'zustand';

/** What the user clicked: views report it, the inspector shows it, views highlight it. */
export type Selection = { kind: 'host' | 'guestOs' | 'sandbox' | 'request'; id: number } | null;

export const useSelection = create<{ selected: Selection; select: (s: Selection) => void }>((set) => ({
  selected: null,
  select: (selected) => set({ selected }),
}));
