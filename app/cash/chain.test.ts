import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { sha256Hex } from './sha256.ts';
import { canonicalEntry, entryHash, verifyChain } from './chain.ts';
import { goodDocs } from '../../couch-design/testing/fixtures.ts';
import type { CashEntry } from '../../couch-design/types/cash-entry.ts';
import { GENESIS_HASH, cashEntryId } from '../../couch-design/types/cash-entry.ts';

describe('sha256', () => {
  it('matches the standard vectors and node:crypto on any text', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (s) => {
      expect(sha256Hex(s)).toBe(createHash('sha256').update(s, 'utf8').digest('hex'));
    }));
    const long = 'é'.repeat(100_000);
    expect(sha256Hex(long)).toBe(createHash('sha256').update(long, 'utf8').digest('hex'));
  });
});

function chainOf(n: number): CashEntry[] {
  const out: CashEntry[] = [];
  for (let i = 1; i <= n; i++) {
    const e = { ...(goodDocs().cash_entry as unknown as CashEntry), _id: cashEntryId('dla', 'C08', i), number: i, amount: 1000 * i };
    e.prevHash = i === 1 ? GENESIS_HASH : entryHash(out[i - 2]!);
    out.push(e);
  }
  return out;
}

describe('the chain of a desk’s entries', () => {
  it('canonical form ignores key order and what CouchDB adds', () => {
    const e = chainOf(1)[0]!;
    const shuffled = Object.fromEntries(Object.entries({ ...e, _rev: '3-x', _conflicts: ['2-y'] }).reverse()) as unknown as CashEntry;
    expect(canonicalEntry(shuffled)).toBe(canonicalEntry(e));
  });
  it('is intact as written, in any order', () => {
    const c = chainOf(20);
    expect(verifyChain([...c].reverse())).toMatchObject({ intact: true, count: 20, lastHash: entryHash(c[19]!) });
  });
  it('says exactly where it breaks: any field changed, an entry removed or doubled', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 19 }), fc.constantFrom('amount', 'designation', 'account', 'at', 'means'), (i, field) => {
        const c = chainOf(20);
        const forged = { ...c[i - 1]!, [field]: field === 'amount' ? 1 : field === 'means' ? 'cheque' : 'forged' } as CashEntry;
        c[i - 1] = forged;
        expect(verifyChain(c)).toEqual({ intact: false, number: i + 1, problem: 'broken_link' });
      }),
    );
    const c = chainOf(10);
    expect(verifyChain([...c.slice(0, 4), ...c.slice(5)])).toEqual({ intact: false, number: 5, problem: 'missing' });
    expect(verifyChain([...c, c[6]!])).toEqual({ intact: false, number: 7, problem: 'duplicate' });
    expect(verifyChain([{ ...c[0]!, prevHash: 'f'.repeat(64) }, ...c.slice(1)])).toEqual({ intact: false, number: 1, problem: 'broken_link' });
  });
});
