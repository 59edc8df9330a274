/**
 * Both dictionaries, whole and loaded at once: what Node, the unit tests and the test support
 * get. The app's build swaps this module for `dictionaries-lazy.ts` (vite.config.ts,
 * `oneLocaleAtATime`), which fetches each language in parts (parts.ts) as screens need them;
 * the API is the same.
 */
import { fr, type MessageKey, type Messages } from './fr.ts';
import { en } from './en.ts';
import type { Part } from './parts.ts';

type Locale = 'fr' | 'en';
const ALL: Readonly<Record<Locale, Messages>> = { fr, en };

/** The text of `key` in `locale` (always there here). */
export function message(locale: Locale, key: MessageKey): string {
  return ALL[locale][key];
}

export function hasMessage(key: string): boolean {
  return key in fr;
}

export function hasLocale(_locale: Locale): boolean {
  return true;
}

export async function loadLocale(_locale: Locale): Promise<void> {}

export async function loadParts(_parts: readonly Part[]): Promise<void> {}
