/** End of day on the real server: open tickets of past days closed once, finished and today's left alone. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goodDocs } from '../couch-design/testing/fixtures.ts';
import { ticketId, type Ticket } from '../couch-design/types/ticket.ts';
import { adminClient } from '../server/provision/couch-client.ts';
import { runEndOfDay } from '../server/jobs/end-of-day.ts';
import { ADMIN, basicAuth, couch } from './support/couch-http.ts';
import { startServer, type RunningServer } from './support/server-process.ts';
import { waitFor } from './support/wait-for.ts';

let server: RunningServer;
const admin = basicAuth(ADMIN.name, ADMIN.password);
// A few days back: the job looks back a week for tickets that replicated in late.
const PAST = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

function ticket(day: string, seq: number, state: Ticket['state']): Ticket {
  const base = goodDocs().ticket as unknown as Ticket;
  const id = ticketId({ branch: 'dla', day, series: 'A', seq });
  return { ...base, _id: id, day, seq, label: `A${String(seq).padStart(3, '0')}`, issuedAt: `${day}T08:00:00.000Z`, state, ...(state === 'waiting' ? {} : { counter: 'C01', agent: 'counter.dla', calledAt: `${day}T08:10:00.000Z` }) };
}

async function put(doc: Ticket) {
  const res = await couch(server.url, admin, 'PUT', `/fo_branch_dla/${encodeURIComponent(doc._id)}`, doc);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
}

async function get(id: string): Promise<Ticket> {
  return (await couch(server.url, admin, 'GET', `/fo_branch_dla/${encodeURIComponent(id)}`)).body;
}

async function closedEvents(): Promise<{ ticket: string; details: { reason: string; from: string } }[]> {
  const q = new URLSearchParams({ startkey: JSON.stringify(`visit:${PAST}:`), endkey: JSON.stringify(`visit:${PAST}:\uffff`), include_docs: 'true' });
  const res = await couch(server.url, admin, 'GET', `/fo_branch_dla/_all_docs?${q}`);
  return (res.body.rows as { doc: { action: string; ticket: string; details: { reason: string; from: string } } }[]).map((r) => r.doc).filter((d) => d.action === 'closed');
}

describe('end of day', () => {
  it('closes the open tickets of past days once, through the validator, and leaves finished and current ones alone', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const waiting = ticket(PAST, 501, 'waiting');
    const called = ticket(PAST, 502, 'called');
    const done = { ...ticket(PAST, 503, 'serving'), state: 'done' as const, outcome: 'served' };
    const current = ticket(today, 504, 'waiting');
    for (const doc of [waiting, called, done, current]) await put(doc);

    const engine = adminClient(`http://127.0.0.1:${server.enginePort}`, ADMIN);
    const noon = new Date(`${today}T12:00:00Z`);
    // The server's own scheduled round may be closing them at the same moment: whoever does
    // it, each ticket ends closed once, with one closing event.
    await runEndOfDay(engine, ['dla'], noon);
    expect(await get(waiting._id)).toMatchObject({ state: 'closed', outcome: 'end_of_day' });
    expect(await get(called._id)).toMatchObject({ state: 'closed', outcome: 'end_of_day' });
    expect((await get(done._id)).state).toBe('done');
    expect((await get(current._id)).state).toBe('waiting');
    const events = await closedEvents();
    expect(events.map((e) => [e.ticket, e.details.from]).sort()).toEqual([
      [waiting._id, 'waiting'],
      [called._id, 'called'],
    ]);

    // Again (or from a second server holding the same branch): nothing more.
    expect(await runEndOfDay(engine, ['dla'], noon)).toBe(0);
    expect(await closedEvents()).toHaveLength(2);
  });

  it('runs by itself when the server starts', async () => {
    const forgotten = ticket(PAST, 601, 'waiting');
    await put(forgotten);
    server = await server.restart();
    const closed = await waitFor('the forgotten ticket closed', async () => {
      const doc = await get(forgotten._id);
      return doc.state === 'closed' ? doc : null;
    });
    expect(closed.outcome).toBe('end_of_day');
  });
});
