/**
 * Revoking a certificate in Chromium against the real server (issue 13): the back office finds a
 * certificate by the end of its number, is refused without a reason and with "other" and no
 * details (nothing written), revokes it with a reason; the revocation is on the server in the
 * agent's name. Signed out, /verify then says "revoked" with the reason; with the network cut it
 * still checks the signature and says a revocation cannot be seen; when the server cannot tell,
 * it says the revocation could not be checked. Axe and CSP clean.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { backOfficePage } from '../desk/support/filing-page.ts';
import { useBrowserApp } from '../browser/support/browser-app.ts';
import { ADMIN, basicAuth, couch, couchAt, engineUrl, signIn } from '../support/couch-http.ts';
import { waitFor } from '../support/wait-for.ts';
import { axeViolations, cspViolations, describeFindings, watchCsp } from '../support/page-audit.ts';
import { exportPublicKey, generateSigningKey, sealCertificate, type SealedFields } from '../../app/certificates/seal.ts';
import { toBase64Url } from '../../app/certificates/base64url.ts';
import { branchDay } from '../../app/queue/numbering.ts';
import { addMonths } from '../../app/certificates/eligibility.ts';
import { uid } from '../../couch-design/ids/uid.ts';
import { certificateId } from '../../couch-design/types/certificate.ts';
import { certificateRevocationId } from '../../couch-design/types/certificate-revocation.ts';
import { en } from '../../app/i18n/en.ts';
import { fr } from '../../app/i18n/fr.ts';

const app = useBrowserApp();
const admin = basicAuth(ADMIN.name, ADMIN.password);
const HOLDER = { _id: 'person:9990002', type: 'person', kind: 'employer', number: '9990002', companyName: 'Mballa Frères SA', accountNumber: '9990002' };

/** A certificate as a counter tablet issues it: sealed by a device key the server certified, written by the counter. */
async function issuedCertificate(): Promise<{ number: string; seal: string }> {
  const r0 = await couchAt(engineUrl(app.server), admin, 'PUT', `/fo_people/${encodeURIComponent(HOLDER._id)}`, HOLDER);
  expect(r0.status, JSON.stringify(r0.body)).toBe(201);
  const day = branchDay(new Date(), 'Africa/Douala');
  const number = `ATT-DLA-${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}-REVTEST-001`;
  const counter = await signIn(app.url, 'counter.dla', 'demo-counter');
  const device = await generateSigningKey();
  const r = await fetch(`${app.url}/api/certificates/device-key`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...counter.headers },
    body: JSON.stringify({ keyId: 'dla-C04-revtest1', publicKey: toBase64Url(await exportPublicKey(device.publicKey)) }),
  });
  expect(r.status).toBe(200);
  const fields: SealedFields = { number, certType: 'affiliation', personNumber: HOLDER.number, personName: HOLDER.companyName, issued: day, validUntil: addMonths(day, 3), branch: 'dla' };
  const seal = await sealCertificate(fields, device.privateKey, ((await r.json()) as { certificate: string }).certificate);
  const id = certificateId(day, uid(Date.now(), 'revtest', 1));
  const doc = {
    _id: id, type: 'certificate', branch: 'dla', day, certType: 'affiliation', person: HOLDER._id, number, seal, keyId: 'dla-C04-revtest1',
    certified: { rule: 'registered', number: HOLDER.number, kind: 'employer' }, locale: 'fr', issuedAt: new Date().toISOString(), validUntil: addMonths(day, 3), agent: 'counter.dla', counter: 'C04',
  };
  const put = await couch(app.url, counter, 'PUT', `/fo_branch_dla/${encodeURIComponent(id)}`, doc);
  expect(put.status, JSON.stringify(put.body)).toBe(201);
  return { number, seal };
}

async function backOffice(): Promise<Page> {
  return (await backOfficePage(app)).page;
}

const settled = (page: Page) => waitFor('no action in flight', async () => ((await page.locator('[aria-busy="true"]').count()) === 0 ? true : null));

async function verifyPage(seal: string): Promise<Page> {
  const context = await app.context();
  await watchCsp(context);
  const page = await context.newPage();
  await page.goto(`${app.url}/verify#${encodeURIComponent(seal)}`);
  await page.getByTestId('verify-result').waitFor();
  return page;
}

async function verdictOf(page: Page, seal: string): Promise<{ status: string | null; text: string }> {
  await page.getByTestId('verify-code').fill(seal);
  await page.getByTestId('verify-submit').click();
  await waitFor('a new verdict', async () => ((await page.getByTestId('verify-result').count()) === 1 && (await page.getByTestId('verify-submit').isEnabled()) ? true : null));
  const result = page.getByTestId('verify-result');
  return { status: await result.getAttribute('data-status'), text: (await result.textContent()) ?? '' };
}

describe('revoking a certificate (issue 13)', () => {
  it('the back office revokes it with a reason (bad input refused, nothing written); /verify says revoked online, could-not-check offline', async () => {
    const { number, seal } = await issuedCertificate();
    const before = await verifyPage(seal);
    expect(await before.getByTestId('verify-result').getAttribute('data-status')).toBe('valid');

    const page = await backOffice();
    await page.getByTestId('bo-tab-certificates').click();
    await page.getByTestId('certrev-query').fill('01');
    await page.getByTestId('certrev-find').click();
    await page.getByText(fr['certrev.tooShort']).waitFor();
    // The end of the number as a caller reads it out, with spaces.
    await page.getByTestId('certrev-query').fill('revtest 001');
    await page.getByTestId('certrev-find').click();
    const item = page.locator(`[data-testid="certrev-item"][data-number="${number}"]`);
    await item.waitFor({ timeout: 60_000 });
    expect(await item.getAttribute('data-revoked')).toBe('false');
    expect(await item.textContent()).toContain('Mballa Frères SA (9990002)');
    expect(describeFindings(await axeViolations(page)), 'axe on the search').toBe('');

    await page.getByTestId(`certrev-choose-${number}`).click();
    await page.getByTestId('certrev-form').waitFor();
    await page.getByTestId('certrev-confirm').click();
    await settled(page);
    expect(await page.locator('.certrev-form .field-error').innerText()).toBe(fr['certrev.error.reason_required']);
    await page.getByTestId('certrev-reason').selectOption('other');
    await page.getByTestId('certrev-confirm').click();
    await settled(page);
    expect(await page.locator('.certrev-form .field-error').innerText()).toBe(fr['certrev.error.note_required']);
    expect(describeFindings(await axeViolations(page)), 'axe with the error').toBe('');
    const id = certificateRevocationId(number);
    expect((await couch(app.url, admin, 'GET', `/fo_branch_dla/${encodeURIComponent(id)}`)).status, 'nothing written').toBe(404);

    await page.getByTestId('certrev-reason').selectOption('issued_in_error');
    await page.getByTestId('certrev-note').fill('Mauvais employeur choisi au guichet');
    await page.getByTestId('certrev-confirm').click();
    await page.getByTestId('certrev-done').waitFor();
    await waitFor('the item shown revoked', async () => ((await item.getAttribute('data-revoked')) === 'true' ? true : null));
    expect(await page.getByTestId(`certrev-choose-${number}`).count()).toBe(0);
    const stored = await couch(app.url, admin, 'GET', `/fo_branch_dla/${encodeURIComponent(id)}`);
    expect(stored.body).toMatchObject({ type: 'certificate_revocation', number, reason: 'issued_in_error', note: 'Mauvais employeur choisi au guichet', agent: 'backoffice.dla' });
    expect(await cspViolations(page)).toEqual([]);

    // Signed out: the same paper, still correctly signed, is now revoked.
    const after = await verifyPage(seal);
    const result = after.getByTestId('verify-result');
    expect(await result.getAttribute('data-status')).toBe('revoked');
    expect(await result.textContent()).toContain(`(${en['certrev.reason.issued_in_error']}). Do not accept it.`);
    expect(await result.textContent()).not.toContain('Mauvais employeur');
    expect(describeFindings(await axeViolations(after)), 'axe on revoked').toBe('');

    // The server cannot tell (an answer lost on the way): "could not be checked", never "not revoked".
    await after.route('**/api/certificates/revocations/**', (route) => route.abort('failed'));
    const unknown = await verdictOf(after, seal);
    expect(unknown.status).toBe('valid');
    expect(unknown.text).toContain(en['verify.revocationUnknown']);
    // No network at all: the kept key checks the signature, and the page says a revocation cannot be seen.
    await after.context().setOffline(true);
    const offline = await verdictOf(after, seal);
    expect(offline.status).toBe('valid');
    expect(offline.text).toContain(en['verify.offlineKeys']);
    expect(await cspViolations(after)).toEqual([]);
  }, 240_000);
});
