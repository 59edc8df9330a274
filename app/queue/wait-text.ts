/** The words for a wait estimate: the same on the kiosk, at reception, on paper and on the TV. Pure. */
import type { MessageKey, Params } from '../i18n/translate.ts';
import type { WaitEstimate } from './ranking.ts';

export function waitText(t: (key: MessageKey, params?: Params) => string, wait: WaitEstimate): string {
  switch (wait.kind) {
    case 'none':
      return t('wait.none');
    case 'minutes':
      return t('wait.minutes', { minutes: wait.minutes });
    case 'no_counter':
      return t('wait.noCounter');
  }
}
