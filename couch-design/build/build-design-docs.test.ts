import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDesignDocs, DB_KINDS, validateDocUpdateSource, type DbKind, type DesignDoc } from './build-design-docs.ts';
import { es5Sandbox } from '../testing/es5-sandbox.ts';
import { SERVER_ADMIN, goodDocs, user } from '../testing/fixtures.ts';
import { validateDocUpdate } from '../validate/entry.ts';
import { TYPE_SPECS } from '../types/registry.ts';
import { limitCases, type WriteCase } from '../testing/write-cases.ts';
import { authorCases } from '../testing/author-cases.ts';
import { requestCases } from '../testing/request-cases.ts';
import { scanCases } from '../testing/scan-cases.ts';
import { refCases } from '../testing/ref-cases.ts';
import { AUTHOR_RULES } from '../validate/authors.ts';

let built: Record<DbKind, DesignDoc[]>;
const sandbox = es5Sandbox();
const ddoc = (kind: DbKind) => built[kind][0]!;

beforeAll(async () => {
  built = await buildDesignDocs();
}, 30_000);

describe('built design documents', () => {
  it('one _design/fo per database kind, stamped with a content hash', () => {
    for (const kind of DB_KINDS) {
      expect(built[kind]).toHaveLength(1);
      expect(ddoc(kind)).toMatchObject({ _id: '_design/fo', language: 'javascript' });
      expect(ddoc(kind).version).toMatch(/^[0-9a-f]{16}$/);
    }
    expect(new Set(DB_KINDS.map((k) => ddoc(k).version)).size).toBe(5);
    expect(ddoc('scans').views).toEqual({});
    const cash = ['cash_journal', 'cash_sessions', 'cash_totals', 'payment_orders'];
    expect(Object.keys(ddoc('branch').views).sort()).toEqual([...cash, 'tickets_by_state', 'tickets_waiting', 'visit_durations', 'visit_events_by_day', 'visit_stats']);
    expect(Object.keys(ddoc('central').views).sort()).toEqual([...cash, 'tickets_by_state', 'visit_durations', 'visit_events_by_day', 'visit_stats']);
    expect(Object.keys(ddoc('people').views).sort()).toEqual(['cases_by_status', 'people_search', 'persons_by_account']);
  });

  it('is deterministic', async () => {
    const again = await buildDesignDocs();
    for (const kind of DB_KINDS) expect(again[kind][0]!.version).toBe(ddoc(kind).version);
  });

  it('runs in a context without the ES2015+ library', () => {
    expect(sandbox.missing()).toEqual(['undefined', 'undefined', 'undefined', 'undefined', 'undefined', 'undefined']);
    for (const kind of DB_KINDS) {
      const source = ddoc(kind).validate_doc_update;
      expect(source).not.toMatch(/=>|`|\blet\s|\bconst\s|\bclass\s/);
      for (const view of Object.values(ddoc(kind).views)) expect(view.map).not.toMatch(/=>|`|\blet\s|\bconst\s/);
    }
  });
});

describe('built validate_doc_update', () => {
  const dla = (role: string) => user([role, 'branch:dla'], role + '.dla');

  it('is an anonymous function (CouchDB turns only those into expressions) that sets the contract up once, strict caller or not', () => {
    const source = ddoc('branch').validate_doc_update;
    expect(source.startsWith('function (newDoc, oldDoc, userCtx, secObj) {')).toBe(true);
    for (const mode of ['', '"use strict";']) {
      const context = vm.createContext({});
      const validate = vm.runInContext(`${mode} (${source})`, context) as (...args: unknown[]) => void;
      const contracts = () => Object.keys(context).filter((k) => k.startsWith('__fo_contract_'));
      expect(contracts()).toEqual([]);
      const ticket = goodDocs().ticket;
      validate(ticket, null, dla('kiosk'), {});
      expect(contracts()).toHaveLength(1);
      const contract = context[contracts()[0]!] as object;
      expect(() => validate({ ...ticket, state: 'nonsense' }, null, dla('kiosk'), {})).toThrow();
      validate(ticket, null, dla('kiosk'), {});
      expect(context[contracts()[0]!], mode || 'sloppy').toBe(contract);
    }
    // Another version of the contract is kept under another name.
    const keyOf = (bundle: string) => /__fo_contract_[0-9a-f]{16}/.exec(validateDocUpdateSource(bundle, 'branch'))![0];
    expect(keyOf('var __fo = {a: 1};')).not.toBe(keyOf('var __fo = {a: 2};'));
  });

  it('accepts every good document from its writer, in its home database', () => {
    const writer: Record<string, string> = { ref: 'admin', people: 'backoffice', scans: 'counter' };
    const branchWriter: Record<string, string> = { visit_event: 'kiosk', device: 'kiosk', cash_entry: 'cashier', cash_session: 'cashier', cash_approval: 'supervisor', payment_order: 'backoffice', submission_review: 'backoffice', certificate_revocation: 'backoffice', stats_day: '_admin', stats_month: '_admin' };
    const docs = goodDocs();
    for (const spec of TYPE_SPECS) {
      const role = spec.db === 'branch' ? (branchWriter[spec.type] ?? 'counter') : writer[spec.db]!;
      // The fixtures' reference documents name their editor, the head-office administrator.
      const writer_ = spec.db === 'ref' ? user(['admin', 'hq'], 'admin.hq') : dla(role);
      expect(sandbox.validate(ddoc(spec.db).validate_doc_update, docs[spec.type], null, writer_), spec.type).toBeNull();
    }
  });

  it('throws {forbidden: "field: code"} for bad documents and forbidden writers', () => {
    const vdu = ddoc('branch').validate_doc_update;
    const entry = goodDocs().cash_entry!;
    expect(sandbox.validate(vdu, { ...entry, amount: 12.5 }, null, dla('cashier'))).toEqual({ forbidden: 'amount: not_integer' });
    expect(sandbox.validate(vdu, entry, null, dla('counter'))).toEqual({ forbidden: '_id: forbidden_role' });
    expect(sandbox.validate(vdu, { ...entry, _deleted: true }, { ...entry, _rev: '1-a' }, SERVER_ADMIN)).toEqual({ forbidden: '_deleted: immutable' });
    expect(sandbox.validate(vdu, { _id: 'x' }, null, dla('counter'))).toEqual({ forbidden: 'type: required' });
    expect(sandbox.validate(ddoc('central').validate_doc_update, entry, null, dla('cashier'))).toEqual({ forbidden: '_id: forbidden_role' });
    expect(sandbox.validate(ddoc('central').validate_doc_update, { _id: 'x' }, null, SERVER_ADMIN)).toBeNull();
  });

  /** What the built function throws for a case: null, or CouchDB's `{forbidden: 'field: code…'}`. */
  const thrownFor = (c: WriteCase) => sandbox.validate(ddoc(c.db).validate_doc_update, c.doc, c.old, c.user) as { forbidden?: string } | null;
  const expectBuilt = (c: WriteCase) => {
    const thrown = thrownFor(c);
    if (c.expect === null) expect(thrown, c.name).toBeNull();
    else expect(thrown?.forbidden?.replace(/ \(\+\d+ more\)$/, ''), c.name).toBe(`${c.expect.field}: ${c.expect.code}`);
  };

  it('ties authors to the signed-in user as the TypeScript validator does', () => {
    const cases = authorCases();
    expect(cases.length).toBeGreaterThan(40);
    for (const c of cases) expectBuilt(c);
  }, 30_000);

  it('judges back-office requests as the TypeScript validator does', () => {
    for (const c of requestCases()) expectBuilt(c);
  });

  it('enforces the size limits as the TypeScript validator does', () => {
    for (const c of limitCases()) expectBuilt(c);
  }, 60_000);

  it('judges scans and their references as the TypeScript validator does', () => {
    for (const c of scanCases()) expectBuilt(c);
  });

  it('judges reference data and its change log as the TypeScript validator does', () => {
    for (const c of refCases()) expectBuilt(c);
  });

  it('agrees with the TypeScript validator on a grid of writes', () => {
    const docs = Object.values(goodDocs());
    const users = [SERVER_ADMIN, dla('kiosk'), dla('counter'), dla('cashier'), dla('display'), user(['admin', 'hq']), user(['backoffice', 'branch:yde'])];
    const forged = (d: Record<string, unknown>) => {
      const out = { ...d };
      for (const rule of AUTHOR_RULES[String(d.type)] ?? []) out[rule.field] = 'someone.else';
      return out;
    };
    const variants = (d: Record<string, unknown>) => [d, { ...d, branch: 'yde' }, { ...d, amount: 1.5 }, { _id: d._id, _deleted: true }, forged(d)];
    let compared = 0;
    for (const kind of DB_KINDS)
      for (const doc of docs)
        for (const v of variants(doc))
          for (const old of [null, { ...doc, _rev: '1-a' }])
            for (const u of users) {
              const ts = validateDocUpdate(v, old, u, kind);
              const thrown = sandbox.validate(ddoc(kind).validate_doc_update, v, old, u) as { forbidden?: string } | null;
              expect(thrown === null, JSON.stringify({ kind, v, u })).toBe(ts.length === 0);
              if (thrown) expect(thrown.forbidden?.startsWith(`${ts[0]!.field}: ${ts[0]!.code}`)).toBe(true);
              compared++;
            }
    expect(compared).toBeGreaterThan(1000);
  }, 30_000); // over a thousand evaluations in a vm: slow when the machine is busy
});

describe('built views', () => {
  it('map functions run in the ES5 sandbox', () => {
    const docs = goodDocs();
    const map = (kind: DbKind, view: string, doc: unknown) => sandbox.map(ddoc(kind).views[view]!.map, doc);
    expect(map('branch', 'tickets_by_state', docs.ticket)).toEqual([[['2024-03-05', 'family', 'waiting'], null]]);
    expect(map('branch', 'visit_events_by_day', docs.visit_event)).toEqual([[['2024-03-05', 'family', 'issued'], null]]);
    expect(map('people', 'people_search', { ...docs.person, familyName: "N'DJÉ-Ékotto ékotto", givenName: undefined }).map(([k]) => k)).toEqual([
      'w:n', 'w:dje', 'w:ekotto', 's:5', 's:32', 's:23', 'p:n dje', 'p:n ekotto', 'p:dje n', 'p:dje ekotto', 'p:ekotto n', 'p:ekotto dje',
    ]);
    expect(map('people', 'cases_by_status', docs.case)).toEqual([[['pending_documents', 'family_benefits', docs.case!.updatedAt], null]]);
    expect(map('people', 'persons_by_account', docs.person)).toEqual([]);
    expect(map('branch', 'tickets_by_state', docs.person)).toEqual([]);
  });
});
