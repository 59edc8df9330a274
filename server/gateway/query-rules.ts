/**
 * Query parameters each allowed endpoint may carry, with the values they may take. These are
 * the parameters PouchDB 9's HTTP adapter and CouchDB 3's replicator send (read off their
 * sources); an unknown parameter or value is refused rather than passed to the engine, which
 * is how `filter=_selector` and its cousins crashed the embedded one.
 */
import { BRANCH_CODE_PATTERN, PEOPLE_OF_BRANCH_FILTER, REPLICATION_FILTER } from '../../couch-design/databases.ts';

type Check = (value: string) => boolean;

const bool: Check = (v) => v === 'true' || v === 'false';
const count: Check = (v) => /^\d{1,9}$/.test(v);
const jsonValue: Check = (v) => {
  if (v.length > 16_384) return false;
  try {
    JSON.parse(v);
    return true;
  } catch {
    return false;
  }
};
const oneOf = (...values: string[]): Check => (v) => values.includes(v);
/** CouchDB sequences are opaque strings (`12-g1AAAA…`), PouchDB's are numbers; `now` is a start. */
const seq: Check = (v) => v === 'now' || /^[A-Za-z0-9_-]{1,2048}$/.test(v) || (v.startsWith('[') && jsonValue(v));
const rev: Check = (v) => /^\d{1,9}-[a-f0-9]{1,64}$/.test(v);
const revList: Check = (v) => {
  if (v === 'all') return true;
  if (!jsonValue(v)) return false;
  const list: unknown = JSON.parse(v);
  return Array.isArray(list) && list.length <= 1000 && list.every((r) => typeof r === 'string' && rev(r));
};
const idList: Check = (v) => {
  if (!jsonValue(v)) return false;
  const list: unknown = JSON.parse(v);
  return Array.isArray(list) && list.length > 0 && list.length <= 1000 && list.every((id) => typeof id === 'string' && id.length <= 300);
};
/**
 * Only the filters our replications use; `_doc_ids` also needs its ids, and a device's share of
 * fo_people its `branch` (both checked with the body, body-rules.ts).
 */
const changesFilter = oneOf('_doc_ids', REPLICATION_FILTER, PEOPLE_OF_BRANCH_FILTER);

const RANGE: Record<string, Check> = {
  conflicts: bool,
  update_seq: bool,
  descending: bool,
  include_docs: bool,
  attachments: bool,
  att_encoding_info: bool,
  key: jsonValue,
  keys: jsonValue,
  startkey: jsonValue,
  endkey: jsonValue,
  start_key: jsonValue,
  end_key: jsonValue,
  startkey_docid: (v) => v.length <= 300,
  endkey_docid: (v) => v.length <= 300,
  inclusive_end: bool,
  limit: count,
  skip: count,
};

const RULES = {
  root: {},
  session: {},
  db_info: {},
  changes: {
    since: seq,
    limit: count,
    feed: oneOf('normal', 'longpoll', 'continuous'),
    heartbeat: (v: string) => v === 'true' || count(v),
    timeout: count,
    style: oneOf('main_only', 'all_docs'),
    include_docs: bool,
    attachments: bool,
    att_encoding_info: bool,
    conflicts: bool,
    descending: bool,
    seq_interval: count,
    filter: changesFilter,
    doc_ids: idList,
    branch: (v: string) => BRANCH_CODE_PATTERN.test(v),
  },
  all_docs: RANGE,
  view: { ...RANGE, group: bool, group_level: count, reduce: bool, stale: oneOf('ok', 'update_after'), update: oneOf('true', 'false', 'lazy'), sorted: bool },
  bulk_get: { revs: bool, attachments: bool, latest: bool, att_encoding_info: bool },
  revs_diff: {},
  bulk_docs: {},
  ensure_full_commit: {},
  checkpoint_read: { rev },
  checkpoint_write: { rev },
  doc_read: {
    rev,
    revs: bool,
    revs_info: bool,
    open_revs: revList,
    latest: bool,
    conflicts: bool,
    deleted_conflicts: bool,
    attachments: bool,
    att_encoding_info: bool,
    local_seq: bool,
    meta: bool,
  },
  doc_write: { rev },
  attachment_read: { rev },
} satisfies Record<string, Record<string, Check>>;

export type QueryRule = keyof typeof RULES;

/** Why this query is refused, or null when every parameter is allowed with an allowed value. */
export function checkQuery(kind: QueryRule, query: URLSearchParams): string | null {
  const rules: Record<string, Check> = RULES[kind];
  const seen = new Set<string>();
  for (const [name, value] of query) {
    const check = Object.hasOwn(rules, name) ? rules[name] : undefined;
    if (!check) return `query parameter ${JSON.stringify(name.slice(0, 40))} is not allowed here`;
    if (seen.has(name)) return `query parameter ${name} is repeated`;
    seen.add(name);
    if (!check(value)) return `query parameter ${name} has a value this server does not accept`;
  }
  return null;
}
