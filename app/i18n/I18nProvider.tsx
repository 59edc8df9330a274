import { Show, createContext, createEffect, createSignal, useContext, type Accessor, type JSX } from 'solid-js';
import { hasLocale, loadLocale, pickLocale, translate, type Locale, type MessageKey, type Params } from './translate.ts';
import { formatDate, formatDateTime, formatMoney, formatNumber, formatTime } from './format.ts';

const STORAGE_KEY = 'fo.locale';

export interface I18n {
  locale: Accessor<Locale>;
  setLocale(locale: Locale): void;
  t(key: MessageKey, params?: Params): string;
  number(value: number): string;
  money(minor: number | bigint, currency: string, decimals: number): string;
  date(value: Date | string | number): string;
  time(value: Date | string | number): string;
  dateTime(value: Date | string | number): string;
}

const I18nContext = createContext<I18n>();

function readStored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function I18nProvider(props: { children: JSX.Element }) {
  const initial = pickLocale(readStored(), navigator.language);
  const [locale, setLocaleSignal] = createSignal<Locale>(initial);
  // The app build fetches one language at a time, in parts (dictionaries-lazy.ts): nothing is
  // shown before the shell's part in the device's language is here (a screen awaits its own),
  // and a switch waits for every part wanted so far in the other one.
  const [ready, setReady] = createSignal(hasLocale(initial));
  if (!ready()) void loadLocale(initial).then(() => setReady(true));
  createEffect(() => {
    document.documentElement.lang = locale();
  });
  const i18n: I18n = {
    locale,
    setLocale(next) {
      void loadLocale(next).then(() => setLocaleSignal(next));
      try {
        localStorage.setItem(STORAGE_KEY, next);
      } catch {
        // private mode: the choice lasts for this page only
      }
    },
    t: (key, params) => translate(locale(), key, params),
    number: (value) => formatNumber(value, locale()),
    money: (minor, currency, decimals) => formatMoney(minor, currency, decimals, locale()),
    date: (value) => formatDate(value, locale()),
    time: (value) => formatTime(value, locale()),
    dateTime: (value) => formatDateTime(value, locale()),
  };
  return (
    <I18nContext.Provider value={i18n}>
      <Show when={ready()}>{props.children}</Show>
    </I18nContext.Provider>
  );
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n() outside <I18nProvider>');
  return i18n;
}
