/**
 * Checking a desk's hash chain as its entries arrive (issue 12): entries reach the server in
 * any order (offline desks, replication batches), so each desk keeps the next number it waits
 * for, the hash that number must name, and the entries that arrived ahead of it. A link that
 * does not match marks the desk broken at that number for good: an inalterable journal cannot
 * heal. Pure; server/jobs/cash-chain-check.ts feeds it and keeps its state.
 */
import { GENESIS_HASH } from '../../couch-design/types/cash-entry.ts';
import type { CashEntry } from '../../couch-design/types/cash-entry.ts';
import { entryHash } from './chain.ts';

export interface DeskChain {
  /** The next number whose link is checked. */
  next: number;
  /** The hash entry `next` must name as its prevHash. */
  hash: string;
  /** Entries arrived ahead of `next`: their number → [their prevHash, their own hash]. */
  ahead: Record<string, [string, string]>;
  /** Where the chain broke, once it did. */
  broken?: number;
}

export function freshDesk(): DeskChain {
  return { next: 1, hash: GENESIS_HASH, ahead: {} };
}

/** The desk's state once `arrived` (entries of this desk, any order) are taken in; `desk` is not changed. */
export function advance(desk: DeskChain, arrived: readonly Pick<CashEntry, 'number' | 'prevHash'>[]): DeskChain {
  const d: DeskChain = { ...desk, ahead: { ...desk.ahead } };
  if (d.broken !== undefined) return d;
  for (const e of arrived) if (e.number >= d.next) d.ahead[e.number] = [e.prevHash, entryHash(e as Partial<CashEntry>)];
  for (let link = d.ahead[d.next]; link; link = d.ahead[d.next]) {
    if (link[0] !== d.hash) {
      d.broken = d.next;
      return d;
    }
    delete d.ahead[d.next];
    d.hash = link[1];
    d.next += 1;
  }
  return d;
}

/** The first number still awaited while later ones arrived (an offline desk not synced yet), else null. */
export function waitingFor(desk: DeskChain): number | null {
  return Object.keys(desk.ahead).length > 0 ? desk.next : null;
}
