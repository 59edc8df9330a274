/**
 * Number, date and money formatting through Intl. Money is held as integer minor units
 * (e.g. cents); currency and its number of decimals come from the institution settings
 * (XAF and XOF have 0 decimals), never from Intl's own idea of the currency.
 */
import type { Locale } from './translate.ts';

/** Intl locale tags: French as written in francophone Africa and France alike. */
const TAGS: Readonly<Record<Locale, string>> = { fr: 'fr-FR', en: 'en-GB' };

export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(TAGS[locale]).format(value);
}

/** Exact decimal string of minor units: 123456 with 2 decimals -> "1234.56" (no float rounding). */
export function minorToDecimalString(minor: number | bigint, decimals: number): string {
  if (typeof minor === 'number' && !Number.isSafeInteger(minor)) throw new RangeError(`money must be an integer of minor units: ${minor}`);
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 6) throw new RangeError(`bad decimals: ${decimals}`);
  const big = BigInt(minor);
  const negative = big < 0n;
  const digits = (negative ? -big : big).toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = digits.slice(digits.length - decimals);
  return (negative ? '-' : '') + whole + (decimals > 0 ? '.' + fraction : '');
}

export function formatMoney(minor: number | bigint, currency: string, decimals: number, locale: Locale): string {
  const format = new Intl.NumberFormat(TAGS[locale], {
    style: 'currency',
    currency,
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
  // Intl formats decimal strings exactly (ES2023 NumberFormat v3); older engines fall back to Number.
  return (format.format as (value: string) => string)(minorToDecimalString(minor, decimals));
}

function toDate(value: Date | string | number): Date {
  return value instanceof Date ? value : new Date(value);
}

export function formatDate(value: Date | string | number, locale: Locale, timeZone?: string): string {
  return new Intl.DateTimeFormat(TAGS[locale], { dateStyle: 'medium', timeZone }).format(toDate(value));
}

export function formatTime(value: Date | string | number, locale: Locale, timeZone?: string): string {
  return timeFormatter(locale, timeZone)(value);
}

/** formatTime for many values: building an Intl formatter costs far more than using one (a 2,000-row journal). */
export function timeFormatter(locale: Locale, timeZone?: string): (value: Date | string | number) => string {
  const f = new Intl.DateTimeFormat(TAGS[locale], { timeStyle: 'short', timeZone });
  return (value) => f.format(toDate(value));
}

export function formatDateTime(value: Date | string | number, locale: Locale, timeZone?: string): string {
  return new Intl.DateTimeFormat(TAGS[locale], { dateStyle: 'short', timeStyle: 'short', timeZone }).format(toDate(value));
}
