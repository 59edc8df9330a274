import { describe, expect, it } from 'vitest';
import { goodDocs } from '../../couch-design/testing/fixtures.ts';
import type { Certificate } from '../../couch-design/types/certificate.ts';
import type { CertificateRevocation } from '../../couch-design/types/certificate-revocation.ts';
import { validateForWrite } from '../../couch-design/validate/entry.ts';
import { user } from '../../couch-design/testing/fixtures.ts';
import { buildRevocation, findCertificates } from './revocation.ts';
import { checkRevocation } from './revocation-check.ts';

const cert = (number: string, person: string, issuedAt: string): Certificate => ({ ...(goodDocs().certificate as unknown as Certificate), number, person, issuedAt });
const A = cert('ATT-DLA-240305-K3X9QZ-001', 'person:1000123', '2024-03-05T08:00:00.000Z');
const B = cert('ATT-DLA-240306-K3X9QZ-001', 'person:1000123', '2024-03-06T08:00:00.000Z');
const C = cert('ATT-DLA-240306-P7-002', 'person:9990001', '2024-03-06T09:00:00.000Z');
const revoked = { ...(goodDocs().certificate_revocation as unknown as CertificateRevocation), number: C.number };

describe('finding a certificate to revoke', () => {
  it('by its number however typed, by its end, or by the holder; newest first, with its revocation', () => {
    expect(findCertificates([A, B, C], [], 'att-dla 240305 k3x9qz 001').map((f) => f.certificate)).toEqual([A]);
    expect(findCertificates([A, B, C], [], 'P7-002').map((f) => f.certificate)).toEqual([C]);
    expect(findCertificates([A, B, C], [], '1000123').map((f) => f.certificate)).toEqual([B, A]);
    expect(findCertificates([A, B, C], [revoked], '9990001')).toEqual([{ certificate: C, revocation: revoked }]);
    expect(findCertificates([A, B, C], [], '01')).toEqual([]);
    expect(findCertificates([A, B, C], [], 'ATT-YDE-240305-K3X9QZ-001')).toEqual([]);
  });
});

describe('building a revocation', () => {
  const base = { reason: 'issued_in_error' as const, note: '  wrong employer  ', agent: 'backoffice.dla', at: '2024-03-07T10:00:00.000Z', day: '2024-03-07' };
  it('names the certificate by number and id, in its branch; passes the contract as the back office writes it', () => {
    const built = buildRevocation({ ...base, found: { certificate: A, revocation: null } });
    if (!('revocation' in built)) throw new Error(built.error);
    expect(built.revocation).toMatchObject({ _id: `certrevocation:${A.number}`, certificate: A._id, number: A.number, branch: 'dla', note: 'wrong employer' });
    expect(validateForWrite(built.revocation, null, user(['backoffice', 'branch:dla'], 'backoffice.dla'), 'branch')).toEqual([]);
  });
  it('refuses without a reason, `other` without a note, a note too long, and a certificate already revoked', () => {
    expect(buildRevocation({ ...base, reason: '', found: { certificate: A, revocation: null } })).toEqual({ error: 'reason_required' });
    expect(buildRevocation({ ...base, reason: 'other', note: '   ', found: { certificate: A, revocation: null } })).toEqual({ error: 'note_required' });
    expect(buildRevocation({ ...base, note: 'x'.repeat(301), found: { certificate: A, revocation: null } })).toEqual({ error: 'note_too_long' });
    expect(buildRevocation({ ...base, found: { certificate: C, revocation: revoked } })).toEqual({ error: 'already_revoked' });
  });
});

describe('asking the server', () => {
  const answering = (status: number, body: unknown) => (async () => new Response(JSON.stringify(body), { status })) as unknown as typeof fetch;
  it('revoked, not revoked, or could not be checked (no network, an error, an answer about another number)', async () => {
    expect(await checkRevocation(A.number, answering(200, { number: A.number, revoked: true, reason: 'fraud', day: '2024-03-07' }))).toEqual({ state: 'revoked', reason: 'fraud', day: '2024-03-07' });
    expect(await checkRevocation(A.number, answering(200, { number: A.number, revoked: false }))).toEqual({ state: 'not_revoked' });
    expect(await checkRevocation(A.number, answering(200, { number: B.number, revoked: false }))).toEqual({ state: 'unknown' });
    expect(await checkRevocation(A.number, answering(404, { error: 'not_found' }))).toEqual({ state: 'unknown' });
    expect(await checkRevocation(A.number, (async () => { throw new TypeError('Failed to fetch'); }) as unknown as typeof fetch)).toEqual({ state: 'unknown' });
  });
});
