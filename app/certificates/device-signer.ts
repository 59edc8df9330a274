/**
 * This device's certificate-signing key (issue 13): made once, not extractable, kept in
 * IndexedDB (a CryptoKey survives there as itself; its private half never exists outside
 * WebCrypto), certified by the server the first time the device is online with a signed-in
 * issuer, and renewed when its certificate nears its end. A tablet that was certified once
 * issues offline from then on.
 */
import { exportPublicKey, generateSigningKey, sealCertificate, type SealedFields } from './seal.ts';
import { toBase64Url } from './base64url.ts';
import { addDays } from './eligibility.ts';

const DB = 'fo-signing';
const STORE = 'keys';
const RECORD = 'device';
const RENEW_DAYS = 30;

interface Stored {
  keyId: string;
  pair: CryptoKeyPair;
  certificate?: string;
  notAfter?: string;
}

export interface Signer {
  keyId: string;
  seal(fields: SealedFields): Promise<string>;
}

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

async function open(): Promise<IDBDatabase> {
  const r = indexedDB.open(DB, 1);
  r.onupgradeneeded = () => r.result.createObjectStore(STORE);
  return request(r);
}

async function read(): Promise<Stored | undefined> {
  const db = await open();
  try {
    return await request(db.transaction(STORE).objectStore(STORE).get(RECORD) as IDBRequest<Stored | undefined>);
  } finally {
    db.close();
  }
}

async function write(record: Stored): Promise<void> {
  const db = await open();
  try {
    await request(db.transaction(STORE, 'readwrite').objectStore(STORE).put(record, RECORD));
  } finally {
    db.close();
  }
}

function randomId(): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(9)));
}

/**
 * Makes the key if there is none, and has it certified (or renewed) when the server answers.
 * Quiet when offline: the device keeps what it has. `branch` names the key for the logs.
 */
export async function ensureCertified(branch: string, today: string, fetcher: typeof fetch = fetch): Promise<void> {
  let record = await read();
  if (!record) {
    record = { keyId: `${branch}-${randomId()}`, pair: await generateSigningKey() };
    await write(record);
  }
  if (record.certificate && record.notAfter && record.notAfter > addDays(today, RENEW_DAYS)) return;
  try {
    const r = await fetcher('/api/certificates/device-key', {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ keyId: record.keyId, publicKey: toBase64Url(await exportPublicKey(record.pair.publicKey)) }),
    });
    if (!r.ok) return;
    const { certificate, notAfter } = (await r.json()) as { certificate: string; notAfter: string };
    await write({ ...record, certificate, notAfter });
  } catch {
    // Offline: certified at the next start with a network.
  }
}

/** The signer, or null when this device was never certified (it has never been online to issue). */
export async function deviceSigner(today: string): Promise<Signer | null> {
  const record = await read();
  if (!record?.certificate || !record.notAfter || record.notAfter < today) return null;
  const { certificate, pair, keyId } = record;
  return { keyId, seal: (fields) => sealCertificate(fields, pair.privateKey, certificate) };
}
