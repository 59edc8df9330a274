/**
 * The EDM export on the real server (issue 10, docs/EDM.md): submissions written to a branch
 * reach fo_central by the server's replication and are exported into EDM_DIR, each exactly
 * once, across a kill -9 in the middle. The test plays the EDM too: it takes every folder away
 * as soon as it appears, as a drop-folder ingestion does, so an export repeated after the
 * restart would show up as a second arrival rather than hide behind a folder already there.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scansDb } from '../../couch-design/databases.ts';
import { uid } from '../../couch-design/ids/uid.ts';
import type { Case } from '../../couch-design/types/case.ts';
import type { Person } from '../../couch-design/types/person.ts';
import { scanId } from '../../couch-design/types/scan.ts';
import { submissionId, type ScanRef, type Submission } from '../../couch-design/types/submission.ts';
import { receiptNumber } from '../../app/desk/receipt-number.ts';
import { adminClient, ensureDb, type Couch } from '../../server/provision/couch-client.ts';
import { createEdmExport } from '../../server/jobs/edm-export.ts';
import { INCOMING_DIR, WORK_DIR } from '../../server/jobs/edm-layout.ts';
import { readState, writeState } from '../../server/jobs/edm-state.ts';
import type { EdmMetadata } from '../../server/jobs/edm-metadata.ts';
import { ADMIN, basicAuth, couch, engineUrl } from '../support/couch-http.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';
import { waitFor } from '../support/wait-for.ts';

const DEVICE = 'edmt';
const DAY = new Date().toISOString().slice(0, 10);
const PLAIN = 240;
const SCANNED = 30;
const admin = basicAuth(ADMIN.name, ADMIN.password);

let server: RunningServer;
let engine: Couch;
let edmDir: string;
let ingested: string;
let people: Person[];
let openCase: Case | null;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

interface Planned {
  sub: Submission;
  scans: { ref: ScanRef; bytes: Uint8Array }[];
}

/** Bytes that look like a JPEG or a PDF and differ per paper, so a swapped file would show. */
function scanBytes(n: number, code: string, pdf: boolean): Uint8Array {
  const head = pdf ? [...new TextEncoder().encode('%PDF-1.4\n')] : [0xff, 0xd8, 0xff, 0xe0];
  return new Uint8Array([...head, ...new TextEncoder().encode(`scan ${n} ${code} `.repeat(200 + n))]);
}

function plan(n: number, scanned: string[], person: Person): Planned {
  const u = uid(Date.parse(`${DAY}T08:00:00Z`) + n * 1000, DEVICE, n);
  const id = submissionId(DAY, u);
  const codes = ['0104', '0215', '0228'].slice(0, Math.max(1 + (n % 3), scanned.length));
  const scans = scanned.map((code, i) => {
    const pdf = i % 2 === 1;
    const bytes = scanBytes(n, code, pdf);
    const ref: ScanRef = { id: scanId(DAY, u, code), name: `${code}.${pdf ? 'pdf' : 'jpg'}`, contentType: pdf ? 'application/pdf' : 'image/jpeg', length: bytes.length, sha256: sha256(bytes) };
    return { ref, bytes };
  });
  const sub: Submission = {
    _id: id,
    type: 'submission',
    branch: 'dla',
    day: DAY,
    person: person._id,
    event: 'family_benefits_male',
    documents: codes.map((code) => ({
      code,
      designation: `Paper ${code}`,
      edition: '2026-01-15',
      copies: 1 + (n % 2),
      ...(scans.find((s) => s.ref.name.startsWith(code)) ? { scan: scans.find((s) => s.ref.name.startsWith(code))!.ref } : {}),
    })),
    receiptNumber: receiptNumber('dla', DAY, DEVICE, n),
    agent: 'counter.dla',
    counter: 'C01',
    at: `${DAY}T08:00:00.000Z`,
  };
  return { sub, scans };
}

async function putScan(sub: Submission, s: { ref: ScanRef; bytes: Uint8Array }) {
  const code = s.ref.name.slice(0, 4);
  await engine.use(scansDb('dla')).insert({
    _id: s.ref.id,
    type: 'scan',
    branch: 'dla',
    day: sub.day,
    submission: sub._id,
    code,
    agent: sub.agent,
    at: sub.at,
    _attachments: { [s.ref.name]: { content_type: s.ref.contentType, data: Buffer.from(s.bytes).toString('base64') } },
  } as never);
}

async function writeSubmissions(subs: Submission[]) {
  for (let i = 0; i < subs.length; i += 50) {
    const res = await couch(server.url, admin, 'POST', '/fo_branch_dla/_bulk_docs', { docs: subs.slice(i, i + 50) });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect((res.body as { error?: string }[]).filter((r) => r.error)).toEqual([]);
  }
}

async function edmHealth(s: RunningServer): Promise<{ exported: number; pending: number; failing: number; waiting: { submission: string; kind: string; reason: string }[]; checkpoint: unknown }> {
  return ((await (await fetch(`${s.url}/health`)).json()) as { edm: never }).edm;
}

/** The EDM's side: takes every complete folder away; a name arriving twice is a duplicate. */
function ingest(arrivals: Map<string, number>) {
  if (!existsSync(edmDir)) return;
  for (const name of readdirSync(edmDir)) {
    if (name.startsWith('.')) continue;
    arrivals.set(name, (arrivals.get(name) ?? 0) + 1);
    const to = join(ingested, arrivals.get(name) === 1 ? name : `${name}~${arrivals.get(name)}`);
    renameSync(join(edmDir, name), to);
  }
}

beforeAll(async () => {
  edmDir = mkdtempSync(join(tmpdir(), 'fo-edm-'));
  ingested = mkdtempSync(join(tmpdir(), 'fo-edm-ingested-'));
  server = await startServer({ EDM_DIR: edmDir });
  engine = adminClient(engineUrl(server), ADMIN);
  // The scans database's provisioning comes with the scan capture (another part of issue 10).
  await ensureDb(engine, scansDb('dla'));
  const rows = await engine.use<Person>('fo_people').list({ startkey: 'person:', endkey: 'person:\ufff0', include_docs: true, limit: 400 });
  people = rows.rows.map((r) => r.doc as Person).filter((p) => p.kind === 'insurant');
  const cases = await engine.use<Case>('fo_people').list({ startkey: 'case:', endkey: 'case:\ufff0', include_docs: true, limit: 2000 });
  openCase = cases.rows.map((r) => r.doc as Case).find((c) => ['open', 'pending_documents'].includes(c.status) && c.missingDocuments.includes('0104') && people.some((p) => p._id === c.person)) ?? null;
});

afterAll(async () => {
  await server?.stop();
  for (const d of [edmDir, ingested]) if (d) rmSync(d, { recursive: true, force: true });
});

describe('EDM export', () => {
  it('exports each submission once with its checked scans, across a kill -9 in the middle; a late scan goes when it arrives, a mismatched one stays failing on /health', async () => {
    const personOf = (n: number) => (n === 1 && openCase ? people.find((p) => p._id === openCase!.person)! : people[n % people.length]!);
    const plans: Planned[] = [];
    for (let n = 1; n <= PLAIN + SCANNED + 2; n++) plans.push(plan(n, n > PLAIN || n === 1 ? (n % 2 === 0 ? ['0104', '0215'] : ['0104']) : [], personOf(n)));
    const late = plans[plans.length - 2]!;
    const bad = plans[plans.length - 1]!;
    for (const p of plans) for (const s of p.scans) if (p !== late) await putScan(p.sub, p === bad ? { ref: s.ref, bytes: new Uint8Array([...s.bytes.subarray(0, -1), 0x21]) } : s);

    const arrivals = new Map<string, number>();
    await writeSubmissions(plans.map((p) => p.sub));
    const atKill = await waitFor('a quarter of the folders exported', async () => {
      ingest(arrivals);
      return arrivals.size >= plans.length / 4 ? arrivals.size : null;
    }, 120_000);
    await server.kill('SIGKILL');
    ingest(arrivals);
    console.log(`${arrivals.size} of ${plans.length} submissions exported when the server was killed`);
    // Otherwise the kill was not in the middle and this test proves nothing about it.
    expect(arrivals.size).toBeLessThan(plans.length - 2);
    expect(atKill).toBeGreaterThan(0);

    server = await server.restart();
    const expected = plans.length - 2;
    await waitFor('every submission but the late and the bad one exported', async () => {
      ingest(arrivals);
      const h = await edmHealth(server);
      return arrivals.size === expected && h.exported === expected && h.pending === 1 && h.failing === 1 ? h : null;
    }, 180_000);

    const h = await edmHealth(server);
    expect(h.waiting.find((w) => w.submission === late.sub._id)).toMatchObject({ kind: 'pending', reason: 'scan 0104 not arrived' });
    expect(h.waiting.find((w) => w.submission === bad.sub._id)).toMatchObject({ kind: 'failing', reason: expect.stringContaining('sha256') });

    for (const s of late.scans) await putScan(late.sub, s);
    await waitFor('the late scan exported', async () => {
      ingest(arrivals);
      const hh = await edmHealth(server);
      return arrivals.has(late.sub.receiptNumber) && hh.exported === expected + 1 && hh.pending === 0 ? hh : null;
    }, 60_000);

    // Exactly once: every folder arrived once, the bad one never; nothing half-written left.
    ingest(arrivals);
    expect([...arrivals.values()].filter((n) => n > 1)).toEqual([]);
    expect([...arrivals.keys()].sort()).toEqual(plans.filter((p) => p !== bad).map((p) => p.sub.receiptNumber).sort());
    expect(readdirSync(join(edmDir, WORK_DIR, INCOMING_DIR))).toEqual([]);
    const final = await edmHealth(server);
    expect(final).toMatchObject({ exported: plans.length - 1, pending: 0, failing: 1 });
    expect(final.checkpoint).not.toBe(0);

    for (const p of plans) {
      if (p === bad) continue;
      const folder = join(ingested, p.sub.receiptNumber);
      const files = readdirSync(folder).sort();
      expect(files).toEqual(['metadata.json', 'metadata.xml', ...p.scans.map((s) => s.ref.name)].sort());
      for (const s of p.scans) expect(sha256(new Uint8Array(readFileSync(join(folder, s.ref.name))))).toBe(s.ref.sha256);
      const meta = JSON.parse(readFileSync(join(folder, 'metadata.json'), 'utf8')) as EdmMetadata;
      const person = people.find((x) => x._id === p.sub.person)!;
      expect(meta).toMatchObject({
        receiptNumber: p.sub.receiptNumber,
        submission: p.sub._id,
        at: p.sub.at,
        person: { number: person.number, name: `${person.familyName} ${person.givenName}` },
        event: { code: 'family_benefits_male', label: { en: 'Family benefits (male insurant)', fr: 'Prestations familiales (assuré homme)' } },
        branch: { code: 'dla' },
        counter: 'C01',
        agent: 'counter.dla',
      });
      expect(meta.documents.map((d) => [d.code, d.copies, d.edition, d.file?.name ?? null])).toEqual(p.sub.documents.map((d) => [d.code, d.copies, d.edition, d.scan?.name ?? null]));
      expect(readFileSync(join(folder, 'metadata.xml'), 'utf8')).toContain(`<receiptNumber>${p.sub.receiptNumber}</receiptNumber>`);
    }
    expect(openCase, 'the demo data has an open case still missing 0104').not.toBeNull();
    {
      const meta = JSON.parse(readFileSync(join(ingested, plans[0]!.sub.receiptNumber, 'metadata.json'), 'utf8')) as EdmMetadata;
      expect(meta.cases.map((c) => c.caseNo)).toContain(openCase!.caseNo);
    }
    expect(existsSync(join(ingested, bad.sub.receiptNumber))).toBe(false);
  }, 600_000);

  it('finishes a hand-off a crash cut between the checkpoint and the rename, or after the rename, without a second copy', async () => {
    // The job in this process, on its own folder, against the same server: the two crash points
    // a kill -9 hits only by chance, set up exactly.
    const dir = mkdtempSync(join(tmpdir(), 'fo-edm-crash-'));
    try {
      const central = await engine.use<Submission>('fo_central').list({ startkey: 'submission:', endkey: 'submission:\ufff0', include_docs: true, limit: 2 });
      const [a, b] = central.rows.map((r) => r.doc!);
      const work = join(dir, WORK_DIR);
      mkdirSync(join(work, INCOMING_DIR), { recursive: true });
      // a: renamed into place, then the crash (the checkpoint still names it).
      mkdirSync(join(dir, a!.receiptNumber));
      writeFileSync(join(dir, a!.receiptNumber, 'metadata.json'), JSON.stringify({ submission: a!._id }));
      await writeState(work, { since: 0, exported: 0, done: [], waiting: {}, committing: { id: a!._id, folder: a!.receiptNumber } });
      const first = createEdmExport(engine, dir);
      await first.round();
      expect(first.health().exported).toBeGreaterThan(2);
      // Not rewritten: still the stub the "crash" left, and the count includes it once.
      expect(JSON.parse(readFileSync(join(dir, a!.receiptNumber, 'metadata.json'), 'utf8'))).toEqual({ submission: a!._id });
      const total = first.health().exported;
      expect(total).toBe(readdirSync(dir).filter((n) => !n.startsWith('.')).length);

      // b: complete in incoming/, checkpoint naming it, not renamed yet (its folder taken by the EDM meanwhile).
      rmSync(join(dir, b!.receiptNumber), { recursive: true });
      mkdirSync(join(work, INCOMING_DIR, b!.receiptNumber));
      writeFileSync(join(work, INCOMING_DIR, b!.receiptNumber, 'metadata.json'), JSON.stringify({ submission: b!._id, marker: 'from incoming' }));
      const s = await readState(work);
      await writeState(work, { ...s, exported: s.exported - 1, committing: { id: b!._id, folder: b!.receiptNumber } });
      const second = createEdmExport(engine, dir);
      await second.round();
      expect(JSON.parse(readFileSync(join(dir, b!.receiptNumber, 'metadata.json'), 'utf8'))).toMatchObject({ marker: 'from incoming' });
      expect(second.health().exported).toBe(total);
      expect(readdirSync(join(work, INCOMING_DIR))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
