import { setFrame } from '../../store/latestFrame';
import { speedOf, usePlayback } from '../../store/playback';
import type { Frame } from '../../worker/frame';
import { simWorker } from '../../worker/client';

/** Longest wall-clock gap one tick may cover (a hidden tab must not jump hours ahead). */
const MAX_TICK_MS = 250;

/**
 * Drives the worker from the page: one request in flight at a time (the worker never gets
 * a backlog), simulated time advancing by speed × wall time. Seeks are coalesced so that,
 * while the user drags the timeline, only the latest position is computed.
 */
class PlaybackController {
  private inflight = false;
  private lastWall = 0;
  private pendingSeek: number | null = null;
  private raf = 0;

  private show(frame: Frame): void {
    setFrame(frame);
    usePlayback.setState({ t: frame.t, durationMs: frame.durationMs, done: frame.done });
    if (frame.done && usePlayback.getState().playing) this.pause();
  }

  /** Runs one worker call, then any seek that arrived meanwhile. */
  private async call(fn: () => Promise<Frame>): Promise<void> {
    this.inflight = true;
    try {
      this.show(await fn());
      usePlayback.setState({ workerError: null });
    } catch (e) {
      this.pause();
      console.error(e);
      usePlayback.setState({ workerError: (e as Error).message });
    } finally {
      this.inflight = false;
    }
    if (this.pendingSeek !== null) {
      const t = this.pendingSeek;
      this.pendingSeek = null;
      await this.call(() => simWorker().seek(t));
    }
  }

  private async idle(): Promise<void> {
    while (this.inflight) await new Promise((r) => setTimeout(r, 5));
  }

  /** Loads a scenario; `atMs` keeps the playback position across an edit. False if invalid. */
  async load(draft: unknown, atMs = 0): Promise<boolean> {
    await this.idle();
    this.inflight = true;
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
    } finally {
      this.inflight = false;
    }
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
    if (!this.inflight) {
      const dt = Math.min(MAX_TICK_MS, wall - this.lastWall);
      this.lastWall = wall;
      const simMs = dt * speedOf(usePlayback.getState());
      if (simMs > 0) void this.call(() => simWorker().advance(simMs));
    }
    this.raf = requestAnimationFrame(this.tick);
  };

  async seek(t: number): Promise<void> {
    if (this.inflight) {
      this.pendingSeek = t;
      return;
    }
    await this.call(() => simWorker().seek(t));
  }

  async step(): Promise<void> {
    this.pause();
    await this.idle();
    await this.call(() => simWorker().stepForward());
  }

  async stepBack(): Promise<void> {
    this.pause();
    await this.idle();
    await this.call(() => simWorker().stepBack());
  }

  async reset(): Promise<void> {
    this.pause();
    await this.idle();
    await this.call(() => simWorker().seek(0));
  }
}

export const playback = new PlaybackController();
