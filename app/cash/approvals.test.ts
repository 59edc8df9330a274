import { describe, expect, it } from 'vitest';
import type { CashEntry } from '../../couch-design/types/cash-entry.ts';
import { validateCashApproval } from '../../couch-design/types/cash-approval.ts';
import { approveReversal } from './approvals.ts';

const entry = { _id: 'cash:dla:C08:00000007', type: 'cash_entry', branch: 'dla', counter: 'C08', number: 7, kind: 'receipt', category: 'contribution', amount: 150000 } as CashEntry;

describe('a supervisor approves a large reversal', () => {
  it('names the entry, its amount and the reason, with the id the reversal looks for; the contract takes it', () => {
    const r = approveReversal(entry, 'supervisor.dla', '  wrong employer ', '2024-03-05T10:00:00.000Z', '2024-03-05');
    expect(r).toEqual({ approval: { _id: 'cashapproval:dla:C08:00000007', type: 'cash_approval', branch: 'dla', day: '2024-03-05', counter: 'C08', entry: entry._id, amount: 150000, reason: 'wrong employer', supervisor: 'supervisor.dla', at: '2024-03-05T10:00:00.000Z' } });
    if ('approval' in r) expect(validateCashApproval({ ...r.approval } as Record<string, unknown>)).toEqual([]);
  });

  it('needs a reason, and never approves reversing a void or a reversal', () => {
    expect(approveReversal(entry, 'supervisor.dla', ' ', '2024-03-05T10:00:00.000Z', '2024-03-05')).toEqual({ problems: [{ field: 'reason', code: 'required' }] });
    expect(approveReversal({ ...entry, category: 'reversal' }, 'supervisor.dla', 'x', '2024-03-05T10:00:00.000Z', '2024-03-05')).toEqual({ problems: [{ field: 'entry', code: 'bad_ref' }] });
  });
});
