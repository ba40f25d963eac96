import { pick, useT } from '../i18n';
import { useUi } from '../store/ui';

/**
 * A button that opens the shortcut help, for whoever looks for it with the mouse. Apart from
 * the dialog, which the page loads only when it is first opened (it is not needed to start).
 */
export function ShortcutHelpButton() {
  const { lang } = useT();
  const toggleHelp = useUi((s) => s.toggleHelp);
  return (
    <button type="button" className="help-button" aria-haspopup="dialog" aria-keyshortcuts="?" onClick={toggleHelp}>
      {pick({ en: 'Shortcuts', fr: 'Raccourcis' }, lang)}
      <kbd aria-hidden="true">?</kbd>
    </button>
  );
}
