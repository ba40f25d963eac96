import { afterEach, describe, expect, it } from 'vitest';
import { i18n, loadLazyText, setLang, type LazyText } from './index';

const demo: LazyText = {
  section: 'zzDemoPanel',
  en: { title: 'Cold starts per policy' },
  load: { fr: async () => ({ title: 'Démarrages à froid par politique' }) },
};
const title = () => i18n.t('zzDemoPanel.title' as never);

describe("a lazily loaded panel's text", () => {
  afterEach(async () => {
    await i18n.changeLanguage('en');
  });

  it('is there in English once loaded, and in French after switching, without touching the rest', async () => {
    await i18n.changeLanguage('en');
    expect(i18n.getResource('en', 'translation', 'zzDemoPanel')).toBeUndefined();
    await loadLazyText(demo);
    expect(title()).toBe('Cold starts per policy');
    setLang('fr');
    await new Promise((r) => setTimeout(r, 0));
    await i18n.changeLanguage('fr');
    expect(title()).toBe('Démarrages à froid par politique');
    // The main French text is still there next to the panel's.
    expect(i18n.t('app.language')).toBe('Langue');
  });
});
