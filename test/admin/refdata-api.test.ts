import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { couch, signIn, type Session } from '../support/couch-http.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';
import { uid } from '../../couch-design/ids/uid.ts';

/* Reference data writes through the real gateway and engine (demo data: branches dla and yde, services E F P W C). */
let server: RunningServer;
let admin: Session;
let supervisor: Session;
let counterClerk: Session;
beforeAll(async () => {
  server = await startServer();
  [admin, supervisor, counterClerk] = await Promise.all([
    signIn(server.url, 'admin.hq', 'demo-admin'),
    signIn(server.url, 'supervisor.dla', 'demo-supervisor'),
    signIn(server.url, 'counter.dla', 'demo-counter'),
  ]);
});
afterAll(async () => {
  await server?.stop();
});

const AT = '2026-01-05T09:00:00.000Z';
const counterDoc = (branch: string, code: string, by: string) => ({
  _id: `counter:${branch}:${code}`, type: 'counter', branch, code, label: 'Guichet 9', cashDesk: false, services: ['family'], active: true, updatedBy: by, updatedAt: AT,
});
const serviceDoc = (code: string, series: string, by: string) => ({
  _id: `service:${code}`, type: 'service', code, name: { fr: 'Retraites anticipées', en: 'Early pensions' }, series, targetWaitMinutes: 15, cashDesk: false, active: true, updatedBy: by, updatedAt: AT,
});
const put = (s: Session, doc: { _id: string; [k: string]: unknown }) => couch(server.url, s, 'PUT', `/fo_ref/${encodeURIComponent(doc._id)}`, doc);
const get = (id: string) => couch(server.url, admin, 'GET', `/fo_ref/${encodeURIComponent(id)}`);

describe('who writes reference data', () => {
  it("a supervisor writes its own branch's counters and their log, and gets 403 on another branch's", async () => {
    const mine = counterDoc('dla', 'C09', 'supervisor.dla');
    expect((await put(supervisor, mine)).status).toBe(201);
    const log = { _id: `refchange:${mine._id}:${uid(Date.now(), 'test', 1)}`, type: 'ref_change', target: mine._id, branch: 'dla', before: null, after: mine, by: 'supervisor.dla', at: AT };
    expect((await put(supervisor, log)).status).toBe(201);

    const theirs = counterDoc('yde', 'C09', 'supervisor.dla');
    const created = await put(supervisor, theirs);
    expect(created.status).toBe(403);
    expect(created.body.reason).toBe('branch: wrong_branch');
    const existing = (await get('counter:yde:C01')).body;
    const edited = await put(supervisor, { ...existing, services: [], updatedBy: 'supervisor.dla', updatedAt: AT });
    expect(edited.status).toBe(403);
    expect((await put(supervisor, { ...log, _id: `refchange:counter:yde:C01:${uid(Date.now(), 'test', 2)}`, target: 'counter:yde:C01', branch: 'yde', after: { ...existing, updatedBy: 'supervisor.dla', updatedAt: AT } })).status).toBe(403);
    // Nothing of the refused writes is there.
    expect((await get('counter:yde:C09')).status).toBe(404);
    expect((await get('counter:yde:C01')).body.services).toEqual(existing.services);
  });

  it('a non-admin cannot write a service (403), nor a counter clerk a counter', async () => {
    expect((await put(supervisor, serviceDoc('early', 'R', 'supervisor.dla'))).status).toBe(403);
    expect((await put(counterClerk, serviceDoc('early', 'R', 'counter.dla'))).status).toBe(403);
    expect((await put(counterClerk, counterDoc('dla', 'C10', 'counter.dla'))).status).toBe(403);
    expect((await get('service:early')).status).toBe(404);
  });

  it('an edit names its editor, checked by the engine against the earlier revision', async () => {
    const c01 = (await get('counter:dla:C01')).body;
    const forged = await put(supervisor, { ...c01, label: 'Guichet un', updatedBy: 'admin.hq', updatedAt: AT });
    expect(forged.status).toBe(403);
    expect(forged.body.reason).toBe('updatedBy: not_author');
    expect((await put(supervisor, { ...c01, label: 'Guichet un', updatedBy: 'supervisor.dla', updatedAt: AT })).status).toBe(201);
  });
});

describe('one series letter per service, enforced by the server', () => {
  it('refuses a service on a letter another holds, alone or in a batch, and writes the rest', async () => {
    const taken = await put(admin, serviceDoc('early', 'F', 'admin.hq'));
    expect(taken.status).toBe(403);
    expect(taken.body.reason).toBe('series: series_taken');
    const batch = await couch(server.url, admin, 'POST', '/fo_ref/_bulk_docs', { docs: [serviceDoc('early', 'R', 'admin.hq'), serviceDoc('late', 'R', 'admin.hq'), serviceDoc('later', 'P', 'admin.hq')] });
    expect(batch.status).toBe(201);
    expect(batch.body.map((r: { id: string; ok?: boolean; reason?: string }) => [r.id, r.ok ?? r.reason])).toEqual([
      ['service:early', true],
      ['service:late', 'series: series_taken'],
      ['service:later', 'series: series_taken'],
    ]);
    expect((await get('service:early')).body.series).toBe('R');
    expect((await get('service:late')).status).toBe(404);
    // Its own letter kept, or a free one taken: accepted.
    const early = (await get('service:early')).body;
    expect((await put(admin, { ...early, targetWaitMinutes: 30 })).status).toBe(201);
    const family = (await get('service:family')).body;
    expect((await put(admin, { ...family, series: 'R', updatedBy: 'admin.hq', updatedAt: AT })).body.reason).toBe('series: series_taken');
  });
});

describe('the institution, branches, catalogue and cash settings (issue 14)', () => {
  type Doc = { _id: string; [k: string]: unknown };
  const by = (doc: Doc, who = 'admin.hq'): Doc => ({ ...doc, updatedBy: who, updatedAt: AT });
  const logOf = (before: Doc | null, after: Doc | null, who: string, n: number): Doc => {
    const target = String((after ?? before)!._id);
    const strip = (d: Record<string, unknown> | null) => {
      if (!d) return null;
      const { _rev: _, ...rest } = d;
      return rest;
    };
    return { _id: `refchange:${target}:${uid(Date.now(), 'test', n)}`, type: 'ref_change', target, before: strip(before), after: strip(after), by: who, at: AT };
  };
  const doctype = by({ _id: 'doctype:9901', type: 'document_type', code: '9901', name: { fr: 'Certificat de vie', en: 'Life certificate' }, validityMonths: 12 });
  const event = by({ _id: 'event:proof_of_life', type: 'event', code: 'proof_of_life', name: { fr: 'Preuve de vie', en: 'Proof of life' }, requiredDocuments: ['0104', '9901'] });
  const certtype = by({ _id: 'certtype:life', type: 'certificate_type', code: 'life', name: { fr: 'Attestation de vie', en: 'Life certificate' }, for: ['beneficiary'], rule: 'benefit_in_payment', validityMonths: 6 });
  const branch = by({ _id: 'branch:bfs', type: 'branch', code: 'bfs', name: 'Bafoussam', city: 'Bafoussam', services: [], timeZone: 'Africa/Douala' });

  it('an admin writes each, in its own name, and logs it', async () => {
    for (const [i, doc] of [doctype, event, certtype, branch].entries()) {
      const res = await put(admin, doc);
      expect(res.status, doc._id).toBe(201);
      expect((await put(admin, logOf(null, doc, 'admin.hq', 10 + i))).status).toBe(201);
    }
    const institution = (await get('institution')).body;
    const edited = by({ ...institution, languages: ['fr', 'en'], cash: { denominations: [10000, 5000, 1000, 500], maxAmount: 100000000, varianceThreshold: 2500, reversalThreshold: 100000 } });
    const res = await put(admin, edited);
    expect(res.status).toBe(201);
    expect((await put(admin, logOf(institution, edited, 'admin.hq', 20))).status).toBe(201);
    const log = await couch(server.url, admin, 'GET', `/fo_ref/_all_docs?startkey="refchange:institution:"&endkey="refchange:institution:\uffff"&include_docs=true`);
    expect(log.body.rows.map((r: { doc: { by: string; before: unknown; after: { cash: { varianceThreshold: number } } } }) => [r.doc.by, r.doc.before !== null, r.doc.after.cash.varianceThreshold])).toEqual([['admin.hq', true, 2500]]);
  });

  it('refuses what the forms refuse, with the contract reason, and writes nothing', async () => {
    const institution = (await get('institution')).body;
    const cash = { denominations: [10000, 5000], maxAmount: 1000000, varianceThreshold: 1000, reversalThreshold: 1000 };
    const refused: [Doc, string][] = [
      [{ ...event, _id: 'event:twice', code: 'twice', requiredDocuments: ['0104', '0104'] }, 'requiredDocuments: duplicate'],
      [{ ...certtype, _id: 'certtype:long', code: 'long', validityMonths: 61 }, 'validityMonths: too_large'],
      [{ ...doctype, _id: 'doctype:104', code: '104' }, 'code: bad_format'],
      [{ ...branch, _id: 'branch:gar', code: 'gar', timeZone: 'Africa Garoua' }, 'timeZone: bad_format'],
      [by({ ...institution, cash: { ...cash, varianceThreshold: 1000001 } }), 'cash.varianceThreshold: above_ceiling'],
      [by({ ...institution, cash: { ...cash, reversalThreshold: -1 } }), 'cash.reversalThreshold: bad_value'],
      [by({ ...institution, languages: ['en'], defaultLocale: 'fr' }), 'defaultLocale: not_offered'],
      [{ ...by(institution), name: 'Renamed', updatedBy: 'someone.else' }, 'updatedBy: not_author'],
      [{ ...logOf(null, event, 'admin.hq', 30), after: null }, 'after: required'],
    ];
    for (const [doc, reason] of refused) {
      const res = await put(admin, doc);
      expect([doc._id, res.status, res.body.reason]).toEqual([doc._id, 403, reason]);
    }
    expect((await get('event:twice')).status).toBe(404);
    expect((await get('certtype:long')).status).toBe(404);
    expect((await get('institution')).body._rev).toBe(institution._rev);
  });

  it('a non-admin writes none of them (403)', async () => {
    const institution = (await get('institution')).body;
    expect((await put(supervisor, { ...by(institution, 'supervisor.dla'), name: 'Mine' })).status).toBe(403);
    expect((await put(supervisor, by({ ...doctype, _id: 'doctype:9902', code: '9902' }, 'supervisor.dla'))).status).toBe(403);
    expect((await put(counterClerk, by({ ...event, _id: 'event:clerk', code: 'clerk' }, 'counter.dla'))).status).toBe(403);
    const dla = (await get('branch:dla')).body;
    const own = await put(supervisor, { ...by(dla, 'supervisor.dla'), name: 'Douala' });
    expect([own.status, own.body.reason]).toEqual([403, '_id: forbidden_role']);
    expect((await get('doctype:9902')).status).toBe(404);
  });

  it('an admin removes a document type and logs the removal', async () => {
    const spare = by({ _id: 'doctype:9903', type: 'document_type', code: '9903', name: { fr: 'Pièce', en: 'Paper' } });
    expect((await put(admin, spare)).status).toBe(201);
    const current = (await get('doctype:9903')).body;
    expect((await couch(server.url, admin, 'DELETE', `/fo_ref/doctype:9903?rev=${current._rev}`)).status).toBe(200);
    expect((await put(admin, logOf(current, null, 'admin.hq', 40))).status).toBe(201);
    expect((await put(supervisor, logOf(current, null, 'supervisor.dla', 41))).status).toBe(403);
  });
});
