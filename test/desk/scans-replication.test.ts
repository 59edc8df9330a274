/**
 * Scans through the real server, no browser (issue 10): two counter tablets (PouchDB in Node,
 * memory adapter, signed in as a counter through the gateway) each file 200 submissions with
 * one scan while offline, numbering receipts from their own replica as the app does, then
 * replicate as the app does (branch database two ways, scans pushed in batches of 5): 400
 * submissions, 400 distinct receipt numbers, every attachment's bytes matching its ScanRef.
 * Then what the separate scans database saves: the bytes a pull of the scans would cost, which
 * a display (or any device) pulling the branch database does not download.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash, randomBytes } from 'node:crypto';
import { putDoc, allDocsByPrefix, type Db } from '../../app/data/docs.ts';
import { validateWrite } from '../../app/data/validate.ts';
import { nextReceiptSeq, receiptNumber } from '../../app/desk/receipt-number.ts';
import { withScans, type ScanFile } from '../../app/desk/scan-docs.ts';
import { buildSubmission } from '../../app/desk/filing.ts';
import { sha256HexOfBytes } from '../../app/cash/sha256.ts';
import { branchDay } from '../../app/queue/numbering.ts';
import { uid } from '../../couch-design/ids/uid.ts';
import { submissionId, type Submission } from '../../couch-design/types/submission.ts';
import { ADMIN, basicAuth, couch, signIn, type Session } from '../support/couch-http.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';
import { PouchDB } from '../support/device-pouch.ts';

const PER_DEVICE = 200;
const USER = { name: 'counter.dla', roles: ['counter', 'branch:dla'] };
let server: RunningServer;
const admin = basicAuth(ADMIN.name, ADMIN.password);

beforeAll(async () => {
  server = await startServer();
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

/** A remote database through the gateway with this session; counts the bytes of every answer. */
function remote(db: string, session: Session, counter?: { bytes: number }): PouchDB.Database<{}> {
  return new PouchDB<{}>(`${server.url}/db/${db}`, {
    skip_setup: true,
    fetch: async (url: RequestInfo | URL, init?: RequestInit) => {
      const headers = new Headers(init?.headers);
      for (const [k, v] of Object.entries(session.headers)) headers.set(k, v);
      const res = await fetch(url, { ...init, headers });
      if (!counter) return res;
      const body = await res.arrayBuffer();
      counter.bytes += body.byteLength;
      return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
    },
  } as PouchDB.Configuration.RemoteDatabaseConfiguration);
}

/** One tablet, offline: files `count` submissions of one paper with its scan into its own replicas. */
async function fileOffline(device: string, branchDb: Db, scansDb: Db, day: string, count: number): Promise<void> {
  const options = (db: string) => ({ validate: validateWrite, context: { db, user: USER } });
  let seq = 0;
  for (let i = 0; i < count; i++) {
    const now = new Date();
    const id = uid(now.getTime(), device, ++seq);
    // As FilingPanel numbers: from the receipts of the day this device's replica holds.
    const earlier = await allDocsByPrefix<Submission>(branchDb, `submission:${day}:`);
    const number = receiptNumber('dla', day, device, nextReceiptSeq(earlier.map((s) => s.receiptNumber), 'dla', day, device));
    // A JPEG's first bytes, then noise: the server keeps bytes, it does not decode them.
    const bytes = new Uint8Array(4 + 1500 + (i % 7) * 100);
    bytes.set([0xff, 0xd8, 0xff, 0xe0]);
    bytes.set(randomBytes(bytes.length - 4), 4);
    const file: ScanFile<string> = { contentType: 'image/jpeg', length: bytes.length, sha256: sha256HexOfBytes(bytes), data: Buffer.from(bytes).toString('base64') };
    const ctx = { branch: 'dla', day, uid: id, submission: submissionId(day, id), agent: USER.name, at: now.toISOString() };
    const { documents, scans } = withScans(ctx, [{ code: '0104', designation: 'Acte de naissance', copies: 1 }], new Map([['0104', file]]));
    for (const scan of scans) await putDoc(scansDb, scan, options('fo_scans_dla'));
    const submission = buildSubmission({ id: ctx.submission, branch: 'dla', day, person: 'person:1000123', event: 'family_benefits_male', documents, receiptNumber: number, agent: USER.name, counter: device === 'tab1' ? 'C01' : 'C02', at: ctx.at });
    await putDoc(branchDb, submission, options('fo_branch_dla'));
  }
}

describe('scans from two offline tablets', () => {
  it('400 submissions, 400 distinct receipt numbers, every scan intact on the server; the layout keeps the images off other devices', async () => {
    const day = branchDay(new Date(), 'Africa/Douala');
    const tablets = ['tab1', 'tab2'].map((device) => ({
      device,
      branch: new PouchDB<{}>(`${device}-branch`, { adapter: 'memory' }),
      scans: new PouchDB<{}>(`${device}-scans`, { adapter: 'memory' }),
    }));
    const started = Date.now();
    await Promise.all(tablets.map((t) => fileOffline(t.device, t.branch, t.scans, day, PER_DEVICE)));
    console.log(`filed offline: ${2 * PER_DEVICE} submissions with their scans in ${Date.now() - started} ms`);

    // The link returns: each replicates as the app's data layer does.
    const session = await signIn(server.url, USER.name, 'demo-counter');
    for (const t of tablets) {
      const pushed = await t.scans.replicate.to(remote('fo_scans_dla', session), { batch_size: 5 });
      expect(pushed.doc_write_failures, `${t.device} scans`).toBe(0);
      const synced = await t.branch.sync(remote('fo_branch_dla', session), { push: { batch_size: 100 }, pull: { batch_size: 1000 } } as PouchDB.Replication.SyncOptions);
      expect(synced.push?.doc_write_failures, `${t.device} submissions`).toBe(0);
    }

    console.log(`replicated in ${Date.now() - started} ms since the start`);
    const res = await couch(server.url, admin, 'GET', `/fo_branch_dla/_all_docs?startkey=${encodeURIComponent(JSON.stringify(`submission:${day}:`))}&endkey=${encodeURIComponent(JSON.stringify(`submission:${day}:\uffff`))}&include_docs=true`);
    const subs = (res.body.rows as { doc: Submission }[]).map((r) => r.doc).filter((s) => s.agent === USER.name && s.documents[0]?.scan);
    expect(subs).toHaveLength(2 * PER_DEVICE);
    expect(new Set(subs.map((s) => s.receiptNumber)).size).toBe(2 * PER_DEVICE);
    let bytesChecked = 0;
    for (const s of subs) {
      const ref = s.documents[0]!.scan!;
      const got = await fetch(`${server.url}/db/fo_scans_dla/${encodeURIComponent(ref.id)}/${ref.name}`, { headers: admin.headers });
      expect(got.status, ref.id).toBe(200);
      const bytes = Buffer.from(await got.arrayBuffer());
      expect(bytes.length, ref.id).toBe(ref.length);
      expect(createHash('sha256').update(new Uint8Array(bytes)).digest('hex'), ref.id).toBe(ref.sha256);
      bytesChecked += bytes.length;
    }

    // What the layout saves. A pull of the scans carries them as JSON with the bytes in base64
    // (as _bulk_get?attachments=true does): this many bytes on the wire…
    const scansRes = await fetch(`${server.url}/db/fo_scans_dla/_all_docs?include_docs=true&attachments=true`, { headers: admin.headers });
    expect(scansRes.status).toBe(200);
    const scansPull = { bytes: (await scansRes.arrayBuffer()).byteLength };
    // …which a display pulling its branch database never downloads: no scan reaches it, and the
    // scans database is closed to it (and to the counters' own reads).
    const display = await signIn(server.url, 'display.dla', 'demo-display');
    const displayPull = { bytes: 0 };
    const screen = new PouchDB<{}>('display-branch', { adapter: 'memory' });
    await screen.replicate.from(remote('fo_branch_dla', display, displayPull), { batch_size: 1000 });
    expect((await allDocsByPrefix(screen, 'scan:')).length).toBe(0);
    expect((await couch(server.url, display, 'GET', '/fo_scans_dla/_changes')).status).toBe(403);
    expect((await couch(server.url, session, 'GET', '/fo_scans_dla/_changes')).status).toBe(403);
    console.log(
      `scans layout: ${subs.length} scans of ${Math.round(bytesChecked / subs.length)} B on average = ${bytesChecked} B of images; ` +
        `pulling them costs ${scansPull.bytes} B on the wire (${Math.round(scansPull.bytes / subs.length)} B per scan), ` +
        `which a display's pull of fo_branch_dla (${displayPull.bytes} B) does not include`,
    );
    await Promise.all([...tablets.flatMap((t) => [t.branch.destroy(), t.scans.destroy()]), screen.destroy()]);
  }, 300_000);
});
