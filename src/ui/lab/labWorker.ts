import { wrap, type Remote } from 'comlink';
import type { SimWorkerApi } from '../../worker/api';

/**
 * The lab's own simulation worker: a second instance of sim.worker.ts, so live playback (the
 * first one) goes on while a comparison or a trace import runs here. A comparison is one long
 * synchronous call, so the only way to stop it is to end the worker: Cancel, and closing the
 * lab, do that; the next job starts a fresh one.
 */
let current: { worker: Worker; api: Remote<SimWorkerApi> } | null = null;
/** Bumped whenever the worker is ended: a job that started before reads its answer as stale. */
let generation = 0;

export function labWorker(): { api: Remote<SimWorkerApi>; generation: number } {
  if (!current) {
    const worker = new Worker(new URL('../../worker/sim.worker.ts', import.meta.url), { type: 'module', name: 'faascope-lab' });
    current = { worker, api: wrap<SimWorkerApi>(worker) };
  }
  return { api: current.api, generation };
}

/** Whether a job started at `gen` may still report (its worker was not ended since). */
export const stillCurrent = (gen: number) => gen === generation;

/** Ends the lab worker and whatever it was doing. */
export function stopLabWorker(): void {
  generation++;
  if (!current) return;
  current.worker.terminate();
  current = null;
}
