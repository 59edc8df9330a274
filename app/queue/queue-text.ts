/** Queue error codes → translated text; an unknown code is shown as a failed save. */
import { isMessageKey } from '../i18n/translate.ts';
import type { Translate } from '../i18n/reasons.ts';

export function queueErrorText(t: Translate, code: string, params: Record<string, string> = {}): string {
  const key = `queue.error.${code}`;
  return isMessageKey(key) ? t(key, params) : t('queue.error.write', { detail: code });
}
