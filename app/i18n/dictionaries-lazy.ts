/**
 * The app build's dictionaries (vite.config.ts puts this module in place of dictionaries.ts):
 * each language is its own chunk, fetched when first shown — at start-up the device's
 * language only, the other one when the user switches. Both stay precached for offline use.
 * I18nProvider renders nothing until the active language is here.
 */
import type { Messages } from './fr.ts';

type Locale = 'fr' | 'en';
const loaded: Partial<Record<Locale, Messages>> = {};
const loading: Partial<Record<Locale, Promise<void>>> = {};

const LOADERS: Readonly<Record<Locale, () => Promise<Messages>>> = {
  fr: () => import('./fr.ts').then((m) => m.fr),
  en: () => import('./en.ts').then((m) => m.en),
};

/**
 * The dictionary of `locale`; while it is still loading, whichever one is here (a string in
 * the other language rather than a crash: only code that did not wait for `loadLocale` sees it).
 */
export function dictionary(locale: Locale): Messages {
  const found = loaded[locale] ?? loaded.fr ?? loaded.en;
  if (!found) throw new Error(`no dictionary loaded yet (asked: ${locale})`);
  return found;
}

export function hasLocale(locale: Locale): boolean {
  return loaded[locale] !== undefined;
}

export function loadLocale(locale: Locale): Promise<void> {
  loading[locale] ??= LOADERS[locale]().then(
    (messages) => {
      loaded[locale] = messages;
    },
    (error: unknown) => {
      delete loading[locale]; // a failed fetch may work next time
      throw error;
    },
  );
  return loading[locale];
}
