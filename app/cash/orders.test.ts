import { describe, expect, it } from 'vitest';
import type { PaymentOrder } from '../../couch-design/types/payment-order.ts';
import { orderByNumber, orderNumber, ordersOf } from './orders.ts';

const order = (uid: string, person: string, state: PaymentOrder['state'], at: string): PaymentOrder => ({
  _id: `payorder:dla:${uid}`, type: 'payment_order', branch: 'dla', day: '2024-04-02', beneficiary: person, kind: 'daily_allowance',
  designation: 'IJ', amount: 1000, currency: 'XAF', authorisedBy: 'backoffice.dla', authorisedAt: at, state,
});
const A = order('0lutd3h00-bodla-0001', 'person:1', 'authorised', '2024-04-02T09:00:00.000Z');
const B = order('0lutd3h00-bodla-0002', 'person:1', 'paid', '2024-04-01T09:00:00.000Z');
const C = order('0lutd3h00-bodla-0003', 'person:1', 'authorised', '2024-03-01T09:00:00.000Z');
const D = order('0lutd3h00-bodla-0004', 'person:2', 'authorised', '2024-03-01T09:00:00.000Z');

describe('payment orders at the cash desk', () => {
  it('offers only the beneficiary’s authorised orders, oldest first, and keeps the settled ones apart', () => {
    expect(ordersOf([A, B, C, D], 'person:1')).toEqual({ payable: [C, A], settled: [B] });
    expect(ordersOf([A, B, C, D], 'person:9')).toEqual({ payable: [], settled: [] });
  });

  it('finds an order by its typed number or id, whatever its state', () => {
    expect(orderNumber(B)).toBe('0lutd3h00-bodla-0002');
    expect(orderByNumber([A, B], ' 0LUTD3H00-BODLA-0002 ')).toBe(B);
    expect(orderByNumber([A, B], 'payorder:dla:0lutd3h00-bodla-0001')).toBe(A);
    expect(orderByNumber([A, B], '0lutd3h00-bodla-0009')).toBeNull();
    expect(orderByNumber([A, B], '  ')).toBeNull();
  });
});
