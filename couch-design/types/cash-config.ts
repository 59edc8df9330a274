/**
 * The cash desk's configuration, carried by the `institution` document (one currency per
 * deployment): the notes and coins a drawer is counted in, the ceiling of one entry, and the
 * thresholds above which a supervisor must sign off a closing variance or approve a reversal.
 * All in integer minor units of the institution's currency. ES5: bundled into validate_doc_update.
 */
import { type Checker, isInt, isObject } from '../validate/problems.ts';

export interface CashSettings {
  /** Notes and coins, in minor units, largest first (XAF: 10000, 5000, 2000, 1000, 500, …). */
  denominations: number[];
  /** The largest amount one entry may carry. */
  maxAmount: number;
  /** A closing whose |variance| is above this needs a supervisor's sign-off. */
  varianceThreshold: number;
  /** A reversal of an amount above this needs a supervisor's approval. */
  reversalThreshold: number;
}

/** No honest amount comes near this (10^12 minor units); the configured ceiling is lower. */
export const MAX_CASH_AMOUNT = 1000000000000;
export const MAX_DENOMINATIONS = 30;

/** Strictly decreasing positive integers, at most MAX_DENOMINATIONS of them. */
export function validDenominations(v: unknown): v is number[] {
  if (!Array.isArray(v) || v.length === 0 || v.length > MAX_DENOMINATIONS) return false;
  for (let i = 0; i < v.length; i++) {
    const d: unknown = v[i];
    if (!isInt(d) || d < 1 || d > MAX_CASH_AMOUNT || (i > 0 && d >= (v[i - 1] as number))) return false;
  }
  return true;
}

export function checkCashSettings(c: Checker, field: string, optional: boolean): void {
  const s = c.obj(field, optional);
  if (!s) return;
  if (!validDenominations(s.denominations)) c.add(field + '.denominations', 'bad_value');
  const ints = ['maxAmount', 'varianceThreshold', 'reversalThreshold'];
  for (let i = 0; i < ints.length; i++) {
    const v = s[ints[i]!];
    if (!isInt(v) || v < 0 || v > MAX_CASH_AMOUNT) c.add(field + '.' + ints[i], 'bad_value');
  }
  // One entry carries at least one minor unit; no threshold is above what one entry may carry.
  if (s.maxAmount === 0) c.add(field + '.maxAmount', 'not_positive');
  if (isInt(s.maxAmount)) {
    if (isInt(s.varianceThreshold) && s.varianceThreshold > s.maxAmount) c.add(field + '.varianceThreshold', 'above_ceiling');
    if (isInt(s.reversalThreshold) && s.reversalThreshold > s.maxAmount) c.add(field + '.reversalThreshold', 'above_ceiling');
  }
  if (isObject(s) && Object.keys(s).length > 4) c.add(field, 'too_large');
}
