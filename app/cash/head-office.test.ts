import { describe, expect, it } from 'vitest';
import { branchTotals, varianceSessions } from './head-office.ts';

describe('head office’s cash day', () => {
  it('sums each branch over its desks', () => {
    const rows = [
      { key: ['2024-03-05', 'dla', 'C07'], value: [57500, 6] },
      { key: ['2024-03-05', 'dla', 'C08'], value: [-12000, 2] },
      { key: ['2024-03-05', 'yde', 'C07'], value: [3000, 1] },
    ];
    expect(branchTotals(rows)).toEqual([
      { branch: 'dla', net: 45500, documents: 8, desks: [{ counter: 'C07', net: 57500, documents: 6 }, { counter: 'C08', net: -12000, documents: 2 }] },
      { branch: 'yde', net: 3000, documents: 1, desks: [{ counter: 'C07', net: 3000, documents: 1 }] },
    ]);
    expect(branchTotals([])).toEqual([]);
  });

  it('keeps the day’s sessions with a variance: waiting for a sign-off, or closed with one', () => {
    const rows = [
      { key: ['closed', 'dla', 'C07', 1], value: ['cashier.dla', '2024-03-05', -500] },
      { key: ['closed', 'dla', 'C07', 2], value: ['cashier.dla', '2024-03-05', 0] },
      { key: ['closed', 'dla', 'C08', 1], value: ['cashier.dla', '2024-03-04', 700] },
      { key: ['counted', 'yde', 'C08', 3], value: ['cashier.yde', '2024-03-05', 5000] },
      { key: ['open', 'dla', 'C08', 2], value: ['cashier.dla', '2024-03-05', null] },
    ];
    expect(varianceSessions(rows, '2024-03-05')).toEqual([
      { id: 'cashsession:dla:C07:000001', branch: 'dla', counter: 'C07', seq: 1, cashier: 'cashier.dla', day: '2024-03-05', variance: -500, state: 'closed' },
      { id: 'cashsession:yde:C08:000003', branch: 'yde', counter: 'C08', seq: 3, cashier: 'cashier.yde', day: '2024-03-05', variance: 5000, state: 'counted' },
    ]);
  });
});
