/**
 * A branch created in the administration works without a restart (issue 14): at head office
 * the server follows fo_ref's changes feed (long polling, standard API) and provisions each
 * branch document it has not provisioned yet. It resumes from its checkpoint
 * (`_local/fo-branch-follower` in fo_ref: local documents do not replicate), which moves only
 * once every branch seen up to it is provisioned; provisioning is idempotent, so a change read
 * twice (a crash between the provisioning and the checkpoint) does nothing more.
 */
import { REF_DB, BRANCH_CODE_PATTERN } from '../../couch-design/databases.ts';
import { log } from '../log.ts';
import { statusOf, type Couch } from './couch-client.ts';

export const CHECKPOINT_ID = '_local/fo-branch-follower';
const POLL_TIMEOUT_MS = 25_000;
const RETRY_MS = [1_000, 5_000, 30_000] as const;

interface ChangesPage {
  results: { id: string; deleted?: boolean }[];
  last_seq: string | number;
}

/** The branch codes a page of changes names (created or edited, not deleted), in order, once each. */
export function branchesIn(page: Pick<ChangesPage, 'results'>): string[] {
  const out: string[] = [];
  for (const r of page.results) {
    if (r.deleted || !r.id.startsWith('branch:')) continue;
    const code = r.id.slice('branch:'.length);
    if (BRANCH_CODE_PATTERN.test(code) && !out.includes(code)) out.push(code);
  }
  return out;
}

export interface BranchFollower {
  stop(): void;
}

export function followBranches(couch: Couch, provisionBranch: (code: string) => Promise<void>): BranchFollower {
  const local = { db: REF_DB, path: CHECKPOINT_ID };
  const readCheckpoint = () =>
    (couch.request(local) as Promise<{ _rev: string; seq: string | number }>).catch((error: unknown) => {
      if (statusOf(error) === 404) return null;
      throw error;
    });
  let stopped = false;
  let failures = 0;
  let timer: NodeJS.Timeout | undefined;

  async function round(): Promise<void> {
    const checkpoint = await readCheckpoint();
    const since = checkpoint?.seq ?? 0;
    const page = (await couch.request({ db: REF_DB, path: '_changes', qs: { since, feed: 'longpoll', timeout: POLL_TIMEOUT_MS, limit: 500 } })) as ChangesPage;
    for (const code of branchesIn(page)) await provisionBranch(code);
    if (String(page.last_seq) !== String(since)) await couch.request({ ...local, method: 'PUT', body: { ...(checkpoint ? { _rev: checkpoint._rev } : {}), seq: page.last_seq } });
  }

  const loop = async () => {
    while (!stopped) {
      try {
        await round();
        failures = 0;
      } catch (error) {
        // The engine restarting, a branch database refused: the same changes are read again.
        const wait = RETRY_MS[Math.min(failures++, RETRY_MS.length - 1)]!;
        log(`branch follower: ${String(error)}; again in ${wait / 1000} s`);
        await new Promise<void>((resolve) => (timer = setTimeout(resolve, wait)));
      }
    }
  };
  void loop();
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
