/* Issue 14: the server itself refuses removing a document type an event still requires (server/gateway/doctype-check.ts), through the real gateway and engine. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { couch, signIn, type Session } from '../support/couch-http.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';

let server: RunningServer;
let admin: Session;
beforeAll(async () => {
  server = await startServer();
  admin = await signIn(server.url, 'admin.hq', 'demo-admin');
});
afterAll(async () => {
  await server?.stop();
});

const AT = '2026-01-05T09:00:00.000Z';
const path = (id: string) => `/fo_ref/${encodeURIComponent(id)}`;
const get = (id: string) => couch(server.url, admin, 'GET', path(id));
const rev = async (id: string) => (await get(id)).body._rev as string;

describe('removing a document type an event still requires', () => {
  it('a DELETE is refused 403 with the contract code and the events, and the type stays', async () => {
    const answer = await couch(server.url, admin, 'DELETE', `${path('doctype:0215')}?rev=${await rev('doctype:0215')}`);
    expect(answer.status).toBe(403);
    expect(answer.body).toEqual({ error: 'forbidden', reason: '_deleted: in_use', events: ['family_benefits_male'] });
    expect((await get('doctype:0215')).status).toBe(200);
  });

  it('a PUT of the tombstone is refused the same way, naming every event requiring it', async () => {
    const answer = await couch(server.url, admin, 'PUT', path('doctype:0101'), { _id: 'doctype:0101', _rev: await rev('doctype:0101'), _deleted: true });
    expect(answer.status).toBe(403);
    expect(answer.body.reason).toBe('_deleted: in_use');
    expect(answer.body.events).toEqual(['employer_registration', 'family_benefits_female', 'old_age_pension', 'work_accident']);
    expect((await get('doctype:0101')).status).toBe(200);
  });

  it('in a batch, the refused removal is answered per document and the rest is written', async () => {
    const free = { _id: 'doctype:0999', type: 'document_type', code: '0999', name: { fr: 'Pièce libre', en: 'Free paper' }, updatedBy: 'admin.hq', updatedAt: AT };
    expect((await couch(server.url, admin, 'PUT', path(free._id), free)).status).toBe(201);
    const batch = await couch(server.url, admin, 'POST', '/fo_ref/_bulk_docs', {
      docs: [
        { _id: 'doctype:0215', _rev: await rev('doctype:0215'), _deleted: true },
        { _id: free._id, _rev: await rev(free._id), _deleted: true },
      ],
    });
    expect(batch.status).toBe(201);
    expect(batch.body.map((r: { id: string; ok?: boolean; reason?: string }) => [r.id, r.ok ?? r.reason])).toEqual([
      ['doctype:0215', '_deleted: in_use'],
      ['doctype:0999', true],
    ]);
    expect((await get('doctype:0215')).status).toBe(200);
    expect((await get(free._id)).status).toBe(404);
  });

  it('is allowed once no event requires it: after the event drops it, or in the same batch', async () => {
    const male = (await get('event:family_benefits_male')).body;
    const edited = { ...male, requiredDocuments: ['0104', '0228'], updatedBy: 'admin.hq', updatedAt: AT };
    expect((await couch(server.url, admin, 'PUT', path(male._id), edited)).status).toBe(201);
    const answer = await couch(server.url, admin, 'DELETE', `${path('doctype:0215')}?rev=${await rev('doctype:0215')}`);
    expect(answer.status).toBe(200);
    expect((await get('doctype:0215')).status).toBe(404);

    const allowance = (await get('event:daily_allowance')).body;
    const together = await couch(server.url, admin, 'POST', '/fo_ref/_bulk_docs', {
      docs: [
        { ...allowance, requiredDocuments: ['0309', '0314'], updatedBy: 'admin.hq', updatedAt: AT },
        { _id: 'doctype:0310', _rev: await rev('doctype:0310'), _deleted: true },
      ],
    });
    expect(together.body.map((r: { ok?: boolean; reason?: string }) => r.ok ?? r.reason)).toEqual([true, true]);
    expect((await get('doctype:0310')).status).toBe(404);
  });
});
