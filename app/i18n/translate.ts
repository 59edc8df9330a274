import { fr, type MessageKey, type Messages } from './fr.ts';
import { en } from './en.ts';

export type { MessageKey } from './fr.ts';
export type Locale = 'fr' | 'en';
export const LOCALES: readonly Locale[] = ['fr', 'en'];
export type Params = Readonly<Record<string, string | number>>;

const DICTIONARIES: Readonly<Record<Locale, Messages>> = { fr, en };

export function isLocale(value: unknown): value is Locale {
  return value === 'fr' || value === 'en';
}

/** A stored choice wins; else French for a French-speaking browser, English otherwise. */
export function pickLocale(stored: string | null | undefined, navigatorLanguage: string | undefined): Locale {
  if (isLocale(stored)) return stored;
  return (navigatorLanguage ?? '').toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/** The message for `key` with `{name}` placeholders filled; numbers are formatted for the locale. */
export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  const template = DICTIONARIES[locale][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? new Intl.NumberFormat(locale).format(value) : value;
  });
}
