/**
 * One series letter per service (issue 14). Ticket ids carry the letter (`ticket:dla:<day>:A:0012`),
 * so two services on one letter would number into each other's tickets. `validate_doc_update`
 * sees one document and cannot know the other services: the gateway, which every write from a
 * device passes, reads the services the engine holds and refuses a service whose letter another
 * one holds, active or not (a deactivated service may come back). Refused as the validator
 * refuses: 403 `series: series_taken`.
 */
import { REF_DB } from '../../couch-design/databases.ts';
import { SERVICE } from '../../couch-design/types/service.ts';
import type { DocRefusal } from './body-rules.ts';
import type { Route } from './routes.ts';
import type { Upstream } from './upstream.ts';

export const SERIES_TAKEN = 'series: series_taken';

interface ServiceLike {
  _id: string;
  series: string;
}

const isService = (doc: unknown): doc is ServiceLike & { _deleted?: boolean } => {
  const d = doc as Record<string, unknown> | null;
  return typeof d === 'object' && d !== null && d.type === SERVICE && typeof d._id === 'string' && typeof d.series === 'string';
};

/**
 * The indexes of `incoming` (in write order) whose letter another service holds: among those
 * stored, as the earlier ones of this batch leave them. A service keeping its own letter is fine.
 */
export function seriesClashes(incoming: readonly unknown[], stored: readonly ServiceLike[]): number[] {
  const holder = new Map<string, string>();
  const letterOf = new Map<string, string>();
  const hold = (id: string, series: string) => {
    const before = letterOf.get(id);
    if (before !== undefined && holder.get(before) === id) holder.delete(before);
    letterOf.set(id, series);
    holder.set(series, id);
  };
  for (const s of stored) hold(s._id, s.series);
  const clashes: number[] = [];
  incoming.forEach((doc, index) => {
    if (!isService(doc) || doc._deleted) return;
    const other = holder.get(doc.series);
    if (other !== undefined && other !== doc._id) clashes.push(index);
    else hold(doc._id, doc.series);
  });
  return clashes;
}

/** The documents a checked write to fo_ref sends, or [] for anything else. */
function writtenDocs(route: Route, body: unknown): unknown[] {
  if (route.db !== REF_DB) return [];
  if (route.kind === 'bulk_docs') return (body as { docs: unknown[] }).docs;
  if (route.kind === 'doc_write' && route.method === 'PUT') return [{ ...(body as object), _id: route.docId }];
  return [];
}

export type SeriesVerdict = { ok: true; body: unknown; refused: DocRefusal[] } | { ok: false; reason: string };

/**
 * The write without its clashing services (a bulk write keeps the others, as CouchDB answers
 * per document), or a refusal of a single document. Reads the engine as the caller, who is a
 * member of fo_ref (authorised before this).
 */
export async function checkSeries(upstream: Upstream, engineToken: string | null, route: Route, body: unknown, refused: DocRefusal[]): Promise<SeriesVerdict> {
  const docs = writtenDocs(route, body);
  if (!docs.some(isService)) return { ok: true, body, refused };
  const query = `startkey=${encodeURIComponent('"service:"')}&endkey=${encodeURIComponent('"service:\uffff"')}&include_docs=true`;
  const answer = await upstream.json('GET', `/${REF_DB}/_all_docs?${query}`, engineToken ? { cookie: `AuthSession=${engineToken}` } : {});
  if (answer.status !== 200) throw new Error(`services unreadable: ${answer.status}`);
  const rows = (answer.body as { rows?: { doc?: unknown }[] }).rows ?? [];
  const stored = rows.map((r) => r.doc).filter(isService);
  const clashes = seriesClashes(docs, stored);
  if (clashes.length === 0) return { ok: true, body, refused };
  if (route.kind === 'doc_write') return { ok: false, reason: SERIES_TAKEN };
  // Indexes in the refusals are those of the client's batch; the kept docs were renumbered by the body check.
  const keptIndexes = keptPositions(docs.length, refused);
  const out = [...refused];
  for (const i of clashes) {
    const doc = docs[i] as ServiceLike;
    out.push({ index: keptIndexes[i]!, id: doc._id, error: 'forbidden', reason: SERIES_TAKEN });
  }
  const drop = new Set(clashes);
  return { ok: true, body: { ...(body as object), docs: docs.filter((_, i) => !drop.has(i)) }, refused: out.sort((a, b) => a.index - b.index) };
}

/** The client's index of each document the body check kept (it dropped the refused ones). */
export function keptPositions(kept: number, refused: readonly DocRefusal[]): number[] {
  const gone = new Set(refused.map((r) => r.index));
  const out: number[] = [];
  for (let i = 0; out.length < kept; i++) if (!gone.has(i)) out.push(i);
  return out;
}
