import { beforeAll, describe, expect, it } from 'vitest';
import { certifyDeviceKey, exportPublicKey, generateInstitutionKey, generateSigningKey, sealCertificate, type SealedFields, verifySeal } from './seal.ts';
import { fromBase64Url, toBase64Url } from './base64url.ts';

const FIELDS: SealedFields = {
  number: 'ATT-DLA-261202-000042',
  certType: 'non_debt',
  personNumber: '415120',
  personName: 'Œuvres Sociales Ébodé & Fils',
  issued: '2026-12-02',
  validUntil: '2027-03-01',
  branch: 'dla',
};

let institution: CryptoKeyPair;
let device: CryptoKeyPair;
let deviceCert: string;

beforeAll(async () => {
  institution = await generateInstitutionKey();
  device = await generateSigningKey();
  deviceCert = await certifyDeviceKey(institution.privateKey, { keyId: 'dla-C03-7Q2K', notAfter: '2027-12-31', publicKey: await exportPublicKey(device.publicKey) });
});

/** The seal with one character of `field`'s value changed, the signature kept. */
function alter(seal: string, from: string, to: string): string {
  expect(seal).toContain(from);
  return seal.replace(from, to);
}

describe('certificate seal (issue 13)', () => {
  it('verifies with the institution key alone, and gives back what the paper certifies', async () => {
    const seal = await sealCertificate(FIELDS, device.privateKey, deviceCert);
    expect(await verifySeal(seal, institution.publicKey, '2026-12-02')).toEqual({ status: 'valid', fields: FIELDS, keyId: 'dla-C03-7Q2K' });
    expect(await verifySeal(seal, institution.publicKey, '2027-03-01')).toMatchObject({ status: 'valid' });
  });

  it('says expired the day after its validity', async () => {
    const seal = await sealCertificate(FIELDS, device.privateKey, deviceCert);
    expect(await verifySeal(seal, institution.publicKey, '2027-03-02')).toMatchObject({ status: 'expired', fields: FIELDS });
  });

  it('says altered when one character of the content changed', async () => {
    const seal = await sealCertificate(FIELDS, device.privateKey, deviceCert);
    expect(await verifySeal(alter(seal, '|415120|', '|415121|'), institution.publicKey, '2026-12-02')).toEqual({ status: 'altered' });
    expect(await verifySeal(alter(seal, '2027-03-01', '2028-03-01'), institution.publicKey, '2026-12-02')).toEqual({ status: 'altered' });
    expect(await verifySeal(alter(seal, 'Ébodé', 'Ebodé'), institution.publicKey, '2026-12-02')).toEqual({ status: 'altered' });
  });

  it('says unknown signer for a device key the institution never certified, or another institution key', async () => {
    const rogue = await generateSigningKey();
    const selfCertified = await certifyDeviceKey(rogue.privateKey, { keyId: 'dla-C03-7Q2K', notAfter: '2027-12-31', publicKey: await exportPublicKey(rogue.publicKey) });
    const forged = await sealCertificate(FIELDS, rogue.privateKey, selfCertified);
    expect(await verifySeal(forged, institution.publicKey, '2026-12-02')).toEqual({ status: 'unknown_signer' });
    // A real device certificate, but the seal signed with another key: the signature does not match the certified key.
    const borrowed = await sealCertificate(FIELDS, rogue.privateKey, deviceCert);
    expect(await verifySeal(borrowed, institution.publicKey, '2026-12-02')).toEqual({ status: 'altered' });
    const other = await generateInstitutionKey();
    const seal = await sealCertificate(FIELDS, device.privateKey, deviceCert);
    expect(await verifySeal(seal, other.publicKey, '2026-12-02')).toEqual({ status: 'unknown_signer' });
  });

  it('says unknown signer when the device certificate had ended before the issue date, or its end was moved', async () => {
    const short = await certifyDeviceKey(institution.privateKey, { keyId: 'dla-C03-7Q2K', notAfter: '2026-11-30', publicKey: await exportPublicKey(device.publicKey) });
    expect(await verifySeal(await sealCertificate(FIELDS, device.privateKey, short), institution.publicKey, '2026-12-02')).toEqual({ status: 'unknown_signer' });
    const stretched = short.replace('.2026-11-30.', '.2027-11-30.');
    expect(await verifySeal(await sealCertificate(FIELDS, device.privateKey, stretched), institution.publicKey, '2026-12-02')).toEqual({ status: 'unknown_signer' });
  });

  it('reads nothing from text that is not a seal', async () => {
    for (const text of ['', 'hello', 'FOC1|a|b', 'FOC2|1|2|3|4|2026-12-02|-|dla|a.b.c.d|sig']) {
      expect(await verifySeal(text, institution.publicKey, '2026-12-02')).toEqual({ status: 'unreadable' });
    }
  });

  it('seals a separator inside a field as /, so the paper cannot be re-cut', async () => {
    const seal = await sealCertificate({ ...FIELDS, personName: 'A|B' }, device.privateKey, deviceCert);
    expect(await verifySeal(seal, institution.publicKey, '2026-12-02')).toMatchObject({ status: 'valid', fields: { personName: 'A/B' } });
  });

  it('encodes base64url both ways and refuses what is not', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    for (const n of [0, 1, 2, 3, 64, 65, 256]) expect(fromBase64Url(toBase64Url(bytes.slice(0, n)))).toEqual(bytes.slice(0, n));
    expect(fromBase64Url('a+b=')).toBeNull();
    expect(fromBase64Url('abcde')).toBeNull();
  });
});
