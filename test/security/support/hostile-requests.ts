/**
 * Hostile requests for the fuzz test, each wrong by construction: a broken document, a body
 * that is not JSON or not the JSON the endpoint takes, a foreign content type or origin, an
 * endpoint or method the gateway does not serve, a query with at least one parameter no
 * endpoint accepts, forged credentials. A request whose only flaw is its document carries the
 * document apart (`doc`/`docs`), so the runner can ask the contract whether it is really broken.
 */
import fc from 'fast-check';
import { hex32, homeDb, hostileDoc, validDoc, type Doc } from './hostile-docs.ts';

/** Who sends it: a demo user, the server admin (basic auth), a signed-out cookie, or nobody. */
export const CALLERS = ['anonymous', 'revoked', 'server-admin', 'reception.dla', 'kiosk.dla', 'display.dla', 'counter.dla', 'cashier.dla', 'backoffice.dla', 'supervisor.dla', 'reception.yde', 'supervisor.hq', 'admin.hq'] as const;
export type Caller = (typeof CALLERS)[number];

export interface HostileRequest {
  kind: string;
  who: Caller;
  method: string;
  /** Under /db. */
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** Another source address (failed sign-ins there must not hold back the others). */
  from?: string;
  /** A PUT whose only flaw may be its document. */
  doc?: Doc;
  /** `_bulk_docs`: the documents, each of which must come back with an error. */
  docs?: Doc[];
  db: string;
}

const JSON_TYPE = { 'content-type': 'application/json' };
const DBS = ['fo_ref', 'fo_people', 'fo_branch_dla', 'fo_branch_yde', 'fo_central', '_users', '_replicator', 'fo_nope', '_global_changes'];
const db = fc.constantFrom(...DBS);
const caller = fc.constantFrom(...CALLERS);
const enc = encodeURIComponent;
const idOf = (doc: Doc) => (typeof doc._id === 'string' && doc._id !== '' ? doc._id : 'x');
/** The id in the path: encoded, or raw when the raw form is still a valid request line. */
const pathId = (id: string, raw: boolean) => (raw && /^[\x21-\x7e]+$/.test(id) && !/[?#%]/.test(id) ? id : enc(id));
const dbOf = (doc: Doc, other: string, home: boolean) => (home ? homeDb(doc.type) : other);

const docPut = fc.record({ who: caller, doc: hostileDoc, other: db, home: fc.boolean(), raw: fc.boolean() }).map(({ who, doc, other, home, raw }): HostileRequest => {
  const target = dbOf(doc, other, home);
  return { kind: 'document', who, method: 'PUT', path: `/${target}/${pathId(idOf(doc), raw)}`, headers: JSON_TYPE, body: JSON.stringify(doc), doc, db: target };
});

const bulkDocs = fc
  .record({ who: caller, docs: fc.array(hostileDoc, { minLength: 1, maxLength: 6 }), newEdits: fc.constantFrom(undefined, true, false), other: db, home: fc.boolean() })
  .map(({ who, docs, newEdits, other, home }): HostileRequest => {
    const target = dbOf(docs[0]!, other, home);
    const body = JSON.stringify(newEdits === undefined ? { docs } : { docs, new_edits: newEdits });
    return { kind: newEdits === false ? 'bulk new_edits:false' : 'bulk', who, method: 'POST', path: `/${target}/_bulk_docs`, headers: JSON_TYPE, body, docs, db: target };
  });

const NOT_JSON = ['{', '{"docs": [', '{"a":1,}', "{'a':1}", 'NaN', 'undefined', '\ufeff{}', '{"a":1}{"b":2}', '[1,2', 'tru', '{"a":"\\x00"}', '\u0000', '--b\r\n\r\n', 'name=x&password=y', '<?xml version="1.0"?><x/>', '{"a":' + '['.repeat(50)];
const WRITE_PATHS = ['/fo_branch_dla/_bulk_docs', '/fo_branch_dla/ticket%3Adla%3A2024-03-05%3AA%3A0099', '/fo_ref/_all_docs', '/fo_people/_bulk_get', '/fo_branch_dla/_revs_diff', '/_session', '/fo_branch_dla/_changes?filter=_doc_ids'];
const badJson = fc.record({ who: caller, text: fc.oneof(fc.constantFrom(...NOT_JSON), fc.string({ minLength: 1, maxLength: 60 }).filter((t) => !isJson(t))), path: fc.constantFrom(...WRITE_PATHS) }).map(({ who, text, path }): HostileRequest => ({
  kind: 'not JSON',
  who,
  method: path.includes('%3A') ? 'PUT' : 'POST',
  path,
  headers: JSON_TYPE,
  body: text,
  db: path.split('/')[1]!,
}));

function isJson(t: string): boolean {
  try {
    JSON.parse(t);
    return true;
  } catch {
    return false;
  }
}

const FOREIGN_TYPES = ['text/plain', 'multipart/form-data; boundary=b', 'application/x-www-form-urlencoded', 'text/html', 'application/xml', 'application/javascript', 'application/jsonx', 'json', 'application/json-patch+json', 'text/json'];
const wrongType = fc.record({ who: caller, doc: validDoc, type: fc.constantFrom(...FOREIGN_TYPES), bulk: fc.boolean() }).map(({ who, doc, type, bulk }): HostileRequest => {
  const target = homeDb(doc.type);
  return bulk
    ? { kind: 'content type', who, method: 'POST', path: `/${target}/_bulk_docs`, headers: { 'content-type': type }, body: JSON.stringify({ docs: [doc] }), db: target }
    : { kind: 'content type', who, method: 'PUT', path: `/${target}/${enc(idOf(doc))}`, headers: { 'content-type': type }, body: JSON.stringify(doc), db: target };
});

const FOREIGN_ORIGINS: Record<string, string>[] = [
  { origin: 'http://evil.example' },
  { origin: 'null' },
  { origin: 'http://127.0.0.1.evil.example' },
  { origin: 'https://localhost' },
  { origin: 'not a url' },
  { 'sec-fetch-site': 'cross-site' },
  { 'sec-fetch-site': 'same-site' },
  { origin: 'http://evil.example', 'sec-fetch-site': 'same-origin' },
];
const crossOrigin = fc.record({ who: caller, doc: validDoc, headers: fc.constantFrom(...FOREIGN_ORIGINS), bulk: fc.boolean() }).map(({ who, doc, headers, bulk }): HostileRequest => {
  const target = homeDb(doc.type);
  return bulk
    ? { kind: 'cross-site', who, method: 'POST', path: `/${target}/_bulk_docs`, headers: { ...JSON_TYPE, ...headers }, body: JSON.stringify({ docs: [doc] }), db: target }
    : { kind: 'cross-site', who, method: 'PUT', path: `/${target}/${enc(idOf(doc))}`, headers: { ...JSON_TYPE, ...headers }, body: JSON.stringify(doc), db: target };
});

const ENDPOINTS = [
  '_find', '_index', '_explain', '_purge', '_compact', '_compact/fo', '_view_cleanup', '_security', '_revs_limit', '_temp_view', '_local_docs', '_design_docs',
  '_shards', '_local/_security', '_local/stats-rollup', '_local/end-of-day', '_design/fo/_update/x/y', '_design/fo/_show/x', '_design/fo/_list/a/b', '_design/fo/_rewrite/x',
  '_design/fo/_info', '_design/fo/_search/x', '_design/fo/_view/by_day/x', '_design/FO', '_design/fo%2F_view%2Fx', '_changes/', '_all_docs/', '_bulk_get/x', 'ticket/a/b', '%00', '..', '_',
];
const SERVER_PATHS = ['/..', '/%2e%2e/_config', '/_users/../_config', '//_all_dbs', '/_all_dbs', '/_config', '/_config/admins/x', '/_replicate', '/_active_tasks', '/_utils/', '/_node/_local/_config', '/_up', '/_session/x', '/_db_updates', '/_scheduler/jobs', '/_dbs', '/_stats', '/_uuids', '/_cluster_setup', '/_replicator/x', '/fo_ref%00', '/FO_REF', '/fo_ref;x', '/%'];
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'COPY', 'MOVE', 'PROPFIND', 'TRACE', 'PURGE', 'LOCK', 'MKCOL'];
const withBody = (m: string) => m === 'POST' || m === 'PUT' || m === 'PATCH';
const unknownEndpoint = fc
  .record({ who: caller, method: fc.constantFrom(...METHODS), target: db, path: fc.oneof(fc.constantFrom(...ENDPOINTS).map((e) => `/${e}`), fc.constantFrom(...SERVER_PATHS).map((p) => `!${p}`)) })
  .map(({ who, method, target, path }): HostileRequest => {
    const full = path.startsWith('!') ? path.slice(1) : `/${target}${path}`;
    return { kind: 'unknown endpoint', who, method, path: full, headers: JSON_TYPE, ...(withBody(method) ? { body: '{"selector":{}}' } : {}), db: target };
  });
/** A database touched with a method that would create, delete or replace it; the server root written to. */
const wholeDb = fc.record({ who: caller, method: fc.constantFrom('PUT', 'DELETE', 'POST', 'COPY', 'PATCH'), target: fc.oneof(db, fc.constantFrom('', 'anything', 'fo_branch_new')) }).map(
  ({ who, method, target }): HostileRequest => ({ kind: 'database', who, method, path: `/${target}`, headers: JSON_TYPE, ...(withBody(method) ? { body: '{}' } : {}), db: target }),
);

/**
 * Parameter pairs no endpoint accepts (unknown there, or a value out of range). URLs stay
 * under 16 KB: a longer request line is refused by Node's HTTP parser itself (431, no body).
 */
const BAD_PARAMS: [string, string][] = [
  ['filter', 'nope/nope'], ['filter', 'fo/nope'], ['filter', '_selector'], ['filter', '_view'], ['filter', '_design'], ['filter', '_selector\u0000'], ['filter', ''],
  ['view', 'nope/nope'], ['selector', '{}'], ['feed', 'eventsource'], ['feed', 'websocket'], ['since', '<script>'], ['since', '1 OR 1=1'],
  ['limit', '-1'], ['limit', 'abc'], ['limit', '1e3'], ['limit', '9999999999'], ['skip', '-1'], ['include_docs', 'yes'], ['descending', '1'], ['conflicts', 'TRUE'],
  ['startkey', '['], ['key', '{'], ['keys', 'notjson'], ['endkey', '"' + 'x'.repeat(12_000)], ['rev', 'bad'], ['rev', '1-XYZ'], ['open_revs', '[1]'], ['open_revs', 'notjson'],
  ['doc_ids', '[]'], ['doc_ids', '[1]'], ['heartbeat', '-5'], ['timeout', '-1'], ['style', 'x'], ['stale', 'bad'], ['update', 'maybe'], ['group_level', '-1'],
  ['callback', 'alert'], ['new_edits', 'false'], ['batch', 'ok'], ['q', '*:*'], ['__proto__', 'x'], ['constructor', 'x'], ['attachments', '1'], ['latest', 'yes'], ['revs', '2'], ['basic', 'true'],
];
const MAYBE_GOOD: [string, string][] = [['limit', '1'], ['include_docs', 'true'], ['descending', 'false'], ['feed', 'longpoll'], ['since', 'now'], ['conflicts', 'true'], ['timeout', '1'], ['style', 'all_docs'], ['rev', '1-abc']];
const QUERY_TARGETS: [string, string][] = [
  ['GET', '/{db}/_changes'], ['POST', '/{db}/_changes'], ['GET', '/{db}/_all_docs'], ['POST', '/{db}/_all_docs'], ['GET', '/{db}/_design/fo/_view/by_day'], ['GET', '/{db}/_design/fo'],
  ['GET', '/{db}/service%3Afamily'], ['GET', '/{db}/_local/AAAAAAAAAAAAAAAAAAAAAAAA'], ['POST', '/{db}/_bulk_get'], ['POST', '/{db}/_revs_diff'], ['POST', '/{db}/_bulk_docs'],
  ['POST', '/{db}/_ensure_full_commit'], ['GET', '/{db}/'], ['GET', '/{db}'], ['GET', '/_session'], ['DELETE', '/_session'], ['GET', '/'],
];
const badQuery = fc
  .record({ who: caller, target: db, at: fc.constantFrom(...QUERY_TARGETS), good: fc.array(fc.constantFrom(...MAYBE_GOOD), { maxLength: 3 }), bad: fc.constantFrom(...BAD_PARAMS), where: fc.nat(), twice: fc.boolean() })
  .map(({ who, target, at: [method, template], good, bad, where, twice }): HostileRequest => {
    const params = [...good];
    params.splice(where % (params.length + 1), 0, bad);
    // A parameter given twice is refused whatever it is.
    if (twice && good.length) params.push(good[0]!);
    const query = params.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&');
    const body = method === 'POST' ? '{"docs":[],"keys":[],"doc_ids":["a"]}' : undefined;
    return { kind: 'query', who, method, path: `${template.replace('{db}', target)}?${query}`, headers: JSON_TYPE, ...(body ? { body } : {}), db: target };
  });

const READ_BODIES: [string, unknown[]][] = [
  ['/{db}/_all_docs', [{ keys: 'x' }, { keys: [1, 2] }, { keys: ['a'], extra: 1 }, [], 'str', null, { keys: ['x'.repeat(400)] }, {}]],
  ['/{db}/_bulk_get', [{ docs: 'x' }, { docs: [{}] }, { docs: [{ id: 1 }] }, { docs: [{ id: 'a', rev: 'bad' }] }, { docs: [{ id: 'a', atts_since: ['x'] }] }, [], null, {}]],
  ['/{db}/_revs_diff', [{ a: 'x' }, { a: [1] }, { a: ['bad'] }, [], null, 'x', { ['x'.repeat(400)]: ['1-a'] }]],
  ['/{db}/_changes', [{ doc_ids: ['a'] }, {}, { selector: {} }, []]],
  ['/{db}/_changes?filter=_doc_ids', [{ doc_ids: [] }, { doc_ids: 'a' }, { doc_ids: [1] }, {}, null]],
  ['/{db}/_design/fo/_view/by_day', [{ keys: 'x' }, { keys: [1], x: 1 }, {}, null]],
  ['/{db}/_local/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', [null, [], 'x', 1, { _id: '_local/other' }]],
];
const badReadBody = fc.record({ who: caller, target: db, at: fc.constantFrom(...READ_BODIES), pick: fc.nat() }).map(({ who, target, at: [template, bodies], pick }): HostileRequest => ({
  kind: 'endpoint body',
  who,
  method: template.includes('_local/') ? 'PUT' : 'POST',
  path: template.replace('{db}', target),
  headers: JSON_TYPE,
  body: JSON.stringify(bodies[pick % bodies.length]),
  db: target,
}));

const forgedToken = fc.oneof(
  fc.base64String({ minLength: 4, maxLength: 80 }),
  fc.string({ maxLength: 12 }).map((s) => Buffer.from(`admin.hq:6B0FB772:${s}`).toString('base64url')),
  fc.constant('x'.repeat(4_000)),
);
const FORGED_HEADERS: fc.Arbitrary<Record<string, string>> = fc.oneof(
  forgedToken.map((t) => ({ cookie: `AuthSession=${t}` })),
  forgedToken.map((t) => ({ cookie: `AuthSession=${t}; AuthSession=${t}x` })),
  fc.tuple(fc.string({ minLength: 1, maxLength: 12 }).filter((n) => !n.includes(':')), fc.string({ maxLength: 12 })).map(([n, p]) => ({ authorization: 'Basic ' + Buffer.from(`fuzz.${n}:${p}`).toString('base64') })),
  fc.constantFrom<Record<string, string>>(
    { authorization: 'Basic !!!!' },
    { authorization: 'Bearer abc' },
    { authorization: 'Basic ' + Buffer.from('nocolon').toString('base64') },
    { authorization: 'Basic ' + Buffer.from('admin:front-office-admin').toString('base64') },
    { 'x-auth-couchdb-username': 'admin', 'x-auth-couchdb-roles': '_admin', 'x-auth-couchdb-token': 'x' },
    { 'x-forwarded-for': '127.0.0.1', 'x-real-ip': '127.0.0.1' },
  ),
);
const AUTH_TARGETS: [string, string][] = [['GET', '/fo_branch_dla/_all_docs'], ['GET', '/fo_ref/_changes'], ['GET', '/fo_people/person%3A1000123'], ['POST', '/fo_branch_dla/_bulk_docs'], ['POST', '/fo_ref/_bulk_get']];
const forgedAuth = fc.record({ headers: FORGED_HEADERS, at: fc.constantFrom(...AUTH_TARGETS), doc: validDoc }).map(({ headers, at: [method, path], doc }): HostileRequest => ({
  kind: 'forged credentials',
  who: 'anonymous',
  method,
  path,
  headers: { ...JSON_TYPE, ...headers },
  ...(method === 'POST' ? { body: path.endsWith('_bulk_docs') ? JSON.stringify({ docs: [doc] }) : JSON.stringify({ docs: [{ id: 'institution' }] }) } : {}),
  from: '127.0.0.6',
  db: path.split('/')[1]!,
}));

const SESSION_BODIES = ['{}', '{"name":1,"password":2}', '{"name":"a"}', '{"name":"counter.dla","password":"x","roles":["_admin"]}', JSON.stringify({ name: 'x'.repeat(300), password: 'p' }), JSON.stringify({ name: 'a', password: 'p'.repeat(2_000) }), '[]', 'null', '"x"', '{"name":null,"password":null}'];
const session = fc.oneof(
  fc.constantFrom(...SESSION_BODIES).map((body): HostileRequest => ({ kind: 'sign-in', who: 'anonymous', method: 'POST', path: '/_session', headers: JSON_TYPE, body, from: '127.0.0.5', db: '' })),
  fc.tuple(fc.constantFrom('counter.dla', 'admin.hq', 'admin', 'nobody'), fc.string({ maxLength: 16 })).map(([name, password]): HostileRequest => ({
    kind: 'sign-in', who: 'anonymous', method: 'POST', path: '/_session', headers: JSON_TYPE, body: JSON.stringify({ name, password: `wrong-${password}` }), from: '127.0.0.5', db: '',
  })),
);

const oversize = fc.record({ who: caller, at: fc.constantFrom('/fo_branch_dla/ticket%3Adla%3A2024-03-05%3AA%3A0012', '/fo_ref/_all_docs', '/_session', '/fo_branch_dla/_local/AAAAAAAAAAAAAAAAAAAAAAAA') }).map(({ who, at }): HostileRequest => ({
  kind: 'oversize',
  who,
  method: at.includes('%3A') || at.includes('_local') ? 'PUT' : 'POST',
  path: at,
  headers: JSON_TYPE,
  body: JSON.stringify({ keys: [], pad: 'x'.repeat(at === '/_session' ? 5_000 : 1_100_000) }),
  db: at.split('/')[1]!,
}));

const deletion = fc.record({ who: caller, target: db, id: fc.constantFrom('institution', 'branch:dla', 'service:family', 'person:1000123', 'ticket:dla:2024-03-05:A:0012', 'nope'), n: fc.integer({ min: 1, max: 9 }), hash: hex32 }).map(
  ({ who, target, id, n, hash }): HostileRequest => ({ kind: 'deletion', who, method: 'DELETE', path: `/${target}/${enc(id)}?rev=${n}-${hash}`, headers: JSON_TYPE, db: target }),
);

export const hostileRequest: fc.Arbitrary<HostileRequest> = fc.oneof(
  { arbitrary: docPut, weight: 24 },
  { arbitrary: bulkDocs, weight: 18 },
  { arbitrary: badJson, weight: 7 },
  { arbitrary: wrongType, weight: 6 },
  { arbitrary: crossOrigin, weight: 6 },
  { arbitrary: unknownEndpoint, weight: 10 },
  { arbitrary: wholeDb, weight: 2 },
  { arbitrary: badQuery, weight: 10 },
  { arbitrary: badReadBody, weight: 6 },
  { arbitrary: forgedAuth, weight: 5 },
  { arbitrary: session, weight: 2 },
  { arbitrary: oversize, weight: 1 },
  { arbitrary: deletion, weight: 3 },
);
