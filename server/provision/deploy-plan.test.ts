import { describe, expect, it } from 'vitest';
import { isSlow, planDeploy, sameContent, stagedCopy } from './deploy-plan.ts';

describe('planDeploy', () => {
  it('installs directly when there is no previous document (a new database)', () => {
    expect(planDeploy('v2', null, null)).toBe('install');
    expect(planDeploy('v2', null, 'v1')).toBe('install');
  });
  it('does nothing when the wanted version is there and nothing is staged', () => {
    expect(planDeploy('v2', 'v2', null)).toBe('none');
  });
  it('stages a changed version, and stages again over a stale staged one', () => {
    expect(planDeploy('v2', 'v1', null)).toBe('stage');
    expect(planDeploy('v3', 'v1', 'v2')).toBe('stage');
  });
  it('resumes a run that stopped after staging, and cleans up one that stopped after the swap', () => {
    expect(planDeploy('v2', 'v1', 'v2')).toBe('resume');
    expect(planDeploy('v2', 'v2', 'v2')).toBe('clean-up');
  });
  it('repairs a live document that has the wanted version stamp but other content', () => {
    expect(planDeploy('v2', 'v2', null, false)).toBe('repair');
    expect(isSlow('repair')).toBe(false);
  });
  it('leaves only index building to the background', () => {
    expect((['none', 'install', 'stage', 'resume', 'clean-up'] as const).filter(isSlow)).toEqual(['stage', 'resume']);
  });
});

describe('sameContent', () => {
  const built = { _id: '_design/fo', version: 'v2', validate_doc_update: 'function (n, o, u) { check(n, o, u); }', views: { a: { map: 'm' } } };
  it('ignores the revision and the key order', () => {
    expect(sameContent({ views: { a: { map: 'm' } }, _rev: '3-abc', validate_doc_update: built.validate_doc_update, version: 'v2', _id: '_design/fo' }, built)).toBe(true);
  });
  it('sees a validator replaced under an unchanged version stamp', () => {
    expect(sameContent({ ...built, _rev: '4-def', validate_doc_update: 'function(){}' }, built)).toBe(false);
  });
});

describe('stagedCopy', () => {
  it('keeps what the index signature depends on, not the validator or filters', () => {
    const doc = { _id: '_design/fo', version: 'v2', language: 'javascript', views: { a: { map: 'function (doc) {}' } }, validate_doc_update: 'x', filters: {} };
    expect(stagedCopy(doc)).toEqual({ _id: '_design/fo-staged', version: 'v2', language: 'javascript', views: doc.views });
  });
});
