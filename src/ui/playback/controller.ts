import { latestFrame, setFrame } from '../../store/latestFrame';
import { speedOf, usePlayback } from '../../store/playback';
import type { StepTarget } from '../../lessons/types';
import type { LoadResult } from '../../worker/api';
import type { RunReport } from '../../sim/meters';
import { unpackFrame, type WireFrame } from '../../worker/frameCodec';
import { onSimWorkerCrash, raceCrash, restartSimWorker, simWorker } from '../../worker/client';
import { classifyFailure, useWorkerFailure, WorkerCrashed, WorkerUnresponsive } from './failure';

/** Longest wall-clock gap one tick may cover (a hidden tab must not jump hours ahead). */
const MAX_TICK_MS = 250;
/**
 * A playback call that has not answered after this long means a stuck worker (an endless loop,
 * memory exhausted): it is stopped and the page offers a restart. Far above any call's normal
 * time (a load that seeks hours into a large scenario takes a few seconds).
 */
export const WATCHDOG_MS = 30_000;

/**
 * Drives the worker from the page. Every command goes through one queue, in the order it was
 * given: a seek issued right after a new scenario is chosen lands in the new run, never the
 * old one (a lesson step or a shared link does exactly that). Playing sends an advance only
 * when the queue is empty and at most two are unanswered, so the worker never gets a backlog;
 * a command waits for the advances sent before it. Seeks are coalesced so that, while the user
 * drags the timeline, only the latest position is computed.
 */
class PlaybackController {
  private chain: Promise<unknown> = Promise.resolve();
  private queued = 0;
  private lastWall = 0;
  private pendingSeek: number | null = null;
  private seekQueued: Promise<void> | null = null;
  private raf = 0;
  /** Advances sent to the worker and not answered yet. */
  private inFlight = 0;
  /** Settles once every advance sent so far has been answered (and its frame shown or kept). */
  private advancing: Promise<unknown> = Promise.resolve();
  /**
   * While playing up to 100×, a frame the worker sent is drawn as it comes, unless one was drawn
   * since the last animation frame: the screen would show only the second of the two. It then
   * waits here and is drawn just after the next animation frame. A newer frame replaces it.
   */
  private waiting: WireFrame | null = null;
  /** A frame was drawn since the last animation frame (the screen has not shown it yet). */
  private drawnSinceFrame = false;
  private drawTimer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped by a restart: commands queued before it are dropped, not sent to the new worker. */
  private epoch = 0;
  /** The last scenario that loaded and the last moment shown: where a restart resumes. */
  private lastGood: { draft: unknown; t: number } | null = null;
  /**
   * The worker crashed or stopped answering: nothing is sent to it until a load (an edit, the
   * restart) has started a fresh one and succeeded (a fresh worker knows no scenario).
   */
  private stopped = false;

  constructor() {
    // A crash between calls (nothing waiting on the worker) is reported all the same.
    if (typeof Worker !== 'undefined') onSimWorkerCrash((c) => this.fail(new WorkerCrashed(c.message)));
  }

  /** Runs `op` after every command given before it. */
  private enqueue<T>(op: () => Promise<T>): Promise<T> {
    const epoch = this.epoch;
    this.queued++;
    const result = this.chain
      // The worker answers in order, but the frame a command shows must come after those of
      // the advances sent before it, not be replaced by one of them.
      .then(() => this.advancing)
      .then(() => (epoch === this.epoch ? op() : Promise.reject(new Error('dropped by a restart'))))
      .finally(() => {
        if (epoch === this.epoch) this.queued--;
      });
    this.chain = result.catch(() => undefined);
    return result;
  }

  /** A worker call that fails, rather than waits forever, if the worker crashes or stops answering. */
  private guard<T>(call: Promise<T>): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const watchdog = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        restartSimWorker(); // stuck: stop it, so nothing else waits on it
        reject(new WorkerUnresponsive(WATCHDOG_MS / 1000));
      }, WATCHDOG_MS);
    });
    return Promise.race([raceCrash(call, (c) => new WorkerCrashed(c.message)), watchdog]).finally(() => clearTimeout(timer));
  }

  /** Shows what went wrong (src/ui/playback/WorkerFailureNotice.tsx) and stops playing. */
  private fail(e: unknown): void {
    this.pause();
    console.error(e);
    const failure = classifyFailure(e);
    if (failure.kind === 'crashed' || failure.kind === 'unresponsive') this.stopped = true;
    useWorkerFailure.setState({ failure, restartedAt: null });
  }

  /**
   * Stops the worker and starts a fresh one on the last scenario that loaded, at the last moment
   * shown. Commands still queued are dropped. False if there is nothing to restart from or the
   * fresh worker fails too.
   */
  async restart(): Promise<boolean> {
    const good = this.lastGood;
    this.pause();
    restartSimWorker();
    this.epoch++;
    this.chain = Promise.resolve();
    this.queued = 0;
    this.inFlight = 0;
    this.advancing = Promise.resolve();
    this.waiting = null;
    this.pendingSeek = null;
    this.seekQueued = null;
    useWorkerFailure.setState({ restarting: true, restartFailed: false });
    const ok = good !== null && (await this.load(good.draft, good.t));
    if (ok) useWorkerFailure.setState({ failure: null, restarting: false, restartedAt: good.t });
    else useWorkerFailure.setState({ restarting: false, restartFailed: true });
    return ok;
  }

  /** The moment a restart would resume at (the last one shown), or null before any scenario loaded. */
  get lastGoodTime(): number | null {
    return this.lastGood?.t ?? null;
  }

  /** True when no command or advance is waiting or running. */
  get idle(): boolean {
    return this.queued === 0 && this.inFlight === 0;
  }

  private show(wire: WireFrame): void {
    // Anything shown now is newer than a frame still waiting for its animation frame.
    this.waiting = null;
    this.drawnSinceFrame = true;
    // Unchanged sandboxes and guest OSes keep their objects from the frame shown before.
    const frame = unpackFrame(wire, latestFrame.getState().frame ?? undefined);
    if (this.lastGood) this.lastGood.t = frame.t;
    setFrame(frame);
    usePlayback.setState({ t: frame.t, durationMs: frame.durationMs, done: frame.done });
    if (frame.done && usePlayback.getState().playing) this.pause();
  }

  /**
   * One worker call that answers with a frame; a failure is shown, not thrown. With
   * `onePerFrame`, while playing, the frame may wait for the next animation frame (see
   * `waiting`); paused meanwhile, it is shown at once.
   */
  private async call(fn: () => Promise<WireFrame>, onePerFrame = false): Promise<void> {
    if (this.stopped) return;
    const epoch = this.epoch;
    try {
      const wire = await this.guard(fn());
      if (epoch !== this.epoch) return; // an answer of the worker a restart replaced
      if (onePerFrame && this.drawnSinceFrame && usePlayback.getState().playing) this.waiting = wire;
      else this.show(wire);
    } catch (e) {
      if (epoch === this.epoch) this.fail(e);
    }
  }

  /** Sends one advance outside the queue (the tick checks it is empty); commands wait for its answer. */
  private advance(simMs: number, onePerFrame: boolean): void {
    const epoch = this.epoch;
    this.inFlight++;
    const answered = this.call(() => simWorker().advance(simMs), onePerFrame).finally(() => {
      if (epoch === this.epoch) this.inFlight--;
    });
    this.advancing = Promise.all([this.advancing, answered]);
  }

  private flushWaiting(): void {
    const wire = this.waiting;
    if (wire) this.show(wire);
  }

  /** Loads a scenario; `atMs` keeps the playback position across an edit. False if invalid. */
  load(draft: unknown, atMs = 0): Promise<boolean> {
    return this.enqueue(async () => {
      try {
        if (this.stopped) restartSimWorker();
        const result = await this.guard<LoadResult>(simWorker().load(draft, atMs));
        if (!result.ok) {
          usePlayback.setState({ issues: result.issues });
          return false;
        }
        usePlayback.setState({ issues: [] });
        this.lastGood = { draft, t: atMs };
        this.stopped = false;
        // A scenario that loads means the worker works again (say, the user made it smaller).
        if (useWorkerFailure.getState().failure) useWorkerFailure.setState({ failure: null, restartFailed: false });
        this.show(result.frame);
        return true;
      } catch (e) {
        this.fail(e);
        return false;
      }
    });
  }

  /**
   * The run's full report, or null while the worker is stopped: a panel asking for it must not
   * start a fresh worker behind the failure notice (a fresh one knows no scenario).
   */
  async report(): Promise<RunReport | null> {
    if (this.stopped) return null;
    try {
      return await simWorker().report();
    } catch (e) {
      console.error(e); // a crash is reported by the worker's error event, to the notice
      return null;
    }
  }

  play(): void {
    const s = usePlayback.getState();
    if (s.playing || s.durationMs === 0 || this.stopped) return;
    if (s.done) void this.seek(0);
    usePlayback.setState({ playing: true });
    this.lastWall = performance.now();
    cancelAnimationFrame(this.raf);
    this.raf = requestAnimationFrame(this.tick);
  }

  pause(): void {
    if (usePlayback.getState().playing) usePlayback.setState({ playing: false });
    cancelAnimationFrame(this.raf);
    // Paused, the newest frame the worker sent is the picture left on screen.
    this.flushWaiting();
  }

  toggle(): void {
    if (usePlayback.getState().playing) this.pause();
    else this.play();
  }

  private tick = (wall: number): void => {
    if (!usePlayback.getState().playing) return;
    this.drawnSinceFrame = false;
    // Up to 100×, two advances at the worker at once, and one frame drawn per animation frame
    // (see `waiting`). At 2,000 sandboxes the step takes about a millisecond, but its round trip
    // often took longer than a frame where the worker and the page share two cores: with one
    // advance at a time a late answer cost the screen a picture, and the answers that then came
    // together were drawn together, of which the screen showed one (bench/ui.ts). In fast
    // forward the worker's step is the long part and the drawing short (no tokens): one at a
    // time, drawn as it comes, which keeps every main-thread task under 50 ms at 1,000×.
    const speed = speedOf(usePlayback.getState());
    const pipelined = speed < 1_000;
    if (this.queued === 0 && this.inFlight < (pipelined ? 2 : 1)) {
      const dt = Math.min(MAX_TICK_MS, wall - this.lastWall);
      this.lastWall = wall;
      const simMs = dt * speed;
      if (simMs > 0) this.advance(simMs, pipelined);
    }
    // A frame that waited is drawn in a task of its own, after this animation frame's rendering:
    // drawn here, it lengthened the frame, and more frames came late.
    if (this.waiting) this.drawTimer ??= setTimeout(() => {
      this.drawTimer = undefined;
      this.flushWaiting();
    }, 0);
    this.raf = requestAnimationFrame(this.tick);
  };

  /** Goes to simulated time `t`; a seek still waiting is replaced by this one. */
  seek(t: number): Promise<void> {
    this.pendingSeek = t;
    this.seekQueued ??= this.enqueue(async () => {
      const target = this.pendingSeek!;
      this.pendingSeek = null;
      this.seekQueued = null;
      await this.call(() => simWorker().seek(target));
    });
    return this.seekQueued;
  }

  /** Goes to the moment a lesson step names; false if it never happens in this run. */
  seekTarget(target: StepTarget): Promise<boolean> {
    this.pause();
    return this.enqueue(async () => {
      if (this.stopped) return false;
      try {
        const result = await this.guard(simWorker().seekTarget(target));
        this.show(result.frame);
        return result.found;
      } catch (e) {
        this.fail(e);
        return false;
      }
    });
  }

  step(): Promise<void> {
    this.pause();
    return this.enqueue(() => this.call(() => simWorker().stepForward()));
  }

  stepBack(): Promise<void> {
    this.pause();
    return this.enqueue(() => this.call(() => simWorker().stepBack()));
  }

  reset(): Promise<void> {
    this.pause();
    return this.seek(0);
  }

  /** Resolves once every command given so far has run (tests and lessons wait on it). */
  settled(): Promise<void> {
    // Done also means drawn: a frame still waiting for its animation frame is shown now.
    return this.enqueue(async () => this.flushWaiting());
  }
}

export const playback = new PlaybackController();
