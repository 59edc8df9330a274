import { describe, expect, it } from 'vitest';
import { uid } from '../../couch-design/ids/uid.ts';
import { backofficeRequestId } from '../../couch-design/types/backoffice-request.ts';
import { cashSessionId } from '../../couch-design/types/cash.ts';
import { cashEntryId } from '../../couch-design/types/cash-entry.ts';
import { ticketId } from '../../couch-design/types/ticket.ts';
import { validateDocUpdate } from '../../couch-design/validate/entry.ts';
import { signIn } from '../support/couch-http.ts';
import { DEPLOYMENTS } from './support/deployments.ts';
import { adminGet, adminPut } from './support/engine-state.ts';
import { json, send } from './support/raw-http.ts';
import { expectEveryDocRefused, expectRefused } from './support/refusals.ts';
import { authoredLater, DAY, EVIL, fixtures, p, replayOn, type User } from './support/replay.ts';

/*
 * Issue 8's critical and high findings (1–6), each attempt made as the prober made it — raw
 * requests to the public port — against the embedded default and against a server on
 * COUCH_URL. Each test asserts the refusal (CouchDB's status and JSON reason), then that the
 * engine did not die, still answers, and holds exactly what it held before (read on its own
 * port as server admin). Findings 7–13: attacks-medium-low.test.ts.
 */
describe.each(DEPLOYMENTS)('issue 8, critical and high findings, replayed on $name', ({ start }) => {
  const t = replayOn(start);
  const { at, attempt, signInFrom, unharmed } = t;

  it('finding 1: no sign-up, no self-promotion, no security object on _users', async () => {
    const mallory = { _id: 'org.couchdb.user:mallory', type: 'user', name: 'mallory', roles: [], password: 'mallory-password' };
    const self = { _id: 'org.couchdb.user:reception.dla', type: 'user', name: 'reception.dla', roles: ['admin', 'hq', 'supervisor', 'reception', 'branch:dla'], password: 'demo-reception' };
    const security = { admins: { names: ['mallory', 'reception.dla'], roles: [] }, members: { names: [], roles: [] } };
    await attempt([
      [401, 'PUT', `/_users/${p(mallory._id)}`, null, mallory],
      [403, 'POST', '/_users', null, mallory],
      [401, 'POST', '/_users/_bulk_docs', null, { docs: [mallory] }],
      [403, 'GET', `/_users/${p(self._id)}`, 'reception.dla'],
      [403, 'PUT', `/_users/${p(self._id)}`, 'reception.dla', self],
      [403, 'POST', '/_users/_bulk_docs', 'reception.dla', { docs: [self] }],
      [403, 'PUT', '/_users/_local/_security', null, security],
      [403, 'PUT', '/_users/_local/_security', 'reception.dla', security],
      [403, 'PUT', '/_users/_security', 'reception.dla', security],
    ]);
    expect((await at('GET', '/_session', 'reception.dla')).json.userCtx.roles).toEqual(['reception', 'branch:dla']);
    expectRefused(await signInFrom('127.0.0.9', 'mallory', 'mallory-password'), 401);
    await unharmed();
  });

  it('finding 2: no anonymous _find, _bulk_get or _index on any database; no reading another branch', async () => {
    for (const db of ['_users', '_replicator', 'fo_people', 'fo_ref', 'fo_branch_dla', 'fo_central']) {
      // `_replicator` is no database the gateway knows: refused before anyone is asked who they are.
      const reads = db === '_replicator' ? 403 : 401;
      await attempt([
        [403, 'POST', `/${db}/_find`, null, { selector: {} }],
        [reads, 'POST', `/${db}/_bulk_get`, null, { docs: [{ id: 'org.couchdb.user:admin.hq' }, { id: 'person:1000123' }] }],
        [reads, 'GET', `/${db}/_all_docs?include_docs=true`, null],
        [403, 'POST', `/${db}/_index`, null, { index: { fields: ['type'] } }],
        [403, 'GET', `/${db}/_index`, null],
      ]);
    }
    await attempt([
      [403, 'POST', '/fo_branch_dla/_bulk_get', 'reception.yde', { docs: [{ id: '_design/fo' }] }],
      [403, 'GET', '/fo_branch_dla/_all_docs?include_docs=true', 'reception.yde'],
      [403, 'POST', '/fo_branch_dla/_all_docs', 'reception.yde', { keys: ['_design/fo'] }],
      [403, 'GET', '/fo_branch_dla/_changes?include_docs=true', 'reception.yde'],
      [403, 'POST', '/fo_branch_dla/_find', 'reception.yde', { selector: {} }],
      [403, 'GET', '/fo_central/_all_docs', 'reception.dla'],
      [403, 'POST', '/fo_central/_bulk_get', 'supervisor.dla', { docs: [{ id: '_design/fo' }] }],
      [403, 'POST', '/fo_people/_bulk_get', 'display.dla', { docs: [{ id: 'person:1000123' }] }],
      [403, 'GET', '/_users/_all_docs', 'supervisor.dla'],
      [403, 'POST', '/_users/_bulk_get', 'admin.hq', { docs: [{ id: 'org.couchdb.user:admin.hq' }] }],
      [403, 'POST', '/_replicator/_bulk_get', 'admin.hq', { docs: [{ id: 'fo_central_from_dla' }] }],
      [403, 'POST', '/fo_ref/_index', 'admin.hq', { index: { fields: ['type'] } }],
    ]);
    await unharmed();
  });

  it('finding 3: a member cannot make itself admin of a database, replace its design document or touch cash', async () => {
    const entry = { ...fixtures().cash_entry!, _id: cashEntryId('dla', 'C08', 9003), number: 9003 };
    const { rev } = await adminPut(t.d.engine, `/fo_branch_dla/${p(entry._id)}`, entry);
    await t.resnapshot();
    const security = { admins: { names: ['display.dla', 'supervisor.dla'], roles: [] }, members: { names: [], roles: [] } };
    for (const [db, who] of [['fo_branch_dla', 'display.dla'], ['fo_ref', 'display.dla'], ['fo_people', 'supervisor.dla']] as const) {
      const design = (await adminGet(t.d.engine, `/${db}/_design/fo`)).json;
      const tampered = { ...design, validate_doc_update: 'function(){}' };
      await attempt([
        [403, 'GET', `/${db}/_local/_security`, who],
        [403, 'PUT', `/${db}/_local/_security`, who, security],
        [403, 'PUT', `/${db}/_security`, who, security],
        [403, 'PUT', `/${db}/_design/fo`, who, tampered],
        [403, 'DELETE', `/${db}/_design/fo?rev=${design._rev}`, who],
      ]);
      expectEveryDocRefused(await at('POST', `/${db}/_bulk_docs`, who, { docs: [tampered] }), 1);
    }
    const entryPath = `/fo_branch_dla/${p(entry._id)}`;
    await attempt([
      [403, 'PUT', entryPath, 'display.dla', { ...entry, _rev: rev, amount: 1 }],
      [403, 'DELETE', `${entryPath}?rev=${rev}`, 'display.dla'],
      [403, 'PUT', `/fo_branch_dla/${p(cashEntryId('dla', 'C08', 9004))}`, 'display.dla', { ...entry, _id: undefined }],
    ]);
    const rewrites = { docs: [{ ...entry, _rev: rev, amount: 1 }, { _id: entry._id, _rev: rev, _deleted: true }] };
    expectEveryDocRefused(await at('POST', '/fo_branch_dla/_bulk_docs', 'display.dla', rewrites), 2);
    const health = await (await fetch(`${t.d.url}/health`)).json();
    expect(Object.values(health.designDocs as Record<string, string>).every((s) => s === 'current')).toBe(true);
    await unharmed();
  });

  it('finding 4: no request stops the engine', async () => {
    const job = { source: 'http://127.0.0.1:1/nowhere', target: 'fo_branch_dla', continuous: true };
    await attempt([
      [403, 'PUT', '/anything', null],
      [403, 'DELETE', '/fo_central', null],
      [403, 'DELETE', '/fo_central', 'admin.hq'],
      [400, 'GET', '/fo_branch_dla/_changes?filter=nope/nope', 'reception.dla'],
      [400, 'GET', '/fo_branch_dla/_changes?filter=fo/nope', 'reception.dla'],
      [400, 'GET', '/fo_branch_dla/_changes?filter=_doc_ids', 'reception.dla'],
      [400, 'POST', '/fo_branch_dla/_changes?filter=_doc_ids', 'reception.dla', {}],
      [400, 'GET', '/fo_branch_dla/_changes?filter=_view&view=nope/nope', 'reception.dla'],
      [403, 'GET', '/fo_branch_dla/_changes/?filter=_selector', 'reception.dla'],
      [403, 'POST', '/fo_branch_dla/_changes/?filter=_selector', 'reception.dla', { selector: {} }],
      [400, 'GET', '/fo_branch_dla/_changes?filter=_selector%00', 'reception.dla'],
      [400, 'POST', '/fo_branch_dla/_changes?filter=_selector', 'reception.dla', { selector: { _id: { $gt: null } } }],
      [400, 'GET', '/fo_branch_dla/_changes?filter=_design', 'reception.dla'],
      [403, 'PUT', '/_replicator/evil', 'reception.dla', job],
      [403, 'POST', '/_replicator', 'reception.dla', job],
      [403, 'POST', '/_replicate', 'reception.dla', job],
      // Paths the gateway would check as one thing and URL parsing on the way to the engine
      // would turn into another: `#x` cut off (the database deleted: the engine died of it).
      [400, 'DELETE', '/fo_ref/#x', 'reception.dla'],
      [400, 'DELETE', '/fo_central/#x?rev=1-abc', 'reception.dla'],
      [403, 'DELETE', '/fo_branch_dla/..%2F..%2Ffo_central', 'reception.dla'],
      [400, 'DELETE', '/fo_branch_dla/%2e%2e', 'reception.dla'],
    ]);
    // The prober's denial of service: one anonymous crash request between signed-in reads.
    for (let i = 0; i < 10; i++) {
      expectRefused(await at('PUT', `/anything${i}`, null), 403);
      expect((await at('GET', '/fo_ref/_all_docs?limit=1', 'counter.dla')).status).toBe(200);
    }
    await unharmed(1_500);
  });

  it('finding 5: no stored script, no cross-site form, no cross-site cookie', async () => {
    // A writer can still attach a PNG whose bytes are HTML (the contract checks types, not
    // bytes): what matters is how it is served. Written behind the gateway, as setup.
    const ticket = { ...fixtures().ticket!, _id: ticketId({ branch: 'dla', day: DAY, series: 'A', seq: 77 }), seq: 77, label: 'A077' };
    const html = Buffer.from('<html><script>fetch("/db/fo_people/_all_docs")</script></html>').toString('base64');
    const { rev } = await adminPut(t.d.engine, `/fo_branch_dla/${p(ticket._id)}`, { ...ticket, _attachments: { 'x.png': { content_type: 'image/png', data: html } } });
    await t.resnapshot();
    const docPath = `/fo_branch_dla/${p(ticket._id)}`;
    const inline = { ...ticket, _rev: rev, _attachments: { 'x.html': { content_type: 'text/html', data: html } } };
    await attempt([
      [403, 'PUT', `${docPath}/x.html?rev=${rev}`, 'counter.dla', '<script>alert(1)</script>', { 'content-type': 'text/html' }],
      [403, 'PUT', docPath, 'counter.dla', inline],
    ]);
    expectEveryDocRefused(await at('POST', '/fo_branch_dla/_bulk_docs', 'counter.dla', { docs: [inline] }), 1);
    const served = await at('GET', `${docPath}/x.png`, 'counter.dla');
    expect(served.status).toBe(200);
    expect(served.headers).toMatchObject({ 'content-disposition': 'attachment', 'content-type': 'application/octet-stream', 'x-content-type-options': 'nosniff' });
    for (const r of [served, await at('GET', '/', null), await at('GET', docPath, 'counter.dla'), await at('GET', '/fo_ref/nope', 'counter.dla')]) {
      expect(r.headers['content-security-policy']).toMatch(/\bsandbox\b/);
      expect(r.headers['x-content-type-options']).toBe('nosniff');
    }
    // Cross-site forms with the victim's cookie, and a login form (login CSRF).
    const form = '--b\r\nContent-Disposition: form-data; name="_attachments"; filename="x.html"\r\nContent-Type: text/html\r\n\r\n<script>1</script>\r\n--b--\r\n';
    const multipart = { 'content-type': 'multipart/form-data; boundary=b', origin: EVIL };
    const urlencoded = { 'content-type': 'application/x-www-form-urlencoded', origin: EVIL };
    await attempt([
      [405, 'POST', `${docPath}?rev=${rev}`, 'counter.dla', form, multipart],
      [403, 'POST', '/fo_branch_dla/_bulk_docs', 'counter.dla', form, multipart],
      [403, 'POST', '/fo_branch_dla/_bulk_docs', 'counter.dla', 'docs=x', urlencoded],
      [403, 'POST', '/fo_branch_dla/_bulk_docs', 'counter.dla', '{"docs":[]}', { 'content-type': 'text/plain', origin: EVIL }],
      [403, 'PUT', docPath, 'counter.dla', { ...ticket, _rev: rev }, { origin: 'null' }],
      [403, 'POST', '/fo_branch_dla/_bulk_docs', 'counter.dla', { docs: [] }, { 'sec-fetch-site': 'cross-site' }],
      [415, 'POST', '/fo_branch_dla/_bulk_docs', 'counter.dla', form, { 'content-type': 'multipart/form-data; boundary=b' }],
      [415, 'POST', '/_session', null, 'name=counter.dla&password=demo-counter', { 'content-type': 'application/x-www-form-urlencoded' }],
      [403, 'POST', '/_session', null, 'name=counter.dla&password=demo-counter', urlencoded],
      [415, 'POST', '/_session', null, '{"name":"counter.dla","password":"demo-counter"}', { 'content-type': 'text/plain' }],
      [403, 'POST', '/_session', null, { name: 'counter.dla', password: 'demo-counter' }, { origin: EVIL }],
    ]);
    const signedIn = await at('POST', '/_session', null, { name: 'counter.dla', password: 'demo-counter' }, { origin: t.d.url });
    expect(signedIn.status).toBe(200);
    const cookie = [signedIn.headers['set-cookie']].flat().find((c) => c?.startsWith('AuthSession='));
    expect(cookie).toMatch(/;\s*SameSite=Strict/i);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    await unharmed();
  });

  it('finding 6: nobody writes in another user’s name', async () => {
    await adminPut(t.d.engine, '/_users/org.couchdb.user:cashier.b', { _id: 'org.couchdb.user:cashier.b', type: 'user', name: 'cashier.b', roles: ['cashier', 'branch:dla'], password: 'cashier-b-password' });
    const opened = { ...fixtures().cash_session!, _id: cashSessionId('dla', 'C08', 906), seq: 906 };
    const { rev } = await adminPut(t.d.engine, `/fo_branch_dla/${p(opened._id)}`, opened);
    const cashierB = await signIn(t.d.url, 'cashier.b', 'cashier-b-password');
    await t.resnapshot();

    /** `doc` in the writer's own name passes the contract; with `field` forged it is refused for that field alone. */
    const forge = async (who: User | 'cashier.b', doc: Record<string, unknown>, field: string, forged: string, dbPath = `/fo_branch_dla/${p(String(doc._id))}`) => {
      const user = { name: who, roles: who === 'cashier.b' ? ['cashier', 'branch:dla'] : [who.split('.')[0]!, 'branch:dla'] };
      expect(validateDocUpdate(doc, null, user, 'branch'), `${who} may write this ${doc.type} in their own name`).toEqual([]);
      const bad = { ...doc, [field]: forged };
      const session = who === 'cashier.b' ? cashierB : t.as[who];
      const r = await send(t.d.url, { method: 'PUT', path: '/db' + dbPath, headers: json(session), body: JSON.stringify(bad) });
      expectRefused(r, 403, `${who} writes a ${doc.type} with ${field}: ${forged}`);
      expect(r.json.reason).toBe(`${field}: not_author`);
      const bulk = await send(t.d.url, { method: 'POST', path: '/db/fo_branch_dla/_bulk_docs', headers: json(session), body: JSON.stringify({ docs: [bad] }) });
      expectEveryDocRefused(bulk, 1);
      const forced = await send(t.d.url, { method: 'POST', path: '/db/fo_branch_dla/_bulk_docs', headers: json(session), body: JSON.stringify({ docs: [{ ...bad, _rev: '1-' + 'a'.repeat(32) }], new_edits: false }) });
      expectEveryDocRefused(forced, 1);
    };
    for (const who of ['reception.dla', 'counter.dla', 'cashier.dla', 'supervisor.dla'] as const) {
      await forge(who, authoredLater('visit_event', who), 'agent', 'someone.else');
    }
    for (const who of ['counter.dla', 'cashier.dla', 'supervisor.dla'] as const) {
      await forge(who, authoredLater('counter_event', who), 'agent', 'someone.else');
    }
    await forge('counter.dla', authoredLater('counter_state', 'counter.dla'), 'agent', 'supervisor.dla');
    await forge('cashier.dla', authoredLater('cash_entry', 'cashier.dla'), 'agent', 'cashier.b');
    await forge('cashier.dla', { ...opened, _id: cashSessionId('dla', 'C08', 907), seq: 907 }, 'cashier', 'cashier.b');
    // Cashier B closes A's till, counting 0, in B's name and then in A's: the till is A's.
    const closing = { ...opened, _rev: rev, state: 'counted', countedAt: `${DAY}T17:00:00.000Z`, countedAmount: 0, expectedAmount: 50_000, variance: -50_000, lastNumber: 0 };
    for (const closedBy of ['cashier.b', 'cashier.dla']) {
      const r = await send(t.d.url, { method: 'PUT', path: `/db/fo_branch_dla/${p(opened._id)}`, headers: json(cashierB), body: JSON.stringify({ ...closing, closedBy }) });
      expectRefused(r, 403, `cashier.b closes cashier.dla's session as ${closedBy}`);
      expect(r.json.reason).toMatch(/^cashier: not_author/);
    }
    const r = await at('PUT', `/fo_branch_dla/${p(opened._id)}`, 'cashier.dla', { ...closing, closedBy: 'someone.else' });
    expectRefused(r, 403);
    expect(r.json.reason).toMatch(/^closedBy: not_author/);
    await unharmed();
  });

  it('finding 6, the other side: an update keeping another user’s name as author goes through, judged by the engine with its earlier revision', async () => {
    const AT = `${DAY}T09:30:00.000Z`;
    await adminPut(t.d.engine, '/_users/org.couchdb.user:counter.b', { _id: 'org.couchdb.user:counter.b', type: 'user', name: 'counter.b', roles: ['counter', 'branch:dla'], password: 'counter-b-password' });
    const called = { ...authoredLater('ticket', 'counter.dla'), _id: ticketId({ branch: 'dla', day: DAY, series: 'A', seq: 88 }), seq: 88, label: 'A088' };
    const ticket = await adminPut(t.d.engine, `/fo_branch_dla/${p(called._id)}`, called);
    const request = { ...fixtures().backoffice_request!, _id: backofficeRequestId(DAY, uid(Date.UTC(2099, 2, 5, 9), 'c7', 1)) };
    const asked = await adminPut(t.d.engine, `/fo_branch_dla/${p(request._id)}`, request);
    const counterB = (await signIn(t.d.url, 'counter.b', 'counter-b-password')).headers;
    const put = (headers: Record<string, string>, doc: Record<string, unknown>) => send(t.d.url, { method: 'PUT', path: `/db/fo_branch_dla/${p(String(doc._id))}`, headers: json(null, headers), body: JSON.stringify(doc) });

    // Counter B takes over A's counter and finishes the ticket A called; the back office answers a counter's request.
    const finished = await put(counterB, { ...called, _rev: ticket.rev, state: 'done', outcome: 'done' });
    expect(finished.status, finished.text).toBe(201);
    const answered = await put(t.as['backoffice.dla'].headers, { ...request, _rev: asked.rev, status: 'answered', answer: 'Dossier débloqué', answeredBy: 'backoffice.dla', answeredAt: AT, updatedAt: AT });
    expect(answered.status, answered.text).toBe(201);
    // The same kind of update naming a third user is still refused (by the engine, which has the earlier revision).
    await t.resnapshot();
    const forged = await put(counterB, { ...called, _rev: finished.json.rev, state: 'done', outcome: 'done', note: 'x', agent: 'someone.else' });
    expectRefused(forged, 403);
    expect(forged.json.reason).toBe('agent: not_author');
    await unharmed();
  });
});
