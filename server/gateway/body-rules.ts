/**
 * What a request body may hold, per endpoint, checked on the parsed JSON before the engine
 * sees it; and documents written through the gateway are judged by the contract's own
 * validator first (the engine's `validate_doc_update` judges them again), so a hostile
 * document costs the engine nothing.
 */
import { dbKindOf, problemsReason, validateDocUpdate } from '../../couch-design/validate/entry.ts';
import { PEOPLE_DB, PEOPLE_OF_BRANCH_FILTER } from '../../couch-design/databases.ts';
import type { Caller } from './access.ts';
import type { Refusal, Route, RouteKind } from './routes.ts';

/** Largest body per endpoint, in bytes. Documents are capped at 64 KB by the contract; a push batch is 100 of them. */
export const BODY_LIMITS: Record<RouteKind, number> = {
  root: 0,
  session: 4_096,
  db_info: 0,
  changes: 1_048_576,
  all_docs: 1_048_576,
  view: 1_048_576,
  bulk_get: 4_194_304,
  revs_diff: 4_194_304,
  bulk_docs: 16_777_216,
  ensure_full_commit: 1_024,
  checkpoint_read: 0,
  checkpoint_write: 65_536,
  doc_read: 0,
  doc_write: 1_048_576,
  attachment_read: 0,
};

const MAX_ITEMS = 10_000;

/** A per-document answer as CouchDB gives it in `_bulk_docs` results. */
export interface DocRefusal {
  index: number;
  id: string;
  error: 'forbidden';
  reason: string;
}

export type BodyVerdict =
  | { ok: true; body: unknown; refused: DocRefusal[] }
  | { ok: false; refusal: Refusal };

const bad = (reason: string): BodyVerdict => ({ ok: false, refusal: { status: 400, error: 'bad_request', reason } });
const forbidden = (reason: string): BodyVerdict => ({ ok: false, refusal: { status: 403, error: 'forbidden', reason } });
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringList = (v: unknown, max = MAX_ITEMS) => Array.isArray(v) && v.length <= max && v.every((s) => typeof s === 'string' && s.length <= 300);
const REV = /^\d{1,9}-[a-f0-9]{1,64}$/;

/** Ids a client may write through `/db/`: no design or local documents, no other `_` prefix. */
function writableId(id: unknown): id is string {
  return typeof id === 'string' && id.length > 0 && id.length <= 300 && !id.startsWith('_');
}

/** The contract's verdict on one document written by this caller, or null when it passes. */
function judge(doc: unknown, route: Route, caller: Caller): string | null {
  const kind = dbKindOf(route.db!);
  if (!isObject(doc)) return ': not_object';
  if (!writableId(doc._id)) return '_id: bad_id';
  if (kind === null) return '_id: wrong_db';
  const problems = validateDocUpdate(doc, null, caller, kind);
  // Without the earlier revision a kept author looks like a claim (B finishing a ticket A
  // called, the back office answering a counter's request): an update refused for authorship
  // alone is left to the engine's validate_doc_update, which judges it with that revision.
  if (typeof doc._rev === 'string' && problems.length && problems.every((p) => p.code === 'not_author')) return null;
  return problems.length ? problemsReason(problems) : null;
}

function bulkDocs(body: unknown, route: Route, caller: Caller): BodyVerdict {
  if (!isObject(body) || !Array.isArray(body.docs)) return bad('expected {"docs": [...]}');
  for (const key of Object.keys(body)) if (key !== 'docs' && key !== 'new_edits') return bad(`unexpected field ${JSON.stringify(key.slice(0, 40))}`);
  if (body.new_edits !== undefined && typeof body.new_edits !== 'boolean') return bad('new_edits must be true or false');
  if (body.docs.length > MAX_ITEMS) return bad(`at most ${MAX_ITEMS} documents at once`);
  const refused: DocRefusal[] = [];
  const kept: unknown[] = [];
  body.docs.forEach((doc, index) => {
    const reason = judge(doc, route, caller);
    if (reason === null) kept.push(doc);
    else refused.push({ index, id: isObject(doc) && typeof doc._id === 'string' ? doc._id.slice(0, 300) : '', error: 'forbidden', reason });
  });
  return { ok: true, body: { ...body, docs: kept }, refused };
}

function docWrite(body: unknown, route: Route, caller: Caller): BodyVerdict {
  if (route.method === 'DELETE') return { ok: true, body: undefined, refused: [] };
  if (!isObject(body)) return bad('expected a JSON object');
  if (body._id !== undefined && body._id !== route.docId) return bad('_id differs from the URL');
  const reason = judge({ ...body, _id: route.docId }, route, caller);
  return reason === null ? { ok: true, body, refused: [] } : forbidden(reason);
}

const CHECKERS: Partial<Record<RouteKind, (body: unknown, route: Route, caller: Caller) => BodyVerdict>> = {
  session(body) {
    if (!isObject(body) || typeof body.name !== 'string' || typeof body.password !== 'string') return bad('expected {"name": "…", "password": "…"}');
    if (Object.keys(body).length !== 2 || body.name.length > 256 || body.password.length > 1024) return bad('expected {"name": "…", "password": "…"}');
    return { ok: true, body, refused: [] };
  },
  changes(body, route) {
    if (route.query.get('filter') !== '_doc_ids') return bad('a _changes body is only for filter=_doc_ids');
    if (!isObject(body) || !isStringList(body.doc_ids, 1_000) || (body.doc_ids as unknown[]).length === 0) return bad('expected {"doc_ids": [...]}');
    return { ok: true, body: { doc_ids: body.doc_ids }, refused: [] };
  },
  all_docs(body) {
    if (!isObject(body) || !isStringList(body.keys) || Object.keys(body).length !== 1) return bad('expected {"keys": [...]}');
    return { ok: true, body, refused: [] };
  },
  view(body) {
    if (!isObject(body) || !Array.isArray(body.keys) || body.keys.length > MAX_ITEMS || Object.keys(body).length !== 1) return bad('expected {"keys": [...]}');
    return { ok: true, body, refused: [] };
  },
  bulk_get(body) {
    if (!isObject(body) || !Array.isArray(body.docs) || body.docs.length > MAX_ITEMS) return bad('expected {"docs": [{"id": …}]}');
    const wellFormed = body.docs.every(
      (d) =>
        isObject(d) &&
        typeof d.id === 'string' &&
        d.id.length <= 300 &&
        (d.rev === undefined || (typeof d.rev === 'string' && REV.test(d.rev))) &&
        (d.atts_since === undefined || (isStringList(d.atts_since, 1_000) && (d.atts_since as string[]).every((r) => REV.test(r)))),
    );
    return wellFormed ? { ok: true, body, refused: [] } : bad('expected {"docs": [{"id": …, "rev": …}]}');
  },
  revs_diff(body) {
    if (!isObject(body)) return bad('expected {"<id>": ["<rev>", …]}');
    const entries = Object.entries(body);
    const wellFormed = entries.length <= MAX_ITEMS && entries.every(([id, revs]) => id.length <= 300 && isStringList(revs, 1_000) && (revs as string[]).every((r) => REV.test(r)));
    return wellFormed ? { ok: true, body, refused: [] } : bad('expected {"<id>": ["<rev>", …]}');
  },
  bulk_docs: bulkDocs,
  doc_write: docWrite,
  checkpoint_write(body, route) {
    if (!isObject(body)) return bad('expected a JSON object');
    if (body._id !== undefined && body._id !== route.docId) return bad('_id differs from the URL');
    return { ok: true, body, refused: [] };
  },
  ensure_full_commit: () => ({ ok: true, body: undefined, refused: [] }),
};

/** Judges a parsed body (undefined when the request had none) for this route and caller. */
export function checkBody(route: Route, caller: Caller, body: unknown): BodyVerdict {
  const checker = CHECKERS[route.kind];
  if (route.kind === 'changes' && route.method === 'GET') {
    const filter = route.query.get('filter');
    if (filter === '_doc_ids' && !route.query.has('doc_ids')) return bad('filter=_doc_ids needs doc_ids');
    // A device's share of the people (docs/PEOPLE.md): that filter with its branch, on fo_people only.
    if ((filter === PEOPLE_OF_BRANCH_FILTER) !== route.query.has('branch') || (filter === PEOPLE_OF_BRANCH_FILTER && route.db !== PEOPLE_DB)) {
      return bad(`branch goes with filter=${PEOPLE_OF_BRANCH_FILTER}, on ${PEOPLE_DB}`);
    }
    return { ok: true, body: undefined, refused: [] };
  }
  if (!checker || route.method === 'GET' || route.method === 'HEAD') return { ok: true, body: undefined, refused: [] };
  if (body === undefined && !(route.kind === 'doc_write' && route.method === 'DELETE') && route.kind !== 'ensure_full_commit') return bad('a JSON body is required');
  return checker(body, route, caller);
}

/**
 * Puts the gateway's own per-document refusals back among the engine's `_bulk_docs` answers.
 * With `new_edits: false` CouchDB lists only failures; otherwise one answer per document, in order.
 */
export function mergeBulkResults(engine: unknown[], refused: readonly DocRefusal[], newEdits: boolean): unknown[] {
  const ours = refused.map(({ id, error, reason }) => ({ id, error, reason }));
  if (!newEdits) return [...engine, ...ours];
  const out: unknown[] = [];
  let e = 0;
  let r = 0;
  const total = engine.length + refused.length;
  for (let i = 0; i < total; i++) {
    if (r < refused.length && refused[r]!.index === i) out.push(ours[r++]);
    else out.push(engine[e++]);
  }
  return out;
}
