/**
 * What a session's entries add up to. An entry's effect is signed as money moves through the
 * desk: a receipt +, a payment −, a reversal the opposite of the entry it reverses (the brief's
 * "43 70-"), a void 0. Integer minor units throughout.
 */
import type { CashEntry, CashCategory, PaymentMeans } from '../../couch-design/types/cash-entry.ts';
import type { CashSession } from '../../couch-design/types/cash.ts';

type Entry = Pick<CashEntry, 'kind' | 'category' | 'amount' | 'means'>;

export function effect(entry: Entry): number {
  if (entry.kind === 'void') return 0;
  const sign = (entry.kind === 'receipt' ? 1 : -1) * (entry.category === 'reversal' ? -1 : 1);
  return sign * (entry.amount ?? 0);
}

export interface Totals {
  /** Entries, voids included (every number used). */
  count: number;
  voids: number;
  /** Receipts and payments as taken (positive sums), and the signed sum of reversals. */
  receipts: number;
  payments: number;
  reversals: number;
  /** Sum of every effect: receipts − payments + reversals. */
  net: number;
  byMeans: Record<PaymentMeans, number>;
  byCategory: Record<Exclude<CashCategory, 'void'>, number>;
}

export function totals(entries: readonly Entry[]): Totals {
  const t: Totals = {
    count: 0, voids: 0, receipts: 0, payments: 0, reversals: 0, net: 0,
    byMeans: { cash: 0, cheque: 0, transfer: 0, mobile_money: 0 },
    byCategory: { contribution: 0, punctual_payment: 0, daily_allowance: 0, adjustment: 0, reversal: 0 },
  };
  for (const e of entries) {
    t.count++;
    if (e.kind === 'void') {
      t.voids++;
      continue;
    }
    const x = effect(e);
    t.net += x;
    t.byMeans[e.means!] += x;
    t.byCategory[e.category as Exclude<CashCategory, 'void'>] += x;
    if (e.category === 'reversal') t.reversals += x;
    else if (e.kind === 'receipt') t.receipts += x;
    else t.payments -= x;
  }
  return t;
}

/** What the drawer should hold: the opening float and the cash moves (cheques and transfers never enter it). */
export function expectedDrawer(session: Pick<CashSession, 'openingFloat'>, entries: readonly Entry[]): number {
  return session.openingFloat + totals(entries).byMeans.cash;
}

/** Counted − expected: negative is a shortage, positive a surplus. */
export function variance(counted: number, expected: number): number {
  return counted - expected;
}
