/**
 * The public verification page in Chromium (issue 13), signed out: a seal made by a device whose
 * key the real server certified opens as genuine from the link a phone scans; one character
 * changed says altered, a self-certified key says unknown signer, junk says unreadable; with
 * the network cut the page still verifies with the key it kept, and says so. Axe and CSP clean.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserApp } from '../browser/support/browser-app.ts';
import { axeViolations, cspViolations, describeFindings, watchCsp } from '../support/page-audit.ts';
import { signIn } from '../support/couch-http.ts';
import { certifyDeviceKey, exportPublicKey, generateSigningKey, sealCertificate, type SealedFields } from '../../app/certificates/seal.ts';
import { toBase64Url } from '../../app/certificates/base64url.ts';
import { en } from '../../app/i18n/en.ts';

const app = useBrowserApp();

async function certifiedSeal(fields: SealedFields): Promise<string> {
  const device = await generateSigningKey();
  const counter = await signIn(app.url, 'counter.dla', 'demo-counter');
  const r = await fetch(`${app.url}/api/certificates/device-key`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...counter.headers },
    body: JSON.stringify({ keyId: 'dla-C02-browser1', publicKey: toBase64Url(await exportPublicKey(device.publicKey)) }),
  });
  expect(r.status).toBe(200);
  const { certificate } = (await r.json()) as { certificate: string };
  return sealCertificate(fields, device.privateKey, certificate);
}

async function verdict(page: Page, code: string): Promise<{ status: string | null; text: string }> {
  await page.getByTestId('verify-code').fill(code);
  await page.getByTestId('verify-submit').click();
  const result = page.getByTestId('verify-result');
  await result.waitFor();
  return { status: await result.getAttribute('data-status'), text: (await result.textContent()) ?? '' };
}

describe('/verify, signed out (issue 13)', () => {
  const today = new Date().toISOString().slice(0, 10);
  const fields: SealedFields = { number: 'ATT-DLA-261202-0007', certType: 'non_debt', personNumber: '415120', personName: 'Œuvres Sociales Ébodé & Fils', issued: today, validUntil: '2099-01-01', branch: 'dla' };

  it('opens a scanned link as genuine; an altered, a foreign and an unreadable code each say so; offline it still verifies', async () => {
    const seal = await certifiedSeal(fields);
    const context = await app.context({ viewport: { width: 390, height: 844 } });
    await watchCsp(context);
    const page = await context.newPage();
    await page.goto(`${app.url}/verify#${encodeURIComponent(seal)}`);
    const result = page.getByTestId('verify-result');
    await result.waitFor();
    expect(await result.getAttribute('data-status')).toBe('valid');
    expect(await result.textContent()).toContain(en['verify.valid']);
    expect(await page.getByTestId('verify-number').textContent()).toBe(fields.number);
    expect(await result.textContent()).toContain('Œuvres Sociales Ébodé & Fils (415120)');
    expect(describeFindings(await axeViolations(page))).toBe('');

    expect(await verdict(page, seal.replace('|415120|', '|415129|'))).toEqual({ status: 'altered', text: en['verify.altered'] });
    const rogue = await generateSigningKey();
    const selfCertified = await certifyDeviceKey(rogue.privateKey, { keyId: 'rogue-device', notAfter: '2099-01-01', publicKey: await exportPublicKey(rogue.publicKey) });
    expect(await verdict(page, await sealCertificate(fields, rogue.privateKey, selfCertified))).toEqual({ status: 'unknown_signer', text: en['verify.unknown_signer'] });
    expect(await verdict(page, 'https://example.org/not-a-certificate')).toEqual({ status: 'unreadable', text: en['verify.unreadable'] });

    await context.setOffline(true);
    const offline = await verdict(page, seal);
    expect(offline.status).toBe('valid');
    expect(offline.text).toContain(en['verify.offlineKeys']);
    expect(await cspViolations(page)).toEqual([]);
  });

  it('asks for the code when none is given, and says the key is missing on a device that was never online', async () => {
    const context = await app.context();
    const page = await context.newPage();
    await page.goto(`${app.url}/verify`);
    await page.getByTestId('verify-submit').click();
    await page.getByText(en['verify.codeMissing']).waitFor();
    expect(await page.getByTestId('verify-result').count()).toBe(0);
    await context.route('**/api/certificates/institution-key', (route) => route.abort('internetdisconnected'));
    expect(await verdict(page, 'FOC1|x')).toEqual({ status: 'no_keys', text: en['verify.noKeys'] });
  });
});
