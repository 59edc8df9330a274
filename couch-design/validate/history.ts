/**
 * What may happen to a document that already exists, whoever writes (server admin included):
 * immutable types never change, a cash session is closed once and then frozen.
 */
import { type AnyDoc, type Problem, isObject } from './problems.ts';
import { specOfId, specOfType } from '../types/registry.ts';
import { CASH_SESSION, CASH_SESSION_OPENING_FIELDS } from '../types/cash.ts';

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
    // Even without the old revision: money and receipts are never deleted.
    return spec.immutable || spec.type === CASH_SESSION ? [{ field: '_deleted', code: 'immutable' }] : [];
  }
  if (!old) {
    if (creating && spec.type === CASH_SESSION && newDoc.state !== 'open') return [{ field: 'state', code: 'bad_transition' }];
    return [];
  }
  if (newDoc.type !== old.type) return [{ field: 'type', code: 'immutable' }];
  if (spec.immutable) return [{ field: '_id', code: 'immutable' }];
  if (spec.type === CASH_SESSION) return cashSessionChange(newDoc, old);
  return [];
}

function cashSessionChange(newDoc: AnyDoc, old: AnyDoc): Problem[] {
  if (old.state === 'closed') return [{ field: 'state', code: 'immutable' }];
  const problems: Problem[] = [];
  for (let i = 0; i < CASH_SESSION_OPENING_FIELDS.length; i++) {
    const f = CASH_SESSION_OPENING_FIELDS[i]!;
    if (newDoc[f] !== old[f]) problems.push({ field: f, code: 'immutable' });
  }
  return problems;
}
