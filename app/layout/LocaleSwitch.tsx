/** The language of this device's screens: a labelled select (the label is for screen readers; the globe for the eye). */
import { For } from 'solid-js';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { LOCALES, isLocale } from '../i18n/translate.ts';

export function LocaleSwitch() {
  const { t, locale, setLocale } = useI18n();
  return (
    <label class="locale-switch">
      <span class="visually-hidden">{t('locale.label')}</span>
      <svg class="locale-globe" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true">
        <circle cx="12" cy="12" r="9.5" />
        <ellipse cx="12" cy="12" rx="4.2" ry="9.5" />
        <path d="M2.5 12h19M4 7h16M4 17h16" />
      </svg>
      <select
        class="locale-select"
        data-testid="locale-switch"
        value={locale()}
        onChange={(e) => {
          const next = e.currentTarget.value;
          if (isLocale(next)) setLocale(next);
        }}
      >
        <For each={LOCALES}>{(l) => <option value={l} lang={l}>{t(`locale.${l}`)}</option>}</For>
      </select>
    </label>
  );
}
