/**
 * Hostile documents for the fuzz test: a valid document of some type (the contract's fixtures)
 * broken in one to three ways an attacker would try — wrong types, huge strings, deep
 * nesting, forged ids, someone else's name in an author field, bad revisions, forged
 * histories, another branch, a server-only type. Whether the result is still valid is for the
 * contract to say (fuzz.test.ts asks it and skips what it accepts); almost nothing is.
 */
import fc from 'fast-check';
import { goodDocs } from '../../../couch-design/testing/fixtures.ts';
import { specOfType } from '../../../couch-design/types/registry.ts';
import { AUTHOR_RULES } from '../../../couch-design/validate/authors.ts';

export type Doc = Record<string, unknown>;

const FIXTURES = goodDocs();
export const TYPES = Object.keys(FIXTURES);
export const OTHER_NAMES = ['someone.else', 'counter.yde', 'cashier.b', 'admin', 'admin.hq', 'supervisor.dla', '', ' counter.dla', 'COUNTER.DLA'];

/** The database a type lives in, by the contract's registry. */
export function homeDb(type: unknown): string {
  const db = specOfType(type)?.db;
  return db === 'ref' ? 'fo_ref' : db === 'people' ? 'fo_people' : 'fo_branch_dla';
}

/** An object (or array) nested `depth` levels deep. */
export function nested(depth: number, array: boolean): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = array ? [v] : { n: v };
  return v;
}

export const hex32 = fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 32, maxLength: 32 });

const strangeValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1e308, -0, '', [], {}, 'NaN', '<script>alert(1)</script>', '\u0000', '\ud800', '__proto__'),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.string({ maxLength: 40 }),
  fc.array(fc.integer(), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 4 }),
);

const hugeString = fc.integer({ min: 1_001, max: 80_000 }).chain((n) => fc.constantFrom('x', 'é', '<', '"').map((ch) => ch.repeat(n)));

const forgedId: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    '_design/fo',
    '_design/evil',
    '_local/_security',
    '_local/stats-rollup',
    '_local/end-of-day',
    '_security',
    '_users',
    'org.couchdb.user:mallory',
    'ticket:yde:2024-03-05:A:0012',
    'ticket:dla:2024-13-45:A:0012',
    'ticket:dla:2024-03-05:A:-1',
    'branch:dla',
    'institution',
    '',
    ' ',
    'a/b',
    '../_config',
    '\u0000',
  ),
  fc.string({ minLength: 1, maxLength: 30 }),
  fc.integer({ min: 301, max: 2_000 }).map((n) => 'ticket:dla:' + 'x'.repeat(n)),
  fc.constantFrom(...TYPES).map((t) => FIXTURES[t]!._id),
  fc.constantFrom(null, 42, [], {}),
);

const badRev: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom('', 'abc', '0-', '1-', '-1-abc', '1-XYZ', '1-' + 'g'.repeat(32), '999999999999-abc', '1-abc/../x'),
  fc.string({ maxLength: 20 }),
  fc.constantFrom(1, null, [], {}),
);

const forgedRevisions: fc.Arbitrary<unknown> = fc.oneof(
  fc.record({ start: fc.oneof(fc.integer({ min: -5, max: 2_000_000_000 }), fc.constant('1')), ids: fc.array(fc.oneof(hex32, fc.string({ maxLength: 5 })), { maxLength: 50 }) }),
  fc.record({ start: fc.constant(1_000), ids: fc.integer({ min: 1_001, max: 5_000 }).map((n) => Array.from({ length: n }, (_, i) => i.toString(16).padStart(32, '0'))) }),
  strangeValue,
);

type Mutation = (doc: Doc) => fc.Arbitrary<Doc>;

const fieldOf = (doc: Doc) => fc.constantFrom(...Object.keys(doc).filter((k) => k !== '_id'));

const MUTATIONS: readonly Mutation[] = [
  // A field of the wrong type.
  (doc) => fc.tuple(fieldOf(doc), strangeValue).map(([k, v]) => ({ ...doc, [k]: v })),
  // A huge string in an existing field or a free-text one.
  (doc) => fc.tuple(fc.oneof(fieldOf(doc), fc.constantFrom('note', 'details', 'message', 'name', 'pad')), hugeString).map(([k, v]) => ({ ...doc, [k]: v })),
  // Nesting far deeper than any document has.
  (doc) => fc.tuple(fc.constantFrom('details', 'values', 'stats', 'note', 'documents'), fc.integer({ min: 7, max: 1_500 }), fc.boolean()).map(([k, depth, array]) => ({ ...doc, [k]: nested(depth, array) })),
  // A forged id.
  (doc) => forgedId.map((id) => ({ ...doc, _id: id })),
  // Someone else's name where the author goes.
  (doc) => {
    const fields = (typeof doc.type === 'string' && Object.hasOwn(AUTHOR_RULES, doc.type) ? AUTHOR_RULES[doc.type]! : []).map((r) => r.field);
    return fc.tuple(fc.constantFrom(...(fields.length ? fields : ['agent'])), fc.constantFrom(...OTHER_NAMES)).map(([k, name]) => ({ ...doc, [k]: name }));
  },
  // A malformed revision.
  (doc) => badRev.map((rev) => ({ ...doc, _rev: rev })),
  // A forged history (what `new_edits: false` would store as is).
  (doc) => fc.tuple(forgedRevisions, hex32).map(([revisions, hash]) => ({ ...doc, _rev: `1-${hash}`, _revisions: revisions })),
  // Another branch, another type, a server-only type.
  (doc) => fc.constantFrom('yde', 'xyz', '', 'DLA').map((b) => ({ ...doc, branch: b })),
  (doc) => fc.constantFrom('user', '_design', 'stats_day', 'stats_month', 'nope', '', 'Ticket').map((t) => ({ ...doc, type: t })),
  // A stored script, a deletion that is not one, CouchDB's reserved fields.
  (doc) => fc.constantFrom('text/html', 'image/svg+xml', 'application/javascript', '').map((t) => ({ ...doc, _attachments: { 'x.html': { content_type: t, data: 'PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==' } } })),
  (doc) => fc.constantFrom<unknown>('yes', 1, null, {}).map((v) => ({ ...doc, _deleted: v })),
  (doc) => fc.constantFrom('_conflicts', '_deleted_conflicts', '_local_seq', '_revs_info', '_id2', '_security').map((k) => ({ ...doc, [k]: ['1-abc'] })),
  // A required field removed.
  (doc) => fieldOf(doc).map((k) => Object.fromEntries(Object.entries(doc).filter(([f]) => f !== k))),
];

/** One document of a random type, broken in one to three ways. */
export const hostileDoc: fc.Arbitrary<Doc> = fc
  .tuple(fc.constantFrom(...TYPES), fc.array(fc.nat(MUTATIONS.length - 1), { minLength: 1, maxLength: 3 }))
  .chain(([type, picks]) => picks.reduce<fc.Arbitrary<Doc>>((arb, i) => arb.chain((doc) => MUTATIONS[i]!(doc)), fc.constant({ ...FIXTURES[type]! })));

/** A valid fixture, for requests whose hostility is elsewhere (origin, content type). */
export const validDoc: fc.Arbitrary<Doc> = fc.constantFrom(...TYPES).map((t) => ({ ...FIXTURES[t]! }));
