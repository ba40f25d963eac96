import { create } from 'zustand';
import type { PolicyComparison } from '../../sim/compareTypes';
import type { IdleHistogram, ImportProgress, ImportResult } from '../../worker/lab';
import { LAB_MAX_INVOCATIONS_PER_FUNCTION } from '../../worker/lab';
import { hybridSupported } from '../../sim/compare';
import { defaultPolicyForm, type PolicyForm } from './policies';

/**
 * What the lab shows, kept while the tab is closed: the last import and comparison, and the
 * forms as the user left them (as typed, valid or not). No simulation here: the worker does it.
 */
export type Job<R> =
  | { status: 'idle' }
  | { status: 'running'; progress: { done: number; total: number; label: string } | null }
  | { status: 'done'; result: R }
  | { status: 'failed'; issues: string[] }
  | { status: 'cancelled' };

export interface ImportForm {
  firstMinute: string;
  lastMinute: string;
  maxPerFunction: string;
}

export type YPercentile = 'p50' | 'p75' | 'p90';

export interface LabState {
  importForm: ImportForm;
  importJob: Job<ImportResult & { ok: true }> | { status: 'reading'; progress: ImportProgress | null; source: string };
  /** The import's problems when it failed outright (the file could not be used). */
  importFailure: (ImportResult & { ok: false }) | null;
  policyForm: PolicyForm;
  compareJob: Job<PolicyComparison>;
  yPercentile: YPercentile;
  histogramFn: string | null;
  histogramJob: Job<IdleHistogram>;
  set: (patch: Partial<Omit<LabState, 'set'>>) => void;
}

export const DEFAULT_IMPORT_FORM: ImportForm = { firstMinute: '1', lastMinute: '1440', maxPerFunction: String(LAB_MAX_INVOCATIONS_PER_FUNCTION) };

export const useLab = create<LabState>((set) => ({
  importForm: DEFAULT_IMPORT_FORM,
  importJob: { status: 'idle' },
  importFailure: null,
  policyForm: defaultPolicyForm(hybridSupported()),
  compareJob: { status: 'idle' },
  yPercentile: 'p75',
  histogramFn: null,
  histogramJob: { status: 'idle' },
  set: (patch) => set(patch),
}));
