/**
 * The number a visitor types on the kiosk keypad: an insurant number or an employer's account
 * number, as the people database files them (`person:<number>`, couch-design/ids/codes.ts).
 * The keypad has digits only, so a well-formed number is 4 to 20 digits (employer account
 * numbers are 4 to 12 digits, insurant numbers are longer but within the same scheme). Pure.
 */
import { ACCOUNT_NUMBER, PERSON_NUMBER } from '../../../couch-design/ids/codes.ts';
import { personId } from '../../../couch-design/types/person.ts';

/** The longest number the keypad takes (the id scheme's maximum). */
export const KIOSK_NUMBER_MAX = 20;
export const KIOSK_NUMBER_MIN = 4;

export type KioskNumberCheck = { readonly ok: true; readonly personId?: string } | { readonly ok: false; readonly problem: 'too_short' | 'not_digits' };

/** Empty: the visitor takes a ticket without a number. Otherwise it must be a well-formed number. */
export function checkKioskNumber(typed: string): KioskNumberCheck {
  const n = typed.trim();
  if (n === '') return { ok: true };
  if (!/^\d+$/.test(n)) return { ok: false, problem: 'not_digits' };
  if (n.length < KIOSK_NUMBER_MIN) return { ok: false, problem: 'too_short' };
  if (!ACCOUNT_NUMBER.test(n) && !PERSON_NUMBER.test(n)) return { ok: false, problem: 'too_short' };
  return { ok: true, personId: personId(n) };
}

/** One more digit, unless the number is already as long as a number can be. */
export function typeDigit(typed: string, digit: string): string {
  return typed.length < KIOSK_NUMBER_MAX && /^\d$/.test(digit) ? typed + digit : typed;
}
