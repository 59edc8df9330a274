/**
 * What the supervisor and head office are told about a desk's documents once they have all
 * arrived (offline desks included): every number present once with nothing unexplained, the
 * chain intact, sessions following each other, reversals allowed, and no payment order paid
 * twice. The contract refuses what one document shows wrong; this finds what only the set shows.
 */
import type { CashEntry } from '../../couch-design/types/cash-entry.ts';
import type { CashSession } from '../../couch-design/types/cash.ts';
import { cashApprovalId } from '../../couch-design/types/cash-approval.ts';
import { verifyChain } from './chain.ts';

export type Finding =
  | { kind: 'missing_number'; counter: string; number: number }
  | { kind: 'number_conflict'; counter: string; number: number }
  | { kind: 'session_conflict'; counter: string; seq: number }
  | { kind: 'chain_broken'; counter: string; number: number; problem: 'broken_link' | 'missing' | 'duplicate' }
  | { kind: 'session_numbers'; counter: string; seq: number }
  | { kind: 'cashier_two_sessions'; cashier: string; sessions: string[] }
  | { kind: 'reversal_invalid'; counter: string; number: number; why: 'reversal_of_reversal' | 'already_reversed' | 'approval_required' | 'bad_ref' }
  | { kind: 'order_paid_twice'; order: string; entries: string[] };

export interface AuditInput {
  sessions: readonly CashSession[];
  entries: readonly CashEntry[];
  /** Ids CouchDB holds conflicting revisions of (`_conflicts`): two offline writes of one number or session. */
  conflicts?: readonly string[];
  /** Approvals present (ids). */
  approvals?: readonly string[];
}

export function audit(input: AuditInput): Finding[] {
  const out: Finding[] = [];
  const conflicts = new Set(input.conflicts ?? []);
  const approvals = new Set(input.approvals ?? []);
  const byDesk = new Map<string, CashEntry[]>();
  for (const e of input.entries) byDesk.set(e.counter, [...(byDesk.get(e.counter) ?? []), e]);
  const byId = new Map(input.entries.map((e) => [e._id, e]));
  for (const [counter, list] of byDesk) {
    const sorted = [...list].sort((a, b) => a.number - b.number);
    const numbers = new Set(sorted.map((e) => e.number));
    const max = sorted.length ? sorted[sorted.length - 1]!.number : 0;
    for (let n = 1; n <= max; n++) if (!numbers.has(n)) out.push({ kind: 'missing_number', counter, number: n });
    for (const e of sorted) if (conflicts.has(e._id)) out.push({ kind: 'number_conflict', counter, number: e.number });
    const chain = verifyChain(sorted);
    if (!chain.intact) out.push({ kind: 'chain_broken', counter, number: chain.number, problem: chain.problem });
    const reversedOnce = new Set<string>();
    for (const e of sorted) {
      if (e.category !== 'reversal') continue;
      const o = byId.get(e.reverses!);
      const why = !o || o.kind === 'void' ? 'bad_ref' : o.category === 'reversal' ? 'reversal_of_reversal' : reversedOnce.has(o._id) ? 'already_reversed' : null;
      const session = input.sessions.find((s) => s._id === e.session);
      const needs = o && session && o.amount! > session.reversalThreshold && !(e.approval && approvals.has(e.approval) && e.approval === cashApprovalId(o.branch, o.counter, o.number));
      if (why || needs) out.push({ kind: 'reversal_invalid', counter, number: e.number, why: why ?? 'approval_required' });
      if (o) reversedOnce.add(o._id);
    }
  }
  // A desk's sessions follow each other: each starts where the previous one ended.
  const desks = new Map<string, CashSession[]>();
  for (const s of input.sessions) desks.set(s.counter, [...(desks.get(s.counter) ?? []), s]);
  for (const [counter, list] of desks) {
    const sorted = [...list].sort((a, b) => a.seq - b.seq);
    sorted.forEach((s, i) => {
      if (conflicts.has(s._id)) out.push({ kind: 'session_conflict', counter, seq: s.seq });
      const prev = sorted[i - 1];
      const expectedFirst = i === 0 ? (s.seq === 1 ? 1 : s.firstNumber) : prev!.lastNumber === undefined ? NaN : prev!.lastNumber + 1;
      if ((i > 0 && prev!.seq !== s.seq - 1) || s.firstNumber !== expectedFirst) out.push({ kind: 'session_numbers', counter, seq: s.seq });
    });
  }
  const openBy = new Map<string, string[]>();
  for (const s of input.sessions) if (s.state !== 'closed') openBy.set(s.cashier, [...(openBy.get(s.cashier) ?? []), s._id]);
  for (const [cashier, sessions] of openBy) if (sessions.length > 1) out.push({ kind: 'cashier_two_sessions', cashier, sessions });
  // An order is paid by one payment that no reversal cancelled.
  const reversed = new Set(input.entries.filter((e) => e.category === 'reversal').map((e) => e.reverses));
  const paidBy = new Map<string, string[]>();
  for (const e of input.entries) if (e.order && !reversed.has(e._id)) paidBy.set(e.order, [...(paidBy.get(e.order) ?? []), e._id]);
  for (const [order, entries] of paidBy) if (entries.length > 1) out.push({ kind: 'order_paid_twice', order, entries });
  return out;
}
