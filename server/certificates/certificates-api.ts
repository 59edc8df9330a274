/**
 * `/api/certificates/*` (issue 13): the institution's public key, for anyone (a verifier needs
 * nothing else); whether a certificate is revoked, for anyone, by its number (revoked or not,
 * the reason code and the day: nothing the paper does not show already); and the certification
 * of a device's signing key, for signed-in staff who issue certificates. The device's private
 * key never leaves it; the server signs only its public half.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { answer, clientAddress, refuse, type Gateway } from '../gateway/answers.ts';
import { contentTypeRefusal, crossSiteRefusal, declaresBody, parseJson, readBody } from '../gateway/request-guards.ts';
import { readCredentials } from '../gateway/sessions.ts';
import { certifyDeviceKey } from '../../app/certificates/seal.ts';
import { fromBase64Url } from '../../app/certificates/base64url.ts';
import { addMonths } from '../../app/certificates/eligibility.ts';
import { CERTIFICATE_NUMBER } from '../../couch-design/types/certificate-revocation.ts';
import type { InstitutionKey } from './institution-key.ts';
import type { RevocationLookup } from './revocations.ts';
import type { LookupLimit } from './lookup-limit.ts';

export interface CertificatesContext {
  key: InstitutionKey;
  revocations: RevocationLookup;
  limit: LookupLimit;
}

/** Who issues certificates: the counter roles and those who stand in for them. */
const ISSUERS = ['counter', 'cashier', 'supervisor', 'backoffice'];
/** A device key is certified for a year; the device asks again when it comes near the end. */
export const DEVICE_KEY_MONTHS = 12;
const KEY_ID = /^[A-Za-z0-9_-]{8,40}$/;
const REVOCATIONS = '/api/certificates/revocations/';

export async function handleCertificatesApi(gw: Gateway, certs: CertificatesContext, req: IncomingMessage, res: ServerResponse, path: string, now = () => new Date()): Promise<void> {
  const method = req.method ?? 'GET';
  const key = certs.key;
  if (path.startsWith(REVOCATIONS) && method === 'GET') return revocationStatus(certs, req, res, path.slice(REVOCATIONS.length));
  if (path === '/api/certificates/institution-key' && method === 'GET') {
    res.setHeader('cache-control', 'public, max-age=3600');
    return answer(res, { keys: [{ kid: key.kid, alg: 'ES256', publicKey: key.publicKey }] });
  }
  if (path === '/api/certificates/device-key' && method === 'POST') {
    const guard = crossSiteRefusal(req) ?? contentTypeRefusal(req, declaresBody(req));
    if (guard) return refuse(res, guard);
    const { caller } = await gw.sessions.resolve(readCredentials(req.headers.cookie, undefined));
    if (caller.name === null) return refuse(res, { status: 401, error: 'unauthorized', reason: 'You are not signed in.' });
    if (!caller.roles.some((r) => ISSUERS.includes(r))) return refuse(res, { status: 403, error: 'forbidden', reason: 'Only staff who issue certificates have a signing key.' });
    const raw = await readBody(req, 2_048);
    const parsed = raw === 'too_large' ? { ok: false as const } : parseJson(raw);
    const body = parsed.ok ? (parsed.value as { keyId?: unknown; publicKey?: unknown } | undefined) : undefined;
    const publicKey = typeof body?.publicKey === 'string' ? fromBase64Url(body.publicKey) : null;
    if (typeof body?.keyId !== 'string' || !KEY_ID.test(body.keyId) || !publicKey || publicKey.length !== 65) {
      return refuse(res, { status: 400, error: 'bad_request', reason: 'expected {"keyId": 8–40 letters, digits, - or _, "publicKey": a P-256 point, raw, base64url}' });
    }
    try {
      await crypto.subtle.importKey('raw', publicKey, { name: 'ECDSA', namedCurve: 'P-256' }, true, ['verify']);
    } catch {
      return refuse(res, { status: 400, error: 'bad_request', reason: 'publicKey is not a P-256 point' });
    }
    const notAfter = addMonths(now().toISOString().slice(0, 10), DEVICE_KEY_MONTHS);
    const certificate = await certifyDeviceKey(key.privateKey, { keyId: body.keyId, notAfter, publicKey });
    return answer(res, { certificate, notAfter, kid: key.kid });
  }
  return refuse(res, { status: 404, error: 'not_found', reason: 'no such endpoint' });
}

/** `GET /api/certificates/revocations/<number>`: no session, no body, one document read. */
async function revocationStatus(certs: CertificatesContext, req: IncomingMessage, res: ServerResponse, number: string): Promise<void> {
  if (!CERTIFICATE_NUMBER.test(number)) return refuse(res, { status: 400, error: 'bad_request', reason: 'expected a certificate number, ATT-<BRANCH>-<YYMMDD>-<DEVICE>-<SEQ>' });
  const wait = certs.limit.take(clientAddress(req));
  if (wait !== null) return refuse(res, { status: 429, error: 'too_many_requests', reason: 'too many look-ups from this address' }, { 'retry-after': String(wait) });
  const status = await certs.revocations(number);
  if (status === null) return refuse(res, { status: 404, error: 'not_found', reason: "this server does not hold that branch's certificates" });
  // Short: a revocation made now shows within a minute, and a proxy or the verifier's browser may answer repeats.
  return answer(res, { number, ...status }, { 'cache-control': 'public, max-age=60' });
}
