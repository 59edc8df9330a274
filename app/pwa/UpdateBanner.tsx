import { Show } from 'solid-js';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { UpdatePrompt } from './update.ts';

export function UpdateBanner(props: { update: UpdatePrompt }) {
  const { t } = useI18n();
  return (
    <Show when={props.update.available()}>
      <div class="banner banner-update" role="status" data-testid="update-banner">
        <span>{t('update.available')}</span>
        <button type="button" class="button primary" onClick={() => props.update.reload()}>
          {t('update.reload')}
        </button>
        <button type="button" class="button" onClick={() => props.update.dismiss()}>
          {t('update.later')}
        </button>
      </div>
    </Show>
  );
}
