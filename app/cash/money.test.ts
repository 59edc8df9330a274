import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatAmount, parseAmount } from './money.ts';

const ok = (minor: number) => ({ ok: true, minor });
const no = (code: string) => ({ ok: false, code });

describe('amounts as people type them', () => {
  it('French: spaces or dots group thousands, a comma marks decimals', () => {
    expect(parseAmount('12 500', 0, 'fr')).toEqual(ok(12500));
    expect(parseAmount('12.500', 0, 'fr')).toEqual(ok(12500));
    expect(parseAmount('12\u202f500', 0, 'fr')).toEqual(ok(12500));
    expect(parseAmount(' 1.250.000 ', 0, 'fr')).toEqual(ok(1250000));
    expect(parseAmount('12,50', 2, 'fr')).toEqual(ok(1250));
    expect(parseAmount('12,5', 2, 'fr')).toEqual(ok(1250));
    expect(parseAmount('2 338,10', 2, 'fr')).toEqual(ok(233810));
    expect(parseAmount('12500', 0, 'fr')).toEqual(ok(12500));
  });
  it('English: commas group thousands, a dot marks decimals', () => {
    expect(parseAmount('12,500', 0, 'en')).toEqual(ok(12500));
    expect(parseAmount('12.50', 2, 'en')).toEqual(ok(1250));
    expect(parseAmount('1,250.05', 2, 'en')).toEqual(ok(125005));
  });
  it('refuses everything else, with the reason', () => {
    expect(parseAmount('', 0, 'fr')).toEqual(no('required'));
    expect(parseAmount('   ', 0, 'fr')).toEqual(no('required'));
    expect(parseAmount('abc', 0, 'fr')).toEqual(no('bad_format'));
    expect(parseAmount('12a', 0, 'fr')).toEqual(no('bad_format'));
    expect(parseAmount('+5', 0, 'fr')).toEqual(no('bad_format'));
    expect(parseAmount('1e5', 0, 'en')).toEqual(no('bad_format'));
    expect(parseAmount('12 50', 0, 'fr')).toEqual(no('bad_format'));
    expect(parseAmount('1 250.000', 0, 'fr')).toEqual(no('bad_format'));
    expect(parseAmount('12.50', 2, 'fr')).toEqual(no('bad_format'));
    expect(parseAmount('-5', 0, 'fr')).toEqual(no('not_positive'));
    expect(parseAmount('0', 0, 'fr')).toEqual(no('not_positive'));
    expect(parseAmount('0,00', 2, 'fr')).toEqual(no('not_positive'));
    expect(parseAmount('12,50', 0, 'fr')).toEqual(no('too_precise'));
    expect(parseAmount('12.500', 0, 'en')).toEqual(no('too_precise'));
    expect(parseAmount('1,255', 2, 'fr')).toEqual(no('too_precise'));
    expect(parseAmount('1 000 001', 0, 'fr', 1_000_000)).toEqual(no('too_large'));
    expect(parseAmount('1 000 000', 0, 'fr', 1_000_000)).toEqual(ok(1_000_000));
    expect(parseAmount('9999999999999999', 0, 'fr')).toEqual(no('too_large'));
  });
  it('formats minor units back, the journal with its trailing minus', () => {
    expect(formatAmount(233810, 2, 'fr')).toBe('2 338,10');
    expect(formatAmount(233810, 2, 'en')).toBe('2,338.10');
    expect(formatAmount(-4370, 2, 'fr', { trailingMinus: true })).toBe('43,70-');
    expect(formatAmount(-4370, 2, 'fr')).toBe('-43,70');
    expect(formatAmount(1250000, 0, 'fr')).toBe('1 250 000');
    expect(formatAmount(5, 2, 'en')).toBe('0.05');
  });
  it('reads back what it writes, in both languages, never a float', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 ** 13 }), fc.constantFrom(0, 2, 3), fc.constantFrom('fr' as const, 'en' as const), (minor, decimals, locale) => {
        expect(parseAmount(formatAmount(minor, decimals, locale), decimals, locale)).toEqual(ok(minor));
      }),
    );
  });
});

describe('amounts in words on receipts (app/printing/number-words.ts)', () => {
  it('writes every amount an entry may carry, up to the configured ceiling, in both languages', async () => {
    const { amountInWords } = await import('../printing/number-words.ts');
    const { cashSettings } = await import('./config.ts');
    for (const [currency, decimals] of [['XAF', 0], ['EUR', 2]] as const) {
      const { maxAmount } = cashSettings({ currency, currencyDecimals: decimals });
      for (const locale of ['fr', 'en'] as const) expect(amountInWords(maxAmount, currency, decimals, locale)).toMatch(/^[a-zA-Zé -]+$/);
    }
    expect(amountInWords(233810, 'EUR', 2, 'fr')).toBe('deux mille trois cent trente-huit euros et dix centimes');
    expect(amountInWords(12500, 'XAF', 0, 'en')).toBe('twelve thousand five hundred CFA francs');
  });
});
