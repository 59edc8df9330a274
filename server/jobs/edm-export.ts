/**
 * Hand-off to the EDM (issue 10, docs/EDM.md): every submission reaching `fo_central` is
 * exported once into `EDM_DIR/<receiptNumber>/` (its scans, checked against the digests the
 * submission recorded, and metadata.json / metadata.xml), for a document-management system to
 * ingest.
 *
 * It follows `fo_central`'s `_changes` from a checkpoint (edm-state.ts). A folder is written
 * under `.fo-edm/incoming/`, then renamed into place: ingestion never sees half a folder. The
 * checkpoint names the folder just before the rename and counts it just after, so a crash
 * between the two is finished at the next start instead of exporting it again, even if the EDM
 * already took the folder away. A submission that cannot go yet (its scan replicates
 * separately and has not arrived, a digest does not match, a write fails) waits in the
 * checkpoint and is retried with backoff; /health lists it. The job only reads the databases
 * and runs in its own rounds: the counters' writes never wait for it.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CENTRAL_DB, PEOPLE_DB, REF_DB, scansDb } from '../../couch-design/databases.ts';
import type { Case } from '../../couch-design/types/case.ts';
import { type EventType, eventId } from '../../couch-design/types/catalogue.ts';
import { type Person, parsePersonId } from '../../couch-design/types/person.ts';
import type { ScanRef, Submission } from '../../couch-design/types/submission.ts';
import { getOrNull, statusOf, type Couch } from '../provision/couch-client.ts';
import { log } from '../log.ts';
import { INCOMING_DIR, METADATA_JSON, METADATA_XML, WORK_DIR, folderName, retryDelayMs, scanFileName } from './edm-layout.ts';
import { type EdmMetadata, edmMetadata, metadataXml } from './edm-metadata.ts';
import { type EdmState, type Waiting, readState, writeState } from './edm-state.ts';
import { scheduleRounds } from './job-rounds.ts';

const PAGE = 200;
/** Submissions read and checked at once; their scans are held in memory until written (8 × a few hundred kB). */
const PARALLEL = 8;
const EVERY_MS = 2_000;
/** /health lists at most this many waiting submissions of each kind (it is public: ids and reasons only). */
const HEALTH_LIST = 50;

/** Why a submission is not exported this time; retried later. */
class NotYet extends Error {
  constructor(
    readonly kind: Waiting['kind'],
    reason: string,
  ) {
    super(reason);
  }
}

export interface EdmHealth {
  dir: string;
  exported: number;
  pending: number;
  failing: number;
  waiting: { submission: string; receiptNumber: string; kind: Waiting['kind']; reason: string; attempts: number; since: string }[];
  checkpoint: string | number;
  lastRoundAt: string | null;
  lastError: string | null;
}

export interface EdmExport {
  /** One round: recovery at the first, then new changes, then the retries that are due. */
  round: () => Promise<{ exported: number }>;
  health: () => EdmHealth;
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    (e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? false : Promise.reject(e)),
  );
}

export function createEdmExport(couch: Couch, dir: string): EdmExport {
  const work = join(dir, WORK_DIR);
  const incoming = join(work, INCOMING_DIR);
  const central = couch.use<Submission>(CENTRAL_DB);
  let state: EdmState | null = null;
  const nextTry = new Map<string, number>();
  let lastRoundAt: string | null = null;
  let lastError: string | null = null;

  /** Finishes a rename a crash interrupted, and drops folders a crash left half-written. */
  async function recover(): Promise<EdmState> {
    await mkdir(incoming, { recursive: true });
    const s = await readState(work);
    if (s.committing) {
      const { id, folder } = s.committing;
      const from = join(incoming, folder);
      if ((await exists(from)) && !(await exists(join(dir, folder)))) await rename(from, join(dir, folder));
      s.exported += 1;
      s.done.push(id);
      delete s.waiting[id];
      s.committing = null;
      await writeState(work, s);
      log(`EDM export: finished the hand-off of ${folder} a stop interrupted`);
    }
    for (const left of await readdir(incoming)) await rm(join(incoming, left), { recursive: true, force: true });
    return s;
  }

  async function scanBytes(branch: string, code: string, ref: ScanRef): Promise<Uint8Array> {
    try {
      // Copied: nano's Buffer type is not the one node:fs and node:crypto take.
      const bytes = new Uint8Array(await couch.use(scansDb(branch)).attachment.get(ref.id, ref.name));
      if (bytes.length !== ref.length) throw new NotYet('failing', `scan ${code}: ${bytes.length} bytes, the submission recorded ${ref.length}`);
      if (sha256(bytes) !== ref.sha256) throw new NotYet('failing', `scan ${code}: bytes do not match the recorded sha256`);
      return bytes;
    } catch (error) {
      if (statusOf(error) === 404) throw new NotYet('pending', `scan ${code} not arrived`);
      throw error;
    }
  }

  async function facts(sub: Submission, memo: Map<string, Promise<unknown>>) {
    const number = parsePersonId(sub.person)?.number;
    const person = number ? ((await getOrNull(couch.use<Person>(PEOPLE_DB), sub.person)) as Person | null) : null;
    if (!number || !person) throw new NotYet('pending', `person ${sub.person} not found`);
    const caseRows = await couch.use<Case>(PEOPLE_DB).list({ startkey: `case:${number}:`, endkey: `case:${number}:\ufff0`, include_docs: true });
    const cases = caseRows.rows.flatMap((r) => (r.doc ? [r.doc as Case] : []));
    const ref = <T>(id: string): Promise<T | null> => {
      if (!memo.has(id)) memo.set(id, getOrNull(couch.use<T>(REF_DB), id));
      return memo.get(id) as Promise<T | null>;
    };
    const event = await ref<EventType>(eventId(sub.event));
    if (!event) throw new NotYet('failing', `event ${sub.event} not in the catalogue`);
    const branch = await ref<{ name?: string }>(`branch:${sub.branch}`);
    return { person, cases, event, branchName: branch?.name ?? null };
  }

  type Prepared = { kind: 'present' } | { kind: 'ready'; folder: string; meta: EdmMetadata; files: [string, Uint8Array][] };

  /** Everything one submission's folder needs, read and checked; `present` when the folder is already there (the checkpoint was lost). */
  async function prepare(sub: Submission, memo: Map<string, Promise<unknown>>): Promise<Prepared> {
    const folder = folderName(sub.receiptNumber);
    if (!folder) throw new NotYet('failing', `receipt number ${JSON.stringify(sub.receiptNumber)} cannot name a folder`);
    const target = join(dir, folder);
    if (await exists(target)) {
      const there = await readFile(join(target, METADATA_JSON), 'utf8').then((t) => (JSON.parse(t) as { submission?: string }).submission, () => undefined);
      if (there === sub._id) return { kind: 'present' };
      throw new NotYet('failing', `folder ${folder} already holds ${there ?? 'something else'}`);
    }
    const f = await facts(sub, memo);
    const files: [string, Uint8Array][] = [];
    for (const d of sub.documents) {
      if (!d.scan) continue;
      const name = scanFileName(d.scan);
      if (!name || files.some(([n]) => n === name)) throw new NotYet('failing', `scan ${d.code}: unusable file name ${JSON.stringify(d.scan.name)}`);
      files.push([name, await scanBytes(sub.branch, d.code, d.scan)]);
    }
    return { kind: 'ready', folder, meta: edmMetadata(sub, f, new Date()), files };
  }

  /** Writes the prepared folder, then hands it over by the rename the checkpoint brackets. */
  async function commit(s: EdmState, sub: Submission, { folder, meta, files }: Extract<Prepared, { kind: 'ready' }>): Promise<void> {
    const tmp = join(incoming, folder);
    try {
      await rm(tmp, { recursive: true, force: true });
      await mkdir(tmp);
      for (const [name, bytes] of files) await writeFile(join(tmp, name), bytes);
      await writeFile(join(tmp, METADATA_XML), metadataXml(meta));
      // Written last: a folder with metadata.json is complete (prepare's check relies on it).
      await writeFile(join(tmp, METADATA_JSON), JSON.stringify(meta, null, 2) + '\n');
    } catch (error) {
      throw new NotYet('failing', `write: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    s.committing = { id: sub._id, folder };
    await writeState(work, s);
    try {
      await rename(tmp, join(dir, folder));
    } catch (error) {
      s.committing = null;
      throw new NotYet('failing', `rename: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    s.committing = null;
    s.exported += 1;
    s.done.push(sub._id);
    delete s.waiting[sub._id];
    nextTry.delete(sub._id);
    await writeState(work, s);
  }

  /**
   * Exports `subs`: reads and checks several at once (the database round trips are what take
   * time), commits one at a time in order (the checkpoint names one rename at a time). One that
   * cannot go is recorded as waiting; the caller saves the state.
   */
  async function exportAll(s: EdmState, subs: readonly Submission[], memo: Map<string, Promise<unknown>>): Promise<void> {
    for (let i = 0; i < subs.length; i += PARALLEL) {
      const chunk = subs.slice(i, i + PARALLEL);
      const prepared = chunk.map((sub) => prepare(sub, memo).then((p) => ({ p }), (error: unknown) => ({ error })));
      for (let j = 0; j < chunk.length; j++) {
        const sub = chunk[j]!;
        try {
          const r = await prepared[j]!;
          if ('error' in r) throw r.error;
          if (r.p.kind === 'ready') await commit(s, sub, r.p);
        } catch (error) {
          if (!(error instanceof NotYet)) throw error;
          const was = s.waiting[sub._id];
          const attempts = (was?.attempts ?? 0) + 1;
          if (!was || was.reason !== error.message) log(`EDM export: ${sub.receiptNumber} (${sub._id}) ${error.kind}: ${error.message}`);
          s.waiting[sub._id] = { receiptNumber: sub.receiptNumber, kind: error.kind, reason: error.message, attempts, since: was?.since ?? new Date().toISOString() };
          nextTry.set(sub._id, Date.now() + retryDelayMs(attempts));
        }
      }
    }
  }

  async function submissions(ids: string[]): Promise<Submission[]> {
    if (ids.length === 0) return [];
    const res = await central.fetch({ keys: ids });
    return res.rows.flatMap((r) => ('doc' in r && r.doc && (r.doc as Submission).type === 'submission' ? [r.doc as Submission] : []));
  }

  async function round(): Promise<{ exported: number }> {
    state ??= await recover();
    const s = state;
    const before = s.exported;
    const memo = new Map<string, Promise<unknown>>();
    for (;;) {
      const page = await central.changes({ since: String(s.since), limit: PAGE });
      const done = new Set(s.done);
      const ids = page.results.filter((r) => !r.deleted && r.id.startsWith('submission:') && !done.has(r.id) && !s.waiting[r.id]).map((r) => r.id);
      await exportAll(s, await submissions(ids), memo);
      s.since = page.last_seq;
      s.done = [];
      await writeState(work, s);
      if (page.results.length < PAGE) break;
    }
    const due = Object.keys(s.waiting).filter((id) => (nextTry.get(id) ?? 0) <= Date.now());
    if (due.length > 0) {
      const found = await submissions(due);
      await exportAll(s, found, memo);
      // Gone from fo_central (deleted, or purged by an admin): nothing left to export.
      for (const id of due) if (!found.some((d) => d._id === id)) delete s.waiting[id];
      await writeState(work, s);
    }
    lastRoundAt = new Date().toISOString();
    lastError = null;
    return { exported: s.exported - before };
  }

  function health(): EdmHealth {
    const waiting = Object.entries(state?.waiting ?? {}).map(([submission, w]) => ({ submission, ...w }));
    const of = (kind: Waiting['kind']) => waiting.filter((w) => w.kind === kind);
    return {
      dir,
      exported: state?.exported ?? 0,
      pending: of('pending').length,
      failing: of('failing').length,
      waiting: [...of('failing').slice(0, HEALTH_LIST), ...of('pending').slice(0, HEALTH_LIST)],
      checkpoint: state?.since ?? 0,
      lastRoundAt,
      lastError,
    };
  }

  return {
    round: () =>
      round().catch((error: unknown) => {
        lastError = error instanceof Error ? error.message : String(error);
        // Reloaded from the file next round: what this one changed in memory but did not save is redone.
        state = null;
        throw error;
      }),
    health,
  };
}

/** Starts the export's rounds (every 2 s); returns the stopper and the /health reader. */
export function scheduleEdmExport(couch: Couch, dir: string): { stop: () => void; health: () => EdmHealth } {
  const job = createEdmExport(couch, dir);
  log(`EDM export: submissions of ${CENTRAL_DB} to ${dir}`);
  return { stop: scheduleRounds('EDM export', EVERY_MS, job.round), health: job.health };
}
