/* The institution's printer per device role (issue 14) through the real gateway and engine: the contract refuses what the form refuses. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { couch, signIn, type Session } from '../support/couch-http.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';
import { uid } from '../../couch-design/ids/uid.ts';

let server: RunningServer;
let admin: Session;
let supervisor: Session;
let kiosk: Session;
beforeAll(async () => {
  server = await startServer();
  [admin, supervisor, kiosk] = await Promise.all([
    signIn(server.url, 'admin.hq', 'demo-admin'),
    signIn(server.url, 'supervisor.dla', 'demo-supervisor'),
    signIn(server.url, 'kiosk.dla', 'demo-kiosk'),
  ]);
});
afterAll(async () => {
  await server?.stop();
});

const AT = '2026-01-05T09:00:00.000Z';
const put = (s: Session, doc: { _id: string; [k: string]: unknown }) => couch(server.url, s, 'PUT', `/fo_ref/${encodeURIComponent(doc._id)}`, doc);
const get = (s: Session, id: string) => couch(server.url, s, 'GET', `/fo_ref/${encodeURIComponent(id)}`);

describe('printer settings per device role', () => {
  it('the demo data seeds every printing role, readable by its devices', async () => {
    for (const role of ['kiosk', 'reception', 'counter', 'cashier']) {
      const doc = (await get(admin, `printer:${role}`)).body;
      expect(doc, role).toMatchObject({ type: 'printer_role', role, profile: 'epson-80', paper: 80, drawerKick: role === 'cashier' });
    }
    expect((await get(kiosk, 'printer:kiosk')).status).toBe(200);
  });

  it('an admin sets the kiosks to the 58 mm profile, logged', async () => {
    const stored = (await get(admin, 'printer:kiosk')).body;
    const after = { ...stored, profile: 'generic-58', paper: 58, codepage: 'cp858', updatedBy: 'admin.hq', updatedAt: AT };
    const saved = await put(admin, after);
    expect(saved.status).toBe(201);
    const { _rev: _, ...before } = stored;
    const { _rev: __, ...content } = after;
    const log = { _id: `refchange:printer:kiosk:${uid(Date.now(), 'test', 1)}`, type: 'ref_change', target: 'printer:kiosk', before, after: content, by: 'admin.hq', at: AT };
    expect((await put(admin, log)).status).toBe(201);
  });

  it('refuses a profile the contract does not know (403), and nothing is written', async () => {
    const stored = (await get(admin, 'printer:counter')).body;
    const bad = await put(admin, { ...stored, profile: 'epson-99', updatedBy: 'admin.hq', updatedAt: AT });
    expect(bad.status).toBe(403);
    expect(bad.body.reason).toBe('profile: bad_value');
    const drawer = await put(admin, { ...stored, drawerKick: true, updatedBy: 'admin.hq', updatedAt: AT });
    expect(drawer.status).toBe(403);
    expect(drawer.body.reason).toBe('drawerKick: cashier_only');
    const paper = await put(admin, { ...stored, paper: 76, updatedBy: 'admin.hq', updatedAt: AT });
    expect(paper.status).toBe(403);
    expect((await get(admin, 'printer:counter')).body._rev).toBe(stored._rev);
  });

  it('refuses a non-admin (403): a supervisor, a kiosk', async () => {
    const stored = (await get(admin, 'printer:reception')).body;
    expect((await put(supervisor, { ...stored, paper: 58, updatedBy: 'supervisor.dla', updatedAt: AT })).status).toBe(403);
    expect((await put(kiosk, { ...stored, paper: 58, updatedBy: 'kiosk.dla', updatedAt: AT })).status).toBe(403);
    expect((await get(admin, 'printer:reception')).body._rev).toBe(stored._rev);
  });
});
