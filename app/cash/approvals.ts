/**
 * A supervisor's approval to reverse one large entry (issue 12): the reversal of an entry above
 * the session's threshold names it (entries.ts `reversal`). Pure: the supervisor's panel writes it.
 */
import { CASH_APPROVAL, type CashApproval, cashApprovalId } from '../../couch-design/types/cash-approval.ts';
import type { CashEntry } from '../../couch-design/types/cash-entry.ts';
import type { Problem } from '../../couch-design/validate/problems.ts';

export function approveReversal(entry: CashEntry, supervisor: string, reason: string, at: string, day: string): { approval: CashApproval } | { problems: Problem[] } {
  if (reason.trim() === '') return { problems: [{ field: 'reason', code: 'required' }] };
  if (entry.kind === 'void' || entry.category === 'reversal') return { problems: [{ field: 'entry', code: 'bad_ref' }] };
  return {
    approval: {
      _id: cashApprovalId(entry.branch, entry.counter, entry.number),
      type: CASH_APPROVAL,
      branch: entry.branch,
      day,
      counter: entry.counter,
      entry: entry._id,
      amount: entry.amount!,
      reason: reason.trim(),
      supervisor,
      at,
    },
  };
}
