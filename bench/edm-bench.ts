/**
 * EDM export throughput (docs/EDM.md): submissions per second exported into a drop folder,
 * without scans and with one scan each (a 200 kB JPEG-sized attachment, about what the
 * browser's downscaling leaves of a page), by the server's own export code
 * (`createEdmExport`) run in this process against a real server's fo_central, once the
 * server's replication has brought the submissions there. The server itself runs without
 * EDM_DIR, so nothing else exports them meanwhile.
 *
 *   npx tsx bench/edm-bench.ts [--edm-submissions=1000]
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scansDb } from '../couch-design/databases.ts';
import { uid } from '../couch-design/ids/uid.ts';
import type { Person } from '../couch-design/types/person.ts';
import { scanId } from '../couch-design/types/scan.ts';
import { submissionId, type Submission } from '../couch-design/types/submission.ts';
import { receiptNumber } from '../app/desk/receipt-number.ts';
import { createEdmExport } from '../server/jobs/edm-export.ts';
import { adminClient, ensureDb, type Couch } from '../server/provision/couch-client.ts';
import { ADMIN, basicAuth, couch, engineUrl } from '../test/support/couch-http.ts';
import { startServer } from '../test/support/server-process.ts';
import { waitFor } from '../test/support/wait-for.ts';

export interface EdmBenchResult {
  submissions: number;
  scanBytes: number;
  plainPerSec: number;
  scannedPerSec: number;
}

const SCAN_BYTES = 200_000;

async function writeBatch(url: string, engine: Couch, device: string, n: number, people: Person[], withScan: boolean): Promise<string> {
  const day = new Date().toISOString().slice(0, 10);
  const admin = basicAuth(ADMIN.name, ADMIN.password);
  const subs: Submission[] = [];
  const scans: object[] = [];
  for (let i = 1; i <= n; i++) {
    const u = uid(Date.now(), device, i);
    const id = submissionId(day, u);
    const bytes = new Uint8Array(randomBytes(withScan ? SCAN_BYTES : 0));
    const scan = withScan ? { id: scanId(day, u, '0104'), name: '0104.jpg', contentType: 'image/jpeg' as const, length: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') } : undefined;
    const person = people[i % people.length]!;
    subs.push({ _id: id, type: 'submission', branch: 'dla', day, person: person._id, event: 'family_benefits_male', documents: [{ code: '0104', designation: 'Acte de naissance', copies: 1, ...(scan && { scan }) }, { code: '0228', designation: 'Certificat de vie', copies: 1 }], receiptNumber: receiptNumber('dla', day, device, i), agent: 'counter.dla', counter: 'C01', at: new Date().toISOString() });
    if (scan) scans.push({ _id: scan.id, type: 'scan', branch: 'dla', day, submission: id, code: '0104', agent: 'counter.dla', at: new Date().toISOString(), _attachments: { '0104.jpg': { content_type: 'image/jpeg', data: Buffer.from(bytes).toString('base64') } } });
  }
  // One by one, as devices push them: the embedded engine drops a bulk request of several megabytes (EPIPE).
  for (const scan of scans) await engine.use(scansDb('dla')).insert(scan as never);
  for (let i = 0; i < subs.length; i += 200) {
    const res = await couch(url, admin, 'POST', '/fo_branch_dla/_bulk_docs', { docs: subs.slice(i, i + 200) });
    if (res.status !== 201) throw new Error(`submissions refused: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return subs[subs.length - 1]!._id;
}

export async function benchEdm(n = 1000, log: (line: string) => void = () => {}): Promise<EdmBenchResult> {
  const server = await startServer();
  const dir = mkdtempSync(join(tmpdir(), 'fo-edm-bench-'));
  try {
    const engine = adminClient(engineUrl(server), ADMIN);
    await ensureDb(engine, scansDb('dla'));
    const rows = await engine.use<Person>('fo_people').list({ startkey: 'person:', endkey: 'person:\ufff0', include_docs: true, limit: 200 });
    const people = rows.rows.map((r) => r.doc as Person);
    const job = createEdmExport(engine, dir);
    await job.round(); // the demo's own submissions, and the folders set up: not timed
    const timed = async (device: string, withScan: boolean) => {
      const last = await writeBatch(server.url, engine, device, n, people, withScan);
      await waitFor(`${device} replicated into fo_central`, async () => ((await engine.use('fo_central').head(last).then(() => true, () => false)) ? true : null), 300_000);
      const start = performance.now();
      const { exported } = await job.round();
      const ms = performance.now() - start;
      if (exported !== n) throw new Error(`exported ${exported}, expected ${n}: ${JSON.stringify(job.health().waiting.slice(0, 3))}`);
      log(`  ${n} submissions ${withScan ? `with one ${SCAN_BYTES / 1000} kB scan each` : 'without scans'}: ${(ms / 1000).toFixed(2)} s`);
      return (n * 1000) / ms;
    };
    const plainPerSec = await timed('edmplain', false);
    const scannedPerSec = await timed('edmscan', true);
    return { submissions: n, scanBytes: SCAN_BYTES, plainPerSec, scannedPerSec };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = process.argv.slice(2).find((a) => a.startsWith('--edm-submissions='));
  const r = await benchEdm(arg ? Number(arg.split('=')[1]) : 1000, (l) => process.stdout.write(`${l}\n`));
  process.stdout.write(`EDM export: ${r.plainPerSec.toFixed(1)} submissions/s without scans, ${r.scannedPerSec.toFixed(1)} with one scan each\n`);
}
