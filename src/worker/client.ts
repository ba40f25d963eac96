import { wrap, type Remote } from 'comlink';
import type { SimWorkerApi } from './api';

/** How the worker ended, when it did not answer: an uncaught error in it, or a message it could not read. */
export interface WorkerCrash {
  message: string;
}

let worker: Worker | null = null;
let remote: Remote<SimWorkerApi> | null = null;
/** How the current worker crashed, until it is restarted (a call made after a crash fails at once). */
let crashed: WorkerCrash | null = null;
let crashListeners: ((c: WorkerCrash) => void)[] = [];

function start(): Remote<SimWorkerApi> {
  const w = new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module', name: 'faascope-sim' });
  const onCrash = (message: string) => {
    if (worker !== w) return;
    crashed = { message };
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
  crashed = null;
  remote = wrap<SimWorkerApi>(w);
  return remote;
}

/** The simulation worker, started on first use (and again after `restartSimWorker`). Only its type is imported by the page. */
export function simWorker(): Remote<SimWorkerApi> {
  return remote ?? start();
}

/**
 * `call`, unless the worker crashes before it answers (or had crashed already): then it rejects
 * with `failure(crash)`. It listens for the crash only while the call is pending. Racing every
 * call against one promise that never settles left a reaction on that promise per call, and an
 * hour of fast playback (60 calls a second) kept megabytes of them.
 */
export function raceCrash<T>(call: Promise<T>, failure: (c: WorkerCrash) => Error): Promise<T> {
  if (crashed) return Promise.reject(failure(crashed));
  return new Promise<T>((resolve, reject) => {
    const stop = onSimWorkerCrash((c) => reject(failure(c)));
    call.then(resolve, reject).finally(stop);
  });
}

/** How many crash listeners are registered (the controller's, and one per call still waiting). */
export function crashListenerCount(): number {
  return crashListeners.length;
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
