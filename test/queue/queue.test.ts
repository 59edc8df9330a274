/**
 * Queues against the real server: 20 counters drain 1,000 tickets through the HTTP API with
 * the app's own queue operations (every ticket served exactly once), and two counters that
 * called the same ticket while offline converge on one winner after replication.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ticket, VisitEvent } from '../../couch-design/types/ticket.ts';
import { putDoc, allDocsByPrefix, type DocBase, type Stored } from '../../app/data/docs.ts';
import { resolveConflicts } from '../../app/data/conflicts.ts';
import { validateWrite } from '../../app/data/validate.ts';
import { callNext, issueTicket } from '../../app/queue/ops.ts';
import { OfflineError, type QueueStore } from '../../app/queue/store.ts';
import { NO_RULES } from '../../app/queue/ranking.ts';
import { lostCall, pickCallWinner } from '../../app/queue/conflicts.ts';
import { ADMIN, basicAuth, couch, signIn } from '../support/couch-http.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';
import { actorFor, drain, issueMany, today } from './support/drain.ts';
import { httpQueueStore } from './support/http-store.ts';
import { PouchDB, gatewayDb } from '../support/device-pouch.ts';

let server: RunningServer;
const admin = basicAuth(ADMIN.name, ADMIN.password);

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

async function allOf<T>(prefix: string): Promise<(T & { _conflicts?: string[] })[]> {
  const q = new URLSearchParams({ startkey: JSON.stringify(prefix), endkey: JSON.stringify(prefix + '\uffff'), include_docs: 'true', conflicts: 'true' });
  const res = await couch(server.url, admin, 'GET', `/fo_branch_dla/_all_docs?${q}`);
  return (res.body.rows as { doc: T & { _conflicts?: string[] } }[]).map((r) => r.doc);
}

describe('queues on the real server', () => {
  it('20 counters drain 1,000 tickets: every ticket served exactly once, none lost, numbers never issued twice', async () => {
    const day = '2031-01-06';
    const issued = await issueMany(server.url, 1000, 4, day);
    expect(issued.tickets).toHaveLength(1000);
    expect(new Set(issued.tickets.map((t) => t._id)).size).toBe(1000);

    const result = await drain(server.url, 20, day);
    expect(result.calls).toBe(1000);
    expect(result.servedBy.size).toBe(1000);
    for (const [id, counters] of result.servedBy) expect(counters, id).toHaveLength(1);

    const tickets = await allOf<Ticket>(`ticket:dla:${day}:`);
    expect(tickets).toHaveLength(1000);
    expect(tickets.filter((t) => t.state !== 'done')).toEqual([]);
    expect(tickets.filter((t) => t._conflicts?.length)).toEqual([]);
    const events = await allOf<VisitEvent>(`visit:${day}:`);
    const calledOnce = new Map<string, number>();
    for (const e of events) if (e.action === 'called') calledOnce.set(e.ticket, (calledOnce.get(e.ticket) ?? 0) + 1);
    expect(calledOnce.size).toBe(1000);
    expect([...calledOnce.values()].every((n) => n === 1)).toBe(true);
    expect(events.filter((e) => e.action === 'done')).toHaveLength(1000);
    console.log(`drain: ${result.calls} calls in ${result.ms} ms (${((result.calls * 1000) / result.ms).toFixed(1)} calls/s), ${result.stats.conflicts} lost races`);
  }, 600_000);

  it('refuses a kiosk calling a ticket and a display writing anything, through the server', async () => {
    const kiosk = await signIn(server.url, 'kiosk.dla', 'demo-kiosk');
    const stats = { writes: 0, conflicts: 0, queries: 0 };
    const issued = await issueTicket(httpQueueStore(server.url, kiosk, 'fo_branch_dla', stats), { day: today(), service: { code: 'family', series: 'F' } }, { used: [], slot: null }, actorFor('dla', 'kiosk.dla', 'k1')());
    expect(issued.ok).toBe(true);
    if (!issued.ok) return;
    const path = `/fo_branch_dla/${encodeURIComponent(issued.value._id)}`;
    const calledByKiosk = await couch(server.url, kiosk, 'PUT', path, { ...issued.value, state: 'called', counter: 'C01', agent: 'kiosk.dla' });
    expect(calledByKiosk.status).toBe(403);
    const display = await signIn(server.url, 'display.dla', 'demo-display');
    const byDisplay = await couch(server.url, display, 'PUT', path, { ...issued.value, state: 'done' });
    expect(byDisplay.status).toBe(403);
  });

  it('two counters call the same ticket while offline: after replication one wins (earliest call), the other is told, both calls stay in the log', async () => {
    const day = today();
    const reception = await signIn(server.url, 'reception.dla', 'demo-reception');
    const stats = { writes: 0, conflicts: 0, queries: 0 };
    const issued = await issueTicket(httpQueueStore(server.url, reception, 'fo_branch_dla', stats), { day, service: { code: 'pension', series: 'P' }, priority: 'elderly' }, { used: [], slot: null }, actorFor('dla', 'reception.dla', 'r9')());
    if (!issued.ok) throw new Error(issued.error);
    const id = issued.value._id;

    const session = await signIn(server.url, 'counter.dla', 'demo-counter');
    const user = { name: 'counter.dla', roles: ['counter', 'branch:dla'] };
    const remote = gatewayDb(server.url, 'fo_branch_dla', session);
    const devices = [0, 1].map((i) => new PouchDB<{}>(`offline-counter-${i}`, { adapter: 'memory' }));
    for (const db of devices) await db.replicate.from(remote);

    // Cut off: each counter works on its own replica only.
    const [c1, c2] = devices.map((db) => offlineStore(db, user));
    const first = await callNext(c2!, { day, services: ['pension'], rules: NO_RULES }, actorFor('dla', 'counter.dla', 'c02', 'C02')());
    const second = await callNext(c1!, { day, services: ['pension'], rules: NO_RULES }, actorFor('dla', 'counter.dla', 'c01', 'C01')());
    expect(first.ok && first.value._id).toBe(id);
    expect(second.ok && second.value._id).toBe(id);
    expect(first.ok && first.offline).toBe(true);

    // The link returns: both push their call to the server, which keeps both revisions (a
    // conflict), and both pull the other's.
    for (const db of devices) await db.replicate.to(remote);
    for (const db of devices) await db.replicate.from(remote);
    const onServer = await couch(server.url, admin, 'GET', `/fo_branch_dla/${encodeURIComponent(id)}?conflicts=true`);
    expect(onServer.body._conflicts).toHaveLength(1);
    const withConflict = (await devices[0]!.get(id, { conflicts: true })) as { _conflicts?: string[] };
    expect(withConflict._conflicts).toHaveLength(1);

    // Either device resolves it the same way; C02 called first.
    const options = { validate: validateWrite, context: { db: 'fo_branch_dla', user } };
    const [r0, r1] = await Promise.all(devices.map((db) => resolveConflicts<Ticket>(db, id, pickCallWinner, options)));
    expect(r0?.winner.counter).toBe('C02');
    expect(r1?.winner.counter).toBe('C02');
    const throughServer = async () => {
      for (const db of devices) await db.replicate.to(remote);
      for (const db of devices) await db.replicate.from(remote);
    };
    await throughServer();
    // Both resolved at once: their resolutions are equal, the next pass leaves one revision.
    for (const db of devices) await resolveConflicts<Ticket>(db, id, pickCallWinner, options);
    await throughServer();
    const settled = await couch(server.url, admin, 'GET', `/fo_branch_dla/${encodeURIComponent(id)}?conflicts=true`);
    expect(settled.body.counter).toBe('C02');
    expect(settled.body._conflicts ?? []).toEqual([]);
    for (const db of devices) {
      const doc = (await db.get(id, { conflicts: true })) as unknown as Ticket & { _conflicts?: string[] };
      expect(doc.counter).toBe('C02');
      expect(doc._conflicts ?? []).toEqual([]);
      // C01's screen holds the ticket it called: it now belongs to C02, and C01 is told.
      expect(lostCall('C01', doc)).toBe(true);
    }
    // Both calls stay in the log, on the server too.
    const key = id.split(':');
    const events = await allOf<VisitEvent>(`visit:${key[2]}:${key[3]}:${key[4]}:`);
    expect(events.filter((e) => e.action === 'called').map((e) => e.counter).sort()).toEqual(['C01', 'C02']);
    for (const db of devices) await db.destroy();
  });
});


/** A counter cut off from the server: nothing is arbitrated, everything goes to its replica. */
function offlineStore(db: PouchDB.Database<{}>, user: { name: string; roles: string[] }): QueueStore {
  const options = { validate: validateWrite, context: { db: 'fo_branch_dla', user } };
  const local = <T extends DocBase>(doc: T) => putDoc(db, doc, options);
  return {
    writeArbitrated: async () => {
      throw new OfflineError();
    },
    writeLocal: local,
    async log(event) {
      await local(event);
    },
    async waiting(day, services) {
      const all = await allDocsByPrefix<Ticket>(db, `ticket:dla:${day}:`);
      return all.filter((t): t is Stored<Ticket> => t.state === 'waiting' && services.includes(t.service));
    },
  };
}
