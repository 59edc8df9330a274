import type { MessageKey } from './fr.ts';
// In the app build, the lazy variant (each language in parts): see dictionaries.ts.
import { hasMessage, loadParts, message } from './dictionaries.ts';
import type { Part } from './parts.ts';

export { hasLocale, loadLocale, loadParts } from './dictionaries.ts';

/** A lazy module and the message parts it shows (app/i18n/parts.ts), both here before it renders. */
export function withParts<T>(parts: readonly Part[], load: () => Promise<T>): Promise<T> {
  return Promise.all([load(), loadParts(parts)]).then(([module]) => module);
}

export type { MessageKey } from './fr.ts';
export type Locale = 'fr' | 'en';
export const LOCALES: readonly Locale[] = ['fr', 'en'];
export type Params = Readonly<Record<string, string | number>>;

export function isLocale(value: unknown): value is Locale {
  return value === 'fr' || value === 'en';
}

/** A stored choice wins; else French for a French-speaking browser, English otherwise. */
export function pickLocale(stored: string | null | undefined, navigatorLanguage: string | undefined): Locale {
  if (isLocale(stored)) return stored;
  return (navigatorLanguage ?? '').toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/** Whether `key` is a message (of whichever language is loaded: they have the same keys). */
export function isMessageKey(key: string): key is MessageKey {
  return hasMessage(key);
}

/** The message for `key` with `{name}` placeholders filled; numbers are formatted for the locale. */
export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  const template = message(locale, key);
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? new Intl.NumberFormat(locale).format(value) : value;
  });
}
