/**
 * Building a desk's next entry — receipt, payment of an order, reversal, void — with the rules
 * that need more than the entry itself (the open session, the previous entry, the entry
 * reversed, the order paid, the configuration). The server's validate_doc_update sees one
 * document at a time; these rules run before the write, and app/cash/audit.ts checks them again
 * on everything that arrived (offline writes included). Each builder returns the entry or the
 * problems, with codes app/i18n/reasons.ts translates.
 */
import { type CashEntry, type PaymentMeans, cashEntryId } from '../../couch-design/types/cash-entry.ts';
import type { CashSession } from '../../couch-design/types/cash.ts';
import type { CashSettings } from '../../couch-design/types/cash-config.ts';
import { type CashApproval, cashApprovalId } from '../../couch-design/types/cash-approval.ts';
import type { PaymentOrder } from '../../couch-design/types/payment-order.ts';
import type { Problem } from '../../couch-design/validate/problems.ts';
import { nextPrevHash } from './chain.ts';
import { contributionDesignation } from './designation.ts';

/** Where and when the next entry is taken. */
export interface Desk {
  session: CashSession;
  /** The desk's last entry (any session), null before its first. */
  last: CashEntry | null;
  settings: CashSettings;
  at: string;
  day: string;
}

export type MeansDetails =
  | { means: 'cash' }
  | { means: 'cheque'; bank: string; chequeNumber: string }
  | { means: 'transfer' | 'mobile_money'; reference: string };

export type Built = { entry: CashEntry } | { problems: Problem[] };

function next(desk: Desk, fields: Omit<CashEntry, '_id' | 'type' | 'branch' | 'day' | 'counter' | 'number' | 'session' | 'agent' | 'at' | 'currency' | 'prevHash'>): Built {
  const s = desk.session;
  if (s.state !== 'open') return { problems: [{ field: 'session', code: 'session_not_open' }] };
  const number = desk.last ? desk.last.number + 1 : 1;
  if (desk.last && desk.last.counter !== s.counter) return { problems: [{ field: 'number', code: 'wrong_number' }] };
  if (number < s.firstNumber) return { problems: [{ field: 'number', code: 'wrong_number' }] };
  if (fields.amount !== undefined && fields.amount > desk.settings.maxAmount) return { problems: [{ field: 'amount', code: 'too_large' }] };
  const entry = {
    _id: cashEntryId(s.branch, s.counter, number),
    type: 'cash_entry',
    branch: s.branch,
    day: desk.day,
    counter: s.counter,
    number,
    session: s._id,
    agent: s.cashier,
    at: desk.at,
    currency: s.currency,
    ...fields,
    prevHash: nextPrevHash(desk.last),
  } as CashEntry;
  return { entry };
}

export interface ReceiptInput {
  /** `person:<number>` of the employer and its account number. */
  person: string;
  account: string;
  periods: string[];
  amount: number;
  /** Pre-filled from the periods; the cashier may correct it. */
  designation?: string;
  payment: MeansDetails;
}

export function receipt(desk: Desk, input: ReceiptInput): Built {
  if (input.periods.length === 0) return { problems: [{ field: 'periods', code: 'required' }] };
  return next(desk, {
    kind: 'receipt',
    category: 'contribution',
    amount: input.amount,
    ...input.payment,
    person: input.person,
    account: input.account,
    periods: [...input.periods].sort(),
    designation: input.designation ?? contributionDesignation(input.periods),
  });
}

/** Pays an authorised order of this branch, in full, against the identity document shown. */
export function payment(desk: Desk, order: PaymentOrder | null, idDocument: string, means: MeansDetails): Built {
  if (!order || order.state !== 'authorised' || order.branch !== desk.session.branch) return { problems: [{ field: 'order', code: 'order_not_payable' }] };
  return next(desk, {
    kind: 'payment',
    category: order.kind,
    amount: order.amount,
    ...means,
    person: order.beneficiary,
    designation: order.designation,
    order: order._id,
    idDocument,
  });
}

/** The order's next revision once `entry` paid it (written with the order's `_rev`: a 409 means another desk paid first). */
export function paidOrder(order: PaymentOrder, entry: CashEntry): PaymentOrder {
  return { ...order, state: 'paid', entry: entry._id, counter: entry.counter, paidBy: entry.agent, paidAt: entry.at };
}

export interface ReversalInput {
  original: CashEntry;
  /** The entries of the desk that already reverse `original`. */
  reversedBy: readonly CashEntry[];
  reason: string;
  approval?: CashApproval | null;
}

export function reversal(desk: Desk, input: ReversalInput): Built {
  const o = input.original;
  const s = desk.session;
  if (o.branch !== s.branch || o.counter !== s.counter || o.kind === 'void') return { problems: [{ field: 'reverses', code: 'bad_ref' }] };
  if (o.category === 'reversal') return { problems: [{ field: 'reverses', code: 'reversal_of_reversal' }] };
  if (input.reversedBy.length > 0) return { problems: [{ field: 'reverses', code: 'already_reversed' }] };
  const a = input.approval;
  const approved = a && a._id === cashApprovalId(o.branch, o.counter, o.number) && a.entry === o._id && a.amount === o.amount;
  if (o.amount! > s.reversalThreshold && !approved) return { problems: [{ field: 'approval', code: 'approval_required' }] };
  return next(desk, {
    kind: o.kind,
    category: 'reversal',
    amount: o.amount,
    ...meansOf(o),
    ...(o.person ? { person: o.person } : {}),
    ...(o.account ? { account: o.account, periods: o.periods } : {}),
    designation: o.designation,
    reverses: o._id,
    reason: input.reason,
    ...(approved ? { approval: a._id } : {}),
  });
}

function meansOf(e: CashEntry): MeansDetails {
  if (e.means === 'cheque') return { means: 'cheque', bank: e.bank!, chequeNumber: e.chequeNumber! };
  if (e.means === 'transfer' || e.means === 'mobile_money') return { means: e.means, reference: e.reference! };
  return { means: e.means as Extract<PaymentMeans, 'cash'> };
}

/** Gives up the desk's next number (a spoiled printout, a receipt abandoned), with the reason. */
export function voidNumber(desk: Desk, reason: string): Built {
  if (reason.trim() === '') return { problems: [{ field: 'reason', code: 'required' }] };
  return next(desk, { kind: 'void', category: 'void', reason });
}
