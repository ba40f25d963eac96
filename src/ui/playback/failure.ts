import { create } from 'zustand';
import { limitBreachOf, type LimitBreach } from '../../sim/limits';

/** What went wrong with the simulation worker, as the page explains it. */
export type WorkerFailure =
  | { kind: 'limit'; breach: LimitBreach }
  | { kind: 'crashed'; message: string }
  | { kind: 'unresponsive'; seconds: number }
  | { kind: 'exception'; message: string };

/** A worker that crashed (see client.ts): its pending calls are rejected with this. */
export class WorkerCrashed extends Error {
  override name = 'WorkerCrashed';
}

/** A call that did not answer within the watchdog's time. */
export class WorkerUnresponsive extends Error {
  override name = 'WorkerUnresponsive';
  constructor(readonly seconds: number) {
    super(`no answer for ${seconds} s`);
  }
}

/** The failure an error from a worker call stands for. */
export function classifyFailure(e: unknown): WorkerFailure {
  const breach = limitBreachOf(e);
  if (breach) return { kind: 'limit', breach };
  if (e instanceof WorkerUnresponsive) return { kind: 'unresponsive', seconds: e.seconds };
  const message = e instanceof Error ? e.message : String(e);
  if (e instanceof WorkerCrashed) return { kind: 'crashed', message };
  return { kind: 'exception', message };
}

export interface WorkerFailureState {
  failure: WorkerFailure | null;
  /** A restart is under way. */
  restarting: boolean;
  /** The simulated time a restart resumed at, shown once it succeeded (cleared by the next failure). */
  restartedAt: number | null;
  /** The restart itself failed (the failure then says how). */
  restartFailed: boolean;
}

export const useWorkerFailure = create<WorkerFailureState>(() => ({ failure: null, restarting: false, restartedAt: null, restartFailed: false }));
