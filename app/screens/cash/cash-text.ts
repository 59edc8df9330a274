/** The cash desk's errors in words, and the amount typed as people type it (strict parse). */
import type { MessageKey } from '../../i18n/translate.ts';
import type { Locale } from '../../i18n/translate.ts';
import { problemText, refusalText, type Translate } from '../../i18n/reasons.ts';
import { parseAmount } from '../../cash/money.ts';
import { CashRefusal } from './cash-desk.ts';
import { ConflictError } from '../../data/errors.ts';
import { isUnreachable } from '../../data/remote-write.ts';

/** Problem codes the cash screen says in its own words (what to do, never a code). */
const OWN: Readonly<Record<string, MessageKey>> = {
  session_busy: 'cash.problem.session_busy',
  session_not_open: 'cash.problem.session_not_open',
  approval_required: 'cash.problem.approval_required',
  already_reversed: 'cash.problem.already_reversed',
  reversal_of_reversal: 'cash.problem.reversal_of_reversal',
  order_paid: 'cash.problem.order_paid',
};

export function cashErrorText(t: Translate, error: unknown): string {
  if (error instanceof CashRefusal) {
    if (error.reason) return refusalText(t, error.reason);
    return error.problems.map((p) => (OWN[p.code] ? t(OWN[p.code]!) : problemText(t, p))).join(' ');
  }
  if (error instanceof ConflictError) return t('cash.problem.conflict');
  if (isUnreachable(error)) return t('error.unreachable');
  return t('error.unknown', { code: String((error as Error)?.message ?? error) });
}

/** An amount field's text → minor units, or the translated reason. `zero`: "0" is allowed (a float, a count). */
export function readAmount(t: Translate, text: string, decimals: number, locale: Locale, ceiling: number, zero = false): { ok: true; minor: number } | { ok: false; error: string } {
  if (zero && /^\s*0+([.,]0+)?\s*$/.test(text)) return { ok: true, minor: 0 };
  const r = parseAmount(text, decimals, locale, ceiling);
  if (r.ok) return r;
  return { ok: false, error: t(`cash.amount.${r.code}` as MessageKey) };
}
