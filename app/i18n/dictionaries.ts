/**
 * Both dictionaries, loaded at once: what Node, the unit tests and the test support get.
 * The app's build swaps this module for `dictionaries-lazy.ts` (vite.config.ts,
 * `oneLocaleAtATime`), so a device downloads only the language it shows; the API is the same.
 */
import { fr, type Messages } from './fr.ts';
import { en } from './en.ts';

type Locale = 'fr' | 'en';
const ALL: Readonly<Record<Locale, Messages>> = { fr, en };

/** The dictionary of `locale` (always there here). */
export function dictionary(locale: Locale): Messages {
  return ALL[locale];
}

export function hasLocale(_locale: Locale): boolean {
  return true;
}

export async function loadLocale(_locale: Locale): Promise<void> {}
