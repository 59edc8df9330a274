/**
 * Issue 13, the signature chain on the real server: anyone reads the institution's public key;
 * a signed-in counter has its device's key certified; a certificate that device seals offline
 * verifies with the published key alone. The key survives a restart; nobody else gets a key.
 * Revocations: written by the back office only, once per certificate, replicated to head office,
 * and told to anyone by number (revoked or not, reason code, day: nothing else).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportPublicKey, generateSigningKey, sealCertificate, verifySeal } from '../../app/certificates/seal.ts';
import { fromBase64Url, toBase64Url } from '../../app/certificates/base64url.ts';
import { ADMIN, basicAuth, couch, signIn, type Session } from '../support/couch-http.ts';
import { waitFor } from '../support/wait-for.ts';
import { certificateId } from '../../couch-design/types/certificate.ts';
import { certificateRevocationId } from '../../couch-design/types/certificate-revocation.ts';
import { uid } from '../../couch-design/ids/uid.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';

let server: RunningServer;

beforeAll(async () => {
  server = await startServer();
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

async function publishedKey(base: string): Promise<{ kid: string; key: CryptoKey }> {
  const r = await fetch(`${base}/api/certificates/institution-key`);
  expect(r.status).toBe(200);
  const { keys } = (await r.json()) as { keys: { kid: string; alg: string; publicKey: string }[] };
  expect(keys).toHaveLength(1);
  expect(keys[0]!.alg).toBe('ES256');
  const key = await crypto.subtle.importKey('raw', fromBase64Url(keys[0]!.publicKey)!, { name: 'ECDSA', namedCurve: 'P-256' }, true, ['verify']);
  return { kid: keys[0]!.kid, key };
}

async function certify(base: string, who: Session | null, body: unknown): Promise<{ status: number; body: any }> {
  const r = await fetch(`${base}/api/certificates/device-key`, { method: 'POST', headers: { 'content-type': 'application/json', ...who?.headers }, body: JSON.stringify(body) });
  return { status: r.status, body: await r.json() };
}

describe('certificate signing keys on the real server (issue 13)', () => {
  it('certifies a counter device key; what the device seals verifies with the published key alone', async () => {
    const { key: institution } = await publishedKey(server.url);
    const device = await generateSigningKey();
    const counter = await signIn(server.url, 'counter.dla', 'demo-counter');
    const r = await certify(server.url, counter, { keyId: 'dla-C03-testkey1', publicKey: toBase64Url(await exportPublicKey(device.publicKey)) });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.certificate).toMatch(/^dla-C03-testkey1\.\d{4}-\d{2}-\d{2}\./);
    const fields = { number: 'ATT-DLA-1', certType: 'affiliation', personNumber: '1000123', personName: 'Ékotto Jean', issued: new Date().toISOString().slice(0, 10), branch: 'dla' };
    const seal = await sealCertificate(fields, device.privateKey, r.body.certificate);
    expect(await verifySeal(seal, institution, fields.issued)).toMatchObject({ status: 'valid', fields, keyId: 'dla-C03-testkey1' });
  });

  it('refuses a key to the signed-out (401), to a kiosk (403), and a malformed key (400)', async () => {
    const device = await generateSigningKey();
    const publicKey = toBase64Url(await exportPublicKey(device.publicKey));
    expect((await certify(server.url, null, { keyId: 'anonymous-1', publicKey })).status).toBe(401);
    const kiosk = await signIn(server.url, 'kiosk.dla', 'demo-kiosk');
    expect((await certify(server.url, kiosk, { keyId: 'kiosk-dla-1', publicKey })).status).toBe(403);
    const counter = await signIn(server.url, 'counter.dla', 'demo-counter');
    expect((await certify(server.url, counter, { keyId: 'dla-C03-testkey2', publicKey: publicKey.slice(0, 40) })).status).toBe(400);
    expect((await certify(server.url, counter, { keyId: 'bad id!', publicKey })).status).toBe(400);
    const notOnCurve = toBase64Url(Uint8Array.from({ length: 65 }, (_, i) => (i === 0 ? 4 : 7)));
    expect((await certify(server.url, counter, { keyId: 'dla-C03-testkey3', publicKey: notOnCurve })).status).toBe(400);
  });

  it('a revocation: the back office writes it once, a counter cannot; it reaches head office; anyone learns revoked, the reason and the day, nothing more', async () => {
    const day = new Date().toISOString().slice(0, 10);
    const number = `ATT-DLA-${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}-APITEST-001`;
    const id = certificateRevocationId(number);
    const revocation = (agent: string) => ({
      _id: id,
      type: 'certificate_revocation',
      branch: 'dla',
      day,
      certificate: certificateId(day, uid(Date.now(), 'apitest', 1)),
      number,
      reason: 'data_changed',
      note: 'Employer of record changed: Ékotto Jean',
      agent,
      at: new Date().toISOString(),
    });
    const put = (who: Session, doc: unknown) => couch(server.url, who, 'PUT', `/fo_branch_dla/${encodeURIComponent(id)}`, doc);
    const status = async (n: string) => {
      const r = await fetch(`${server.url}/api/certificates/revocations/${encodeURIComponent(n)}`);
      return { status: r.status, body: (await r.json()) as Record<string, unknown>, cache: r.headers.get('cache-control') };
    };

    expect(await status(number)).toMatchObject({ status: 200, body: { number, revoked: false } });
    const counter = await signIn(server.url, 'counter.dla', 'demo-counter');
    expect((await put(counter, revocation('counter.dla'))).status).toBe(403);
    const backoffice = await signIn(server.url, 'backoffice.dla', 'demo-backoffice');
    const first = await put(backoffice, revocation('backoffice.dla'));
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    // A second revocation of the same certificate, even by a supervisor: refused, the first stands.
    const supervisor = await signIn(server.url, 'supervisor.dla', 'demo-supervisor');
    expect([403, 409]).toContain((await put(supervisor, { ...revocation('supervisor.dla'), reason: 'fraud' })).status);

    const answer = await status(number);
    expect(answer).toEqual({ status: 200, body: { number, revoked: true, reason: 'data_changed', day }, cache: 'public, max-age=60' });
    expect(JSON.stringify(answer.body)).not.toContain('Ékotto');
    expect((await status('ATT-DLA-1')).status).toBe(400);
    expect((await status('../fo_branch_dla/_all_docs')).status).toBe(400);

    const admin = basicAuth(ADMIN.name, ADMIN.password);
    const central = await waitFor('the revocation in fo_central', async () => {
      const r = await couch(server.url, admin, 'GET', `/fo_central/${encodeURIComponent(id)}`);
      return r.status === 200 ? r.body : null;
    }, 60_000);
    expect(central).toMatchObject({ number, reason: 'data_changed', agent: 'backoffice.dla' });
  }, 90_000);

  it('keeps the same institution key across a restart', async () => {
    const before = await publishedKey(server.url);
    server = await server.restart();
    const after = await publishedKey(server.url);
    expect(after.kid).toBe(before.kid);
  }, 120_000);
});
