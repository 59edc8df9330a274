import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goodDocs } from '../../couch-design/testing/fixtures.ts';
import { ticketId, ticketLabel } from '../../couch-design/types/ticket.ts';
import { adminClient, getOrNull, type Couch } from '../../server/provision/couch-client.ts';
import { deployDesignDocs, readBuiltDesignDocs, type BuiltDesignDoc } from '../../server/provision/design-docs.ts';
import { buildInBackground, DesignDocStates } from '../../server/provision/index-builds.ts';
import { deployDesignDoc, planFor, stageDesignDoc } from '../../server/provision/staged-deploy.ts';
import { ADMIN } from '../support/couch-http.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';
import { waitFor } from '../support/wait-for.ts';

/*
 * A changed design document deployed against the real embedded engine, over a branch
 * database holding a few thousand tickets: staged, built, swapped in, cleaned up.
 */
const DB = 'fo_branch_dla';
const TICKETS = 2000;
let server: RunningServer;
let couch: Couch;
let shipped: BuiltDesignDoc;
let changed: BuiltDesignDoc;

function tickets(): Record<string, unknown>[] {
  const base = goodDocs().ticket!;
  return Array.from({ length: TICKETS }, (_, i) => {
    const day = new Date(Date.UTC(2024, 0, 1 + Math.floor(i / 900))).toISOString().slice(0, 10);
    const seq = (i % 900) + 1;
    return { ...base, _id: ticketId({ branch: 'dla', day, series: 'A', seq }), day, seq, label: ticketLabel('A', seq) };
  });
}

/** The shipped branch document with `tickets_by_state` changed, as the next release would bring. */
function nextRelease(doc: BuiltDesignDoc): BuiltDesignDoc {
  const views = doc.views as Record<string, { map: string; reduce?: string }>;
  const map = "function (doc) { if (doc.type === 'ticket') emit(['v2', doc.day], 1); }";
  return { ...doc, version: `next-${doc.version}`, views: { ...views, tickets_by_state: { map, reduce: '_count' } } };
}

const ticketsByState = () => couch.use(DB).view<number>('fo', 'tickets_by_state', { reduce: false, limit: 1 });
const timed = async <T>(f: () => Promise<T>) => {
  const started = performance.now();
  const value = await f();
  return { value, ms: performance.now() - started };
};

beforeAll(async () => {
  server = await startServer({ BRANCHES: 'dla', DEMO_DATA: '0' });
  couch = adminClient(`http://127.0.0.1:${server.enginePort}`, ADMIN);
  // As provisioning installed it (not re-read from the build output, which others may rebuild).
  const { _rev, ...live } = await couch.use<BuiltDesignDoc>(DB).get('_design/fo');
  shipped = live;
  changed = nextRelease(shipped);
  const docs = tickets();
  for (let i = 0; i < docs.length; i += 1000) {
    const res = await couch.use(DB).bulk({ docs: docs.slice(i, i + 1000) });
    expect(res.filter((r) => r.error)).toEqual([]);
  }
  // Users have been reading statistics: the live index is built.
  await couch.use(DB).view('fo', 'tickets_by_state', { reduce: false, limit: 0 });
});
afterAll(async () => {
  await server?.stop();
});

describe('staged deployment of a changed design document', () => {
  it('reports every database current in /health', async () => {
    const health = (await (await fetch(`${server.url}/health`)).json()) as { designDocs: Record<string, string> };
    expect(health.designDocs).toEqual({ fo_branch_dla: 'current', fo_central: 'current', fo_people: 'current', fo_ref: 'current', fo_scans_dla: 'current' });
  });

  it('stages the new version once, without its validator', async () => {
    expect(await planFor(couch, DB, changed)).toBe('stage');
    await stageDesignDoc(couch, DB, changed);
    const staged = await couch.use<BuiltDesignDoc>(DB).get('_design/fo-staged');
    expect(staged).toMatchObject({ version: changed.version, views: changed.views });
    expect(staged.validate_doc_update).toBeUndefined();
    await stageDesignDoc(couch, DB, changed);
    expect((await couch.use(DB).get('_design/fo-staged'))._rev).toBe(staged._rev);
  });

  // Building the 2,000 tickets' index takes seconds alone, over a minute on a loaded CI machine.
  it('resumes after staging: old views answer while it builds, then the new ones, and the staged copy is gone', { timeout: 240_000 }, async () => {
    // The previous test stopped right after staging, as a crash would.
    expect(await planFor(couch, DB, changed)).toBe('resume');
    const states = new DesignDocStates();
    let built = false;
    const building = buildInBackground(couch, [{ db: DB, doc: changed }], states, { retryMs: 500 }).then(() => (built = true));
    expect(states.snapshot()).toEqual({ [DB]: 'building' });

    const during = await timed(ticketsByState);
    expect(built).toBe(false);
    expect(during.value.rows[0]!.key[0]).toMatch(/^2024-/);
    expect((await couch.use<BuiltDesignDoc>(DB).get('_design/fo')).version).toBe(shipped.version);

    const build = await timed(() => building);
    expect(states.snapshot()).toEqual({ [DB]: 'current' });
    const live = await couch.use<BuiltDesignDoc>(DB).get('_design/fo');
    expect(live.version).toBe(changed.version);
    expect(live.validate_doc_update).toBe(shipped.validate_doc_update);
    // The index built under the staging id is the one the live id now uses: no second build.
    const after = await timed(ticketsByState);
    expect(after.value.rows[0]!.key[0]).toBe('v2');
    expect(after.value.total_rows).toBe(TICKETS);
    expect(await getOrNull(couch.use(DB), '_design/fo-staged')).toBeNull();
    console.log(`old view during the build: ${during.ms.toFixed(0)} ms; build and swap: ${build.ms.toFixed(0)} ms; new view after: ${after.ms.toFixed(0)} ms`);
    expect(after.ms).toBeLessThan(build.ms);
  });

  it('does nothing the second time', async () => {
    const rev = (await couch.use(DB).get('_design/fo'))._rev;
    expect(await deployDesignDoc(couch, DB, changed)).toBe('none');
    expect(await deployDesignDocs(couch, DB, [changed])).toEqual({ written: [], building: [] });
    expect((await couch.use(DB).get('_design/fo'))._rev).toBe(rev);
  });

  it('finishes a run stopped between the swap and the clean-up', async () => {
    await stageDesignDoc(couch, DB, changed);
    expect(await deployDesignDocs(couch, DB, [changed])).toEqual({ written: ['_design/fo'], building: [] });
    expect(await getOrNull(couch.use(DB), '_design/fo-staged')).toBeNull();
  });

  it('on restart, brings back the shipped version in the background while serving the app', { timeout: 180_000 }, async () => {
    server = await server.restart();
    expect(server.output()).toMatch(/fo_branch_dla: _design\/fo changed, building its indexes in the background/);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    await waitFor('the shipped design document to be swapped back in', async () => {
      const health = (await (await fetch(`${server.url}/health`)).json()) as { designDocs: Record<string, string> };
      return health.designDocs[DB] === 'current' ? true : null;
    }, 120_000);
    expect(server.output()).toMatch(/fo_branch_dla: _design\/fo \w+ swapped in/);
    // Read again: \`npm run build:design\` may have run meanwhile in a shared working tree.
    const current = (await readBuiltDesignDocs()).branch[0]!;
    expect((await couch.use<BuiltDesignDoc>(DB).get('_design/fo')).version).toBe(current.version);
    expect((await ticketsByState()).rows[0]!.key[0]).toMatch(/^2024-/);
    expect(await getOrNull(couch.use(DB), '_design/fo-staged')).toBeNull();
  });
});
