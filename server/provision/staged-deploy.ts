/**
 * Deploys a changed design document without a cold index: on half a million documents Apache
 * CouchDB answers the first query of a new view with `500 timeout` after 60 s while it keeps
 * building. So, as large CouchDB deployments do, the new version goes in under a staging id,
 * its views are queried until they answer (the index is built), then it is written over the
 * live id (same views, same index signature: the built index is reused) and the staged copy
 * is deleted. Until the swap, queries against the live id answer from the previous views.
 * Every step is idempotent, so a run stopped anywhere is finished by the next one.
 */
import type Nano from 'nano';
import { getOrNull, statusOf, type Couch } from './couch-client.ts';
import type { BuiltDesignDoc } from './design-docs.ts';
import { ddocName, planDeploy, sameContent, stagedCopy, stagedId, type DeployStep } from './deploy-plan.ts';

interface BuiltView {
  map: string;
  reduce?: string;
}

export interface IndexWait {
  /** Longest wait for one view query; the query is then sent again. */
  requestMs: number;
  /** Pause between two queries of a view that is still building. */
  pauseMs: number;
}

/** CouchDB gives up on a query after 60 s (and keeps building); ask again a little later. */
export const DEFAULT_WAIT: IndexWait = { requestMs: 65_000, pauseMs: 1_000 };

const docs = (couch: Couch, db: string) => couch.use<BuiltDesignDoc>(db);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Reads what the plan depends on: the live and staged versions. */
export async function planFor(couch: Couch, db: string, doc: BuiltDesignDoc): Promise<DeployStep> {
  const [current, staged] = await Promise.all([getOrNull(docs(couch, db), doc._id), getOrNull(docs(couch, db), stagedId(doc._id))]);
  const intact = current === null || sameContent(current as unknown as Record<string, unknown>, doc);
  return planDeploy(doc.version, current?.version ?? null, staged?.version ?? null, intact);
}

/** Writes `doc` at `id` over whatever revision is there. */
async function putOver(db: Nano.DocumentScope<BuiltDesignDoc>, doc: BuiltDesignDoc): Promise<void> {
  const have = await getOrNull(db, doc._id);
  await db.insert({ ...doc, ...(have ? { _rev: have._rev } : {}) });
}

/** Installs the staged copy unless that version is already staged. */
export async function stageDesignDoc(couch: Couch, db: string, doc: BuiltDesignDoc): Promise<void> {
  const staged = await getOrNull(docs(couch, db), stagedId(doc._id));
  if (staged?.version !== doc.version) await putOver(docs(couch, db), stagedCopy(doc));
}

/** CouchDB's own answer to a query that outlasted its timeout while the index builds on. */
const couchTimeout = (err: unknown) => statusOf(err) === 500 && (err as { error?: unknown }).error === 'timeout';

/**
 * Queries every view of the staged document (`limit=0`, unreduced: only the index is wanted)
 * until each answers, which it does once its index is up to date. Apache CouchDB builds all
 * views of a design document together; PouchDB Server one view at a time, hence every view.
 */
export async function awaitIndexes(couch: Couch, db: string, doc: BuiltDesignDoc, wait: IndexWait = DEFAULT_WAIT): Promise<void> {
  const views = (doc.views ?? {}) as Record<string, BuiltView>;
  const path = `_design/${ddocName(stagedId(doc._id))}/_view`;
  for (const [name, view] of Object.entries(views)) {
    for (;;) {
      // nano reports an aborted request as a plain connection error, so the signal tells.
      const signal = AbortSignal.timeout(wait.requestMs);
      try {
        const qs = { limit: 0, ...(view.reduce ? { reduce: false } : {}) };
        await couch.request({ db, path: `${path}/${name}`, qs, signal } as Nano.RequestOptions);
        break;
      } catch (err) {
        if (!signal.aborted && !couchTimeout(err)) throw err;
        await sleep(wait.pauseMs);
      }
    }
  }
}

/** Writes the full document over the live one (a no-op if that version is already live). */
export async function swapIn(couch: Couch, db: string, doc: BuiltDesignDoc): Promise<void> {
  const live = await getOrNull(docs(couch, db), doc._id);
  if (live?.version !== doc.version) await putOver(docs(couch, db), doc);
}

export async function removeStaged(couch: Couch, db: string, id: string): Promise<void> {
  const staged = await getOrNull(docs(couch, db), stagedId(id));
  if (staged) await docs(couch, db).destroy(staged._id, staged._rev);
}

/** Carries out one planned step; returns it. */
export async function runStep(couch: Couch, db: string, doc: BuiltDesignDoc, step: DeployStep, wait: IndexWait = DEFAULT_WAIT): Promise<DeployStep> {
  if (step === 'none') return step;
  if (step === 'repair') {
    await putOver(docs(couch, db), doc);
    return step;
  }
  if (step === 'stage') await stageDesignDoc(couch, db, doc);
  if (step === 'stage' || step === 'resume') await awaitIndexes(couch, db, doc, wait);
  if (step !== 'clean-up') await swapIn(couch, db, doc);
  await removeStaged(couch, db, doc._id);
  return step;
}

/** Brings one design document to `doc.version` by whatever step the database calls for. */
export async function deployDesignDoc(couch: Couch, db: string, doc: BuiltDesignDoc, wait: IndexWait = DEFAULT_WAIT): Promise<DeployStep> {
  return runStep(couch, db, doc, await planFor(couch, db, doc), wait);
}
