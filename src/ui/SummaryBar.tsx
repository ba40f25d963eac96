import { formatCount, formatTime, formatUsd } from './format';
import { useFrame } from './useFrame';

/** The live summary, always visible and read by screen readers (updated twice a second at most). */
export function SummaryBar() {
  const frame = useFrame(2);
  if (!frame) return <div role="status" className="summary-bar" aria-live="polite" />;
  const s = frame.summary;
  return (
    <div role="status" className="summary-bar" aria-live="polite">
      <span>
        <b>{formatTime(frame.t)}</b> simulated
      </span>
      <span>
        <b>{formatCount(s.requests)}</b> request{s.requests === 1 ? '' : 's'}
      </span>
      <span>
        <b>{formatCount(s.cold)}</b> cold start{s.cold === 1 ? '' : 's'}
      </span>
      <span>
        <b>{formatCount(s.warm)}</b> warm
      </span>
      <span>
        <b>{formatCount(s.throttled)}</b> throttled
      </span>
      {s.timedOut + s.failed > 0 && (
        <span>
          <b>{formatCount(s.timedOut + s.failed)}</b> timed out or failed
        </span>
      )}
      <span>
        sandboxes: <b>{s.sandboxes.initializing}</b> initializing, <b>{s.sandboxes.busy}</b> busy, <b>{s.sandboxes.idle}</b> idle
        {s.sandboxes.shuttingDown > 0 && (
          <>
            , <b>{s.sandboxes.shuttingDown}</b> shutting down
          </>
        )}
      </span>
      <span>
        cost <b>{formatUsd(s.costUsd)}</b>
      </span>
    </div>
  );
}
