/** The users API's reason codes as translated text, and the form field each belongs to: the one place for both. */
import type { MessageKey } from '../../i18n/translate.ts';
import type { Translate } from '../../i18n/reasons.ts';

const FIELDS: Readonly<Record<string, string>> = {
  name_invalid: 'name',
  name_taken: 'name',
  display_name_too_long: 'displayName',
  role_missing: 'roles',
  role_unknown: 'roles',
  place_invalid: 'place',
  password_weak: 'password',
};

const KNOWN = new Set([...Object.keys(FIELDS), 'own_account', 'conflict', 'not_found', 'forbidden', 'unauthorized', 'unreachable', 'password_change_required']);

export const problemField = (code: string): string | null => FIELDS[code] ?? null;

export function problemText(t: Translate, code: string): string {
  return t((KNOWN.has(code) ? `admin.users.error.${code}` : 'admin.users.error.server') as MessageKey);
}
