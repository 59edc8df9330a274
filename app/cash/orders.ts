/**
 * Finding the payment orders a cash desk may pay: those of one beneficiary, or the one whose
 * number the cashier typed. The order's number, as printed on the back office's notice, is the
 * uid part of its id (`payorder:<branch>:<uid>`).
 */
import { type PaymentOrder, parsePaymentOrderId } from '../../couch-design/types/payment-order.ts';

export function orderNumber(order: Pick<PaymentOrder, '_id'>): string {
  return parsePaymentOrderId(order._id)?.uid ?? order._id;
}

/** A beneficiary's orders at this branch, oldest authorised first: the payable ones, and the others (paid, cancelled) apart. */
export function ordersOf(orders: readonly PaymentOrder[], person: string): { payable: PaymentOrder[]; settled: PaymentOrder[] } {
  const mine = orders.filter((o) => o.beneficiary === person).sort((a, b) => a.authorisedAt.localeCompare(b.authorisedAt));
  return { payable: mine.filter((o) => o.state === 'authorised'), settled: mine.filter((o) => o.state !== 'authorised') };
}

/** The order whose number (or whole id) was typed, whatever its state; null when none. */
export function orderByNumber(orders: readonly PaymentOrder[], typed: string): PaymentOrder | null {
  const q = typed.trim().toLowerCase();
  if (!q) return null;
  return orders.find((o) => o._id.toLowerCase() === q || orderNumber(o) === q) ?? null;
}
