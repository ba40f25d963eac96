import { create } from 'zustand';
import { defaultVm, type VmSpec } from '../../sim/breakEven';
import { figures } from '../../sim/figures';
import { parseNumberText } from '../editor/numberText';
import type { SweepPoint } from './sweep';

/** Which bill the table shows: at 1 ms, at 100 ms, or at the scenario's own granularity. */
export type Granularity = '1' | '100' | 'scenario';

/** The VM compared with the functions, as typed (kept as text so nothing typed is lost). */
export type VmField = 'pricePerHour' | 'vcpus' | 'memoryMb';

export interface SweepState {
  status: 'idle' | 'running' | 'done';
  /** The function swept (index in the scenario) and its name at the time. */
  fnIndex: number;
  fnName: string;
  /** Sizes run so far, of `total`; the one running now. */
  done: number;
  total: number;
  runningMb: number | null;
  points: SweepPoint[];
  skipped: { memoryMb: number; problem: string }[];
  /** The draft it swept: a different draft now means the results are stale. */
  draft: unknown;
}

interface CostUiState {
  granularity: Granularity;
  vmText: Record<VmField, string>;
  /** The peak-to-mean ratio the VMs are sized for, as typed; empty: the run's measured one. */
  peakText: string;
  /** The VM the chart compares with: the last one typed whose every field is a number > 0. */
  vm: VmSpec;
  sweep: SweepState;
  setGranularity: (g: Granularity) => void;
  setVmText: (field: VmField, text: string) => void;
  setPeakText: (text: string) => void;
  resetVm: () => void;
  setSweep: (change: Partial<SweepState>) => void;
}

const defaultVmText = (): Record<VmField, string> => ({
  pricePerHour: String(figures.vmPricePerHour.value),
  vcpus: String(figures.vmVcpus.value),
  memoryMb: String(figures.vmMemoryMb.value),
});

/** The Cost tab's own state: kept while the tab is closed, so a sweep's results and the VM typed survive. */
export const useCostUi = create<CostUiState>((set) => ({
  granularity: 'scenario',
  vmText: defaultVmText(),
  vm: defaultVm,
  peakText: '',
  sweep: { status: 'idle', fnIndex: 0, fnName: '', done: 0, total: 0, runningMb: null, points: [], skipped: [], draft: undefined },
  setGranularity: (granularity) => set({ granularity }),
  setVmText: (field, text) =>
    set((s) => {
      const vmText = { ...s.vmText, [field]: text };
      const { vm } = readVm(vmText);
      return vm ? { vmText, vm } : { vmText };
    }),
  setPeakText: (peakText) => set({ peakText }),
  resetVm: () => set({ vmText: defaultVmText(), vm: defaultVm, peakText: '' }),
  setSweep: (change) => set((s) => ({ sweep: { ...s.sweep, ...change } })),
}));

/** The VM as typed, if every field is a number > 0; and the fields that are not. */
export function readVm(text: Record<VmField, string>): { vm: VmSpec | null; bad: Set<VmField> } {
  const bad = new Set<VmField>();
  const value = (f: VmField) => {
    const v = parseNumberText(text[f]);
    if (typeof v !== 'number' || !(v > 0)) bad.add(f);
    return typeof v === 'number' ? v : 0;
  };
  const vm = { pricePerHour: value('pricePerHour'), vcpus: value('vcpus'), memoryMb: value('memoryMb') };
  return { vm: bad.size === 0 ? vm : null, bad };
}
