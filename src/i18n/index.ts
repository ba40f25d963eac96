import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next, useTranslation } from 'react-i18next';
import { en } from './en';
import { LANGS, type Lang, type Localized, type Messages } from './types';

export { LANGS, type Lang, type Localized };

/** Where the chosen language is remembered. */
export const LANG_STORAGE_KEY = 'faascope.lang';

/**
 * i18next with the browser's language as the default and the user's choice remembered.
 * English is bundled (it is also the fallback); other languages are loaded when chosen, so
 * they cost nothing to a page that does not show them. Lessons bring their own texts.
 */
void i18n
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    // A copy: i18next keeps init resources by reference, and panels' texts are merged into them later.
    resources: { en: { translation: structuredClone(en) } },
    partialBundledLanguages: true,
    supportedLngs: [...LANGS],
    nonExplicitSupportedLngs: true,
    fallbackLng: 'en',
    interpolation: { escapeValue: false }, // React escapes
    detection: { order: ['querystring', 'localStorage', 'navigator'], lookupQuerystring: 'lang', lookupLocalStorage: LANG_STORAGE_KEY, caches: ['localStorage'] },
    returnNull: false,
    // Text added later (a panel's section, loaded with the panel) re-renders what uses it.
    react: { bindI18nStore: 'added' },
  });

const applyLang = (lng: string) => {
  if (typeof document !== 'undefined') document.documentElement.lang = currentLang(lng);
};
applyLang(i18n.language ?? 'en');
i18n.on('languageChanged', applyLang);

function currentLang(lng = i18n.language ?? 'en'): Lang {
  const base = lng.slice(0, 2) as Lang;
  return LANGS.includes(base) ? base : 'en';
}

/** The interface's language, one of LANGS. */
export const getLang = (): Lang => currentLang();

const loaders: Record<Lang, () => Promise<Messages>> = {
  en: async () => en,
  fr: () => import('./fr').then((m) => m.fr),
};

/**
 * The text of a part of the interface that is itself loaded on demand (a tab, a panel): its
 * English, and a loader for each other language. It is kept out of en.ts so that the page's
 * initial JavaScript does not carry the text of panels it has not opened.
 */
export interface LazyText {
  /** The top-level key its strings live under, e.g. "lab" for `t('lab.title')`. */
  section: string;
  en: object;
  load: Partial<Record<Lang, () => Promise<object>>>;
}

const lazyTexts = new Map<string, LazyText>();

const hasSection = (lang: Lang, section: string) => i18n.getResource(lang, 'translation', section) !== undefined;

async function addLazyText(text: LazyText, lang: Lang): Promise<void> {
  if (!hasSection('en', text.section)) i18n.addResourceBundle('en', 'translation', { [text.section]: text.en }, true, false);
  const load = text.load[lang];
  if (lang !== 'en' && load && !hasSection(lang, text.section)) i18n.addResourceBundle(lang, 'translation', { [text.section]: await load() }, true, false);
}

/** Registers a panel's text and makes it available in the current language (call before showing the panel). */
export async function loadLazyText(text: LazyText): Promise<void> {
  lazyTexts.set(text.section, text);
  await addLazyText(text, getLang());
}

/** Makes a language's text available (fetching its module the first time), panels' texts included. */
export async function loadLanguage(lang: Lang): Promise<void> {
  if (!i18n.hasResourceBundle(lang, 'translation')) i18n.addResourceBundle(lang, 'translation', await loaders[lang](), true, false);
  await Promise.all([...lazyTexts.values()].map((text) => addLazyText(text, lang)));
}

/** Switches the interface's language: at once if its text is here, else once it has loaded. */
export function setLang(lang: Lang): void {
  const here = i18n.hasResourceBundle(lang, 'translation') && [...lazyTexts.values()].every((text) => !text.load[lang] || hasSection(lang, text.section));
  if (here) void i18n.changeLanguage(lang);
  else void loadLanguage(lang).then(() => i18n.changeLanguage(lang));
}

/** Before the first render: the text of the language the page opens in (`lang`, or the detected one). */
export async function i18nReady(lang: Lang = getLang()): Promise<void> {
  await loadLanguage(lang);
  await i18n.changeLanguage(lang);
}

/** `t` and the current language, re-rendering on change. */
export function useT() {
  const { t, i18n: inst } = useTranslation();
  return { t, lang: currentLang(inst.language) };
}

/** A localized text in the current language. */
export const pick = (text: Localized, lang: Lang = getLang()): string => text[lang] ?? text.en;

/** Each language named in itself, as a language menu lists them. */
export const LANG_NAMES: Record<Lang, string> = { en: 'English', fr: 'Français' };

const pluralRules = new Map<Lang, Intl.PluralRules>();

/**
 * `key_one` or `key_other`, by the language's plural rule for `count`: English says "1 request,
 * 0 requests", French "0 requête, 1 requête, 2 requêtes". Chosen here rather than with
 * i18next's `count` option because French also has a "many" form (a million) that i18next
 * would look up, not find, and take from English. Counts are then interpolated as `{{n}}`,
 * already formatted in the language.
 *
 * @example t(pluralKey('summary.requests', n, lang), { n: formatCount(n, lang) })
 */
export function pluralKey<K extends string>(key: K, count: number, lang: Lang = getLang()): `${K}_one` | `${K}_other` {
  let rules = pluralRules.get(lang);
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(lang)));
  return rules.select(count) === 'one' ? `${key}_one` : `${key}_other`;
}

export { i18n };
