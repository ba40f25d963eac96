import { wrap, type Remote } from 'comlink';
import type { SimWorkerApi } from './api';

let worker: Remote<SimWorkerApi> | null = null;

/** The simulation worker, started on first use. Only its type is imported by the page. */
export function simWorker(): Remote<SimWorkerApi> {
  worker ??= wrap<SimWorkerApi>(new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module', name: 'faascope-sim' }));
  return worker;
}
