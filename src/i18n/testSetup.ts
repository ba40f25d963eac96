// Tests switch languages synchronously: every language's text is loaded up front, as the
// page does for the one it opens in (`i18nReady`).
import { i18n } from './index';
import { fr } from './fr';

i18n.addResourceBundle('fr', 'translation', fr);

// Panels' own texts (LazyText), loaded up front in tests as the page loads them with their panel.
import { labEn } from '../ui/lab/text.en';
import { labFr } from '../ui/lab/text.fr';

i18n.addResourceBundle('en', 'translation', { lab: labEn }, true, false);
i18n.addResourceBundle('fr', 'translation', { lab: labFr }, true, false);
