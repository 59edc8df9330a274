/**
 * The import's pass over the server, batch by batch. The preview reads what the server holds
 * under the batch's ids and plans (upsert-plan.ts) without writing. The import writes
 * create-first while most rows are new: every row of the batch is offered as a new document in
 * one `_bulk_docs`, and only the rows the server did not take (409: the id exists; or any
 * other refusal) are read and planned as updates, unchanged or refused, then written. A first import of new people
 * thus costs one request per batch instead of a read and a write: the read of 2,000 ids was
 * as slow as their write on the embedded engine (its `_all_docs?keys` opens one iterator per
 * key). CouchDB answers a create over a live document 409 without writing, and takes one over
 * a deleted document as new, which is what the plan would do. A document the server refuses
 * (its validator, a conflict with an edit made since the read) is reported on its line; the
 * others of the batch are written. Two batches are in flight at a time, so the server judges
 * one while the next is built, sent and parsed (their ids differ: the reading refuses a
 * duplicate key). The same code serves the screen, the preview and the bench.
 */
import type { AnyDoc } from '../../couch-design/validate/problems.ts';
import type { Layout } from './layouts.ts';
import type { LineProblem, ReadRow } from './read-file.ts';
import { type BatchPlan, ownedFields, planBatch } from './upsert-plan.ts';
import type { PeopleServer } from './people-server.ts';

/** Ids per `_all_docs` read and documents per `_bulk_docs` write (the gateway takes 10,000). */
export const IMPORT_BATCH = 5000;
/** Lines the preview shows as they will be written. */
export const PREVIEW_LINES = 5;
/** Batches sent before the oldest is answered. */
const IN_FLIGHT = 2;

const NOTHING_HELD: ReadonlyMap<string, AnyDoc> = new Map();

export interface ImportTotals {
  created: number;
  changed: number;
  unchanged: number;
  /** Lines refused while planning or by the server: never written. */
  refused: LineProblem[];
  /** Documents the server accepted (0 for the preview). */
  written: number;
  /** The first planned documents, as they will be written. */
  sample: { line: number; doc: AnyDoc }[];
}

export interface RunOptions {
  write: boolean;
  batch?: number;
  onProgress?: (done: number, total: number) => void;
}

/** `file` is what readImportFile gave: its valid rows and the fields of its columns. */
export async function runImport(server: PeopleServer, layout: Layout, file: { rows: readonly ReadRow[]; fields: readonly string[] }, options: RunOptions): Promise<ImportTotals> {
  const { rows } = file;
  const owned = ownedFields(layout, file.fields);
  const size = options.batch ?? IMPORT_BATCH;
  const totals: ImportTotals = { created: 0, changed: 0, unchanged: 0, refused: [], written: 0, sample: [] };
  const count = (plan: BatchPlan) => {
    totals.created += plan.created;
    totals.changed += plan.changed;
    totals.unchanged += plan.unchanged;
    totals.refused.push(...plan.refused);
    keepSample(plan.writes);
  };
  /** The first lines to be written, whichever batch is answered first. */
  const keepSample = (writes: readonly { line: number; doc: AnyDoc }[]) => {
    totals.sample = [...totals.sample, ...writes.slice(0, PREVIEW_LINES)].sort((a, b) => a.line - b.line).slice(0, PREVIEW_LINES);
  };
  /** Writes the plan's documents; a refusal is reported on its line and uncounted. */
  const write = async (plan: BatchPlan) => {
    if (!plan.writes.length) return;
    const answers = await server.write(plan.writes.map((w) => w.doc));
    const planned = new Map(plan.writes.map((w) => [w.doc._id as string, w]));
    for (const a of answers) {
      if (a.ok) {
        totals.written++;
        continue;
      }
      // Counted as new or changed when planned; the server said no, so it is neither.
      const w = planned.get(a.id);
      if (w?.doc._rev === undefined) totals.created--;
      else totals.changed--;
      totals.refused.push({ line: w?.line ?? 0, column: null, code: a.error === 'conflict' ? 'conflict' : 'server_refused', detail: a.reason });
    }
  };
  /** Reads what the server holds under these rows' ids, plans against it and (for the import) writes. */
  const upsert = async (batch: readonly ReadRow[]) => {
    const plan = planBatch(layout, owned, batch, await server.read(batch.map((r) => r.doc._id as string)));
    count(plan);
    if (options.write) await write(plan);
  };

  // Create-first pays off while most rows are new (a first import); when most were already
  // held (the periodic re-import of a whole extract), a refused create is one more round trip
  // per row, so the next batch reads first. The last batch answered decides.
  let createFirst = options.write;
  const oneBatch = async (batch: readonly ReadRow[]) => {
    if (!createFirst) {
      const before = totals.created;
      await upsert(batch);
      createFirst = options.write && (totals.created - before) * 2 > batch.length;
      return;
    }
    const creates = planBatch(layout, owned, batch, NOTHING_HELD);
    const answers = await server.write(creates.writes.map((w) => w.doc));
    const taken = new Set(answers.flatMap((a) => (a.ok ? [a.id] : [])));
    totals.created += taken.size;
    totals.written += taken.size;
    keepSample(creates.writes.filter((w) => taken.has(w.doc._id as string)));
    const rest = batch.filter((r) => !taken.has(r.doc._id as string));
    if (rest.length) await upsert(rest);
    createFirst = taken.size * 2 > batch.length;
  };

  let done = 0;
  const inFlight: Promise<void>[] = [];
  try {
    for (let start = 0; start < rows.length; start += size) {
      const batch = rows.slice(start, start + size);
      inFlight.push(
        oneBatch(batch).then(() => {
          done += batch.length;
          options.onProgress?.(done, rows.length);
        }),
      );
      if (inFlight.length >= IN_FLIGHT) await inFlight.shift();
    }
    await Promise.all(inFlight);
  } catch (error) {
    // The server went away: let the other batch end before saying so (nothing left running).
    await Promise.allSettled(inFlight);
    throw error;
  }
  totals.refused.sort((a, b) => a.line - b.line);
  return totals;
}
