import { describe, expect, it } from 'vitest';
import { fr } from './fr.ts';
import { en } from './en.ts';
import { pickLocale, translate } from './translate.ts';
import { formatMoney, minorToDecimalString } from './format.ts';
import { errorText, problemText, refusalText } from './reasons.ts';
import { PROBLEM_CODES } from '../../couch-design/validate/problems.ts';
import { PARTS, PART_NAMES, messagesOfPart, partOf } from './parts.ts';

describe('dictionaries', () => {
  it('have the same keys and the same placeholders', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
    const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(fr) as (keyof typeof fr)[]) expect(holes(en[key]), key).toEqual(holes(fr[key]));
  });
});

describe('parts of the dictionaries (per-screen strings, issue 15)', () => {
  it('hold every key once, in both languages', () => {
    expect(Object.keys(fr).filter((key) => partOf(key) === undefined), 'keys no part covers').toEqual([]);
    for (const messages of [fr, en]) {
      const cut = PART_NAMES.map((part) => messagesOfPart(messages, part));
      expect(Object.assign({}, ...cut)).toEqual(messages);
      expect(cut.reduce((n, part) => n + Object.keys(part).length, 0)).toBe(Object.keys(messages).length);
    }
  });

  it('have no prefix that holds no key (a renamed area leaves none behind)', () => {
    for (const part of PART_NAMES) for (const prefix of PARTS[part]) expect(Object.keys(fr).some((key) => key.startsWith(prefix) && partOf(key) === part), `${part}: ${prefix}`).toBe(true);
  });
});

describe('pickLocale', () => {
  it('prefers the stored choice, then French browsers, else English', () => {
    expect(pickLocale('en', 'fr-FR')).toBe('en');
    expect(pickLocale(null, 'fr-CM')).toBe('fr');
    expect(pickLocale(null, 'FR')).toBe('fr');
    expect(pickLocale('de', 'de-DE')).toBe('en');
    expect(pickLocale(undefined, undefined)).toBe('en');
  });
});

describe('translate', () => {
  it('fills placeholders and formats numbers for the locale', () => {
    expect(translate('en', 'sync.pending', { count: 1234 })).toBe('1,234 pending');
    expect(translate('fr', 'sync.pending', { count: 1234 })).toMatch(/^1\s234 en attente$/);
    expect(translate('en', 'header.user', {})).toBe('User: {name}');
  });
});

describe('money', () => {
  it('turns minor units into an exact decimal string', () => {
    expect(minorToDecimalString(123456, 2)).toBe('1234.56');
    expect(minorToDecimalString(-5, 2)).toBe('-0.05');
    expect(minorToDecimalString(2500, 0)).toBe('2500');
    expect(minorToDecimalString(9007199254740993n, 2)).toBe('90071992547409.93');
    expect(() => minorToDecimalString(1.5, 2)).toThrow(RangeError);
  });

  it('formats XAF with no decimals and EUR with two, per locale', () => {
    expect(formatMoney(2500, 'XAF', 0, 'fr').replace(/\s/g, ' ')).toBe('2 500 FCFA');
    expect(formatMoney(123456, 'EUR', 2, 'en')).toBe('€1,234.56');
    expect(formatMoney(123456, 'EUR', 2, 'fr').replace(/\s/g, ' ')).toBe('1 234,56 €');
  });
});

describe('reason codes', () => {
  const t = (key: string, params?: Record<string, string | number>) => translate('en', key as keyof typeof fr, params);
  it('map to text in one place, with a fallback that keeps the code', () => {
    expect(errorText(t, 'unauthorized')).toBe('Wrong user name or password.');
    expect(errorText(t, 'weird')).toBe('Unexpected error (weird).');
    expect(problemText(t, { field: 'name', code: 'required' })).toBe('name: required.');
    expect(problemText(t, { field: 'x', code: 'odd' })).toBe('x: refused (odd).');
    expect(refusalText(t, 'service: required')).toBe('service: required.');
    expect(refusalText(t, 'branch: wrong_branch (+2 more)')).toBe('branch: belongs to another branch.');
    expect(refusalText(t, 'Only cashiers may write cash entries')).toBe('Only cashiers may write cash entries');
  });
});

describe('every contract problem code', () => {
  it('has its own text in French and English, not the fallback', () => {
    for (const locale of ['fr', 'en'] as const) {
      const t = (key: string, params?: Record<string, string | number>) => translate(locale, key as keyof typeof fr, params);
      const fallback = problemText(t, { field: 'f', code: 'no_such_code' }).replace('no_such_code', '');
      for (const code of PROBLEM_CODES) expect(problemText(t, { field: 'f', code }).replace(code, ''), `${locale} ${code}`).not.toBe(fallback);
    }
    expect(refusalText((k, p) => translate('en', k, p), 'agent: not_author')).toBe('agent: must be your own user name. Sign in as yourself to do this.');
  });
});
