import { describe, expect, it } from 'vitest';
import { branchesIn } from './branch-follower.ts';

describe('the branches a page of fo_ref changes names', () => {
  it('keeps created or edited branches, once each, in order; not deletions, other documents or bad codes', () => {
    const page = {
      results: [
        { id: 'service:family' },
        { id: 'branch:ngd' },
        { id: 'refchange:branch:ngd:000000001-a1-0001' },
        { id: 'branch:gar', deleted: true },
        { id: 'branch:ngd' },
        { id: 'branch:Bad Code' },
        { id: 'branch:ebw' },
      ],
    };
    expect(branchesIn(page)).toEqual(['ngd', 'ebw']);
  });
});
