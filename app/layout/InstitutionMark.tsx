/**
 * The institution's logo in the header of every signed-in screen (issue 14), from this
 * device's fo_ref replica and live (the data layer follows it); the app's "FO" mark until
 * there is one.
 */
import { Show } from 'solid-js';
import { useData } from '../data/DataProvider.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';

export function InstitutionMark() {
  const { t } = useI18n();
  const { logoUrl } = useData();
  return (
    <Show when={logoUrl()} fallback={<span class="brand-mark" aria-hidden="true" data-testid="header-mark">FO</span>}>
      {(src) => <img class="brand-logo" src={src()} alt={t('header.logo')} data-testid="header-logo" />}
    </Show>
  );
}
