/**
 * Issue 9 item 4: a slot or number is "taken" when the create is answered 409 — by Apache
 * CouchDB and by the embedded engine alike (server/embedded/validation-patch.ts) — and only
 * then: any other refusal stops the claim instead of walking every slot.
 */
import { describe, expect, it } from 'vitest';
import { ConflictError } from '../data/errors.ts';
import { isConflict } from './store.ts';

const refused = (status: number, reason: string) => Object.assign(new Error(reason), { status });

describe('a create refused because the id exists', () => {
  it('is a conflict (409)', () => {
    expect(isConflict(new ConflictError('device:dla:1', null))).toBe(true);
  });
  it('any other refusal is not "taken"', () => {
    expect(isConflict(refused(403, '_id: immutable'))).toBe(false);
    expect(isConflict(refused(403, 'deviceId: bad_format'))).toBe(false);
    expect(isConflict(refused(401, 'You are not authorized'))).toBe(false);
    expect(isConflict(new Error('boom'))).toBe(false);
  });
});
