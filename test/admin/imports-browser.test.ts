import { mkdtempSync, openSync, closeSync, ftruncateSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserApp } from '../browser/support/browser-app.ts';
import { SignInPage } from '../browser/pages/sign-in-page.ts';
import { axeViolations, cspViolations, describeFindings, keepScreenshot, watchCsp } from '../support/page-audit.ts';
import { couch, signIn } from '../support/couch-http.ts';
import { parseCsv } from '../../app/imports/csv.ts';
import { AdminImportsPage } from './imports-page.ts';

/* Issue 14, imports, in Chromium against the real server: 1,000 employers from the core system, 3 of them bad. */
const app = useBrowserApp();
const WAIT = { timeout: 60_000 };
const scratch = mkdtempSync(join(tmpdir(), 'fo-imports-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function audit(page: Page, name: string) {
  expect(describeFindings(await axeViolations(page)), `axe on ${name}`).toBe('');
  expect(await cspViolations(page), `CSP on ${name}`).toEqual([]);
}

const number = (i: number) => `EMP${String(i).padStart(5, '0')}`;
/** Bad on purpose: an unknown branch, an account number with letters, the number of line 2 again. */
const BAD = { unknownBranch: 101, badAccount: 501, duplicate: 901 };

/** The core system's file: French headers, `;`, Windows-1252 (accents as single bytes). */
function employersFile(rename?: { line: number; name: string }): Buffer {
  const lines = ['numero;raison_sociale;numero_compte;telephone;adresse;agence'];
  for (let i = 1; i <= 1000; i++) {
    const line = i + 1;
    const name = rename?.line === line ? rename.name : `Société Générale d'Équipement n° ${i}`;
    const branch = line === BAD.unknownBranch ? 'xyz' : i % 2 ? 'dla' : 'yde';
    const account = line === BAD.badAccount ? 'ABC123' : String(7_000_000 + i);
    const num = line === BAD.duplicate ? number(1) : number(i);
    lines.push(`${num};"${name}";${account};+237 699 ${String(i).padStart(3, '0')} 000;"Rue ${i}; Akwa";${branch}`);
  }
  return Buffer.from(lines.join('\r\n') + '\r\n', 'latin1');
}
const goodNumbers = Array.from({ length: 1000 }, (_, k) => k + 1)
  .filter((i) => ![BAD.unknownBranch, BAD.badAccount, BAD.duplicate].includes(i + 1))
  .map(number);

async function serverRevs(): Promise<Map<string, string>> {
  const session = await signIn(app.url, 'admin.hq', 'demo-admin');
  const ids = Array.from({ length: 1000 }, (_, k) => `person:${number(k + 1)}`);
  const res = await couch(app.url, session, 'POST', '/fo_people/_all_docs', { keys: ids });
  expect(res.status).toBe(200);
  const revs = new Map<string, string>();
  for (const row of res.body.rows as { id: string; value?: { rev: string; deleted?: boolean } }[]) if (row.value && !row.value.deleted) revs.set(row.id, row.value.rev);
  return revs;
}

async function adminImports(): Promise<AdminImportsPage> {
  const context = await app.context({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  await watchCsp(context);
  const page = await context.newPage();
  await (await SignInPage.open(page, app.url)).signIn('admin.hq', 'demo-admin');
  await page.getByTestId('screen-admin').waitFor(WAIT);
  const imports = new AdminImportsPage(page);
  await imports.open();
  return imports;
}

describe('administration: imports', () => {
  it('refuses a file over 50 MB before reading it, and a wrong header whole, writing nothing', async () => {
    const imports = await adminImports();
    const big = join(scratch, 'big.csv');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, 51 * 1024 * 1024);
    closeSync(fd);
    await imports.choose('employers', big);
    await imports.page.locator('.field-error', { hasText: 'This file is 51 MB' }).waitFor(WAIT);
    expect(await imports.page.getByTestId('imports-check').isDisabled()).toBe(true);

    await imports.choose('employers', { name: 'wrong.csv', buffer: Buffer.from('numero;nom_commercial;numero_compte\nEMP99999;X;7099999\n') });
    expect(await imports.check()).toBe('refused');
    const refused = await imports.page.getByTestId('imports-refused').textContent();
    expect(refused).toContain('Nothing was written');
    const report = await imports.problems.textContent();
    expect(report).toContain('nom_commercial');
    expect(report).toContain('company_name');
    await audit(imports.page, 'imports, wrong header');
    const session = await signIn(app.url, 'admin.hq', 'demo-admin');
    expect((await couch(app.url, session, 'GET', '/fo_people/person:EMP99999')).status).toBe(404);
  }, 300_000);

  it('imports 1,000 employers with 3 bad lines: preview, error report, 997 written; the same file again writes nothing; one changed line changes one document; the export has the same rows', async () => {
    const imports = await adminImports();
    await imports.choose('employers', { name: 'employeurs.csv', buffer: employersFile() });
    expect(await imports.check()).toBe('ready');
    expect(await imports.page.getByTestId('imports-summary').textContent()).toContain('1,000 lines (Windows-1252): 997 new, 0 changed, 0 unchanged, 3 refused.');
    // The chosen file stays chosen on the page.
    expect(await imports.page.getByTestId('imports-file').evaluate((input: HTMLInputElement) => input.files?.[0]?.name)).toBe('employeurs.csv');
    const preview = await imports.page.getByTestId('imports-preview').textContent();
    expect(preview).toContain("Société Générale d'Équipement n° 1");
    expect(preview).toContain('Rue 1; Akwa');
    expect(await imports.problemLines()).toEqual([BAD.unknownBranch, BAD.badAccount, BAD.duplicate]);
    const report = await imports.problems.textContent();
    expect(report).toContain('There is no branch “xyz”');
    expect(report).toContain('does not have the expected form');
    expect(report).toContain('The same key is on line 2');
    // The whole report as a file, named after the imported one, in the screen's words.
    const [reportFile] = await Promise.all([imports.page.waitForEvent('download', WAIT), imports.page.getByTestId('imports-problems-download').click()]);
    expect(reportFile.suggestedFilename()).toBe('employeurs-errors.csv');
    const reportCsv = parseCsv(readFileSync((await reportFile.path())!, 'utf8').slice(1), ';');
    if (!reportCsv.ok) throw new Error('report not CSV');
    expect(reportCsv.records.map((r) => r.fields[0])).toEqual(['Line', String(BAD.unknownBranch), String(BAD.badAccount), String(BAD.duplicate)]);
    expect(reportCsv.records[1]!.fields[2]).toContain('There is no branch “xyz”');
    await audit(imports.page, 'imports preview');
    await keepScreenshot(imports.page, 'admin-imports-preview');
    expect((await serverRevs()).size).toBe(0);

    await imports.confirm();
    expect(await imports.page.getByTestId('imports-done').textContent()).toContain('997 documents written (997 new, 0 changed), 0 unchanged, 3 refused.');
    const written = await serverRevs();
    expect([...written.keys()].sort()).toEqual(goodNumbers.map((n) => `person:${n}`).sort());
    await audit(imports.page, 'imports done');

    // The same file again: all unchanged, nothing offered to write, no revision moves.
    await imports.another();
    await imports.choose('employers', { name: 'employeurs.csv', buffer: employersFile() });
    expect(await imports.check()).toBe('ready');
    expect(await imports.page.getByTestId('imports-summary').textContent()).toContain('0 new, 0 changed, 997 unchanged, 3 refused.');
    await imports.page.getByTestId('imports-nothing').waitFor(WAIT);
    expect(await imports.page.getByTestId('imports-confirm').count()).toBe(0);
    expect(await serverRevs()).toEqual(written);

    // One line changed: exactly that document gets a new revision.
    await imports.another();
    await imports.choose('employers', { name: 'employeurs.csv', buffer: employersFile({ line: 11, name: 'Brasseries du Littoral' }) });
    expect(await imports.check()).toBe('ready');
    expect(await imports.page.getByTestId('imports-summary').textContent()).toContain('0 new, 1 changed, 996 unchanged, 3 refused.');
    await imports.confirm();
    const after = await serverRevs();
    const moved = [...after].filter(([id, rev]) => written.get(id) !== rev).map(([id]) => id);
    expect(moved).toEqual([`person:${number(10)}`]);

    // The export: the same layout, the same rows (in the UI's language and `;`, UTF-8).
    await imports.page.getByTestId('imports-export-kind').selectOption('employers');
    const [download] = await Promise.all([imports.page.waitForEvent('download', WAIT), imports.page.getByTestId('imports-export-button').click()]);
    const exported = readFileSync((await download.path())!, 'utf8');
    expect(exported.startsWith('\ufeffnumber;company_name;account_number;phone;address;branch\r\n')).toBe(true);
    const parsed = parseCsv(exported.slice(1), ';');
    if (!parsed.ok) throw new Error('export not CSV');
    const byNumber = new Map(parsed.records.slice(1).map((r) => [r.fields[0]!, r.fields]));
    const source = parseCsv(employersFile({ line: 11, name: 'Brasseries du Littoral' }).toString('latin1'), ';');
    if (!source.ok) throw new Error('source not CSV');
    const expected = source.records.slice(1).filter((r) => ![BAD.unknownBranch, BAD.badAccount, BAD.duplicate].includes(r.line));
    expect(expected).toHaveLength(997);
    for (const r of expected) expect(byNumber.get(r.fields[0]!), `exported row of ${r.fields[0]}`).toEqual(r.fields);
    await imports.page.getByTestId('imports-export-status').filter({ hasText: 'lines exported' }).waitFor(WAIT);
    await audit(imports.page, 'imports export');
  }, 900_000);
});
