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
  it('on the embedded engine, names its own databases so that its replicator stays in its process', () => {
    const head = replicationPlan({ localUrl: null, centralUrl: null, branches: ['dla'] });
    expect(head.map((r) => `${r.source} -> ${r.target}`)).toEqual(['fo_branch_dla -> fo_central']);
    const branch = replicationPlan({ localUrl: null, centralUrl: 'https://u:p@ho', branches: ['dla'] });
    expect(branch.map((r) => `${r.source} -> ${r.target}`)).toEqual([
      'https://u:p@ho/_users -> _users',
      'https://u:p@ho/fo_ref -> fo_ref',
      'https://u:p@ho/fo_people -> fo_people',
      'fo_branch_dla -> https://u:p@ho/fo_branch_dla',
      'https://u:p@ho/fo_branch_dla -> fo_branch_dla',
      'fo_scans_dla -> https://u:p@ho/fo_scans_dla',
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
