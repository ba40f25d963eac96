import { wrap, type Remote } from 'comlink';
import type { SimWorkerApi } from './api';

/** How the worker ended, when it did not answer: an uncaught error in it, or a message it could not read. */
export interface WorkerCrash {
  message: string;
}

let worker: Worker | null = null;
let remote: Remote<SimWorkerApi> | null = null;
/** Settles (rejects) when the current worker crashes: calls still waiting race against it. */
let crashed: Promise<never> | null = null;
let crashListeners: ((c: WorkerCrash) => void)[] = [];

function start(): Remote<SimWorkerApi> {
  const w = new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module', name: 'faascope-sim' });
  let fail: (e: Error) => void = () => undefined;
  const died = new Promise<never>((_, reject) => (fail = reject));
  died.catch(() => undefined); // observed through `whenCrashed`, never unhandled
  const onCrash = (message: string) => {
    if (worker !== w) return;
    fail(new Error(message));
    for (const listener of crashListeners) listener({ message });
  };
  // An error thrown outside a call (comlink returns those of calls), or a worker that could
  // not start or ran out of memory: comlink's pending calls would wait forever.
  w.addEventListener('error', (e) => {
    e.preventDefault();
    onCrash(e.message || 'the simulation worker stopped');
  });
  w.addEventListener('messageerror', () => onCrash('a message from the simulation worker could not be read'));
  worker = w;
  crashed = died;
  remote = wrap<SimWorkerApi>(w);
  return remote;
}

/** The simulation worker, started on first use (and again after `restartSimWorker`). Only its type is imported by the page. */
export function simWorker(): Remote<SimWorkerApi> {
  return remote ?? start();
}

/** A promise that rejects when the current worker crashes (never settles otherwise). */
export function whenCrashed(): Promise<never> {
  if (!crashed) start();
  return crashed!;
}

/** Calls `fn` for each crash of the worker; returns the remover. */
export function onSimWorkerCrash(fn: (c: WorkerCrash) => void): () => void {
  crashListeners.push(fn);
  return () => {
    crashListeners = crashListeners.filter((l) => l !== fn);
  };
}

/**
 * Stops the worker (stuck, crashed or over a limit) and forgets it: the next `simWorker()`
 * starts a fresh one, which knows no scenario until one is loaded.
 */
export function restartSimWorker(): void {
  worker?.terminate();
  worker = null;
  remote = null;
  crashed = null;
}
