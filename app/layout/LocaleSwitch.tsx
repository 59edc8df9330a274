import { For } from 'solid-js';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { LOCALES, isLocale } from '../i18n/translate.ts';

export function LocaleSwitch() {
  const { t, locale, setLocale } = useI18n();
  return (
    <label class="locale-switch">
      <span class="visually-hidden">{t('locale.label')}</span>
      <select
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
