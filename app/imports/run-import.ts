/**
 * The import's pass over the server, batch by batch: read what the server holds under the
 * batch's ids, plan (upsert-plan.ts), and — unless it is the preview — write the planned
 * documents in one `_bulk_docs`. A document the server refuses (its validator, a conflict with
 * an edit made since the read) is reported on its line; the others of the batch are written.
 * The same code serves the screen, the preview and the bench.
 */
import type { AnyDoc } from '../../couch-design/validate/problems.ts';
import type { Layout } from './layouts.ts';
import type { LineProblem, ReadRow } from './read-file.ts';
import { ownedFields, planBatch } from './upsert-plan.ts';
import type { PeopleServer } from './people-server.ts';

/** Ids per `_all_docs` read and documents per `_bulk_docs` write (the gateway takes 10,000). */
export const IMPORT_BATCH = 2000;
/** Lines the preview shows as they will be written. */
export const PREVIEW_LINES = 5;

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
  for (let start = 0; start < rows.length; start += size) {
    const batch = rows.slice(start, start + size);
    const existing = await server.read(batch.map((r) => r.doc._id as string));
    const plan = planBatch(layout, owned, batch, existing);
    totals.created += plan.created;
    totals.changed += plan.changed;
    totals.unchanged += plan.unchanged;
    totals.refused.push(...plan.refused);
    for (const w of plan.writes) if (totals.sample.length < PREVIEW_LINES) totals.sample.push(w);
    if (options.write && plan.writes.length) {
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
    }
    options.onProgress?.(Math.min(start + size, rows.length), rows.length);
  }
  totals.refused.sort((a, b) => a.line - b.line);
  return totals;
}
