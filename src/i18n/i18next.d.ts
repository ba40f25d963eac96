import 'i18next';
import type { labEn } from '../ui/lab/text.en';
import type { en } from './en';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    // Panels loaded on demand bring their own text (LazyText); their keys are typed here too.
    resources: { translation: typeof en & { lab: typeof labEn } };
  }
}
