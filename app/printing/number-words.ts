/**
 * Amounts in words for cash receipts, in French (traditional spelling, as on cheques:
 * "quatre-vingts", "deux cents", "vingt et un", "un million de francs CFA") and in British
 * English ("one hundred and five"). Integers only: money is held in minor units.
 */
import type { Locale } from '../i18n/translate.ts';

const FR_UNITS = ['zéro', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix', 'onze', 'douze', 'treize', 'quatorze', 'quinze', 'seize'];
const FR_TENS = ['', 'dix', 'vingt', 'trente', 'quarante', 'cinquante', 'soixante'];

/** 0–99. `plural` is false before "mille", where "quatre-vingts" loses its s. */
function frBelow100(n: number, plural: boolean): string {
  if (n <= 16) return FR_UNITS[n]!;
  if (n < 20) return 'dix-' + FR_UNITS[n - 10];
  if (n < 70) {
    const tens = FR_TENS[Math.floor(n / 10)]!;
    const unit = n % 10;
    return unit === 0 ? tens : unit === 1 ? `${tens} et un` : `${tens}-${FR_UNITS[unit]}`;
  }
  if (n < 80) return n === 71 ? 'soixante et onze' : 'soixante-' + frBelow100(n - 60, plural);
  if (n === 80) return plural ? 'quatre-vingts' : 'quatre-vingt';
  return 'quatre-vingt-' + frBelow100(n - 80, plural);
}

/** 0–999. */
function frBelow1000(n: number, plural: boolean): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds === 0) return frBelow100(rest, plural);
  const head = hundreds === 1 ? 'cent' : `${FR_UNITS[hundreds]} cent${rest === 0 && plural ? 's' : ''}`;
  return rest === 0 ? head : `${head} ${frBelow100(rest, plural)}`;
}

const FR_SCALES: readonly [value: number, singular: string, plural: string][] = [
  [1e9, 'milliard', 'milliards'],
  [1e6, 'million', 'millions'],
];

function frWords(n: number): string {
  if (n === 0) return 'zéro';
  const parts: string[] = [];
  let rest = n;
  for (const [value, one, many] of FR_SCALES) {
    const count = Math.floor(rest / value);
    rest %= value;
    // "millions" and "milliards" are nouns: "deux cents millions" keeps its s.
    if (count > 0) parts.push(`${frBelow1000(count, true)} ${count === 1 ? one : many}`);
  }
  const thousands = Math.floor(rest / 1000);
  rest %= 1000;
  if (thousands > 0) parts.push(thousands === 1 ? 'mille' : `${frBelow1000(thousands, false)} mille`);
  if (rest > 0) parts.push(frBelow1000(rest, true));
  return parts.join(' ');
}

const EN_UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

function enBelow100(n: number): string {
  if (n < 20) return EN_UNITS[n]!;
  const unit = n % 10;
  return EN_TENS[Math.floor(n / 10)]! + (unit ? '-' + EN_UNITS[unit] : '');
}

function enBelow1000(n: number): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds === 0) return enBelow100(rest);
  return `${EN_UNITS[hundreds]} hundred` + (rest ? ` and ${enBelow100(rest)}` : '');
}

const EN_SCALES: readonly [value: number, name: string][] = [
  [1e9, 'billion'],
  [1e6, 'million'],
  [1e3, 'thousand'],
];

function enWords(n: number): string {
  if (n === 0) return 'zero';
  const parts: string[] = [];
  let rest = n;
  for (const [value, name] of EN_SCALES) {
    const count = Math.floor(rest / value);
    rest %= value;
    if (count > 0) parts.push(`${enBelow1000(count)} ${name}`);
  }
  // British usage: "one thousand and five", as after "hundred".
  if (rest > 0) parts.push((parts.length > 0 && rest < 100 ? 'and ' : '') + enBelow1000(rest));
  return parts.join(' ');
}

export const MAX_WORDS = 999_999_999_999;

/** A whole number from 0 to 999,999,999,999 in words. */
export function numberToWords(n: number, locale: Locale): string {
  if (!Number.isInteger(n) || n < 0 || n > MAX_WORDS) throw new RangeError(`cannot write ${n} in words`);
  return locale === 'fr' ? frWords(n) : enWords(n);
}

interface CurrencyNames {
  one: string;
  many: string;
  minorOne: string;
  minorMany: string;
}

const CURRENCIES: Readonly<Record<Locale, Readonly<Record<string, CurrencyNames>>>> = {
  fr: {
    XAF: { one: 'franc CFA', many: 'francs CFA', minorOne: 'centime', minorMany: 'centimes' },
    XOF: { one: 'franc CFA', many: 'francs CFA', minorOne: 'centime', minorMany: 'centimes' },
    EUR: { one: 'euro', many: 'euros', minorOne: 'centime', minorMany: 'centimes' },
  },
  en: {
    XAF: { one: 'CFA franc', many: 'CFA francs', minorOne: 'centime', minorMany: 'centimes' },
    XOF: { one: 'CFA franc', many: 'CFA francs', minorOne: 'centime', minorMany: 'centimes' },
    EUR: { one: 'euro', many: 'euros', minorOne: 'cent', minorMany: 'cents' },
  },
};

function withUnit(n: number, one: string, many: string, locale: Locale): string {
  const words = numberToWords(n, locale);
  if (n <= 1) return `${words} ${one}`;
  // French: "un million de francs", but "un million cent francs".
  const de = locale === 'fr' && /(million|milliard)s?$/.test(words) ? ' de' : '';
  return `${words}${de} ${many}`;
}

/**
 * An amount of integer minor units in words with its currency: 1250000 XAF (0 decimals) →
 * "un million deux cent cinquante mille francs CFA"; 1005 EUR (2 decimals) → "ten euros and five cents".
 */
export function amountInWords(minor: number, currency: string, decimals: number, locale: Locale): string {
  if (!Number.isSafeInteger(minor) || minor < 0) throw new RangeError(`amount must be a non-negative integer of minor units: ${minor}`);
  const names = CURRENCIES[locale][currency] ?? { one: currency, many: currency, minorOne: '', minorMany: '' };
  const factor = 10 ** decimals;
  const major = Math.floor(minor / factor);
  const fraction = minor % factor;
  const head = withUnit(major, names.one, names.many, locale);
  if (fraction === 0) return head;
  const and = locale === 'fr' ? 'et' : 'and';
  return `${head} ${and} ${withUnit(fraction, names.minorOne, names.minorMany, locale)}`.trim();
}
