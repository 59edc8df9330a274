import { describe, expect, it } from 'vitest';
import { goodDocs, user } from '../testing/fixtures.ts';
import { validateDocUpdate } from '../validate/entry.ts';
import { branchOfCertificateNumber, certificateRevocationId } from './certificate-revocation.ts';

type Doc = Record<string, unknown>;
const revocation = () => goodDocs().certificate_revocation!;
const dla = (role: string) => user([role, 'branch:dla'], role + '.dla');
const by = (role: string, doc: Doc = revocation()) => validateDocUpdate({ ...doc, agent: role + '.dla' }, null, dla(role), 'branch');

describe('certificate revocation (issue 13)', () => {
  it('is written by the back office or a supervisor, in their own name; nobody else', () => {
    expect(by('backoffice')).toEqual([]);
    expect(by('supervisor')).toEqual([]);
    for (const role of ['counter', 'cashier', 'reception', 'kiosk', 'display', 'admin']) expect(by(role), role).toContainEqual({ field: '_id', code: 'forbidden_role' });
    expect(validateDocUpdate(revocation(), null, dla('supervisor'), 'branch')).toContainEqual({ field: 'agent', code: 'not_author' });
  });

  it('one per certificate, never changed nor deleted', () => {
    const stored: Doc = { ...revocation(), _rev: '1-a' };
    expect(validateDocUpdate({ ...stored, reason: 'fraud' }, stored, dla('backoffice'), 'branch')).toContainEqual({ field: '_id', code: 'immutable' });
    expect(validateDocUpdate({ _id: stored._id, _rev: '1-a', _deleted: true }, stored, dla('supervisor'), 'branch').length).toBeGreaterThan(0);
  });

  it('its id is made from the number, of its own branch; a reason from the list, `other` with a note', () => {
    expect(by('backoffice', { ...revocation(), _id: certificateRevocationId('ATT-DLA-240305-C1-002') })).toContainEqual({ field: '_id', code: 'bad_id' });
    const yde = 'ATT-YDE-240305-C1-001';
    expect(by('backoffice', { ...revocation(), number: yde, _id: certificateRevocationId(yde) })).toContainEqual({ field: 'number', code: 'bad_ref' });
    expect(by('backoffice', { ...revocation(), number: 'ATT:DLA', _id: 'certrevocation:ATT:DLA' })).toContainEqual({ field: 'number', code: 'bad_format' });
    expect(by('backoffice', { ...revocation(), reason: 'bored' })).toContainEqual({ field: 'reason', code: 'bad_value' });
    expect(by('backoffice', { ...revocation(), reason: 'other', note: undefined })).toContainEqual({ field: 'note', code: 'required' });
    expect(by('backoffice', { ...revocation(), reason: 'fraud', note: undefined })).toEqual([]);
    expect(by('backoffice', { ...revocation(), note: 'x'.repeat(301) })).toContainEqual({ field: 'note', code: 'too_long' });
    expect(by('backoffice', { ...revocation(), certificate: 'cert:nope' })).toContainEqual({ field: 'certificate', code: 'bad_ref' });
  });

  it('reads the branch from a number', () => {
    expect(branchOfCertificateNumber('ATT-DLA-261202-K3X9QZ-007')).toBe('dla');
    expect(branchOfCertificateNumber('DLA-261202-K3X9QZ-007')).toBeNull();
    expect(branchOfCertificateNumber('ATT-DLA-261202-K3X9QZ-007/../x')).toBeNull();
  });
});
