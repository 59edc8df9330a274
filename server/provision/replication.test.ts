import { describe, expect, it } from 'vitest';
import { replicationPlan } from './replication.ts';

describe('replicationPlan', () => {
  it('at head office, replicates each branch one way into the central database', () => {
    const plan = replicationPlan({ localUrl: 'http://a:b@127.0.0.1:5985', centralUrl: null, branches: ['dla', 'yde'] });
    expect(plan.map((r) => [r._id, r.source, r.target])).toEqual([
      ['fo_central_from_dla', 'http://a:b@127.0.0.1:5985/fo_branch_dla', 'http://a:b@127.0.0.1:5985/fo_central'],
      ['fo_central_from_yde', 'http://a:b@127.0.0.1:5985/fo_branch_yde', 'http://a:b@127.0.0.1:5985/fo_central'],
    ]);
  });
  it('at a branch, syncs its branch both ways, pushes its scans one way and pulls users, reference data and people', () => {
    const plan = replicationPlan({ localUrl: 'http://l', centralUrl: 'https://u:p@ho', branches: ['dla'] });
    expect(plan.map((r) => `${r.source} -> ${r.target}`)).toEqual([
      'https://u:p@ho/_users -> http://l/_users',
      'https://u:p@ho/fo_ref -> http://l/fo_ref',
      'https://u:p@ho/fo_people -> http://l/fo_people',
      'http://l/fo_branch_dla -> https://u:p@ho/fo_branch_dla',
      'https://u:p@ho/fo_branch_dla -> http://l/fo_branch_dla',
      'http://l/fo_scans_dla -> https://u:p@ho/fo_scans_dla',
    ]);
    expect(plan.every((r) => r.continuous)).toBe(true);
  });
});
