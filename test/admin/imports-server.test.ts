import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { couch, signIn, type Session } from '../support/couch-http.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';
import { gatewayPeople } from '../../app/imports/people-server.ts';
import { layoutOf } from '../../app/imports/layouts.ts';
import { readImportFile } from '../../app/imports/read-file.ts';
import { runImport } from '../../app/imports/run-import.ts';
import { runExport } from '../../app/imports/run-export.ts';

/* The imports' server pass against the real server (embedded engine, demo data), through the gateway as the screen does it. */
let server: RunningServer;
let admin: Session;
beforeAll(async () => {
  server = await startServer();
  admin = await signIn(server.url, 'admin.hq', 'demo-admin');
});
afterAll(async () => {
  await server?.stop();
});

const people = (session: Session) => gatewayPeople(fetch, `${server.url}/db`, session.headers);
const cases = layoutOf('cases');
const CASES = [
  'numero_personne;numero_dossier;nature;statut;ouvert_le;mis_a_jour_le;resume;pieces_manquantes;agence',
  ...Array.from({ length: 20 }, (_, i) => `415120;IMP-${String(i).padStart(3, '0')};contributions;open;2024-01-05;2024-01-05;Déclaration ${i};0104;dla`),
].join('\n');

async function read(text: string) {
  const r = readImportFile(text, 'cases', await people(admin).branches());
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r;
}

describe('imports through the gateway', () => {
  it('a counter clerk, who reads fo_people but may not write it, gets every line refused by the server and writes nothing', async () => {
    const counter = await signIn(server.url, 'counter.dla', 'demo-counter');
    const r = await runImport(people(counter), cases, await read(CASES), { write: true });
    expect(r.written).toBe(0);
    expect(r.refused).toHaveLength(20);
    expect(r.refused.every((p) => p.code === 'server_refused')).toBe(true);
    expect((await couch(server.url, admin, 'GET', '/fo_people/case:415120:IMP-000')).status).toBe(404);
  });

  it('the server judges what the screen did not: a forged document is refused on its own, the rest of the batch written', async () => {
    const forged = { _id: 'case:415120:IMP-FORGED', type: 'case', person: 'person:999999', caseNo: 'IMP-FORGED', kind: 'pension', status: 'open', openedAt: '2024-01-05T00:00:00.000Z', updatedAt: '2024-01-05T00:00:00.000Z', summary: 'x', missingDocuments: [] };
    const honest = { ...forged, _id: 'case:415120:IMP-HONEST', caseNo: 'IMP-HONEST', person: 'person:415120' };
    const answers = await people(admin).write([forged, honest]);
    expect(answers.find((a) => a.id === forged._id)).toMatchObject({ error: 'forbidden' });
    expect(answers.find((a) => a.id === honest._id)).toMatchObject({ ok: true });
  });

  it('the administrator imports cases idempotently and exports them in pages, in the same layout', async () => {
    const file = await read(CASES);
    const first = await runImport(people(admin), cases, file, { write: true, batch: 6 });
    expect(first).toMatchObject({ created: 20, written: 20, refused: [] });
    const again = await runImport(people(admin), cases, file, { write: true, batch: 6 });
    expect(again).toMatchObject({ created: 0, changed: 0, unchanged: 20, written: 0 });
    // A case deleted on the server since is absent for the import: it comes back as new (in
    // the second batch of 6, read first since the first found every row held).
    const gone = await couch(server.url, admin, 'GET', '/fo_people/case:415120:IMP-007');
    expect((await couch(server.url, admin, 'DELETE', `/fo_people/case:415120:IMP-007?rev=${gone.body._rev}`)).status).toBe(200);
    expect(await runImport(people(admin), cases, file, { write: true, batch: 6 })).toMatchObject({ created: 1, unchanged: 19, written: 1 });
    expect((await couch(server.url, admin, 'GET', '/fo_people/case:415120:IMP-007')).body).toMatchObject({ caseNo: 'IMP-007', summary: 'Déclaration 7' });
    const exported = await runExport(people(admin), cases, 'fr', undefined, 7);
    const text = exported.parts.join('');
    for (let i = 0; i < 20; i++) expect(text).toContain(`415120;IMP-${String(i).padStart(3, '0')};contributions;open;2024-01-05T00:00:00.000Z;2024-01-05T00:00:00.000Z;Déclaration ${i};0104;dla\r\n`);
    // The demo's own cases are there too, each once: paging neither skips nor repeats.
    const ids = text.split('\r\n').slice(1, -1).map((line) => line.split(';').slice(0, 2).join(':'));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(exported.rows);
    const all = await couch(server.url, admin, 'GET', `/fo_people/_all_docs?startkey=${encodeURIComponent('"case:"')}&endkey=${encodeURIComponent('"case:\ufff0"')}`);
    expect(exported.rows).toBe(all.body.rows.length);
  });
});
