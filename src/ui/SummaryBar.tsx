import type { ReactNode } from 'react';
import { pluralKey, useT } from '../i18n';
import { formatCount, formatTime, formatUsd } from './format';
import { useFrame } from './useFrame';
import { appsShown } from './appsSummary';

/**
 * A summary text with its figures in bold: the texts mark them `<b>…</b>`, so each language
 * puts the figure where it says it ("<b>3</b> cold starts", "occupées : <b>3</b>"). The
 * figures are numbers formatted here, never markup.
 */
function withBold(text: string): ReactNode[] {
  return text.split(/<b>(.*?)<\/b>/).map((part, i) => (i % 2 === 1 ? <b key={i}>{part}</b> : part));
}

/** The live summary, always visible and read by screen readers (updated twice a second at most). */
export function SummaryBar() {
  const { t, lang } = useT();
  const frame = useFrame(2);
  if (!frame) return <div role="status" className="summary-bar" aria-live="polite" />;
  const s = frame.summary;
  const n = (v: number) => formatCount(v, lang);
  const endedBadly = s.timedOut + s.failed;
  return (
    <div role="status" className="summary-bar" aria-live="polite">
      <span>{withBold(t('summary.simulated', { time: formatTime(frame.t, lang) }))}</span>
      <span>{withBold(t(pluralKey('summary.requests', s.requests, lang), { n: n(s.requests) }))}</span>
      <span>{withBold(t(pluralKey('summary.cold', s.cold, lang), { n: n(s.cold) }))}</span>
      <span>{withBold(t('summary.warm', { n: n(s.warm) }))}</span>
      <span>{withBold(t(pluralKey('summary.throttled', s.throttled, lang), { n: n(s.throttled) }))}</span>
      {endedBadly > 0 && <span>{withBold(t(pluralKey('summary.failed', endedBadly, lang), { n: n(endedBadly) }))}</span>}
      {appsShown(frame).map(([key, v]) => (
        <span key={key} data-count={key}>
          {withBold(t(`apps.summary.${key}`, { n: n(v) }))}
          {key === 'deadLettered' && s.loopsStopped > 0 && withBold(t('apps.summary.loopsStopped', { n: n(s.loopsStopped) }))}
        </span>
      ))}
      <span>
        {withBold(t('summary.sandboxes', { initializing: n(s.sandboxes.initializing), busy: n(s.sandboxes.busy), idle: n(s.sandboxes.idle) }))}
        {s.sandboxes.shuttingDown > 0 && withBold(t('summary.shuttingDown', { n: n(s.sandboxes.shuttingDown) }))}
      </span>
      <span>{withBold(t('summary.cost', { cost: formatUsd(s.costUsd, lang) }))}</span>
    </div>
  );
}
