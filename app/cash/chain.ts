/**
 * The inalterability chain of a cash desk's sequence: every entry carries `prevHash`, the
 * SHA-256 of the canonical form of the desk's previous entry (GENESIS_HASH for number 1).
 * Changing any field of a past entry, removing one or inserting one changes a hash the next
 * entry names, so the journal can say "chain intact" or exactly where it breaks.
 *
 * The canonical form is the JSON of a fixed list of [field, value] pairs in a fixed order
 * (absent fields as null): independent of key order, of `_rev` and of anything CouchDB adds.
 */
import { type CashEntry, GENESIS_HASH } from '../../couch-design/types/cash-entry.ts';
import { sha256Hex } from './sha256.ts';

/** Every field of an entry, in chain order. A new field of the contract goes at the end. */
export const CANONICAL_FIELDS = [
  '_id', 'type', 'branch', 'day', 'counter', 'number', 'session', 'agent', 'at', 'kind', 'category', 'amount', 'currency',
  'means', 'bank', 'chequeNumber', 'reference', 'person', 'account', 'periods', 'designation', 'order', 'idDocument',
  'reverses', 'approval', 'reason', 'prevHash',
] as const;

export function canonicalEntry(entry: Partial<CashEntry>): string {
  const record = entry as Record<string, unknown>;
  return JSON.stringify(CANONICAL_FIELDS.map((f) => [f, record[f] ?? null]));
}

export function entryHash(entry: Partial<CashEntry>): string {
  return sha256Hex(canonicalEntry(entry));
}

/** What the next entry of the desk names as `prevHash`. */
export function nextPrevHash(last: Partial<CashEntry> | null): string {
  return last ? entryHash(last) : GENESIS_HASH;
}

export type ChainCheck =
  | { intact: true; count: number; lastHash: string }
  /** `number`: the first entry whose link is wrong; `missing`: a number absent from the run. */
  | { intact: false; number: number; problem: 'broken_link' | 'missing' | 'duplicate' };

/**
 * Checks one desk's entries, any order, from number `from` (1, or the first number kept when
 * an archive starts later, with `fromHash` the hash number `from` must name).
 */
export function verifyChain(entries: readonly Partial<CashEntry>[], from = 1, fromHash = GENESIS_HASH): ChainCheck {
  const sorted = [...entries].sort((a, b) => a.number! - b.number!);
  let expected = fromHash;
  for (let i = 0; i < sorted.length; i++) {
    const e = sorted[i]!;
    if (i > 0 && e.number === sorted[i - 1]!.number) return { intact: false, number: e.number!, problem: 'duplicate' };
    if (e.number !== from + i) return { intact: false, number: from + i, problem: 'missing' };
    if (e.prevHash !== expected) return { intact: false, number: e.number!, problem: 'broken_link' };
    expected = entryHash(e);
  }
  return { intact: true, count: sorted.length, lastHash: expected };
}
