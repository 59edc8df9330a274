/**
 * What may happen to a document that already exists, whoever writes (server admin included):
 * immutable types never change; a cash session goes open → (counted →) closed and is then
 * frozen; a payment order goes authorised → paid or cancelled and is then frozen; a back-office
 * request moves along its statuses and keeps its answer and notes (types/backoffice-request.ts).
 */
import { type AnyDoc, type Problem, isObject } from './problems.ts';
import { specOfId, specOfType } from '../types/registry.ts';
import { CASH_SESSION, CASH_SESSION_COUNT_FIELDS, CASH_SESSION_OPENING_FIELDS } from '../types/cash.ts';
import { PAYMENT_ORDER, PAYMENT_ORDER_CANCEL_FIELDS, PAYMENT_ORDER_PAID_FIELDS } from '../types/payment-order.ts';
import { BACKOFFICE_REQUEST, backofficeRequestChange } from '../types/backoffice-request.ts';

/** The previous revision, or null when there is none (creation, or replication without it). */
export function existing(oldDoc: unknown): AnyDoc | null {
  return isObject(oldDoc) && oldDoc._deleted !== true ? oldDoc : null;
}

export function isDeletion(newDoc: AnyDoc): boolean {
  return newDoc._deleted === true;
}

/**
 * `creating` is true when the writer knows this is a first write (the app); the server cannot
 * know (replication may send a later revision without its parent), so it passes false.
 */
export function validateChange(newDoc: AnyDoc, oldDoc: unknown, creating: boolean): Problem[] {
  const old = existing(oldDoc);
  const spec = specOfType(old ? old.type : newDoc.type) || specOfId(newDoc._id);
  if (!spec) return [];
  if (isDeletion(newDoc)) {
    // Even without the old revision: money, receipts, tills and payment orders are never deleted.
    return spec.immutable || spec.type === CASH_SESSION || spec.type === PAYMENT_ORDER ? [{ field: '_deleted', code: 'immutable' }] : [];
  }
  if (spec.type === BACKOFFICE_REQUEST && newDoc.type === BACKOFFICE_REQUEST) return backofficeRequestChange(newDoc, old, creating);
  if (!old) {
    if (creating && spec.type === CASH_SESSION && newDoc.state !== 'open') return [{ field: 'state', code: 'bad_transition' }];
    if (creating && spec.type === PAYMENT_ORDER && newDoc.state !== 'authorised') return [{ field: 'state', code: 'bad_transition' }];
    return [];
  }
  if (newDoc.type !== old.type) return [{ field: 'type', code: 'immutable' }];
  if (spec.immutable) return [{ field: '_id', code: 'immutable' }];
  if (spec.type === CASH_SESSION) return cashSessionChange(newDoc, old);
  if (spec.type === PAYMENT_ORDER) return paymentOrderChange(newDoc, old);
  return [];
}

/** Same JSON value (counts are arrays). */
function same(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

function unchanged(newDoc: AnyDoc, old: AnyDoc, fields: readonly string[], problems: Problem[]): void {
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    if (!same(newDoc[f], old[f])) problems.push({ field: f, code: 'immutable' });
  }
}

const SESSION_ORDER: Readonly<Record<string, number>> = { open: 0, counted: 1, closed: 2 };

function cashSessionChange(newDoc: AnyDoc, old: AnyDoc): Problem[] {
  if (old.state === 'closed') return [{ field: 'state', code: 'immutable' }];
  if (SESSION_ORDER[String(newDoc.state)]! < SESSION_ORDER[String(old.state)]!) return [{ field: 'state', code: 'bad_transition' }];
  const problems: Problem[] = [];
  unchanged(newDoc, old, CASH_SESSION_OPENING_FIELDS, problems);
  // The blind count is written once; the sign-off only closes it.
  if (old.state === 'counted') unchanged(newDoc, old, CASH_SESSION_COUNT_FIELDS, problems);
  return problems;
}

/** Everything but the state and what paying or cancelling adds. */
const ORDER_FIXED = ['branch', 'day', 'beneficiary', 'kind', 'designation', 'amount', 'currency', 'authorisedBy', 'authorisedAt'];

function paymentOrderChange(newDoc: AnyDoc, old: AnyDoc): Problem[] {
  if (old.state !== 'authorised') return [{ field: 'state', code: 'immutable' }];
  const problems: Problem[] = [];
  unchanged(newDoc, old, ORDER_FIXED, problems);
  if (newDoc.state === 'authorised') {
    unchanged(newDoc, old, PAYMENT_ORDER_PAID_FIELDS, problems);
    unchanged(newDoc, old, PAYMENT_ORDER_CANCEL_FIELDS, problems);
  }
  return problems;
}
