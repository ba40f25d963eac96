// Tests switch languages synchronously: every language's text is loaded up front, as the
// page does for the one it opens in (`i18nReady`).
import { i18n } from './index';
import { fr } from './fr';

i18n.addResourceBundle('fr', 'translation', fr);
