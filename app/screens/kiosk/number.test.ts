/** The kiosk takes only a well-formed insurant or employer number (issue 9 item 11). */
import { describe, expect, it } from 'vitest';
import { checkKioskNumber, typeDigit, KIOSK_NUMBER_MAX } from './number.ts';

describe('kiosk number', () => {
  it('no number is fine: a ticket without a file', () => {
    expect(checkKioskNumber('')).toEqual({ ok: true });
  });
  it('accepts insurant and employer numbers of the id scheme', () => {
    expect(checkKioskNumber('1512345678')).toEqual({ ok: true, personId: 'person:1512345678' });
    expect(checkKioskNumber('415120')).toEqual({ ok: true, personId: 'person:415120' });
    expect(checkKioskNumber('1234')).toEqual({ ok: true, personId: 'person:1234' });
  });
  it('refuses what no person can have, with the reason', () => {
    expect(checkKioskNumber('7')).toEqual({ ok: false, problem: 'too_short' });
    expect(checkKioskNumber('123')).toEqual({ ok: false, problem: 'too_short' });
    expect(checkKioskNumber('12a4')).toEqual({ ok: false, problem: 'not_digits' });
  });
  it('the keypad stops at the longest number there is', () => {
    let n = '';
    for (let i = 0; i < KIOSK_NUMBER_MAX + 5; i++) n = typeDigit(n, '9');
    expect(n).toHaveLength(KIOSK_NUMBER_MAX);
    expect(checkKioskNumber(n).ok).toBe(true);
    expect(typeDigit('12', 'x')).toBe('12');
  });
});
