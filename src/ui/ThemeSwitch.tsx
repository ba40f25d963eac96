import { pick, useT, type Localized } from '../i18n';
import { useUi, type Theme } from '../store/ui';

/** This control's words; kept here (not in en.ts / fr.ts) so the component is self-contained. */
export const labels = {
  group: { en: 'Theme', fr: 'Thème' },
  light: { en: 'Light', fr: 'Clair' },
  dark: { en: 'Dark', fr: 'Sombre' },
  hint: { en: 'Light or dark colours (T switches)', fr: 'Couleurs claires ou sombres (T pour basculer)' },
} satisfies Record<string, Localized>;

const THEMES: Theme[] = ['light', 'dark'];

/**
 * Light or dark, as two pressed/unpressed buttons in a labelled group: both choices are
 * visible at once, and the one in force reads as pressed. The choice is remembered by the store.
 */
export function ThemeSwitch() {
  const { lang } = useT();
  const theme = useUi((s) => s.theme);
  const setTheme = useUi((s) => s.setTheme);
  return (
    <div className="theme-switch" role="group" aria-label={pick(labels.group, lang)} title={pick(labels.hint, lang)}>
      {THEMES.map((th) => (
        <button key={th} type="button" aria-pressed={theme === th} aria-keyshortcuts="T" onClick={() => setTheme(th)}>
          {pick(labels[th], lang)}
        </button>
      ))}
    </div>
  );
}
