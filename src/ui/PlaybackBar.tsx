import { useT } from '../i18n';
import { SPEEDS, usePlayback } from '../store/playback';
import { playback } from './playback/controller';
import { formatSpeed, formatTime } from './format';

/** Play, step, speed, reset and the timeline: the controls a lecturer reaches for. */
export function PlaybackBar() {
  const { t: tr, lang } = useT();
  const playing = usePlayback((s) => s.playing);
  const speedIndex = usePlayback((s) => s.speedIndex);
  const setSpeedIndex = usePlayback((s) => s.setSpeedIndex);
  const durationMs = usePlayback((s) => s.durationMs);
  const disabled = durationMs === 0;
  const speed = SPEEDS[speedIndex]!;
  return (
    <div className="playback" role="toolbar" aria-label={tr('playback.toolbar')}>
      <button type="button" className="play" onClick={() => playback.toggle()} disabled={disabled} aria-keyshortcuts="Space">
        {playing ? tr('playback.pause') : tr('playback.play')}
      </button>
      <button type="button" onClick={() => void playback.stepBack()} disabled={disabled} aria-label={tr('playback.stepBack')} title={tr('playback.stepBackTitle')} aria-keyshortcuts="ArrowLeft">
        {tr('playback.stepBackText')}
      </button>
      <button type="button" onClick={() => void playback.step()} disabled={disabled} aria-label={tr('playback.step')} title={tr('playback.stepTitle')} aria-keyshortcuts="ArrowRight">
        {tr('playback.stepText')}
      </button>
      <button type="button" onClick={() => void playback.reset()} disabled={disabled} aria-label={tr('playback.reset')} title={tr('playback.resetTitle')}>
        {tr('playback.resetText')}
      </button>
      <label className="speed">
        <span>{tr('playback.speed')}</span>
        <input
          type="range"
          min={0}
          max={SPEEDS.length - 1}
          step={1}
          value={speedIndex}
          aria-valuetext={formatSpeed(speed, lang)}
          onChange={(e) => setSpeedIndex(Number(e.target.value))}
        />
        <span className="speed-value" aria-hidden="true">
          {formatSpeed(speed, lang)}
        </span>
      </label>
      <Timeline durationMs={durationMs} />
    </div>
  );
}

/**
 * The timeline and the clock: the only part of the bar that changes while playing, so the only
 * part re-rendered then (the buttons' words are not translated again each frame).
 */
function Timeline({ durationMs }: { durationMs: number }) {
  const { t: tr, lang } = useT();
  // The slider moves by steps of 1/2,000 of the run and the clock by what it prints: selecting
  // those (not the instant itself) re-renders only when one of them changes.
  const step = Math.max(durationMs / 2000, 0.001);
  const value = usePlayback((s) => Math.round(s.t / step) * step);
  const clock = usePlayback((s) => formatTime(s.t, lang));
  return (
    <>
      <label className="timeline">
        <span className="visually-hidden">{tr('playback.timeline')}</span>
        <input
          type="range"
          min={0}
          max={durationMs || 1}
          step={step}
          value={value}
          disabled={durationMs === 0}
          aria-valuetext={tr('playback.timelineValue', { time: clock, duration: formatTime(durationMs, lang) })}
          onChange={(e) => void playback.seek(Number(e.target.value))}
        />
      </label>
      {/* Not a live region: the summary (role=status) announces time at a readable pace. */}
      <span className="clock">
        {clock} <span className="of">/ {formatTime(durationMs, lang)}</span>
      </span>
    </>
  );
}
