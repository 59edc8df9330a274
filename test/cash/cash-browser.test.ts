/**
 * The cash desk in Chromium against the real server (issue 12): a cashier opens a session
 * (float counted note by note), takes three contribution receipts — cash, cheque, transfer —
 * each printed at once (PDF fallback, read with pdftotext: amount in figures and in words,
 * document number, account, designation, cashier, counter), pays a beneficiary's authorised
 * payment order (the slip with its signature line; the order then neither offered nor payable
 * again: the server refuses it), reverses one receipt, voids a number and
 * closes with a blind count that differs. The day journal shows every number once, in order,
 * the reversal negative, the totals right and the chain intact; the server holds the same.
 * Bad amounts are refused with their message and nothing is written. The journal downloads as
 * PDF and CSV, the X and Z reports as PDF (read with pdftotext). Then: a variance signed off by
 * a supervisor; head office's day totals and variances from fo_central; and a desk whose network
 * is cut numbering on offline (receipt, payment of an order, void) until it syncs. axe-core and
 * the CSP find nothing at 1280×800.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserApp } from '../browser/support/browser-app.ts';
import { demoUser } from '../browser/support/demo-users.ts';
import { SignInPage } from '../browser/pages/sign-in-page.ts';
import { Shell } from '../browser/pages/shell.ts';
import { ADMIN, basicAuth, couch, signIn } from '../support/couch-http.ts';
import { axeViolations, cspViolations, describeFindings, keepScreenshot, watchCsp } from '../support/page-audit.ts';
import { en } from '../../app/i18n/en.ts';
import type { CashEntry } from '../../couch-design/types/cash-entry.ts';
import type { CashSession } from '../../couch-design/types/cash.ts';
import type { AccountLine } from '../../couch-design/types/account-line.ts';
import { verifyChain } from '../../app/cash/chain.ts';
import { contributionDesignation } from '../../app/cash/designation.ts';
import { formatAmount } from '../../app/cash/money.ts';
import type { PaymentOrder } from '../../couch-design/types/payment-order.ts';
import type { Person } from '../../couch-design/types/person.ts';

const PDFTOTEXT = '/usr/bin/pdftotext';
const app = useBrowserApp();
const admin = basicAuth(ADMIN.name, ADMIN.password);
const downloads = mkdtempSync(join(tmpdir(), 'fo-cash-'));
afterAll(() => rmSync(downloads, { recursive: true, force: true }));

async function serverEntries(): Promise<CashEntry[]> {
  const res = await couch(app.url, admin, 'GET', `/fo_branch_dla/_all_docs?startkey="cash:dla:"&endkey="cash:dla:\uffff"&include_docs=true`);
  return (res.body.rows as { doc: CashEntry }[]).map((r) => r.doc);
}

async function serverSession(id: string): Promise<CashSession> {
  return (await couch(app.url, admin, 'GET', `/fo_branch_dla/${encodeURIComponent(id)}`)).body as CashSession;
}

/** An employer with at least one period due, and those periods (from the server's account lines). */
async function employerWithDues(): Promise<{ account: string; due: string[] }> {
  const res = await couch(app.url, admin, 'GET', `/fo_people/_all_docs?startkey="accline:"&endkey="accline:\uffff"&include_docs=true&limit=2000`);
  const lines = (res.body.rows as { doc: AccountLine }[]).map((r) => r.doc).filter((l) => l.amountDue > l.amountPaid);
  const first = lines.find((l) => l.employer === 'person:415120') ?? lines[0]!;
  const account = first.employer.slice('person:'.length);
  return { account, due: lines.filter((l) => l.employer === first.employer).map((l) => l.period).sort() };
}

/** A punctual payment the back office authorised at dla (demo data), with its beneficiary. */
async function authorisedOrder(): Promise<{ order: PaymentOrder; person: Person }> {
  const res = await couch(app.url, admin, 'GET', `/fo_branch_dla/_all_docs?startkey="payorder:dla:"&endkey="payorder:dla:\uffff"&include_docs=true`);
  const order = (res.body.rows as { doc: PaymentOrder }[]).map((r) => r.doc).find((o) => o.state === 'authorised' && o.kind === 'punctual_payment')!;
  const person = (await couch(app.url, admin, 'GET', `/fo_people/${encodeURIComponent(order.beneficiary)}`)).body as Person;
  return { order, person };
}

const money = (minor: number) => formatAmount(minor, 0, 'en', { trailingMinus: true });

const lines = (text: string) => text.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean);

/** Runs `act`, which prints, and returns the text of the PDF it downloaded. */
async function printed(page: Page, act: () => Promise<void>, name: string): Promise<string[]> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), act()]);
  const file = join(downloads, name);
  await download.saveAs(file);
  return lines(execFileSync(PDFTOTEXT, ['-layout', file, '-'], { encoding: 'utf8' }));
}

async function audit(page: Page, name: string) {
  expect(describeFindings(await axeViolations(page)), `axe on ${name}`).toBe('');
  expect(await cspViolations(page), `CSP on ${name}`).toEqual([]);
}

async function findEmployer(page: Page, account: string) {
  await page.getByTestId('cash-employer-query').fill(account);
  // Right after sign-in the people replica may still be arriving: search again as the cashier would.
  await expect
    .poll(async () => {
      await page.getByTestId('cash-employer-find').click();
      await page.locator('[data-testid^="cash-employer-"]:not([data-testid="cash-employer-query"]):not([data-testid="cash-employer-find"])').first().waitFor();
      return page.getByTestId(`cash-employer-${account}`).count();
    }, { timeout: 60_000 })
    .toBe(1);
  await page.getByTestId(`cash-employer-${account}`).click();
  await page.getByTestId('cash-payer').waitFor();
}

describe('cash desk', () => {
  it('opens a session, takes three receipts, pays an order, reverses one, voids a number, closes blind; journal and server agree', async () => {
    expect(existsSync(PDFTOTEXT), 'poppler-utils (pdftotext) is needed').toBe(true);
    const context = await app.context({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    await watchCsp(context);
    // This device prints through the PDF fallback (no USB printer here).
    await context.addInitScript(() => {
      if (location.protocol === 'http:') localStorage.setItem('fo.printer.settings', JSON.stringify({ fallback: 'pdf' }));
    });
    const page = await context.newPage();
    const user = demoUser('cashier.dla');
    await (await SignInPage.open(page, app.url)).signInAs(user);
    await new Shell(page).waitForScreen('cashier');
    const { account, due } = await employerWithDues();

    // 1. Open: the float counted note by note, 5 × 10 000 + 10 × 1 000 = 60 000.
    await page.getByTestId('cash-open-panel').waitFor();
    await page.getByTestId('cash-desk').selectOption('C07');
    await page.getByTestId('cash-float-mode-pieces').check();
    await page.getByTestId('cash-float-piece-10000').fill('5');
    await page.getByTestId('cash-float-piece-1000').fill('10');
    await audit(page, 'the opening form');
    await page.getByTestId('cash-open').click();
    const bar = page.getByTestId('cash-session');
    await bar.waitFor();
    const sessionId = (await bar.getAttribute('data-session'))!;
    expect(sessionId).toBe('cashsession:dla:C07:000001');
    const opened = await serverSession(sessionId);
    expect(opened).toMatchObject({ state: 'open', cashier: 'cashier.dla', counter: 'C07', openingFloat: 60000, openingCount: [[10000, 5], [1000, 10]], firstNumber: 1 });

    // 2. Bad amounts: each refused with its message, nothing written.
    await findEmployer(page, account);
    await page.getByTestId(`cash-period-${due[0]}`).check();
    expect(await page.getByTestId('cash-designation').inputValue()).toBe(contributionDesignation([due[0]!]));
    const badAmounts: [string, string][] = [
      ['', en['cash.amount.required']],
      ['abc', en['cash.amount.bad_format']],
      ['12.5', en['cash.amount.too_precise']],
      ['0', en['cash.amount.not_positive']],
      ['-500', en['cash.amount.not_positive']],
      ['12,50', en['cash.amount.bad_format']],
      ['999,999,999,999', en['cash.amount.too_large']],
    ];
    for (const [typed, message] of badAmounts) {
      await page.getByTestId('cash-amount').fill(typed);
      await page.getByTestId('cash-save').click();
      await expect.poll(() => page.getByTestId('cash-receipt-errors').textContent()).toContain(message);
      expect(await page.getByTestId('cash-amount').getAttribute('aria-invalid'), typed).toBe('true');
    }
    expect(await serverEntries()).toEqual([]);
    expect(await page.getByTestId('cash-row').count()).toBe(0);
    await audit(page, 'the receipt form showing its errors');

    // 3. Three receipts: cash 12,500; cheque 30 000; transfer 45000. Each prints at once.
    await page.getByTestId('cash-amount').fill('12,500');
    const first = await printed(page, () => page.getByTestId('cash-save').click(), 'r1.pdf');
    expect(first).toEqual(expect.arrayContaining(['CASH RECEIPT', 'Twelve thousand five hundred CFA francs.']));
    const firstText = first.join('\n');
    for (const part of ['00000001', account, contributionDesignation([due[0]!]), 'cashier.dla', 'C07', '12,500']) expect(firstText, part).toContain(part);
    await page.locator('[data-testid="cash-row"][data-number="1"]').waitFor();
    // The next receipt's form starts clean.
    expect(await page.getByTestId('cash-employer-query').inputValue()).toBe('');
    expect(await page.getByTestId('cash-amount').inputValue()).toBe('');

    await findEmployer(page, account);
    await page.getByTestId(`cash-period-${due[0]}`).check();
    await page.getByTestId('cash-means-cheque').check();
    await page.getByTestId('cash-amount').fill('30 000');
    await page.getByTestId('cash-bank').fill('Afriland First Bank');
    await page.getByTestId('cash-cheque').fill('chq-0042');
    const second = (await printed(page, () => page.getByTestId('cash-save').click(), 'r2.pdf')).join('\n');
    expect(second).toContain('00000002');
    expect(second).toContain('Thirty thousand CFA francs.');
    await page.locator('[data-testid="cash-row"][data-number="2"]').waitFor();

    await findEmployer(page, account);
    for (const p of due.slice(0, 2)) await page.getByTestId(`cash-period-${p}`).check();
    await page.getByTestId('cash-means-transfer').check();
    await page.getByTestId('cash-amount').fill('45000');
    await page.getByTestId('cash-save').click();
    await expect.poll(() => page.getByTestId('cash-receipt-errors').textContent()).toContain(en['cash.receipt.needReference']);
    await page.getByTestId('cash-reference').fill('TRF-2024-0042');
    const third = (await printed(page, () => page.getByTestId('cash-save').click(), 'r3.pdf')).join('\n');
    expect(third).toContain('00000003');
    expect(third).toContain('Forty-five thousand CFA francs.');
    await page.locator('[data-testid="cash-row"][data-number="3"]').waitFor();

    // 4. Pay the beneficiary's authorised order, found by their number, against their identity card.
    const { order, person } = await authorisedOrder();
    const orderNo = order._id.slice('payorder:dla:'.length);
    expect(order.amount, 'the demo punctual payment').toBe(50000);
    await page.getByTestId('cash-pay').click();
    await page.getByTestId('cash-pay-query').fill(person.number);
    await expect
      .poll(async () => {
        await page.getByTestId('cash-pay-find').click();
        return page.getByTestId(`cash-pay-person-${person.number}`).count();
      }, { timeout: 60_000 })
      .toBe(1);
    await page.getByTestId(`cash-pay-person-${person.number}`).click();
    await page.getByTestId(`cash-order-${orderNo}`).check();
    await page.getByTestId('cash-pay-save').click();
    await expect.poll(() => page.getByTestId('cash-pay-panel').textContent()).toContain(en['cash.pay.needIdDocument']);
    await audit(page, 'the payment form');
    await page.getByTestId('cash-pay-id').fill('CNI 112233445');
    const slip = await printed(page, () => page.getByTestId('cash-pay-save').click(), 'p4.pdf');
    const slipText = slip.join('\n');
    expect(slip).toEqual(expect.arrayContaining(['CASH PAYMENT SLIP', 'Fifty thousand CFA francs.', en['print.cash.signature']]));
    for (const part of ['00000004', person.number, order.designation, 'cashier.dla', 'C07']) expect(slipText, part).toContain(part);
    await page.locator('[data-testid="cash-row"][data-number="4"]').waitFor();
    const paid = (await couch(app.url, admin, 'GET', `/fo_branch_dla/${encodeURIComponent(order._id)}`)).body as PaymentOrder;
    expect(paid).toMatchObject({ state: 'paid', entry: 'cash:dla:C07:00000004', counter: 'C07', paidBy: 'cashier.dla' });

    // Paying it again: the screen does not offer it (typed by number, it says when and where it was paid) …
    await page.getByTestId('cash-pay').click();
    await page.getByTestId('cash-pay-query').fill(orderNo);
    await page.getByTestId('cash-pay-find').click();
    await expect.poll(() => page.getByTestId('cash-pay-settled').textContent()).toContain('00000004');
    expect(await page.getByTestId(`cash-order-${orderNo}`).count()).toBe(0);
    await audit(page, 'an order already paid');
    await page.getByTestId('cash-pay-cancel').click();
    // … and the server refuses a second payment of it, even by the same cashier with its current revision.
    const cashier = await signIn(app.url, user.name, user.password);
    const again = await couch(app.url, cashier, 'PUT', `/fo_branch_dla/${encodeURIComponent(order._id)}`, { ...paid, entry: 'cash:dla:C07:00000009' });
    expect(again.status).toBe(403);
    expect((await couch(app.url, admin, 'GET', `/fo_branch_dla/${encodeURIComponent(order._id)}`)).body._rev).toBe(paid._rev);

    // 5. Reverse the cheque (below the approval threshold) with its reason; it prints as a reversal.
    await page.getByTestId('cash-reverse-2').click();
    await page.getByTestId('cash-reverse-confirm').click();
    await expect.poll(() => page.getByTestId('cash-reverse-panel').textContent()).toContain(en['cash.reverse.needReason']);
    await page.getByTestId('cash-reverse-reason').fill('Cheque returned unpaid');
    const reversed = (await printed(page, () => page.getByTestId('cash-reverse-confirm').click(), 'r4.pdf')).join('\n');
    expect(reversed).toContain('00000005');
    expect(reversed).toContain('00000002');
    await page.locator('[data-testid="cash-row"][data-number="5"]').waitFor();
    expect(await page.getByTestId('cash-reverse-2').count(), 'an entry is reversed once').toBe(0);
    expect(await page.getByTestId('cash-reverse-5').count(), 'a reversal is not reversed').toBe(0);

    // 6. Void the next number, with its reason.
    await page.getByTestId('cash-void').click();
    await page.getByTestId('cash-void-reason').fill('Spoiled printout');
    await page.getByTestId('cash-void-confirm').click();
    await page.locator('[data-testid="cash-row"][data-number="6"]').waitFor();

    // 7. The journal: every number once, in order; the reversal negative; totals; chain intact.
    const rows = page.getByTestId('cash-row');
    const A = order.amount;
    expect(await rows.evaluateAll((rs) => rs.map((r) => r.getAttribute('data-number')))).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(await rows.evaluateAll((rs) => rs.map((r) => r.getAttribute('data-amount')))).toEqual(['12500', '30000', '45000', String(-A), '-30000', '0']);
    expect(await rows.nth(3).textContent()).toContain(money(-A));
    expect(await rows.nth(4).textContent()).toContain('30,000-');
    expect(await rows.nth(5).textContent()).toContain('Spoiled printout');
    expect(await page.getByTestId('cash-total').textContent()).toBe(money(57500 - A));
    expect(await page.getByTestId('cash-total-cash').textContent()).toBe(money(12500 - A));
    expect(await page.getByTestId('cash-total-punctual_payment').textContent()).toBe(money(-A));
    expect(await page.getByTestId('cash-total-cheque').textContent()).toBe('0');
    expect(await page.getByTestId('cash-total-transfer').textContent()).toBe('45,000');
    expect(await page.getByTestId('cash-total-reversal').textContent()).toBe('30,000-');
    expect(await page.getByTestId('cash-chain').textContent()).toBe(en['cash.journal.chainIntact']);
    expect(await page.getByTestId('cash-journal-head').textContent()).toContain('cashier.dla');
    await keepScreenshot(page, 'cash-desk-journal');
    await audit(page, 'the open session with its journal');

    // The X report so far, as PDF: the totals, never the drawer expected (the count is blind).
    const expected = 60000 + 12500 - A;
    const x = (await printed(page, () => page.getByTestId('cash-x-pdf').click(), 'x.pdf')).join('\n');
    expect(x).toContain('X REPORT');
    expect(x).toMatch(new RegExp(`Total\\s+${money(57500 - A)}`));
    expect(x).not.toContain('Expected');

    // 8. Blind count: nothing expected is shown before the count; 500 short of what is expected.
    await page.getByTestId('cash-close').click();
    await page.getByTestId('cash-close-panel').waitFor();
    expect(await page.getByTestId('cash-result-expected').count()).toBe(0);
    expect(await page.locator('main').textContent()).not.toContain(money(expected));
    await audit(page, 'the blind count');
    await page.getByTestId('cash-count-amount').fill(money(expected - 500));
    await page.getByTestId('cash-count-submit').click();
    const result = page.getByTestId('cash-result');
    await result.waitFor();
    expect(await result.getAttribute('data-state')).toBe('closed');
    expect(await page.getByTestId('cash-result-counted').textContent()).toBe(money(expected - 500));
    expect(await page.getByTestId('cash-result-expected').textContent()).toBe(money(expected));
    expect(await page.getByTestId('cash-result-variance').textContent()).toBe('-500');
    await page.getByTestId('cash-open-panel').waitFor();

    // 9. The day journal as PDF (the brief's layout): every number once, in order, the reversal
    // and the payment negative, the totals, the chain intact.
    const pdf = (await printed(page, () => page.getByTestId('cash-journal-pdf').click(), 'journal.pdf')).join('\n');
    expect(pdf).toContain(`Counter officer cashier.dla · Counter C07`);
    expect(pdf).toMatch(/Day \d\d\/\d\d\/\d{4}/);
    expect([...pdf.matchAll(/^\s*(0000000\d)\b/gm)].map((m) => m[1])).toEqual(['00000001', '00000002', '00000003', '00000004', '00000005', '00000006']);
    expect(pdf).toMatch(new RegExp(`00000004.*${order.designation}.*${money(-A)}`));
    expect(pdf).toMatch(/00000005.*reverses No\. 00000002.*30,000-/);
    expect(pdf).toMatch(/00000006.*Number voided: Spoiled printout/);
    expect(pdf).toMatch(new RegExp(`Total\\s+${money(57500 - A)}`));
    expect(pdf).toMatch(new RegExp(`Cash\\s+${money(12500 - A)}`));
    expect(pdf).toMatch(/Reversals\s+30,000-/);
    expect(pdf).toContain(en['cash.journal.chainIntact']);
    // As CSV: one row per number, ';'-separated, signed amounts.
    const [csvDownload] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByTestId('cash-journal-csv').click()]);
    const csvFile = join(downloads, 'journal.csv');
    await csvDownload.saveAs(csvFile);
    const csv = readFileSync(csvFile, 'utf8').replace(/^\ufeff/, '').split('\r\n').filter(Boolean);
    expect(csv.map((l) => l.split(';')[0])).toEqual([en['cash.journal.number'], '00000001', '00000002', '00000003', '00000004', '00000005', '00000006']);
    expect(csv.map((l) => l.split(';')[5])).toEqual([en['cash.journal.entries'], '12500', '30000', '45000', String(-A), '-30000', '']);
    // The Z report: the session as closed, with what was expected, counted and the variance.
    const z = (await printed(page, () => page.getByTestId('cash-z-pdf').click(), 'z.pdf')).join('\n');
    expect(z).toContain('Z REPORT');
    expect(z).toMatch(new RegExp(`Expected\\s+${money(expected)}`));
    expect(z).toMatch(/Variance\s+500-/);
    await audit(page, 'the closed session with its exports');

    // The server holds the same: six numbers once, chain intact, the session closed with its variance.
    const entries = (await serverEntries()).sort((a, b) => a.number - b.number);
    expect(entries.map((e) => [e.number, e.kind, e.category, e.means ?? null, e.amount ?? null])).toEqual([
      [1, 'receipt', 'contribution', 'cash', 12500],
      [2, 'receipt', 'contribution', 'cheque', 30000],
      [3, 'receipt', 'contribution', 'transfer', 45000],
      [4, 'payment', 'punctual_payment', 'cash', A],
      [5, 'receipt', 'reversal', 'cheque', 30000],
      [6, 'void', 'void', null, null],
    ]);
    expect(entries[1]).toMatchObject({ bank: 'Afriland First Bank', chequeNumber: 'CHQ-0042', account });
    expect(entries[2]).toMatchObject({ reference: 'TRF-2024-0042', periods: due.slice(0, 2), designation: contributionDesignation(due.slice(0, 2)) });
    expect(entries[3]).toMatchObject({ order: order._id, person: order.beneficiary, idDocument: 'CNI 112233445', designation: order.designation });
    expect(entries[4]).toMatchObject({ reverses: 'cash:dla:C07:00000002', reason: 'Cheque returned unpaid' });
    expect(entries[5]).toMatchObject({ reason: 'Spoiled printout' });
    expect(verifyChain(entries).intact).toBe(true);
    expect(await serverSession(sessionId)).toMatchObject({ state: 'closed', countedAmount: expected - 500, expectedAmount: expected, variance: -500, lastNumber: 6, closedBy: 'cashier.dla' });
    await audit(page, 'the closed session');
  }, 240_000);
});

describe('cash desk: a variance above the threshold', () => {
  it('waits for a supervisor, who signs off from the supervisor screen; the next session starts at the next number', async () => {
    const cashierContext = await app.context({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    await watchCsp(cashierContext);
    await cashierContext.addInitScript(() => {
      if (location.protocol === 'http:') localStorage.setItem('fo.printer.settings', JSON.stringify({ fallback: 'pdf' }));
    });
    const page = await cashierContext.newPage();
    await (await SignInPage.open(page, app.url)).signInAs(demoUser('cashier.dla'));
    await new Shell(page).waitForScreen('cashier');
    const { account, due } = await employerWithDues();
    // Whatever this desk did before (the test above, when run with it): the next session and number follow it.
    const before = (await serverEntries()).filter((e) => e.counter === 'C07').length;
    const sessionsBefore = (await couch(app.url, admin, 'GET', `/fo_branch_dla/_all_docs?startkey="cashsession:dla:C07:"&endkey="cashsession:dla:C07:\uffff"`)).body.rows.length as number;

    // The next session of C07 (one amount as the float), one cash receipt of 5,000.
    await page.getByTestId('cash-open-panel').waitFor();
    await page.getByTestId('cash-desk').selectOption('C07');
    await page.getByTestId('cash-float-amount').fill('10,000');
    await page.getByTestId('cash-open').click();
    await page.getByTestId('cash-session').waitFor();
    const sessionId = (await page.getByTestId('cash-session').getAttribute('data-session'))!;
    expect(sessionId).toBe(`cashsession:dla:C07:${String(sessionsBefore + 1).padStart(6, '0')}`);
    expect((await serverSession(sessionId)).firstNumber, 'gapless across sessions').toBe(before + 1);
    await findEmployer(page, account);
    await page.getByTestId(`cash-period-${due[0]}`).check();
    await page.getByTestId('cash-amount').fill('5,000');
    await printed(page, () => page.getByTestId('cash-save').click(), 's2-r1.pdf');
    await page.locator(`[data-testid="cash-row"][data-number="${before + 1}"]`).waitFor();

    // Counted 20,000 against 15,000 expected: +5,000 is above the 1,000 threshold.
    await page.getByTestId('cash-close').click();
    await page.getByTestId('cash-count-amount').fill('20,000');
    await page.getByTestId('cash-count-submit').click();
    await page.getByTestId('cash-signoff-needed').waitFor();
    expect(await page.getByTestId('cash-result').getAttribute('data-state')).toBe('counted');
    expect(await page.getByTestId('cash-result-variance').textContent()).toBe('5,000');
    expect(await page.getByTestId('cash-receipt-panel').count(), 'no entry while waiting').toBe(0);
    expect(await page.getByTestId('cash-open-panel').count(), 'no new session while waiting').toBe(0);
    expect(await serverSession(sessionId)).toMatchObject({ state: 'counted', variance: 5000 });
    await audit(page, 'a closing waiting for its sign-off');

    // The supervisor signs off on their own screen, in their own name.
    const supervisorContext = await app.context({ viewport: { width: 1280, height: 800 } });
    await watchCsp(supervisorContext);
    const sup = await supervisorContext.newPage();
    await (await SignInPage.open(sup, app.url)).signInAs(demoUser('supervisor.dla'));
    await new Shell(sup).waitForScreen('supervisor');
    await sup.getByTestId('cash-signoff-C07').waitFor({ timeout: 30_000 });
    expect(await sup.getByTestId('cash-signoff-C07').textContent()).toContain('5,000');
    await audit(sup, 'the supervisor board with a closing to sign off');
    await sup.getByTestId('cash-signoff-C07-confirm').click();
    await expect.poll(async () => (await serverSession(sessionId)).state, { timeout: 15_000 }).toBe('closed');
    expect(await serverSession(sessionId)).toMatchObject({ signedOffBy: 'supervisor.dla', closedBy: 'cashier.dla' });
    await sup.getByTestId('cash-signoff').waitFor({ state: 'detached' });

    // The cashier's screen follows by replication: closed, and a new session may be opened.
    await page.locator('[data-testid="cash-result"][data-state="closed"]').waitFor({ timeout: 30_000 });
    await page.getByTestId('cash-open-panel').waitFor();
  }, 240_000);
});

describe('cash desk: head office', () => {
  it('sees the day’s totals per branch and desk, and the sessions with a variance, from fo_central', async () => {
    // Whatever the tests above took (or a session of its own when run alone): a closed session with a variance.
    let entries = await serverEntries();
    if (entries.length === 0) {
      const context = await app.context({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
      await context.addInitScript(() => {
        if (location.protocol === 'http:') localStorage.setItem('fo.printer.settings', JSON.stringify({ fallback: 'pdf' }));
      });
      const page = await context.newPage();
      await (await SignInPage.open(page, app.url)).signInAs(demoUser('cashier.dla'));
      await new Shell(page).waitForScreen('cashier');
      const { account, due } = await employerWithDues();
      await page.getByTestId('cash-desk').selectOption('C07');
      await page.getByTestId('cash-float-amount').fill('10,000');
      await page.getByTestId('cash-open').click();
      await findEmployer(page, account);
      await page.getByTestId(`cash-period-${due[0]}`).check();
      await page.getByTestId('cash-amount').fill('5,000');
      await printed(page, () => page.getByTestId('cash-save').click(), 'hq-r1.pdf');
      await page.locator('[data-testid="cash-row"][data-number="1"]').waitFor();
      await page.getByTestId('cash-close').click();
      await page.getByTestId('cash-count-amount').fill('14,800');
      await page.getByTestId('cash-count-submit').click();
      await page.locator('[data-testid="cash-result"][data-state="closed"]').waitFor();
      entries = await serverEntries();
    }
    const day = entries[0]!.day;
    const net = (list: CashEntry[]) => list.filter((e) => e.day === day).reduce((s, e) => s + (e.kind === 'void' ? 0 : (e.kind === 'receipt' ? 1 : -1) * (e.category === 'reversal' ? -1 : 1) * e.amount!), 0);
    const c07 = net(entries.filter((e) => e.counter === 'C07'));
    const sessions = (await couch(app.url, admin, 'GET', `/fo_branch_dla/_all_docs?startkey="cashsession:dla:"&endkey="cashsession:dla:\uffff"&include_docs=true`)).body.rows.map((r: { doc: CashSession }) => r.doc) as CashSession[];
    const withVariance = sessions.filter((s) => s.state !== 'open' && s.variance);
    expect(withVariance.length).toBeGreaterThan(0);

    const context = await app.context({ viewport: { width: 1280, height: 800 } });
    await watchCsp(context);
    const hq = await context.newPage();
    await (await SignInPage.open(hq, app.url)).signInAs(demoUser('supervisor.hq'));
    await new Shell(hq).waitForScreen('supervisor');
    await hq.getByTestId('cash-hq').waitFor();
    await hq.getByTestId('cash-hq-day').fill(day);
    // fo_central receives the branch by continuous replication: wait for it to have arrived.
    await expect.poll(async () => {
      await hq.getByTestId('cash-hq-refresh').click();
      return hq.getByTestId('cash-hq-dla-C07').getAttribute('data-net', { timeout: 5_000 }).catch(() => null);
    }, { timeout: 90_000, interval: 2_000 }).toBe(String(c07));
    expect(await hq.getByTestId('cash-hq-dla').getAttribute('data-net')).toBe(String(net(entries)));
    for (const s of withVariance) {
      const row = hq.getByTestId(`cash-hq-variance-dla-${s.counter}-${s.seq}`);
      await row.waitFor({ timeout: 30_000 });
      expect(await row.getAttribute('data-variance')).toBe(String(s.variance));
      expect(await row.textContent()).toContain(s.cashier);
    }
    await audit(hq, 'head office’s cash day');
  }, 240_000);
});

describe('cash desk: the network cut', () => {
  it('goes on numbering offline — receipt, payment of an order, void — and the server holds it all, in order, chain intact, once synced', async () => {
    const context = await app.context({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    await watchCsp(context);
    await context.addInitScript(() => {
      if (location.protocol === 'http:') localStorage.setItem('fo.printer.settings', JSON.stringify({ fallback: 'pdf' }));
    });
    const page = await context.newPage();
    await (await SignInPage.open(page, app.url)).signInAs(demoUser('cashier.dla'));
    const shell = new Shell(page);
    await shell.waitForScreen('cashier');
    await shell.sync.waitFor('online');
    const { account, due } = await employerWithDues();
    const res = await couch(app.url, admin, 'GET', `/fo_branch_dla/_all_docs?startkey="payorder:dla:"&endkey="payorder:dla:\uffff"&include_docs=true`);
    const order = (res.body.rows as { doc: PaymentOrder }[]).map((r) => r.doc).find((o) => o.state === 'authorised' && o.kind === 'adjustment')!;
    const person = (await couch(app.url, admin, 'GET', `/fo_people/${encodeURIComponent(order.beneficiary)}`)).body as Person;
    const onServer = async () => (await serverEntries()).filter((e) => e.counter === 'C08').sort((a, b) => a.number - b.number);

    // Online: desk C08 opens and takes one receipt (the printing code is loaded once online).
    await page.getByTestId('cash-desk').selectOption('C08');
    await page.getByTestId('cash-float-amount').fill('100,000');
    await page.getByTestId('cash-open').click();
    await page.getByTestId('cash-session').waitFor();
    await findEmployer(page, account);
    await page.getByTestId(`cash-period-${due[0]}`).check();
    await page.getByTestId('cash-amount').fill('5,000');
    await printed(page, () => page.getByTestId('cash-save').click(), 'off-1.pdf');
    await page.locator('[data-testid="cash-row"][data-number="1"]').waitFor();
    expect((await onServer()).map((e) => e.number)).toEqual([1]);

    // The network is cut: a cheque receipt, the payment of an order, a void — numbered on.
    await context.setOffline(true);
    await shell.sync.waitFor('offline');
    await findEmployer(page, account);
    await page.getByTestId(`cash-period-${due[0]}`).check();
    await page.getByTestId('cash-means-cheque').check();
    await page.getByTestId('cash-amount').fill('7,000');
    await page.getByTestId('cash-bank').fill('SGC');
    await page.getByTestId('cash-cheque').fill('556677');
    const cheque = (await printed(page, () => page.getByTestId('cash-save').click(), 'off-2.pdf')).join('\n');
    expect(cheque).toContain('Seven thousand CFA francs.');
    await page.locator('[data-testid="cash-row"][data-number="2"]').waitFor();
    await page.getByTestId('cash-pay').click();
    await page.getByTestId('cash-pay-query').fill(person.number);
    await page.getByTestId('cash-pay-find').click();
    await page.getByTestId(`cash-pay-person-${person.number}`).click();
    await page.getByTestId(`cash-order-${order._id.slice('payorder:dla:'.length)}`).check();
    await page.getByTestId('cash-pay-id').fill('CNI 445566');
    const slip = (await printed(page, () => page.getByTestId('cash-pay-save').click(), 'off-3.pdf')).join('\n');
    expect(slip).toContain('CASH PAYMENT SLIP');
    await page.locator('[data-testid="cash-row"][data-number="3"]').waitFor();
    await page.getByTestId('cash-void').click();
    await page.getByTestId('cash-void-reason').fill('Printer jam');
    await page.getByTestId('cash-void-confirm').click();
    await page.locator('[data-testid="cash-row"][data-number="4"]').waitFor();
    expect(await page.getByTestId('cash-chain').textContent()).toBe(en['cash.journal.chainIntact']);
    expect((await onServer()).map((e) => e.number), 'nothing reached the server while cut off').toEqual([1]);
    await audit(page, 'the cash desk offline');

    // The network returns: everything reaches the server, every number once, in order, chain intact.
    await context.setOffline(false);
    await expect.poll(async () => (await onServer()).map((e) => e.number), { timeout: 120_000, interval: 1_000 }).toEqual([1, 2, 3, 4]);
    const entries = await onServer();
    expect(entries.map((e) => [e.kind, e.category, e.amount ?? null])).toEqual([
      ['receipt', 'contribution', 5000],
      ['receipt', 'contribution', 7000],
      ['payment', 'adjustment', order.amount],
      ['void', 'void', null],
    ]);
    expect(verifyChain(entries).intact).toBe(true);
    await expect.poll(async () => ((await couch(app.url, admin, 'GET', `/fo_branch_dla/${encodeURIComponent(order._id)}`)).body as PaymentOrder).state, { timeout: 60_000 }).toBe('paid');
    expect((await couch(app.url, admin, 'GET', `/fo_branch_dla/${encodeURIComponent(order._id)}`)).body).toMatchObject({ entry: 'cash:dla:C08:00000003', counter: 'C08' });
    // The journal PDF, back online: the four numbers in order, the payment negative.
    const pdf = (await printed(page, () => page.getByTestId('cash-journal-pdf').click(), 'off-journal.pdf')).join('\n');
    expect([...pdf.matchAll(/^\s*(0000000\d)\b/gm)].map((m) => m[1])).toEqual(['00000001', '00000002', '00000003', '00000004']);
    expect(pdf).toMatch(new RegExp(`00000003.*${money(-order.amount)}`));
    expect(pdf).toMatch(new RegExp(`Total\\s+${money(12000 - order.amount)}`));
  }, 300_000);
});
