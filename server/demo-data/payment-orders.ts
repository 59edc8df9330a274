/**
 * Payment orders the back office authorised for the demo, so a cash desk has something to pay:
 * a few per branch, one of each kind, for insurants of that branch (their home branch: the
 * branch's devices hold them, docs/PEOPLE.md) picked by position (no random draw, so the people
 * generated before them stay as they were).
 */
import type { Person } from '../../couch-design/types/person.ts';
import { type PaymentOrder, paymentOrderId } from '../../couch-design/types/payment-order.ts';
import { uid } from '../../couch-design/ids/uid.ts';

const ORDERS: [kind: PaymentOrder['kind'], designation: string, amount: number][] = [
  ['punctual_payment', 'ALLOC NAISSANCE 2024', 50_000],
  ['daily_allowance', 'IJ 01/03-15/03/2024', 87_000],
  ['adjustment', 'REGUL PF T1 2024', 12_500],
  ['daily_allowance', 'IJ 16/03-31/03/2024', 92_800],
];
/** 2024-04-02 09:00 Africa/Douala. */
const AUTHORISED_MS = Date.UTC(2024, 3, 2, 8, 0);

/** `ORDERS.length` authorised orders for each branch, each for a different insurant of it. */
export function demoPaymentOrders(branches: readonly string[], persons: readonly Person[]): Record<string, PaymentOrder[]> {
  const out: Record<string, PaymentOrder[]> = {};
  for (const branch of branches) {
    const insurants = persons.filter((p) => p.kind === 'insurant' && p.branch === branch);
    out[branch] = ORDERS.map(([kind, designation, amount], i): PaymentOrder => {
      const at = AUTHORISED_MS + i * 60_000;
      return {
        _id: paymentOrderId(branch, uid(at, 'bo' + branch, i + 1)),
        type: 'payment_order',
        branch,
        day: new Date(at).toISOString().slice(0, 10),
        beneficiary: insurants[i]!._id,
        kind,
        designation,
        amount,
        currency: 'XAF',
        authorisedBy: `backoffice.${branch}`,
        authorisedAt: new Date(at).toISOString(),
        state: 'authorised',
      };
    });
  }
  return out;
}
