/**
 * Amounts as people type them, parsed strictly into integer minor units (never a float), and
 * written back for the screen, the receipt and the journal. The separators follow the locale:
 * French "12 500", "12.500" (thousands) and "12,50" (decimals); English "12,500" and "12.50".
 * Anything else — letters, a sign, a misplaced separator, more decimals than the currency
 * has — is refused with a problem code the UI translates (app/i18n/reasons.ts).
 */
import type { Locale } from '../i18n/translate.ts';

export type ParsedAmount = { ok: true; minor: number } | { ok: false; code: 'required' | 'bad_format' | 'not_positive' | 'too_precise' | 'too_large' };

const SEPARATORS: Readonly<Record<Locale, { decimal: string; groups: string }>> = {
  fr: { decimal: ',', groups: ' .' },
  en: { decimal: '.', groups: ', ' },
};

/** Beyond 15 digits an integer is no longer exact as a number. */
const MAX_DIGITS = 15;

/** `ceiling`: the largest amount accepted (the configured maximum of one entry). */
export function parseAmount(text: string, decimals: number, locale: Locale, ceiling = Number.MAX_SAFE_INTEGER): ParsedAmount {
  const s = text.replace(/[\u00a0\u202f]/g, ' ').trim();
  if (s === '') return { ok: false, code: 'required' };
  if (/^-\s*\d/.test(s)) return { ok: false, code: 'not_positive' };
  const { decimal, groups } = SEPARATORS[locale];
  const at = s.lastIndexOf(decimal);
  const whole = at < 0 ? s : s.slice(0, at);
  const fraction = at < 0 ? '' : s.slice(at + 1);
  if (at >= 0 && !/^\d+$/.test(fraction)) return { ok: false, code: 'bad_format' };
  const digits = wholeDigits(whole, groups);
  if (digits === null) return { ok: false, code: 'bad_format' };
  if (fraction.length > decimals) return { ok: false, code: 'too_precise' };
  const all = (digits + fraction.padEnd(decimals, '0')).replace(/^0+(?=\d)/, '');
  if (all.length > MAX_DIGITS) return { ok: false, code: 'too_large' };
  const minor = Number(all);
  if (minor === 0) return { ok: false, code: 'not_positive' };
  if (minor > ceiling) return { ok: false, code: 'too_large' };
  return { ok: true, minor };
}

/** "12500", or groups of three joined by one and the same separator ("12 500", "1.250.000"). */
function wholeDigits(whole: string, groups: string): string | null {
  if (/^\d+$/.test(whole)) return whole;
  const sep = [...groups].find((g) => whole.includes(g));
  if (sep === undefined) return null;
  const parts = whole.split(sep);
  if (!/^\d{1,3}$/.test(parts[0]!) || !parts.slice(1).every((p) => /^\d{3}$/.test(p))) return null;
  return parts.join('');
}

export interface AmountStyle {
  /** The journal's trailing minus, as the brief's legacy listing prints it: "43 70-". */
  trailingMinus?: boolean;
}

/** Integer minor units as text: fr "2 338,10", en "2,338.10"; negatives "-43,70" (or "43,70-"). */
export function formatAmount(minor: number, decimals: number, locale: Locale, style: AmountStyle = {}): string {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`money must be an integer of minor units: ${minor}`);
  const { decimal } = SEPARATORS[locale];
  const group = locale === 'fr' ? ' ' : ',';
  const digits = String(Math.abs(minor)).padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals).replace(/\B(?=(\d{3})+$)/g, group);
  const text = decimals > 0 ? whole + decimal + digits.slice(digits.length - decimals) : whole;
  if (minor >= 0) return text;
  return style.trailingMinus ? text + '-' : '-' + text;
}
