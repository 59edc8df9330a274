/**
 * A document type still required by an event is not removed (issue 14). `validate_doc_update`
 * sees one document and cannot know the events: the gateway, which every write from a device
 * passes, reads the events the engine holds (as the batch itself leaves them) before
 * forwarding the deletion of a document type, and refuses it as the form does: 403
 * `_deleted: in_use`, with the codes of the events that require it (`events`).
 */
import { REF_DB } from '../../couch-design/databases.ts';
import { DOCTYPE_IN_USE, EVENT, eventsRequiring, parseDocumentTypeId } from '../../couch-design/types/catalogue.ts';
import type { DocRefusal } from './body-rules.ts';
import { keptPositions } from './series-check.ts';
import type { Route } from './routes.ts';
import type { Upstream } from './upstream.ts';

interface EventLike {
  _id: string;
  code: string;
  requiredDocuments: string[];
  _deleted?: boolean;
}

const isEvent = (doc: unknown): doc is EventLike => {
  const d = doc as Record<string, unknown> | null;
  return typeof d === 'object' && d !== null && d.type === EVENT && typeof d._id === 'string' && Array.isArray(d.requiredDocuments);
};

/** The code of the document type `doc` deletes, or null. */
function removedCode(doc: unknown): string | null {
  const d = doc as Record<string, unknown> | null;
  if (typeof d !== 'object' || d === null || d._deleted !== true || typeof d._id !== 'string') return null;
  return parseDocumentTypeId(d._id)?.code ?? null;
}

/** The documents a write to fo_ref sends (a DELETE as its tombstone), or [] for anything else. */
function writtenDocs(route: Route, body: unknown): unknown[] {
  if (route.db !== REF_DB) return [];
  if (route.kind === 'bulk_docs') return (body as { docs: unknown[] }).docs;
  if (route.kind === 'doc_write' && route.method === 'DELETE') return [{ _id: route.docId, _deleted: true }];
  if (route.kind === 'doc_write' && route.method === 'PUT') return [{ ...(body as object), _id: route.docId }];
  return [];
}

/**
 * Per removed document type (index in `incoming`), the codes of the events that still require
 * it: the stored events, with this batch's own event writes applied first (a batch that drops
 * the requirement and removes the type together is fine).
 */
export function removalsInUse(incoming: readonly unknown[], stored: readonly EventLike[]): Map<number, string[]> {
  const events = new Map(stored.map((e) => [e._id, e]));
  for (const doc of incoming) {
    const d = doc as Record<string, unknown> | null;
    if (isEvent(doc) && !doc._deleted) events.set(doc._id, doc);
    else if (d && d._deleted === true && typeof d._id === 'string') events.delete(d._id);
  }
  const out = new Map<number, string[]>();
  incoming.forEach((doc, index) => {
    const code = removedCode(doc);
    if (code === null) return;
    const users = eventsRequiring(code, [...events.values()]).map((e) => e.code);
    if (users.length) out.set(index, users);
  });
  return out;
}

export type DoctypeVerdict = { ok: true; body: unknown; refused: DocRefusal[] } | { ok: false; reason: string; events: string[] };

export const IN_USE_REASON = `_deleted: ${DOCTYPE_IN_USE}`;

/** The write without its refused removals (a bulk write keeps the others), or the refusal of a single one. */
export async function checkDoctypeRemoval(upstream: Upstream, engineToken: string | null, route: Route, body: unknown, refused: DocRefusal[]): Promise<DoctypeVerdict> {
  const docs = writtenDocs(route, body);
  if (!docs.some((d) => removedCode(d) !== null)) return { ok: true, body, refused };
  const query = `startkey=${encodeURIComponent('"event:"')}&endkey=${encodeURIComponent('"event:\uffff"')}&include_docs=true`;
  const answer = await upstream.json('GET', `/${REF_DB}/_all_docs?${query}`, engineToken ? { cookie: `AuthSession=${engineToken}` } : {});
  if (answer.status !== 200) throw new Error(`events unreadable: ${answer.status}`);
  const rows = (answer.body as { rows?: { doc?: unknown }[] }).rows ?? [];
  const inUse = removalsInUse(docs, rows.map((r) => r.doc).filter(isEvent));
  if (inUse.size === 0) return { ok: true, body, refused };
  if (route.kind === 'doc_write') return { ok: false, reason: IN_USE_REASON, events: [...inUse.values()][0]! };
  const kept = keptPositions(docs.length, refused);
  const out = [...refused];
  for (const i of inUse.keys()) out.push({ index: kept[i]!, id: (docs[i] as { _id: string })._id, error: 'forbidden', reason: IN_USE_REASON });
  return { ok: true, body: { ...(body as object), docs: docs.filter((_, i) => !inUse.has(i)) }, refused: out.sort((a, b) => a.index - b.index) };
}
