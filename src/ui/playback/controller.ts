import { setFrame } from '../../store/latestFrame';
import { speedOf, usePlayback } from '../../store/playback';
import type { StepTarget } from '../../lessons/types';
import { unpackFrame, type WireFrame } from '../../worker/frameCodec';
import { simWorker } from '../../worker/client';

/** Longest wall-clock gap one tick may cover (a hidden tab must not jump hours ahead). */
const MAX_TICK_MS = 250;

/**
 * Drives the worker from the page. Every command goes through one queue, in the order it was
 * given: a seek issued right after a new scenario is chosen lands in the new run, never the
 * old one (a lesson step or a shared link does exactly that). Playing adds an advance only
 * when the queue is empty, so the worker never gets a backlog; seeks are coalesced so that,
 * while the user drags the timeline, only the latest position is computed.
 */
class PlaybackController {
  private chain: Promise<unknown> = Promise.resolve();
  private queued = 0;
  private lastWall = 0;
  private pendingSeek: number | null = null;
  private seekQueued: Promise<void> | null = null;
  private raf = 0;

  /** Runs `op` after every command given before it. */
  private enqueue<T>(op: () => Promise<T>): Promise<T> {
    this.queued++;
    const result = this.chain.then(op).finally(() => this.queued--);
    this.chain = result.catch(() => undefined);
    return result;
  }

  /** True when no command is waiting or running. */
  get idle(): boolean {
    return this.queued === 0;
  }

  private show(wire: WireFrame): void {
    const frame = unpackFrame(wire);
    setFrame(frame);
    usePlayback.setState({ t: frame.t, durationMs: frame.durationMs, done: frame.done });
    if (frame.done && usePlayback.getState().playing) this.pause();
  }

  /** One worker call that answers with a frame; a failure is shown, not thrown. */
  private async call(fn: () => Promise<WireFrame>): Promise<void> {
    try {
      this.show(await fn());
      usePlayback.setState({ workerError: null });
    } catch (e) {
      this.pause();
      console.error(e);
      usePlayback.setState({ workerError: (e as Error).message });
    }
  }

  /** Loads a scenario; `atMs` keeps the playback position across an edit. False if invalid. */
  load(draft: unknown, atMs = 0): Promise<boolean> {
    return this.enqueue(async () => {
      try {
        const result = await simWorker().load(draft, atMs);
        if (!result.ok) {
          usePlayback.setState({ issues: result.issues });
          return false;
        }
        usePlayback.setState({ issues: [], workerError: null });
        this.show(result.frame);
        return true;
      } catch (e) {
        usePlayback.setState({ workerError: (e as Error).message });
        return false;
      }
    });
  }

  play(): void {
    const s = usePlayback.getState();
    if (s.playing || s.durationMs === 0) return;
    if (s.done) void this.seek(0);
    usePlayback.setState({ playing: true });
    this.lastWall = performance.now();
    cancelAnimationFrame(this.raf);
    this.raf = requestAnimationFrame(this.tick);
  }

  pause(): void {
    if (usePlayback.getState().playing) usePlayback.setState({ playing: false });
    cancelAnimationFrame(this.raf);
  }

  toggle(): void {
    if (usePlayback.getState().playing) this.pause();
    else this.play();
  }

  private tick = (wall: number): void => {
    if (!usePlayback.getState().playing) return;
    if (this.idle) {
      const dt = Math.min(MAX_TICK_MS, wall - this.lastWall);
      this.lastWall = wall;
      const simMs = dt * speedOf(usePlayback.getState());
      if (simMs > 0) void this.enqueue(() => this.call(() => simWorker().advance(simMs)));
    }
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
      try {
        const result = await simWorker().seekTarget(target);
        this.show(result.frame);
        return result.found;
      } catch (e) {
        usePlayback.setState({ workerError: (e as Error).message });
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
    return this.enqueue(async () => undefined);
  }
}

export const playback = new PlaybackController();
