import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildDesignDocs } from '../../couch-design/build/build-design-docs.ts';
import { goodDocs } from '../../couch-design/testing/fixtures.ts';
import { loadReport } from '../../app/stats/report-query.ts';
import { bruteForceReport } from '../../app/stats/testing/brute-force-report.ts';
import { counterPlan, reportFilter, ticketPlan } from '../../app/stats/testing/arbitraries.ts';
import { TARGETS, playLog } from '../../app/stats/testing/visit-log.ts';
import { ADMIN, basicAuth, couch, couchAt, engineUrl, signIn } from '../support/couch-http.ts';
import { httpViewQuery } from '../support/couch-view-query.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';

let server: RunningServer;
const admin = basicAuth(ADMIN.name, ADMIN.password);
const BRANCHES = ['dla', 'yde'];

beforeAll(async () => {
  server = await startServer();
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

describe('statistics through the embedded server', () => {
  it('the report over HTTP matches a brute-force computation (central-like database, two branches)', async () => {
    const [ddoc] = (await buildDesignDocs()).central;
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(ticketPlan(BRANCHES), { maxLength: 40 }),
        fc.array(counterPlan(BRANCHES), { maxLength: 6 }),
        fc.array(reportFilter(BRANCHES), { minLength: 1, maxLength: 4 }),
        async (tickets, counters, filters) => {
          // Named like a branch database so the gateway lets the view queries through (admin reads any Front Office database).
          const db = `fo_branch_it${n++}`;
          expect((await couchAt(engineUrl(server), admin, 'PUT', `/${db}`)).status).toBe(201);
          const docs = playLog(tickets, counters);
          // Written as server admin: validate_doc_update still checks every document's structure.
          const res = await couchAt(engineUrl(server), admin, 'POST', `/${db}/_bulk_docs`, { docs: [ddoc, ...docs] });
          expect(res.status).toBe(201);
          expect((res.body as { error?: string }[]).filter((r) => r.error)).toEqual([]);
          const query = httpViewQuery(server.url, db, admin);
          for (const filter of filters) expect(await loadReport(query, filter)).toEqual(bruteForceReport(docs, filter, TARGETS));
          await couchAt(engineUrl(server), admin, 'DELETE', `/${db}`);
        },
      ),
      { numRuns: 8 },
    );
  }, 300_000);

  it('provisions the statistics views; counter staff log counter events, a kiosk may not', async () => {
    const counter = await signIn(server.url, 'counter.dla', 'demo-counter');
    const event = goodDocs().counter_event!;
    const path = `/fo_branch_dla/${encodeURIComponent(String(event._id))}`;
    const kiosk = await signIn(server.url, 'kiosk.dla', 'demo-kiosk');
    expect((await couch(server.url, kiosk, 'PUT', path, event)).status).toBe(403);
    expect((await couch(server.url, counter, 'PUT', path, event)).status).toBe(201);
    const report = await loadReport(httpViewQuery(server.url, 'fo_branch_dla', counter), { from: '2024-03-05', to: '2024-03-05', counter: 'C01' });
    expect(report.by.counter).toEqual([{ key: 'C01', figures: expect.objectContaining({ busyMs: 1_500_000, idleMs: 300_000 }) }]);
  }, 60_000);
});
