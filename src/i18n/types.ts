import type { en } from './en';

/** Every language has every key of the English text, as strings. */
export type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };
export type Messages = DeepStrings<typeof en>;

export const LANGS = ['en', 'fr'] as const;
export type Lang = (typeof LANGS)[number];
/** A text in every language: lesson content and presets carry their own translations. */
export type Localized = Record<Lang, string>;
