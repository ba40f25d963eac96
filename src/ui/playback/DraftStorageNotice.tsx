import { useT } from '../../i18n';
import './notices.css';
import { formatSize } from '../../share/messages';
import { useScenarioDraft } from '../../store/scenarioDraft';

/**
 * What the browser's keeping of the scenario has to report: a saved scenario that could not be
 * used at start-up (removed, the default opened instead), or one too large to keep.
 */
export function DraftStorageNotice() {
  const { t } = useT();
  const notice = useScenarioDraft((s) => s.storageNotice);
  const dismiss = useScenarioDraft((s) => s.dismissStorageNotice);
  if (!notice) return null;
  const text =
    notice.kind === 'dropped'
      ? t('robust.storage.dropped', { reason: t(`robust.storage.reasons.${notice.reason}`) })
      : notice.kind === 'tooLargeToSave'
        ? t('robust.storage.tooLargeToSave', { size: formatSize(notice.chars * 2) })
        : t('robust.storage.storageFull');
  return (
    <div role="alert" className="banner warn robust-notice">
      <span>{text}</span>
      <button type="button" onClick={dismiss}>
        {t('robust.storage.dismiss')}
      </button>
    </div>
  );
}
