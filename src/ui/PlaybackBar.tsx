import { SPEEDS, usePlayback } from '../store/playback';
import { playback } from './playback/controller';
import { formatSpeed, formatTime } from './format';

/** Play, step, speed, reset and the timeline: the controls a lecturer reaches for. */
export function PlaybackBar() {
  const playing = usePlayback((s) => s.playing);
  const speedIndex = usePlayback((s) => s.speedIndex);
  const setSpeedIndex = usePlayback((s) => s.setSpeedIndex);
  const t = usePlayback((s) => s.t);
  const durationMs = usePlayback((s) => s.durationMs);
  const disabled = durationMs === 0;
  const speed = SPEEDS[speedIndex]!;
  return (
    <div className="playback" role="toolbar" aria-label="Playback">
      <button type="button" className="play" onClick={() => playback.toggle()} disabled={disabled} aria-keyshortcuts="Space">
        {playing ? '❚❚ Pause' : '▶ Play'}
      </button>
      <button type="button" onClick={() => void playback.stepBack()} disabled={disabled} aria-label="Step back" title="Step back to the previous event (←)" aria-keyshortcuts="ArrowLeft">
        « Back
      </button>
      <button type="button" onClick={() => void playback.step()} disabled={disabled} aria-label="Step" title="Step to the next event (→)" aria-keyshortcuts="ArrowRight">
        Step »
      </button>
      <button type="button" onClick={() => void playback.reset()} disabled={disabled} aria-label="Reset" title="Back to the start (Home)">
        ↺ Reset
      </button>
      <label className="speed">
        <span>Speed</span>
        <input
          type="range"
          min={0}
          max={SPEEDS.length - 1}
          step={1}
          value={speedIndex}
          aria-valuetext={formatSpeed(speed)}
          onChange={(e) => setSpeedIndex(Number(e.target.value))}
        />
        <span className="speed-value" aria-hidden="true">
          {formatSpeed(speed)}
        </span>
      </label>
      <label className="timeline">
        <span className="visually-hidden">Timeline</span>
        <input
          type="range"
          min={0}
          max={durationMs || 1}
          step={Math.max(durationMs / 2000, 0.001)}
          value={t}
          disabled={disabled}
          aria-valuetext={`${formatTime(t)} of ${formatTime(durationMs)}`}
          onChange={(e) => void playback.seek(Number(e.target.value))}
        />
      </label>
      {/* Not a live region: the summary (role=status) announces time at a readable pace. */}
      <span className="clock">
        {formatTime(t)} <span className="of">/ {formatTime(durationMs)}</span>
      </span>
    </div>
  );
}
