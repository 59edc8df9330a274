/**
 * The seal a certificate's QR code carries (issue 13): its essential content, signed so that a
 * bank, a court or a tender office can check the paper with the institution's public key alone,
 * without a network, in the spirit of the French 2D-Doc and the EU Digital COVID Certificate.
 *
 * A tablet may issue while offline, so it signs with its own key, never the institution's: the
 * chain is institution key → device key (certified by the server when the device first signs in
 * online) → certificate. The QR carries the device's certificate too, so a verifier needs nothing
 * else. ECDSA P-256 with SHA-256 through WebCrypto, in the browser and on the server alike;
 * signatures are the raw r‖s form WebCrypto produces (64 bytes), keys the raw uncompressed point.
 *
 *   FOC1|<number>|<type>|<person number>|<person name>|<issued day>|<valid until day or ->|<branch>|<device certificate>|<signature>
 *   device certificate = <key id>.<not after day>.<public key>.<institution's signature>
 *
 * The certificate's signature covers everything before its last `|`, device certificate
 * included; the device certificate's covers `FOD1.<key id>.<not after>.<public key>`.
 */
import { fromBase64Url, toBase64Url } from './base64url.ts';

const CERT_TAG = 'FOC1';
const DEVICE_TAG = 'FOD1';
const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGNING = { name: 'ECDSA', hash: 'SHA-256' } as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const KEY_ID = /^[A-Za-z0-9_-]{1,40}$/;

/** What the paper certifies, as printed; the seal repeats it so the verifier can compare. */
export interface SealedFields {
  number: string;
  certType: string;
  personNumber: string;
  personName: string;
  /** YYYY-MM-DD */
  issued: string;
  /** YYYY-MM-DD, or absent when the certificate does not expire. */
  validUntil?: string;
  branch: string;
}

export interface DeviceCertificate {
  keyId: string;
  notAfter: string;
  publicKey: Uint8Array;
}

export type Verdict =
  | { status: 'valid'; fields: SealedFields; keyId: string }
  | { status: 'expired'; fields: SealedFields; keyId: string }
  /** The content does not match its signature: a character was changed. */
  | { status: 'altered' }
  /** Signed by a key the institution never certified, or past its certificate's end. */
  | { status: 'unknown_signer' }
  /** Not a Front Office seal at all. */
  | { status: 'unreadable' };

const encoder = new TextEncoder();

/** Separators cannot appear inside a field: a name with `|` prints as it is but is sealed with `/`. */
function clean(value: string): string {
  return value.replace(/[|\r\n]/g, '/').trim();
}

function importPublic(raw: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', raw, ALGORITHM, true, ['verify']);
}

async function sign(key: CryptoKey, message: string): Promise<string> {
  return toBase64Url(new Uint8Array(await crypto.subtle.sign(SIGNING, key, encoder.encode(message))));
}

async function verify(key: CryptoKey, signature: string, message: string): Promise<boolean> {
  const bytes = fromBase64Url(signature);
  if (!bytes || bytes.length !== 64) return false;
  return crypto.subtle.verify(SIGNING, key, bytes, encoder.encode(message));
}

/** A device's signing key: the private half never leaves WebCrypto (not extractable). */
export function generateSigningKey(): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey(ALGORITHM, false, ['sign', 'verify']);
}

/** The institution's key, created once by the server; extractable so it can be stored. */
export function generateInstitutionKey(): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify']);
}

export async function exportPublicKey(key: CryptoKey): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await crypto.subtle.exportKey('raw', key));
}

/** The server certifies a device's public key: what the device puts in every seal it makes. */
export async function certifyDeviceKey(institution: CryptoKey, device: DeviceCertificate): Promise<string> {
  if (!KEY_ID.test(device.keyId) || !DAY.test(device.notAfter)) throw new RangeError('bad device certificate fields');
  const body = `${device.keyId}.${device.notAfter}.${toBase64Url(device.publicKey)}`;
  return `${body}.${await sign(institution, `${DEVICE_TAG}.${body}`)}`;
}

export function sealBody(fields: SealedFields, deviceCertificate: string): string {
  const f = fields;
  return [CERT_TAG, f.number, f.certType, f.personNumber, f.personName, f.issued, f.validUntil ?? '-', f.branch].map(clean).join('|') + '|' + deviceCertificate;
}

/** The QR's text: the fields, the device's certificate, and the device's signature over both. */
export async function sealCertificate(fields: SealedFields, deviceKey: CryptoKey, deviceCertificate: string): Promise<string> {
  const body = sealBody(fields, deviceCertificate);
  return `${body}|${await sign(deviceKey, body)}`;
}

interface ParsedSeal {
  fields: SealedFields;
  device: { keyId: string; notAfter: string; publicKey: string; signature: string; body: string };
  body: string;
  signature: string;
}

function parseSeal(text: string): ParsedSeal | null {
  const parts = text.trim().split('|');
  if (parts.length !== 10 || parts[0] !== CERT_TAG) return null;
  const [, number, certType, personNumber, personName, issued, validUntil, branch, device, signature] = parts;
  const d = device!.split('.');
  if (d.length !== 4 || !KEY_ID.test(d[0]!) || !DAY.test(d[1]!)) return null;
  if (!DAY.test(issued!) || (validUntil !== '-' && !DAY.test(validUntil!))) return null;
  return {
    fields: { number: number!, certType: certType!, personNumber: personNumber!, personName: personName!, issued: issued!, ...(validUntil !== '-' ? { validUntil } : {}), branch: branch! },
    device: { keyId: d[0]!, notAfter: d[1]!, publicKey: d[2]!, signature: d[3]!, body: d.slice(0, 3).join('.') },
    body: parts.slice(0, 9).join('|'),
    signature: signature!,
  };
}

/**
 * What a verifier concludes from the QR's text alone, on `today` (YYYY-MM-DD). Revocation is
 * not in the paper: a verifier online asks the server's /verify as well.
 */
export async function verifySeal(text: string, institution: CryptoKey, today: string): Promise<Verdict> {
  const seal = parseSeal(text);
  if (!seal) return { status: 'unreadable' };
  const raw = fromBase64Url(seal.device.publicKey);
  if (!raw || raw.length !== 65) return { status: 'unknown_signer' };
  if (!(await verify(institution, seal.device.signature, `${DEVICE_TAG}.${seal.device.body}`))) return { status: 'unknown_signer' };
  if (seal.fields.issued > seal.device.notAfter) return { status: 'unknown_signer' };
  let deviceKey: CryptoKey;
  try {
    deviceKey = await importPublic(raw);
  } catch {
    return { status: 'unknown_signer' };
  }
  if (!(await verify(deviceKey, seal.signature, seal.body))) return { status: 'altered' };
  const keyId = seal.device.keyId;
  if (seal.fields.validUntil && seal.fields.validUntil < today) return { status: 'expired', fields: seal.fields, keyId };
  return { status: 'valid', fields: seal.fields, keyId };
}
