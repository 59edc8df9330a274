/** Issue 9 item 4: "taken" is 409 on CouchDB (and the patched embedded engine), 403 on an engine that validates first. */
import { describe, expect, it } from 'vitest';
import { ConflictError } from '../data/errors.ts';
import { isTakenOnCreate, isTakenSlot } from './device.ts';

const refused = (status: number, reason: string) => Object.assign(new Error(reason), { status });

describe('a create refused because the id exists', () => {
  it('409 from Apache CouchDB', () => {
    expect(isTakenSlot(new ConflictError('device:dla:1', null))).toBe(true);
  });
  it('403 _id: immutable from the embedded engine (slot documents never change)', () => {
    expect(isTakenSlot(refused(403, '_id: immutable'))).toBe(true);
  });
  it('403 _id: forbidden_role when the role may create but not update (a kiosk and a taken number)', () => {
    expect(isTakenOnCreate(refused(403, '_id: forbidden_role'))).toBe(true);
  });
  it('any other refusal is not "taken": the claim stops instead of walking every slot', () => {
    expect(isTakenSlot(refused(403, 'deviceId: bad_format'))).toBe(false);
    expect(isTakenSlot(refused(403, 'branch: wrong_branch'))).toBe(false);
    expect(isTakenSlot(refused(401, 'You are not authorized'))).toBe(false);
    expect(isTakenSlot(new Error('boom'))).toBe(false);
  });
});
