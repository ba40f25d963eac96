import { useId } from 'react';
import { useT } from '../../i18n';
import { formatCount, formatTime } from '../format';
import { playback } from './controller';
import { useWorkerFailure, type WorkerFailure } from './failure';
import './notices.css';

/**
 * When the simulation worker fails (an exception, a crash or out of memory, no answer, a run
 * past a size limit): what happened, and a button that starts a fresh worker on the last good
 * state. Everything else on the page keeps working meanwhile.
 */
export function WorkerFailureNotice() {
  const { t } = useT();
  const hintId = useId();
  const { failure, restarting, restartedAt, restartFailed } = useWorkerFailure();
  if (!failure) {
    return restartedAt !== null ? (
      <p role="status" className="banner robust-restarted">
        {t('robust.failure.restarted', { time: formatTime(restartedAt) })}
      </p>
    ) : null;
  }
  return (
    <div role="alert" className="banner error robust-notice worker-failure">
      <div className="robust-notice-text">
        <p>{describe(failure, t)}</p>
        <p>{restartFailed ? t('robust.failure.restartFailed') : t('robust.failure.kept')}</p>
      </div>
      <button type="button" onClick={() => void playback.restart()} disabled={restarting} aria-describedby={hintId}>
        {restarting ? t('robust.failure.restarting') : t('robust.failure.restart')}
      </button>
      <span id={hintId} hidden>
        {t('robust.failure.restartHint', { time: formatTime(playback.lastGoodTime ?? 0) })}
      </span>
    </div>
  );
}

type T = ReturnType<typeof useT>['t'];

function describe(f: WorkerFailure, t: T): string {
  switch (f.kind) {
    case 'limit': {
      const { limit, max, atMs } = f.breach;
      return `${t('robust.failure.limit', { time: formatTime(atMs), what: t(`robust.limits.${limit}.what`), limit: formatCount(max), why: t(`robust.limits.${limit}.why`) })} ${t('robust.failure.limitAdvice')}`;
    }
    case 'crashed':
      return t('robust.failure.crashed', { error: f.message });
    case 'unresponsive':
      return t('robust.failure.unresponsive', { seconds: f.seconds });
    case 'exception':
      return t('robust.failure.exception', { error: f.message });
  }
}
