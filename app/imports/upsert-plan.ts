/**
 * The idempotent upsert's decision for one batch: each read row against what the server holds
 * under its id. New → written as read; same owned fields → not written at all (re-importing a
 * file writes nothing); different → the server's document with the owned fields replaced (an
 * empty cell removes its field), so
 * its other fields and its revision line are kept and exactly that document changes. A row
 * whose id holds a document of another kind (an employer's number already an insurant's) is
 * refused rather than turned into the other kind.
 */
import type { AnyDoc } from '../../couch-design/validate/problems.ts';
import type { Layout } from './layouts.ts';
import type { LineProblem, ReadRow } from './read-file.ts';

export interface PlannedWrite {
  line: number;
  doc: AnyDoc;
}

export interface BatchPlan {
  writes: PlannedWrite[];
  created: number;
  changed: number;
  unchanged: number;
  refused: LineProblem[];
}

/** Order-insensitive for object keys, exact for everything else: JSON values only. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && same((a as AnyDoc)[k], (b as AnyDoc)[k]));
}

/** What the import sets: the layout's derived fields and those of the file's columns. */
export function ownedFields(layout: Layout, fileFields: readonly string[]): string[] {
  return [...new Set([...layout.derived, ...fileFields])];
}

/**
 * `owned` from ownedFields; `existing` maps an id to the live document the server holds
 * (deleted or missing: absent).
 */
export function planBatch(layout: Layout, owned: readonly string[], rows: readonly ReadRow[], existing: ReadonlyMap<string, AnyDoc>): BatchPlan {
  const plan: BatchPlan = { writes: [], created: 0, changed: 0, unchanged: 0, refused: [] };
  for (const row of rows) {
    const id = row.doc._id as string;
    const held = existing.get(id);
    if (!held) {
      plan.created++;
      plan.writes.push({ line: row.line, doc: row.doc });
      continue;
    }
    if (!layout.holds(held)) {
      plan.refused.push({ line: row.line, column: null, code: 'other_kind' });
      continue;
    }
    if (owned.every((f) => same(held[f], row.doc[f]))) {
      plan.unchanged++;
      continue;
    }
    const next: AnyDoc = { ...held };
    for (const f of owned) {
      if (row.doc[f] === undefined) delete next[f];
      else next[f] = row.doc[f];
    }
    plan.changed++;
    plan.writes.push({ line: row.line, doc: next });
  }
  return plan;
}
