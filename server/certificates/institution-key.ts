/**
 * The institution's signing key (issue 13): it certifies each device's key, never a certificate
 * itself, so a tablet can issue offline. Created at the first start and kept in a file only the
 * server reads (0600); a branch server is given a copy of head office's file (docs/CERTIFICATES.md).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { exportPublicKey, generateInstitutionKey } from '../../app/certificates/seal.ts';
import { toBase64Url } from '../../app/certificates/base64url.ts';

export interface InstitutionKey {
  privateKey: CryptoKey;
  /** The raw public point, base64url: what /api/certificates/institution-key publishes. */
  publicKey: string;
  /** Names the key in the published list, so a new key can be added before the old one retires. */
  kid: string;
}

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;

async function describe(privateJwk: JsonWebKey): Promise<InstitutionKey> {
  const privateKey = await crypto.subtle.importKey('jwk', privateJwk, ALGORITHM, false, ['sign']);
  const { d: _secret, ...publicJwk } = privateJwk;
  const publicKey = await exportPublicKey(await crypto.subtle.importKey('jwk', { ...publicJwk, key_ops: ['verify'] }, ALGORITHM, true, ['verify']));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', publicKey));
  return { privateKey, publicKey: toBase64Url(publicKey), kid: toBase64Url(digest.slice(0, 8)) };
}

export async function loadInstitutionKey(file: string): Promise<InstitutionKey> {
  if (existsSync(file)) return describe(JSON.parse(readFileSync(file, 'utf8')) as JsonWebKey);
  const pair = await generateInstitutionKey();
  const jwk = await crypto.subtle.exportKey('jwk', pair.privateKey);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(jwk), { mode: 0o600, flag: 'wx' });
  return describe(jwk);
}
