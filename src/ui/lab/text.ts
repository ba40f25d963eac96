import type { LazyText } from '../../i18n';
import { labEn } from './text.en';

/** The lab's text: English with the tab, French fetched when the page is in French. */
export const labText: LazyText = { section: 'lab', en: labEn, load: { fr: () => import('./text.fr').then((m) => m.labFr) } };
