import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_WORDS, amountInWords, numberToWords } from './number-words.ts';

describe('numberToWords, French (traditional spelling)', () => {
  it.each([
    [0, 'zéro'],
    [1, 'un'],
    [17, 'dix-sept'],
    [21, 'vingt et un'],
    [61, 'soixante et un'],
    [70, 'soixante-dix'],
    [71, 'soixante et onze'],
    [72, 'soixante-douze'],
    [80, 'quatre-vingts'],
    [81, 'quatre-vingt-un'],
    [91, 'quatre-vingt-onze'],
    [100, 'cent'],
    [180, 'cent quatre-vingts'],
    [200, 'deux cents'],
    [201, 'deux cent un'],
    [1000, 'mille'],
    [2000, 'deux mille'],
    [80_000, 'quatre-vingt mille'],
    [200_000, 'deux cent mille'],
    [1_000_000, 'un million'],
    [200_000_000, 'deux cents millions'],
    [1_250_000, 'un million deux cent cinquante mille'],
    [2_000_000_000, 'deux milliards'],
  ])('%i → %s', (n, words) => expect(numberToWords(n, 'fr')).toBe(words));
});

describe('numberToWords, English (British)', () => {
  it.each([
    [0, 'zero'],
    [15, 'fifteen'],
    [42, 'forty-two'],
    [101, 'one hundred and one'],
    [1005, 'one thousand and five'],
    [1_250_000, 'one million two hundred and fifty thousand'],
    [3_000_000_007, 'three billion and seven'],
  ])('%i → %s', (n, words) => expect(numberToWords(n, 'en')).toBe(words));
});

describe('numberToWords, properties', () => {
  it('gives distinct words to distinct numbers and never leaves a digit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_WORDS }), fc.integer({ min: 0, max: MAX_WORDS }), (a, b) => {
        for (const locale of ['fr', 'en'] as const) {
          expect(numberToWords(a, locale)).not.toMatch(/\d|  |^ | $/);
          if (a !== b) expect(numberToWords(a, locale)).not.toBe(numberToWords(b, locale));
        }
      }),
    );
  });

  it('refuses fractions, negatives and numbers too large', () => {
    for (const n of [1.5, -1, MAX_WORDS + 1, Number.NaN]) expect(() => numberToWords(n, 'fr')).toThrow(RangeError);
  });
});

describe('amountInWords', () => {
  it('names the currency, with "de" after a round million in French', () => {
    expect(amountInWords(1_250_000, 'XAF', 0, 'fr')).toBe('un million deux cent cinquante mille francs CFA');
    expect(amountInWords(1_000_000, 'XAF', 0, 'fr')).toBe('un million de francs CFA');
    expect(amountInWords(3_000_000, 'XAF', 0, 'en')).toBe('three million CFA francs');
    expect(amountInWords(1, 'XAF', 0, 'fr')).toBe('un franc CFA');
    expect(amountInWords(87_580, 'XAF', 0, 'en')).toBe('eighty-seven thousand five hundred and eighty CFA francs');
  });

  it('writes minor units after the major ones where the currency has decimals', () => {
    expect(amountInWords(1005, 'EUR', 2, 'en')).toBe('ten euros and five cents');
    expect(amountInWords(2080, 'EUR', 2, 'fr')).toBe('vingt euros et quatre-vingts centimes');
    expect(amountInWords(500, 'EUR', 2, 'fr')).toBe('cinq euros');
  });

  it('refuses amounts that are not integer minor units', () => {
    expect(() => amountInWords(12.5, 'XAF', 0, 'fr')).toThrow(RangeError);
    expect(() => amountInWords(-5, 'XAF', 0, 'fr')).toThrow(RangeError);
  });
});
