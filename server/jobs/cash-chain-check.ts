/**
 * The server checks every cash desk's hash chain as its entries arrive (issue 12, docs/CASH.md):
 * it follows each branch database's `_changes` from a checkpoint (`_local/cash-chain`, with each
 * desk's state: app/cash/chain-watch.ts), reads the cash entries that came, and advances each
 * desk's chain. A broken link is logged once and stays on /health (`cashChains`) with the branch,
 * desk and number, as the supervisor's screen shows it from the audit; numbers still awaited from
 * an offline desk are listed too. The job only reads entries: the desks' writes never wait for it.
 */
import type Nano from 'nano';
import { branchDb } from '../../couch-design/databases.ts';
import type { CashEntry } from '../../couch-design/types/cash-entry.ts';
import { advance, freshDesk, waitingFor, type DeskChain } from '../../app/cash/chain-watch.ts';
import { getOrNull, statusOf, type Couch } from '../provision/couch-client.ts';
import { log } from '../log.ts';
import { scheduleRounds } from './job-rounds.ts';

const CHECKPOINT = '_local/cash-chain';
const PAGE = 2000;
const EVERY_MS = 5_000;

interface Checkpoint {
  _id: string;
  _rev?: string;
  since: string | number;
  desks: Record<string, DeskChain>;
}

export interface CashChainHealth {
  /** Entries whose link was checked, every desk of every branch. */
  checked: number;
  broken: { branch: string; counter: string; number: number }[];
  waiting: { branch: string; counter: string; number: number }[];
}

async function arrivedEntries(db: Nano.DocumentScope<unknown>, branch: string, since: string | number): Promise<{ entries: CashEntry[]; since: string | number }> {
  const prefix = `cash:${branch}:`;
  const entries: CashEntry[] = [];
  for (;;) {
    const page = await db.changes({ since: String(since), limit: PAGE });
    const ids = page.results.map((r) => r.id).filter((id) => id.startsWith(prefix));
    if (ids.length > 0) {
      const docs = await db.fetch({ keys: ids });
      for (const row of docs.rows) if ('doc' in row && row.doc && (row.doc as { type?: string }).type === 'cash_entry') entries.push(row.doc as unknown as CashEntry);
    }
    since = page.last_seq;
    if (page.results.length < PAGE) return { entries, since };
  }
}

/** One pass over one branch database: its desks' chains advanced and saved. */
export async function checkBranchChains(couch: Couch, branch: string): Promise<Record<string, DeskChain>> {
  const db = couch.use<unknown>(branchDb(branch));
  const memo = (await getOrNull(db, CHECKPOINT)) as unknown as Checkpoint | null;
  const { entries, since } = await arrivedEntries(db, branch, memo?.since ?? 0);
  const desks = { ...(memo?.desks ?? {}) };
  const byDesk = new Map<string, CashEntry[]>();
  for (const e of entries) byDesk.set(e.counter, [...(byDesk.get(e.counter) ?? []), e]);
  for (const [counter, list] of byDesk) {
    const before = desks[counter] ?? freshDesk();
    const after = advance(before, list);
    if (after.broken !== undefined && before.broken === undefined) log(`cash chain of ${branch} ${counter} broken at number ${after.broken}`);
    desks[counter] = after;
  }
  if (memo && since === memo.since) return desks;
  try {
    await db.insert({ _id: CHECKPOINT, since, desks, ...(memo?._rev ? { _rev: memo._rev } : {}) } as never);
  } catch (error) {
    // Another pass saved it meanwhile: the next one reads the feed again from the older checkpoint.
    if (statusOf(error) !== 409) throw error;
  }
  return desks;
}

export function chainHealth(perBranch: ReadonlyMap<string, Record<string, DeskChain>>): CashChainHealth {
  const health: CashChainHealth = { checked: 0, broken: [], waiting: [] };
  for (const [branch, desks] of perBranch) {
    for (const [counter, d] of Object.entries(desks)) {
      health.checked += d.next - 1;
      if (d.broken !== undefined) health.broken.push({ branch, counter, number: d.broken });
      const waiting = waitingFor(d);
      if (waiting !== null && d.broken === undefined) health.waiting.push({ branch, counter, number: waiting });
    }
  }
  return health;
}

/** Runs now, then every few seconds; /health reads the last pass. */
export function scheduleCashChainCheck(couch: Couch, branches: readonly string[]): { stop: () => void; health: () => CashChainHealth } {
  const last = new Map<string, Record<string, DeskChain>>();
  const stop = scheduleRounds('cash chain check', EVERY_MS, async () => {
    for (const branch of branches) last.set(branch, await checkBranchChains(couch, branch));
  });
  return { stop, health: () => chainHealth(last) };
}
