/** The kiosk's number keypad: a real 3 × 4 grid, like a phone (1–9, clear, 0, erase). */
import { For } from 'solid-js';
import { useI18n } from '../../i18n/I18nProvider.tsx';

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

export function Keypad(props: { onDigit: (digit: string) => void; onClear: () => void; onErase: () => void; labelledBy: string }) {
  const { t } = useI18n();
  return (
    <div class="kiosk-keypad" role="group" aria-labelledby={props.labelledBy} data-testid="kiosk-keypad">
      <For each={DIGITS}>
        {(k) => (
          <button type="button" class="kiosk-key" data-testid={`kiosk-key-${k}`} onClick={() => props.onDigit(k)}>
            {k}
          </button>
        )}
      </For>
      <button type="button" class="kiosk-key kiosk-key-word" data-testid="kiosk-key-clear" onClick={() => props.onClear()}>
        {t('kiosk.clear')}
      </button>
      <button type="button" class="kiosk-key" data-testid="kiosk-key-0" onClick={() => props.onDigit('0')}>
        0
      </button>
      <button type="button" class="kiosk-key kiosk-key-word" data-testid="kiosk-key-erase" aria-label={t('kiosk.erase')} onClick={() => props.onErase()}>
        <span aria-hidden="true">⌫</span>
      </button>
    </div>
  );
}
