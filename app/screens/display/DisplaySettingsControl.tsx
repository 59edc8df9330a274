/**
 * The display's own settings behind a small control in a corner, so the TV stays clean: the
 * language it shows and speaks, and the voice on or off. Kept on the device.
 */
import { For, Show, createSignal } from 'solid-js';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { LOCALES, type Locale } from '../../i18n/translate.ts';
import { Button } from '../../ui/Button.tsx';
import type { DisplaySettings } from './settings.ts';

const LANGUAGE_NAMES: Record<Locale, string> = { fr: 'Français', en: 'English' };

export function DisplaySettingsControl(props: { settings: DisplaySettings; locale: Locale; onChange: (next: DisplaySettings) => void }) {
  const { t } = useI18n();
  const [open, setOpen] = createSignal(false);
  const close = () => {
    setOpen(false);
    queueMicrotask(() => document.querySelector<HTMLButtonElement>('[data-testid="display-settings-open"]')?.focus());
  };
  return (
    <div class="display-settings-corner">
      <Show
        when={open()}
        fallback={
          <button type="button" class="display-settings-open" data-testid="display-settings-open" aria-expanded="false" onClick={() => setOpen(true)}>
            <span aria-hidden="true">⚙</span> {t('display.settings')}
          </button>
        }
      >
        <div class="display-settings" role="dialog" aria-labelledby="display-settings-title" data-testid="display-settings" onKeyDown={(e) => e.key === 'Escape' && close()}>
          <h2 id="display-settings-title" class="display-settings-title">{t('display.settings')}</h2>
          <fieldset class="display-settings-group">
            <legend>{t('display.language')}</legend>
            <For each={LOCALES}>
              {(l) => (
                <label class="checkbox" lang={l}>
                  <input type="radio" name="display-language" value={l} data-testid={`display-lang-${l}`} checked={props.locale === l} onChange={() => props.onChange({ ...props.settings, locale: l })} />
                  {LANGUAGE_NAMES[l]}
                </label>
              )}
            </For>
          </fieldset>
          <label class="checkbox">
            <input type="checkbox" data-testid="display-voice" checked={props.settings.voice} onChange={(e) => props.onChange({ ...props.settings, voice: e.currentTarget.checked })} />
            {t('display.voice')}
          </label>
          <Button variant="primary" testId="display-settings-close" onClick={close}>
            {t('display.settingsClose')}
          </Button>
        </div>
      </Show>
    </div>
  );
}
