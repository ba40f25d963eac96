import { LANG_NAMES, LANGS, setLang, useT, type Lang } from '../i18n';

/**
 * The interface's language, as a labelled menu. Each language is named in itself (and marked
 * with its `lang`, so a screen reader says "Français" in French), so whoever cannot read the
 * current language still finds their own. The choice is remembered (src/i18n caches it) and
 * `<html lang>` follows it.
 */
export function LanguageSwitch() {
  const { t, lang } = useT();
  return (
    <label className="language-switch">
      <span>{t('app.language')}</span>{' '}
      <select value={lang} onChange={(e) => setLang(e.target.value as Lang)}>
        {LANGS.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANG_NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
