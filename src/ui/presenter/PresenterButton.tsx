import { pick, useT, type Localized } from '../../i18n';
import { useUi } from '../../store/ui';

/** This control's words; kept here (not in en.ts / fr.ts) so the component is self-contained. */
export const labels = {
  button: { en: 'Presenter mode', fr: 'Mode présentation' },
  hint: {
    en: 'Full screen, large type and high contrast for a projector (P; Esc leaves)',
    fr: 'Plein écran, grands caractères et fort contraste pour un vidéoprojecteur (P ; Échap pour sortir)',
  },
} satisfies Record<string, Localized>;

/**
 * Switches presenter mode on and off. A toggle button (aria-pressed), so a screen reader says
 * whether the mode is on; the key that does the same is shown on the button and announced
 * through aria-keyshortcuts.
 */
export function PresenterButton() {
  const { lang } = useT();
  const presenter = useUi((s) => s.presenter);
  const togglePresenter = useUi((s) => s.togglePresenter);
  return (
    <button type="button" className="presenter-button" aria-pressed={presenter} aria-keyshortcuts="P" title={pick(labels.hint, lang)} onClick={togglePresenter}>
      {pick(labels.button, lang)}
      <kbd aria-hidden="true">P</kbd>
    </button>
  );
}
