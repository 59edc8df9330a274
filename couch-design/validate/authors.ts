/**
 * Who wrote it. A document that names its author names the signed-in user: nobody logs a
 * visit, a counter change, a payment or a closing in someone else's name. Permission, so only
 * with a real user; the server admin is exempt (replication, and server jobs such as the
 * end-of-day closing, write on others' behalf). ES5 style: bundled into validate_doc_update.
 *
 * The rule for one author field: the write must name the user in it whenever the write *sets*
 * it, that is when there is no earlier revision to compare with (a creation, or a revision
 * replicated without its parent: it may be forged, so it is judged whole), when the value
 * differs from the earlier revision's, or when the write changes one of the rule's `act` fields
 * (an answer is its answerer's act). A value kept unchanged from the earlier revision is not
 * this write's claim: a counter finishing a ticket another agent called at the same counter,
 * or a supervisor touching a ticket, keep the caller's name. Two stricter kinds: `owner` (every
 * write, unchanged or not, comes from the user named: only a session's cashier opens or closes
 * it) and `once` (set at creation, never changed by an update). Refusals are `not_author` on
 * the field.
 */
import type { AnyDoc, Problem } from './problems.ts';

interface AuthorRule {
  field: string;
  /** Every write must come from the user it names, unchanged or not (a till is its cashier's). */
  owner?: boolean;
  /** Set by the creation: an update keeps it (nobody becomes the requester later). */
  once?: boolean;
  /** Fields whose change makes the write this author's act, so the field must name the writer. */
  act?: readonly string[];
  /** With `owner`: a write that sets this field is someone else's act (a supervisor's sign-off) and keeps the owner unchanged. */
  exceptWhenSetting?: string;
  /** The field is a list that only grows (history.ts): each item the write adds names the writer in this key. */
  itemAuthor?: string;
}

const AGENT: readonly AuthorRule[] = [{ field: 'agent' }];

/** Per type; every author field of every type in couch-design/types (authors.test.ts checks none is missed). */
export const AUTHOR_RULES: Readonly<Record<string, readonly AuthorRule[]>> = {
  // Set by a call (or a walk-in), kept while served, removed by a transfer.
  ticket: AGENT,
  visit_event: AGENT,
  // Who sits at the counter: set when opening.
  counter_state: AGENT,
  counter_event: AGENT,
  submission: AGENT,
  scan: AGENT,
  submission_review: AGENT,
  certificate: AGENT,
  certificate_revocation: AGENT,
  backoffice_request: [
    { field: 'requestedBy', once: true },
    { field: 'answeredBy', act: ['answer', 'answeredAt'] },
    // Closing is the act of whoever closes: the back office, or the counter that told the person.
    { field: 'closedBy', act: ['closedAt'] },
    { field: 'notes', itemAuthor: 'by' },
  ],
  // Opened and counted by its own cashier only: nobody counts another's till. The one write
  // by someone else is a supervisor's sign-off of a large variance, in the supervisor's name.
  cash_session: [
    { field: 'cashier', owner: true, exceptWhenSetting: 'signedOffBy' },
    { field: 'closedBy', act: ['countedAt', 'countedAmount', 'closingCount', 'expectedAmount', 'variance', 'lastNumber'] },
    { field: 'signedOffBy', act: ['signedOffAt'] },
  ],
  cash_entry: AGENT,
  cash_approval: [{ field: 'supervisor' }],
  payment_order: [
    { field: 'authorisedBy', once: true },
    { field: 'paidBy', act: ['entry', 'paidAt', 'counter'] },
    { field: 'cancelledBy', act: ['cancelledAt', 'cancelReason'] },
  ],
  // Reference data (issue 14): every edit names its writer, even one that changes nothing else.
  service: [{ field: 'updatedBy', owner: true }],
  counter: [{ field: 'updatedBy', owner: true }],
  institution: [{ field: 'updatedBy', owner: true }],
  branch: [{ field: 'updatedBy', owner: true }],
  event: [{ field: 'updatedBy', owner: true }],
  document_type: [{ field: 'updatedBy', owner: true }],
  certificate_type: [{ field: 'updatedBy', owner: true }],
  printer_role: [{ field: 'updatedBy', owner: true }],
  ref_change: [{ field: 'by' }],
  // Who registered the device's numbering slot.
  device: [{ field: 'user' }],
};

function acts(rule: AuthorRule, doc: AnyDoc, old: AnyDoc | null): boolean {
  const fields = rule.act || [];
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    // Counts are arrays: compared by value, a copy kept unchanged is no act.
    if (old === null ? doc[f] != null : doc[f] !== old[f] && JSON.stringify(doc[f]) !== JSON.stringify(old[f])) return true;
  }
  return false;
}

/**
 * `doc` is a new revision (not a deletion: a tombstone names nobody), `old` the earlier
 * revision or null, `name` the writer (userCtx.name).
 */
export function validateAuthors(doc: AnyDoc, old: AnyDoc | null, name: string | null): Problem[] {
  const rules = typeof doc.type === 'string' && AUTHOR_RULES.hasOwnProperty(doc.type) ? AUTHOR_RULES[doc.type]! : [];
  const problems: Problem[] = [];
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i]!;
    if (rule.itemAuthor) {
      itemAuthors(rule.field, rule.itemAuthor, doc, old, name, problems);
      continue;
    }
    const value = doc[rule.field];
    const act = acts(rule, doc, old);
    const except = rule.exceptWhenSetting;
    const owner = rule.owner && !(except && doc[except] != null && (old === null || doc[except] !== old[except]));
    const sets = owner || old === null || act || value !== old[rule.field];
    if (!sets) continue;
    if (rule.once && old !== null) {
      problems.push({ field: rule.field, code: 'not_author' });
      continue;
    }
    // Removing the name (a transfer leaves no agent) claims nothing, unless the write is an act.
    if (value == null ? act || rule.owner : value !== name) problems.push({ field: rule.field, code: 'not_author' });
  }
  return problems;
}

/** Items beyond the earlier revision's (all of them without one) must name the writer. */
function itemAuthors(field: string, key: string, doc: AnyDoc, old: AnyDoc | null, name: string | null, problems: Problem[]): void {
  const items = doc[field];
  if (!Array.isArray(items)) return;
  const before = old !== null && Array.isArray(old[field]) ? (old[field] as unknown[]).length : 0;
  for (let i = before; i < items.length; i++) {
    const item: unknown = items[i];
    if (item === null || typeof item !== 'object' || (item as AnyDoc)[key] !== name) problems.push({ field: field + '.' + i + '.' + key, code: 'not_author' });
  }
}
