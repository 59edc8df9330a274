/**
 * The gateway's allowlist: every CouchDB request the app, PouchDB's replicator and CouchDB's
 * replicator make, by method and path shape. Anything else is refused here, before the engine
 * sees it, so a gap of the engine behind an endpoint we never use cannot be reached.
 */
import { checkQuery, type QueryRule } from './query-rules.ts';

export type RouteKind =
  | 'root' // GET / (server welcome)
  | 'session' // GET/POST/DELETE /_session
  | 'db_info' // GET /<db>/
  | 'changes' // GET/POST /<db>/_changes
  | 'all_docs' // GET/POST /<db>/_all_docs
  | 'view' // GET/POST /<db>/_design/fo/_view/<view>
  | 'bulk_get' // POST /<db>/_bulk_get
  | 'revs_diff' // POST /<db>/_revs_diff
  | 'bulk_docs' // POST /<db>/_bulk_docs
  | 'ensure_full_commit' // POST /<db>/_ensure_full_commit (replicators still call it)
  | 'checkpoint_read' // GET /<db>/_local/<replication id>
  | 'checkpoint_write' // PUT /<db>/_local/<replication id>
  | 'doc_read' // GET /<db>/<id> (also _design/<name>)
  | 'doc_write' // PUT or DELETE /<db>/<id>
  | 'attachment_read'; // GET /<db>/<id>/<name>

/** Kinds that change data: they need an Origin of our own and a JSON body. */
export const WRITE_KINDS: ReadonlySet<RouteKind> = new Set(['bulk_docs', 'checkpoint_write', 'doc_write', 'session']);

export interface Route {
  kind: RouteKind;
  method: string;
  db: string | null;
  docId: string | null;
  query: URLSearchParams;
}

export interface Refusal {
  status: number;
  error: string;
  reason: string;
  /** More of the answer, beside `error` and `reason` (the events that require a document type). */
  detail?: Readonly<Record<string, unknown>>;
}

const refuse = (status: number, error: string, reason: string): Refusal => ({ status, error, reason });
const notAllowed = (what: string) => refuse(403, 'forbidden', `${what} is not available through this server`);

/** CouchDB database names without `/` (none of ours has one), plus `_users`, which branch servers pull. */
const DB_NAME = /^(?:[a-z][a-z0-9_$()+-]{0,127}|_users)$/;
/**
 * Replication checkpoints: PouchDB's ids are base64 MD5 digests (`/`→`.`, `+`→`_`), CouchDB's
 * are 32 hex digits. Never a `-`, never short: `_security` and the server jobs' own
 * checkpoints (`_local/stats-rollup`, `_local/end-of-day`: hyphenated on purpose) never match.
 */
const CHECKPOINT_ID = /^[A-Za-z0-9._=+]{20,80}$/;
/** Document ids: printable, no `/`, no leading underscore (design and local ids are matched apart), bounded. */
const DOC_ID = /^[^_/\u0000-\u001f\u007f][^/\u0000-\u001f\u007f]{0,299}$/;
const VIEW_NAME = /^[a-z][a-z0-9_]{0,63}$/;
const ATTACHMENT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

function decodeSegments(path: string): string[] | null {
  if (!path.startsWith('/')) return null;
  const raw = path.slice(1).split('/');
  const out: string[] = [];
  for (const seg of raw) {
    try {
      const d = decodeURIComponent(seg);
      // Nothing URL parsing would rewrite on the way to the engine (`..`, `.`, `\` as `/`):
      // `/db/fo_ref/..\_config` must not become the engine's `/_config`.
      if (/[\u0000-\u001f\u007f\\]/.test(d) || d === '.' || d === '..') return null;
      out.push(d);
    } catch {
      return null;
    }
  }
  return out;
}

const METHODS: Record<RouteKind, readonly string[]> = {
  root: ['GET', 'HEAD'],
  session: ['GET', 'POST', 'DELETE'],
  db_info: ['GET', 'HEAD'],
  changes: ['GET', 'POST'],
  all_docs: ['GET', 'POST'],
  view: ['GET', 'POST'],
  bulk_get: ['POST'],
  revs_diff: ['POST'],
  bulk_docs: ['POST'],
  ensure_full_commit: ['POST'],
  checkpoint_read: ['GET', 'HEAD'],
  checkpoint_write: ['PUT'],
  doc_read: ['GET', 'HEAD'],
  doc_write: ['PUT', 'DELETE'],
  attachment_read: ['GET', 'HEAD'],
};

const DB_ENDPOINTS: Record<string, RouteKind> = {
  _changes: 'changes',
  _all_docs: 'all_docs',
  _bulk_get: 'bulk_get',
  _revs_diff: 'revs_diff',
  _bulk_docs: 'bulk_docs',
  _ensure_full_commit: 'ensure_full_commit',
};

function shape(method: string, segs: string[]): { kind: RouteKind; db: string | null; docId: string | null } | Refusal {
  if (segs.length === 1 && segs[0] === '') return { kind: 'root', db: null, docId: null };
  const [first, ...rest] = segs as [string, ...string[]];
  if (first === '_session' && rest.length === 0) return { kind: 'session', db: null, docId: null };
  if (!DB_NAME.test(first)) return notAllowed(`/${first}`);
  const db = first;
  if (rest.length === 0 || (rest.length === 1 && rest[0] === '')) {
    return method === 'GET' || method === 'HEAD' ? { kind: 'db_info', db, docId: null } : notAllowed('creating or deleting a database');
  }
  const [second, ...tail] = rest as [string, ...string[]];
  if (tail.length === 0 && Object.hasOwn(DB_ENDPOINTS, second)) return { kind: DB_ENDPOINTS[second]!, db, docId: null };
  if (second === '_local' && tail.length === 1 && CHECKPOINT_ID.test(tail[0]!)) {
    const kind = method === 'PUT' ? 'checkpoint_write' : 'checkpoint_read';
    return { kind, db, docId: `_local/${tail[0]}` };
  }
  if (second === '_design' && tail.length >= 1) {
    const name = tail[0]!;
    if (!VIEW_NAME.test(name)) return notAllowed('this design document');
    if (tail.length === 1) return method === 'GET' || method === 'HEAD' ? { kind: 'doc_read', db, docId: `_design/${name}` } : notAllowed('writing a design document');
    if (tail.length === 3 && tail[1] === '_view' && VIEW_NAME.test(tail[2]!)) return { kind: 'view', db, docId: `_design/${name}` };
    return notAllowed('this design-document endpoint');
  }
  if (!DOC_ID.test(second)) return notAllowed(`/${db}/${second}`);
  if (tail.length === 0) return { kind: method === 'PUT' || method === 'DELETE' ? 'doc_write' : 'doc_read', db, docId: second };
  if (tail.length === 1 && ATTACHMENT_NAME.test(tail[0]!) && (method === 'GET' || method === 'HEAD')) return { kind: 'attachment_read', db, docId: second };
  return notAllowed('this document endpoint');
}

/** Classifies one request under `/db/`, or says why it is refused. */
export function classify(method: string, pathAndQuery: string): Route | Refusal {
  // A raw `#` is no part of a request target: URL parsing would cut the rest off on the way to
  // the engine (`DELETE /db/fo_ref/#x`, checked as a document, would delete the database).
  if (pathAndQuery.includes('#')) return refuse(400, 'bad_request', 'malformed path');
  const q = pathAndQuery.indexOf('?');
  const path = q < 0 ? pathAndQuery : pathAndQuery.slice(0, q);
  const segs = decodeSegments(path);
  if (!segs) return refuse(400, 'bad_request', 'malformed path');
  const found = shape(method, segs);
  if ('status' in found) return found;
  if (!METHODS[found.kind].includes(method)) return refuse(405, 'method_not_allowed', `${method} is not allowed here`);
  let query: URLSearchParams;
  try {
    query = new URLSearchParams(q < 0 ? '' : pathAndQuery.slice(q + 1));
  } catch {
    return refuse(400, 'bad_request', 'malformed query string');
  }
  const bad = checkQuery(found.kind as QueryRule, query);
  if (bad) return refuse(400, 'bad_request', bad);
  return { ...found, method, query };
}

export function isRefusal(x: Route | Refusal): x is Refusal {
  return 'status' in x;
}
