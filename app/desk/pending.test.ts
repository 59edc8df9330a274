import { describe, expect, it } from 'vitest';
import { answersToTell, completeCases, pendingMatters } from './pending.ts';
import type { Case } from '../../couch-design/types/case.ts';

const P = 'person:1000123';
const kase = (over: Partial<Case>): Case => ({
  _id: 'case:1000123:PF1', type: 'case', person: P, caseNo: 'PF1', kind: 'family_benefits', status: 'pending_documents',
  openedAt: '2026-01-01T00:00:00Z', updatedAt: '2026-06-01T00:00:00Z', summary: '', missingDocuments: ['0104', '0228'], ...over,
});
const sub = (id: string, at: string, codes: string[]) => ({ _id: id, person: P, at, receiptNumber: 'R-' + id, documents: codes.map((code) => ({ code, designation: code, copies: 1 })) });

describe('pending matters', () => {
  it('lists what open cases miss, once per code, not what closed cases miss nor what was handed in since', () => {
    const cases = [kase({}), kase({ caseNo: 'PF2', missingDocuments: ['0104', '0215'] }), kase({ caseNo: 'OLD', status: 'closed', missingDocuments: ['0501'] })];
    expect(pendingMatters(P, cases, [], []).map((m) => m.code)).toEqual(['0104', '0228', '0215']);
    const handed = [sub('s1', '2026-07-01T00:00:00Z', ['0228']), sub('s0', '2026-05-01T00:00:00Z', ['0104'])];
    expect(pendingMatters(P, cases, handed, []).map((m) => m.code)).toEqual(['0104', '0215']);
  });

  it('lists a refused document to bring again until it is handed in again; a later validation settles it', () => {
    const subs = [sub('s1', '2026-07-01T00:00:00Z', ['0309', '0310'])];
    const reviews = [
      { _id: 'r1', agent: 'bo', submission: 's1', documentCode: '0309', decision: 'refused' as const, reason: 'illisible', at: '2026-07-02T00:00:00Z' },
      { _id: 'r2', agent: 'bo', submission: 's1', documentCode: '0310', decision: 'refused' as const, at: '2026-07-02T00:00:00Z' },
      { _id: 'r3', agent: 'bo', submission: 's1', documentCode: '0310', decision: 'validated' as const, at: '2026-07-03T00:00:00Z', corrects: 'r2' },
    ];
    expect(pendingMatters(P, [], subs, reviews)).toEqual([{ kind: 'refused', code: '0309', receiptNumber: 'R-s1', reason: 'illisible', at: '2026-07-02T00:00:00Z' }]);
    expect(pendingMatters(P, [], [...subs, sub('s2', '2026-07-05T00:00:00Z', ['0309'])], reviews)).toEqual([]);
  });

  it('says a case\'s documents are complete once every document it misses is validated for the person', () => {
    const subs = [sub('s1', '2026-07-01T00:00:00Z', ['0104', '0228'])];
    const v = (id: string, code: string, decision: 'validated' | 'refused', at = '2026-07-02T00:00:00Z') => ({ _id: id, agent: 'bo', submission: 's1', documentCode: code, decision, at });
    expect([...completeCases(P, [kase({})], subs, [v('r1', '0104', 'validated')])]).toEqual([]);
    expect([...completeCases(P, [kase({})], subs, [v('r1', '0104', 'validated'), v('r2', '0228', 'validated')])]).toEqual(['PF1']);
    // A later refusal of one of them (a correction) takes it back.
    expect([...completeCases(P, [kase({})], subs, [v('r1', '0104', 'validated'), v('r2', '0228', 'validated'), v('r3', '0228', 'refused', '2026-07-03T00:00:00Z')])]).toEqual([]);
    // Nothing missing: nothing to complete; closed cases are not listed.
    expect([...completeCases(P, [kase({ missingDocuments: [] }), kase({ caseNo: 'X', status: 'closed', missingDocuments: ['0104'] })], subs, [v('r1', '0104', 'validated')])]).toEqual([]);
  });

  it('lists the back office’s answers about the person until the counter has told them', () => {
    const req = (id: string, status: string, person = P, answeredAt = '2026-06-0' + id + 'T10:00:00Z') => ({ _id: 'borequest:' + id, person, status, subject: 'S' + id, answer: 'A' + id, answeredAt, updatedAt: answeredAt }) as never;
    const list = [req('3', 'answered'), req('1', 'answered'), req('2', 'closed'), req('4', 'in_progress'), req('5', 'answered', 'person:2')];
    expect(answersToTell(P, list)).toEqual([
      { request: 'borequest:1', subject: 'S1', answer: 'A1', at: '2026-06-01T10:00:00Z' },
      { request: 'borequest:3', subject: 'S3', answer: 'A3', at: '2026-06-03T10:00:00Z' },
    ]);
  });
});
