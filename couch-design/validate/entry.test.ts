import { describe, expect, it } from 'vitest';
import { SERVER_ADMIN, goodDocs, user } from '../testing/fixtures.ts';
import { dbKindOf, parseReason, problemsReason, validateDocUpdate, validateForWrite } from './entry.ts';

const dla = (role: string, db?: string) => user([role, 'branch:dla'], role + '.dla', db);
const codesOf = (p: { code: string }[]) => p.map((x) => x.code);

describe('permissions in branch databases', () => {
  it('only a cashier writes cash documents', () => {
    const { cash_entry, cash_session } = goodDocs();
    expect(validateDocUpdate(cash_entry, null, dla('cashier'), 'branch')).toEqual([]);
    expect(validateDocUpdate(cash_session, null, dla('cashier'), 'branch')).toEqual([]);
    for (const role of ['counter', 'supervisor', 'reception', 'kiosk', 'display', 'backoffice', 'admin'])
      expect(codesOf(validateDocUpdate(cash_entry, null, dla(role), 'branch')), role).toEqual(['forbidden_role']);
  });

  it('a posted cash entry can be neither changed nor deleted, not even by the server admin', () => {
    const posted = { ...goodDocs().cash_entry!, _rev: '1-a' };
    const changed = { ...posted, amount: 1 };
    expect(validateDocUpdate(changed, posted, dla('cashier'), 'branch')).toEqual([{ field: '_id', code: 'immutable' }]);
    expect(validateDocUpdate(changed, posted, SERVER_ADMIN, 'branch')).toEqual([{ field: '_id', code: 'immutable' }]);
    const tombstone = { _id: goodDocs().cash_entry!._id, _rev: '1-a', _deleted: true };
    expect(validateDocUpdate(tombstone, posted, dla('cashier'), 'branch')).toEqual([{ field: '_deleted', code: 'immutable' }]);
    // Replicated tombstone with no old revision: the id prefix still says it is money.
    expect(validateDocUpdate(tombstone, null, SERVER_ADMIN, 'branch')).toEqual([{ field: '_deleted', code: 'immutable' }]);
  });

  it('a cash session is counted and closed once, without touching its opening', () => {
    const open = { ...goodDocs().cash_session!, _rev: '1-a' };
    const count = { countedAt: '2024-03-05T17:00:00Z', countedAmount: 50000, expectedAmount: 50000, variance: 0, lastNumber: 0, closedBy: 'cashier.dla' };
    const closed = { ...open, ...count, state: 'closed', closedAt: '2024-03-05T17:00:00Z' };
    expect(validateDocUpdate(closed, open, dla('cashier'), 'branch')).toEqual([]);
    expect(validateDocUpdate({ ...closed, openingFloat: 0, openingCount: [[1, 0]] }, open, dla('cashier'), 'branch')).toEqual([
      { field: 'openingFloat', code: 'immutable' },
      { field: 'openingCount', code: 'immutable' },
    ]);
    expect(validateDocUpdate({ ...closed, closedAt: '2024-03-05T18:00:00Z' }, closed, dla('cashier'), 'branch')).toEqual([{ field: 'state', code: 'immutable' }]);
    // The app knows a creation must be open; the server tolerates a replicated closed one.
    expect(validateForWrite(closed, null, dla('cashier'), 'branch')).toEqual([{ field: 'state', code: 'bad_transition' }]);
    expect(validateDocUpdate(closed, null, dla('cashier'), 'branch')).toEqual([]);
  });

  it('a user of branch a cannot write a document of branch b', () => {
    const yde = user(['counter', 'branch:yde'], 'counter.yde');
    expect(validateDocUpdate(goodDocs().ticket, null, yde, 'branch')).toEqual([{ field: 'branch', code: 'wrong_branch' }]);
    expect(validateDocUpdate(goodDocs().ticket, null, user(['counter', 'hq']), 'branch')).toEqual([{ field: 'branch', code: 'wrong_branch' }]);
    // Nor can anyone put a dla document into fo_branch_yde.
    expect(validateDocUpdate(goodDocs().ticket, null, { ...SERVER_ADMIN, db: 'fo_branch_yde' }, 'branch')).toEqual([
      { field: 'branch', code: 'wrong_branch' },
    ]);
    expect(validateDocUpdate(goodDocs().ticket, null, dla('counter', 'fo_branch_dla'), 'branch')).toEqual([]);
  });

  it('display writes nothing', () => {
    for (const doc of Object.values(goodDocs()))
      for (const db of ['ref', 'people', 'branch', 'central'] as const)
        expect(validateDocUpdate(doc, null, dla('display'), db).length, `${String(doc.type)} in ${db}`).toBeGreaterThan(0);
  });

  it('a kiosk issues a waiting ticket and its issued event, and nothing more', () => {
    const { ticket, visit_event } = goodDocs();
    expect(validateDocUpdate(ticket, null, dla('kiosk'), 'branch')).toEqual([]);
    expect(validateDocUpdate(visit_event, null, dla('kiosk'), 'branch')).toEqual([]);
    const called = { ...ticket!, state: 'called', counter: 'C01', agent: 'kiosk.dla' };
    expect(codesOf(validateDocUpdate(called, null, dla('kiosk'), 'branch'))).toEqual(['forbidden_role']);
    expect(codesOf(validateDocUpdate(called, { ...ticket, _rev: '1-a' }, dla('kiosk'), 'branch'))).toEqual(['forbidden_role']);
    expect(codesOf(validateDocUpdate({ ...visit_event!, action: 'called' }, null, dla('kiosk'), 'branch'))).toEqual(['forbidden_role']);
    expect(codesOf(validateDocUpdate(goodDocs().submission, null, dla('kiosk'), 'branch'))).toEqual(['forbidden_role']);
    // A counter calls it, in its own name.
    expect(validateDocUpdate({ ...called, agent: 'counter.dla' }, { ...ticket, _rev: '1-a' }, dla('counter'), 'branch')).toEqual([]);
  });

  it('a counter-made revision replicated without its parent is accepted by the server', () => {
    const serving = { ...goodDocs().ticket!, _rev: '3-c', state: 'serving', counter: 'C01', agent: 'counter.dla' };
    expect(validateDocUpdate(serving, null, dla('counter'), 'branch')).toEqual([]);
    expect(validateDocUpdate(serving, undefined, dla('counter'), 'branch')).toEqual([]);
  });

  it('only the back office (or a supervisor) decides on a submitted document: a counter cannot validate its own filing', () => {
    const { submission_review } = goodDocs();
    expect(validateDocUpdate(submission_review!, null, dla('backoffice'), 'branch')).toEqual([]);
    expect(validateDocUpdate({ ...submission_review!, agent: 'supervisor.dla' }, null, dla('supervisor'), 'branch')).toEqual([]);
    for (const role of ['counter', 'reception', 'cashier', 'kiosk', 'display', 'admin'])
      expect(codesOf(validateDocUpdate({ ...submission_review!, agent: role + '.dla' }, null, dla(role), 'branch')), role).toEqual(['forbidden_role']);
    // The app refuses it before writing, with the same reason.
    expect(codesOf(validateForWrite({ ...submission_review!, agent: 'counter.dla' }, null, dla('counter'), 'branch'))).toEqual(['forbidden_role']);
    // A refusal without a reason is refused for everyone, the server admin included.
    const noReason = { ...submission_review!, decision: 'refused', reason: undefined };
    expect(validateDocUpdate(noReason, null, dla('backoffice'), 'branch')).toEqual([{ field: 'reason', code: 'required' }]);
    expect(validateDocUpdate({ ...noReason, reason: '' }, null, SERVER_ADMIN, 'branch')).toEqual([{ field: 'reason', code: 'required' }]);
  });

  it('immutable history: visit events, submissions, reviews and certificates', () => {
    const docs = goodDocs();
    for (const t of ['visit_event', 'submission', 'submission_review', 'certificate']) {
      const old = { ...docs[t]!, _rev: '1-a' };
      expect(validateDocUpdate({ ...old, at: '2024-03-05T09:00:00Z' }, old, SERVER_ADMIN, 'branch'), t).toEqual([{ field: '_id', code: 'immutable' }]);
    }
  });

  it('structure comes first, also for the server admin', () => {
    const bad = { ...goodDocs().cash_entry!, amount: 10.5 };
    expect(validateDocUpdate(bad, null, SERVER_ADMIN, 'branch')).toEqual([{ field: 'amount', code: 'not_integer' }]);
  });
});

describe('permissions in other databases', () => {
  it('reference data: admin only', () => {
    const { service } = goodDocs();
    expect(validateDocUpdate(service, null, user(['admin', 'hq'], 'admin.hq'), 'ref')).toEqual([]);
    expect(validateDocUpdate(service, null, SERVER_ADMIN, 'ref')).toEqual([]);
    expect(codesOf(validateDocUpdate(service, null, user(['supervisor', 'hq']), 'ref'))).toEqual(['forbidden_role']);
  });
  it('people: admin and back office', () => {
    const { person } = goodDocs();
    expect(validateDocUpdate(person, null, dla('backoffice'), 'people')).toEqual([]);
    expect(codesOf(validateDocUpdate(person, null, dla('counter'), 'people'))).toEqual(['forbidden_role']);
    const tombstone = { _id: person!._id, _rev: '2-b', _deleted: true };
    expect(validateDocUpdate(tombstone, { ...person, _rev: '1-a' }, user(['admin', 'hq']), 'people')).toEqual([]);
    expect(codesOf(validateDocUpdate(tombstone, { ...person, _rev: '1-a' }, dla('backoffice'), 'people'))).toEqual(['forbidden_role']);
  });
  it('central: the server admin replicates anything in, nobody else writes', () => {
    expect(validateDocUpdate({ _id: 'whatever' }, null, SERVER_ADMIN, 'central')).toEqual([]);
    expect(codesOf(validateDocUpdate(goodDocs().ticket, null, user(['admin', 'hq']), 'central'))).toEqual(['forbidden_role']);
  });
  it('design documents: server admin only', () => {
    expect(validateDocUpdate({ _id: '_design/fo', views: {} }, null, SERVER_ADMIN, 'branch')).toEqual([]);
    expect(codesOf(validateDocUpdate({ _id: '_design/fo' }, null, user(['admin', 'hq']), 'ref'))).toEqual(['forbidden_role']);
  });
});

describe('reasons and helpers', () => {
  it('formats the forbidden reason and reads it back', () => {
    const reason = problemsReason([
      { field: 'amount', code: 'not_integer' },
      { field: 'currency', code: 'required' },
    ]);
    expect(reason).toBe('amount: not_integer (+1 more)');
    expect(parseReason(reason)).toEqual({ field: 'amount', code: 'not_integer' });
    expect(parseReason('something else')).toBeNull();
  });
  it('knows the kind of a database by name', () => {
    expect(dbKindOf('fo_ref')).toBe('ref');
    expect(dbKindOf('fo_branch_dla')).toBe('branch');
    expect(dbKindOf('_users')).toBeNull();
  });
});
