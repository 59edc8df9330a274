/**
 * Certificates (issue 13): "eligibility of all certificate types for an employer with 40
 * contribution periods" — the counter panel's computing once the file is read: the day's desk
 * receipts applied to the account lines, then every type of the demo catalogue judged (target
 * p95 < 20 ms) — and "signing + PDF generation": the seal signed with a device key (WebCrypto
 * ECDSA P-256) and the A4 PDF with its QR rendered by jsPDF to bytes (target p95 < 500 ms).
 * Runs in Node like the cash part (same jsPDF and WebCrypto as the browser; the browser adds
 * only the download). Exported for bench/run.ts; `npx tsx bench/certificates-bench.ts` prints it alone.
 */
import type { AccountLine } from '../couch-design/types/account-line.ts';
import type { Case } from '../couch-design/types/case.ts';
import type { CashEntry } from '../couch-design/types/cash-entry.ts';
import type { Person } from '../couch-design/types/person.ts';
import type { PaymentOrder } from '../couch-design/types/payment-order.ts';
import { certificateTypes } from '../server/demo-data/catalogue.ts';
import { eligibility, paidAtDesk } from '../app/certificates/eligibility.ts';
import { certifyDeviceKey, exportPublicKey, generateInstitutionKey, generateSigningKey, sealCertificate } from '../app/certificates/seal.ts';
import { certificatePdf } from '../app/certificates/certificate-pdf.ts';
import { verificationUrl } from '../app/certificates/issue.ts';

const TODAY = '2026-12-02';
const EMPLOYER: Person = { _id: 'person:415120', type: 'person', kind: 'employer', number: '415120', companyName: 'Œuvres Sociales Ébodé & Fils', accountNumber: '415120' };

/** 40 quarters, 2016-Q4 … 2026-Q3, the last three unpaid (the cash desk takes two of them today). */
function accountLines(): AccountLine[] {
  const lines: AccountLine[] = [];
  for (let i = 0; i < 40; i++) {
    const year = 2016 + Math.floor((i + 3) / 4);
    const period = `${year}-Q${((i + 3) % 4) + 1}`;
    lines.push({ _id: `accline:415120:${period}`, type: 'account_line', employer: EMPLOYER._id, period, amountDue: 50000 + i * 1000, amountPaid: i < 37 ? 50000 + i * 1000 : 0, currency: 'XAF' } as AccountLine);
  }
  return lines;
}

/** A busy desk's day: 300 receipts of other employers, and this one's two quarters. */
function deskEntries(lines: readonly AccountLine[]): CashEntry[] {
  const entry = (n: number, account: string, periods: string[], amount: number): CashEntry =>
    ({ _id: `cash:dla:C07:${String(n).padStart(8, '0')}`, type: 'cash_entry', branch: 'dla', day: TODAY, counter: 'C07', number: n, kind: 'receipt', category: 'contribution', account, periods, amount } as unknown as CashEntry);
  const out = Array.from({ length: 300 }, (_, i) => entry(i + 1, String(500000 + i), ['2026-Q3'], 12500));
  out.push(entry(301, '415120', [lines[37]!.period, lines[38]!.period], lines[37]!.amountDue + lines[38]!.amountDue));
  return out;
}

const pct = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))]!;

export async function benchCertificates(): Promise<{ types: number; eligibilityP50: number; eligibilityP95: number; issueP50: number; issueP95: number; pdfBytes: number }> {
  const lines = accountLines();
  const entries = deskEntries(lines);
  const cases: Case[] = [];
  const orders: PaymentOrder[] = [];
  const judge = () => {
    const paid = paidAtDesk(lines, entries.filter((e) => e.account === EMPLOYER.accountNumber));
    // Every type, those not for employers too: the rule says why not (not_for_kind, registered).
    return certificateTypes.map((t) => eligibility(t, { person: EMPLOYER, cases, accountLines: paid, orders }, { today: TODAY }));
  };
  const eligibilityTimes: number[] = [];
  for (let i = 0; i < 2200; i++) {
    const start = performance.now();
    judge();
    if (i >= 200) eligibilityTimes.push(performance.now() - start);
  }

  const institution = await generateInstitutionKey();
  const device = await generateSigningKey();
  const deviceCertificate = await certifyDeviceKey(institution.privateKey, { keyId: 'dla-C01-bench', notAfter: '2027-12-02', publicKey: await exportPublicKey(device.publicKey) });
  const issueTimes: number[] = [];
  let pdfBytes = 0;
  for (let i = 0; i < 120; i++) {
    const number = `ATT-DLA-261202-BENCH-${String(i + 1).padStart(3, '0')}`;
    const start = performance.now();
    const seal = await sealCertificate({ number, certType: 'non_debt', personNumber: EMPLOYER.number, personName: EMPLOYER.companyName!, issued: TODAY, validUntil: '2027-03-02', branch: 'dla' }, device.privateKey, deviceCertificate);
    const pdf = certificatePdf(
      {
        institution: 'Caisse Nationale de Prévoyance Sociale',
        branchName: 'Douala Centre',
        city: 'Douala',
        timeZone: 'Africa/Douala',
        typeName: 'Attestation de non-redevance',
        number,
        person: { number: EMPLOYER.number, name: EMPLOYER.companyName!, kind: 'employer' },
        certified: { rule: 'good_standing', number: EMPLOYER.number, through: '2026-Q3' },
        issuedAt: `${TODAY}T09:30:00.000Z`,
        validUntil: '2027-03-02',
        agent: 'counter.dla',
        qr: verificationUrl('https://fo.example', seal),
        verifyAt: 'fo.example/verify',
        duplicate: false,
        currencyDecimals: 0,
      },
      'fr',
    ).output('arraybuffer');
    if (i >= 20) issueTimes.push(performance.now() - start);
    pdfBytes = pdf.byteLength;
  }
  return {
    types: judge().length,
    eligibilityP50: pct(eligibilityTimes, 50),
    eligibilityP95: pct(eligibilityTimes, 95),
    issueP50: pct(issueTimes, 50),
    issueP95: pct(issueTimes, 95),
    pdfBytes,
  };
}

export function formatCertificates(c: Awaited<ReturnType<typeof benchCertificates>>): string[] {
  return [
    `  eligibility of all ${c.types} types, employer with 40 contribution periods: p50 ${c.eligibilityP50.toFixed(3)} ms, p95 ${c.eligibilityP95.toFixed(3)} ms (target < 20 ms)`,
    `  sign + A4 PDF with QR: p50 ${c.issueP50.toFixed(1)} ms, p95 ${c.issueP95.toFixed(1)} ms, ${Math.round(c.pdfBytes / 1024)} kB (target < 500 ms)`,
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of formatCertificates(await benchCertificates())) process.stdout.write(`${line}\n`);
}
