/** The app's mark, name and language switch above the pages shown before sign-in (sign-in, /verify). */
import { useI18n } from '../i18n/I18nProvider.tsx';
import { LocaleSwitch } from './LocaleSwitch.tsx';

export function BrandBar() {
  const { t } = useI18n();
  return (
    <div class="signin-brand">
      <span class="signin-logo" aria-hidden="true">FO</span>
      <strong class="app-name">{t('app.name')}</strong>
      <span class="spacer" />
      <LocaleSwitch />
    </div>
  );
}
