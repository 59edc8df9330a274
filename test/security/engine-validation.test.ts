import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../support/server-process.ts';
import { ADMIN, basicAuth, couchAt, engineUrl } from '../support/couch-http.ts';

/*
 * The embedded engine's validate_doc_update (server/embedded/validation-patch.ts keeps each
 * design document's compiled validator per revision): every document of a `_bulk_docs` is
 * judged on its own, an edited validator applies from the next write, a removed one stops
 * applying, and two databases' same-named design documents never share a validator.
 */
let server: RunningServer;
let engine: string;
const admin = basicAuth(ADMIN.name, ADMIN.password);
const guard = (field: string) => `function (newDoc) { if (newDoc.${field}) throw({ forbidden: '${field} refused' }); }`;

beforeAll(async () => {
  server = await startServer({ DEMO_DATA: '0' });
  engine = engineUrl(server);
  for (const db of ['vtest_a', 'vtest_b']) expect((await couchAt(engine, admin, 'PUT', `/${db}`)).status).toBe(201);
});
afterAll(async () => {
  await server?.stop();
});

async function bulk(db: string, docs: object[]) {
  const res = await couchAt(engine, admin, 'POST', `/${db}/_bulk_docs`, { docs });
  expect(res.status).toBe(201);
  return new Map((res.body as { id: string; error?: string; reason?: string }[]).map((r) => [r.id, r.error ?? 'ok']));
}

describe('validate_doc_update on the embedded engine', () => {
  it('judges each document of a _bulk_docs, follows an edited validator at once, and keeps databases apart', async () => {
    const put = await couchAt(engine, admin, 'PUT', '/vtest_a/_design/guard', { validate_doc_update: guard('red') });
    expect(put.status).toBe(201);
    expect((await couchAt(engine, admin, 'PUT', '/vtest_b/_design/guard', { validate_doc_update: guard('blue') })).status).toBe(201);

    const first = await bulk('vtest_a', [{ _id: 'a1' }, { _id: 'a2', red: true }, { _id: 'a3', blue: true }]);
    expect(Object.fromEntries(first)).toEqual({ a1: 'ok', a2: 'forbidden', a3: 'ok' });
    const other = await bulk('vtest_b', [{ _id: 'b1', red: true }, { _id: 'b2', blue: true }]);
    expect(Object.fromEntries(other)).toEqual({ b1: 'ok', b2: 'forbidden' });

    // The validator changes: the next write follows the new one, a single PUT as well as a bulk.
    const edit = await couchAt(engine, admin, 'PUT', '/vtest_a/_design/guard', { _rev: put.body.rev, validate_doc_update: guard('green') });
    expect(edit.status).toBe(201);
    expect((await couchAt(engine, admin, 'PUT', '/vtest_a/a4', { red: true })).status).toBe(201);
    const refused = await couchAt(engine, admin, 'PUT', '/vtest_a/a5', { green: true });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: 'forbidden', reason: 'green refused' });
    expect(Object.fromEntries(await bulk('vtest_a', [{ _id: 'a6', green: true }, { _id: 'a7', red: true }]))).toEqual({ a6: 'forbidden', a7: 'ok' });

    // Removed: nothing is refused any more.
    expect((await couchAt(engine, admin, 'DELETE', `/vtest_a/_design/guard?rev=${edit.body.rev}`)).status).toBe(200);
    expect(Object.fromEntries(await bulk('vtest_a', [{ _id: 'a8', green: true }]))).toEqual({ a8: 'ok' });
    expect((await couchAt(engine, admin, 'GET', '/vtest_a/a5')).status).toBe(404);
  });
});
