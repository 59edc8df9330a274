/**
 * Issue 11, "Done means": two back-office agents cut off from the server decide 200 overlapping
 * submitted documents, then reconnect. Every review reaches the server and is kept; each
 * document's status follows the one rule (app/desk/reviews.ts: latest by time wins, a second
 * decision flagged, a correction kept in the history); a counter cannot write a review (403).
 *
 * Each agent is PouchDB in Node (memory adapter) writing through the app's validator, then
 * replicating through the server's /db/ gateway as its signed-in user, as a tablet does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Submission, SubmissionReview } from '../../couch-design/types/submission.ts';
import { submissionId } from '../../couch-design/types/submission.ts';
import { uid } from '../../couch-design/ids/uid.ts';
import { allDocsByPrefix, putDoc } from '../../app/data/docs.ts';
import { validateWrite } from '../../app/data/validate.ts';
import { documentKey, documentReviews, reviewsByDocument } from '../../app/desk/reviews.ts';
import { decide, type Ticked } from '../../app/screens/backoffice/decide.ts';
import { ADMIN, basicAuth, couch, couchAt, engineUrl, signIn } from '../support/couch-http.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';
import { PouchDB, gatewayDb } from '../support/device-pouch.ts';

const DAY = '2024-03-06';
const SUBMISSIONS = 100;
const CODES = ['0104', '0228'];
let server: RunningServer;

beforeAll(async () => {
  server = await startServer();
  const user = { _id: 'org.couchdb.user:backoffice2.dla', name: 'backoffice2.dla', type: 'user', roles: ['backoffice', 'branch:dla'], password: 'second-backoffice-pw' };
  const made = await couchAt(engineUrl(server), basicAuth(ADMIN.name, ADMIN.password), 'PUT', `/_users/${encodeURIComponent(user._id)}`, user);
  expect(made.status, JSON.stringify(made.body)).toBe(201);
}, 120_000);
afterAll(async () => {
  await server?.stop();
});


/** An offline back-office tablet: its own replica, the app's validator, the agent's identity. */
function agentDevice(name: string, device: string, role = 'backoffice') {
  const db = new PouchDB<{}>(`bo-${device}`, { adapter: 'memory' });
  const user = { name, roles: [role, 'branch:dla'] };
  let seq = 0;
  return {
    name,
    db,
    options: { validate: validateWrite, context: { db: 'fo_branch_dla', user } },
    uid: () => uid(Date.UTC(2024, 2, 6, 8), device, ++seq),
    /** Decides `keys` the way the screen does: against what this replica holds now. */
    async decide(keys: Ticked[], decision: 'validated' | 'refused', at: string) {
      const now = reviewsByDocument(await allDocsByPrefix<SubmissionReview>(db, 'review:'));
      const r = decide({ ticked: keys, decision, reasonCode: decision === 'refused' ? 'illegible' : '', reasonText: '', now, branch: 'dla', day: DAY, agent: name, at, uid: this.uid });
      if (!r.ok) throw new Error(`${name}: ${r.error} ${r.documents.join(',')}`);
      for (const review of r.reviews) await putDoc(db, review, this.options);
      return r.reviews;
    },
  };
}

const seen = (key: Ticked, reviews: Map<string, ReturnType<typeof documentReviews>>): Ticked => ({ ...key, seen: reviews.get(documentKey(key.submission, key.code))?.latest?._id ?? null });

describe('two back-office agents offline', () => {
  it('decide 200 overlapping documents: after sync every review is kept and each status follows the rule; a counter cannot write a review', async () => {
    const counter = await signIn(server.url, 'counter.dla', 'demo-counter');
    const submissions: Submission[] = Array.from({ length: SUBMISSIONS }, (_, i) => ({
      _id: submissionId(DAY, uid(Date.UTC(2024, 2, 6, 7), 'ctr', i + 1)), type: 'submission', branch: 'dla', day: DAY, person: `person:${1000000 + i}`, event: 'family_benefits_male',
      documents: CODES.map((code) => ({ code, designation: 'Doc ' + code, copies: 1 })), receiptNumber: `DLA-${i}`, agent: 'counter.dla', counter: 'C01', at: `${DAY}T07:00:00.000Z`,
    }));
    const filed = await couch(server.url, counter, 'POST', '/fo_branch_dla/_bulk_docs', { docs: submissions });
    expect((filed.body as { ok?: boolean }[]).filter((r) => r.ok)).toHaveLength(SUBMISSIONS);
    const docs: Ticked[] = submissions.flatMap((s) => CODES.map((code) => ({ submission: s._id, code, seen: null })));
    expect(docs).toHaveLength(200);

    const a = agentDevice('backoffice.dla', 'boa');
    const b = agentDevice('backoffice2.dla', 'bob');
    const sessions = [await signIn(server.url, 'backoffice.dla', 'demo-backoffice'), await signIn(server.url, 'backoffice2.dla', 'second-backoffice-pw')];
    for (const [i, d] of [a, b].entries()) await d.db.replicate.from(gatewayDb(server.url, 'fo_branch_dla', sessions[i]!), { doc_ids: submissions.map((s) => s._id) });

    // Offline. A validates 0–139 at 10:00; B refuses 60–99 at 09:00 (earlier) and 100–199 at 11:00 (later).
    const t = (h: number, m = 0) => `${DAY}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00.000Z`;
    const mineA = await a.decide(docs.slice(0, 140), 'validated', t(10));
    const mineB = [...(await b.decide(docs.slice(60, 100), 'refused', t(9))), ...(await b.decide(docs.slice(100, 200), 'refused', t(11)))];
    // A corrects its own mistake on document 0, still offline: a new review naming the first.
    const aNow = reviewsByDocument(await allDocsByPrefix<SubmissionReview>(a.db, 'review:'));
    const [fix] = await a.decide([seen(docs[0]!, aNow)], 'refused', t(10, 30));
    expect(fix!.corrects).toBe(mineA[0]!._id);
    // The app refuses a stale selection before writing: B thinks document 61 undecided, B decided it.
    await expect(b.decide([docs[61]!], 'validated', t(12))).rejects.toThrow(/stale 0228/);

    // A counter's device cannot write a review: the app refuses it, the server too (403).
    const c = agentDevice('counter.dla', 'ctr', 'counter');
    await expect(c.decide([docs[199]!], 'validated', t(12))).rejects.toThrow(/forbidden_role/);
    const byCounter = await couch(server.url, counter, 'PUT', `/fo_branch_dla/${encodeURIComponent(`review:${DAY}:${c.uid()}`)}`, {
      type: 'submission_review', branch: 'dla', day: DAY, submission: docs[199]!.submission, documentCode: docs[199]!.code, decision: 'validated', agent: 'counter.dla', at: t(12),
    });
    expect([byCounter.status, byCounter.body.reason]).toEqual([403, expect.stringContaining('forbidden_role')]);

    // Reconnect: both push, then pull what the other decided.
    for (const [i, d] of [a, b].entries()) {
      const pushed = await d.db.replicate.to(gatewayDb(server.url, 'fo_branch_dla', sessions[i]!), { batch_size: 100 });
      expect(pushed.doc_write_failures, d.name).toBe(0);
    }
    const res = await couch(server.url, basicAuth(ADMIN.name, ADMIN.password), 'GET', `/fo_branch_dla/_all_docs?startkey="review:"&endkey="review:\uffff"&include_docs=true`);
    const onServer = (res.body.rows as { doc: SubmissionReview }[]).map((r) => r.doc);
    const written = [...mineA, ...mineB, fix!];
    expect(onServer).toHaveLength(written.length);
    expect(new Set(onServer.map((r) => r._id))).toEqual(new Set(written.map((r) => r._id)));
    expect(written.length).toBe(140 + 140 + 1);

    // Each status by the rule, checked against what each agent did.
    const all = reviewsByDocument(onServer);
    const status = (i: number) => all.get(documentKey(docs[i]!.submission, docs[i]!.code))!;
    for (let i = 0; i < 200; i++) {
      const s = status(i);
      const expected = i === 0 ? 'refused' : i < 60 ? 'validated' : i < 100 ? 'validated' : 'refused';
      expect([i, s.status], `document ${i}`).toEqual([i, expected]);
      expect([i, s.secondDecision]).toEqual([i, i >= 60 && i < 140]);
      expect(s.history.length).toBe(i === 0 || (i >= 60 && i < 140) ? 2 : 1);
    }
    // Both devices converge on the same statuses once they have pulled.
    for (const [i, d] of [a, b].entries()) await d.db.replicate.from(gatewayDb(server.url, 'fo_branch_dla', sessions[i]!), { batch_size: 200 });
    for (const d of [a, b]) {
      const local = reviewsByDocument(await allDocsByPrefix<SubmissionReview>(d.db, 'review:'));
      for (let i = 0; i < 200; i++) expect(local.get(documentKey(docs[i]!.submission, docs[i]!.code))!.latest!._id).toBe(status(i).latest!._id);
    }
  }, 300_000);
});
