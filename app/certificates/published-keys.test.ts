import { describe, expect, it } from 'vitest';
import { certifyDeviceKey, exportPublicKey, generateInstitutionKey, generateSigningKey, sealCertificate } from './seal.ts';
import { toBase64Url } from './base64url.ts';
import { loadPublishedKeys, sealFromScan, verifyWithKeys } from './published-keys.ts';

function memoryStorage() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
}

describe('published institution keys', () => {
  it('keeps the server list and falls back to it with no network; says none when never online', async () => {
    const storage = memoryStorage();
    const keys = [{ kid: 'k1', alg: 'ES256', publicKey: 'AAAA' }];
    const online = (async () => new Response(JSON.stringify({ keys }), { status: 200 })) as typeof fetch;
    const offline = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    expect(await loadPublishedKeys(offline, storage)).toEqual({ keys: null });
    expect(await loadPublishedKeys(online, storage)).toEqual({ keys, from: 'server' });
    expect(await loadPublishedKeys(offline, storage)).toEqual({ keys, from: 'device' });
  });

  it('reads the seal from the verification URL a phone scans, or as it is', () => {
    expect(sealFromScan('https://fo.example/verify#FOC1%7CA%C3%89')).toBe('FOC1|AÉ');
    expect(sealFromScan('  FOC1|x  ')).toBe('FOC1|x');
  });

  it('verifies under whichever published key certified the device, old or new', async () => {
    const [old, current] = [await generateInstitutionKey(), await generateInstitutionKey()];
    const device = await generateSigningKey();
    const cert = await certifyDeviceKey(old.privateKey, { keyId: 'dla-C01-abcdefgh', notAfter: '2027-12-31', publicKey: await exportPublicKey(device.publicKey) });
    const seal = await sealCertificate({ number: 'N1', certType: 'affiliation', personNumber: '1', personName: 'A', issued: '2026-12-02', branch: 'dla' }, device.privateKey, cert);
    const published = async (k: CryptoKeyPair, kid: string) => ({ kid, alg: 'ES256', publicKey: toBase64Url(await exportPublicKey(k.publicKey)) });
    expect(await verifyWithKeys(seal, [await published(current, 'new'), await published(old, 'old')], '2026-12-02')).toMatchObject({ status: 'valid' });
    expect(await verifyWithKeys(seal, [await published(current, 'new')], '2026-12-02')).toEqual({ status: 'unknown_signer' });
  });
});
