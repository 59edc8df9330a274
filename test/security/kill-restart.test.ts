import { afterAll, describe, expect, it } from 'vitest';
import { uid } from '../../couch-design/ids/uid.ts';
import { visitEventId } from '../../couch-design/types/ticket.ts';
import { couch, signIn, type Session } from '../support/couch-http.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';

/*
 * kill -9 of the server while users write through /db/, then an immediate restart on the same
 * data folder and engine port: it starts cleanly and every write that was acknowledged is there.
 */
const DAY = '2024-03-05';
const WRITERS = 8;
let server: RunningServer | null = null;
afterAll(async () => {
  await server?.stop();
});

function visitEvent(n: number, device: string) {
  const series = 'A';
  const seq = 1 + (n % 999);
  return {
    _id: visitEventId({ day: DAY, series, seq }, uid(Date.UTC(2024, 2, 5, 9, 0) + n, device, n)),
    type: 'visit_event',
    branch: 'dla',
    day: DAY,
    ticket: `ticket:dla:${DAY}:${series}:${String(seq).padStart(4, '0')}`,
    service: 'family',
    action: 'issued',
    at: new Date(Date.UTC(2024, 2, 5, 9, 0) + n).toISOString(),
    agent: 'reception.dla',
    device,
  };
}

describe('kill -9 during writes', () => {
  it('restarts at once, cleanly, with every acknowledged write', async () => {
    const first = await startServer();
    server = first;
    const session: Session = await signIn(first.url, 'reception.dla', 'demo-reception');
    const probe = await couch(first.url, session, 'PUT', `/fo_branch_dla/${encodeURIComponent(visitEvent(0, 'kr0')._id)}`, visitEvent(0, 'kr0'));
    expect(probe.status, JSON.stringify(probe.body)).toBe(201);

    const acknowledged: string[] = [probe.body.id];
    let refused = 0;
    let stop = false;
    const writer = async (w: number) => {
      const device = `kr${w + 1}`;
      for (let n = 1; !stop; n++) {
        const doc = visitEvent(n, device);
        try {
          const res = await couch(first.url, session, 'PUT', `/fo_branch_dla/${encodeURIComponent(doc._id)}`, doc);
          if (res.status === 201 || res.status === 202) acknowledged.push(doc._id);
          else refused++;
        } catch {
          return; // the server is gone mid-request: not acknowledged
        }
      }
    };
    const writing = Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
    while (acknowledged.length < 300) await new Promise((r) => setTimeout(r, 20));
    await first.kill('SIGKILL');
    stop = true;
    await writing;
    const acked = [...acknowledged];
    expect(refused).toBe(0);

    const second = await first.restart();
    server = second;
    expect(second.output()).not.toMatch(/EADDRINUSE|exited during start/);
    expect(await (await fetch(`${second.url}/health`)).json()).toMatchObject({ ok: true, embeddedEngine: { state: 'up' } });

    const reader = await signIn(second.url, 'reception.dla', 'demo-reception');
    const missing: string[] = [];
    for (let i = 0; i < acked.length; i += 20) {
      const batch = acked.slice(i, i + 20);
      const found = await Promise.all(batch.map((id) => couch(second.url, reader, 'GET', `/fo_branch_dla/${encodeURIComponent(id)}`)));
      found.forEach((r, j) => r.status !== 200 && missing.push(`${batch[j]}: ${r.status}`));
    }
    console.log(`${acked.length} writes acknowledged before the kill -9; ${missing.length} missing after the restart`);
    expect(missing).toEqual([]);
  });
});
