/** Queue error codes → translated text; an unknown code is shown as a failed save. */
import { fr } from '../i18n/fr.ts';
import type { MessageKey } from '../i18n/translate.ts';
import type { Translate } from '../i18n/reasons.ts';

export function queueErrorText(t: Translate, code: string, params: Record<string, string> = {}): string {
  const key = `queue.error.${code}`;
  return key in fr ? t(key as MessageKey, params) : t('queue.error.write', { detail: code });
}
