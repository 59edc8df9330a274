import { describe, expect, it } from 'vitest';
import type { Case } from '../../couch-design/types/case.ts';
import type { EventType } from '../../couch-design/types/catalogue.ts';
import type { Person } from '../../couch-design/types/person.ts';
import type { Submission } from '../../couch-design/types/submission.ts';
import { edmMetadata, metadataXml, relatedCases } from './edm-metadata.ts';

const person: Person = { _id: 'person:1000123', type: 'person', kind: 'insurant', number: '1000123', familyName: 'Mbarga', givenName: 'Hélène' };
const event: EventType = { _id: 'event:family_benefits_male', type: 'event', code: 'family_benefits_male', name: { fr: 'Prestations familiales (assuré homme)', en: 'Family benefits (male insurant)' }, requiredDocuments: ['0104', '0215', '0228'] };
const sub: Submission = {
  _id: 'submission:2026-12-02:mio0x7k2a-k3x9qz-0007',
  type: 'submission',
  branch: 'dla',
  day: '2026-12-02',
  person: 'person:1000123',
  ticket: 'ticket:dla:2026-12-02:A:12',
  event: 'family_benefits_male',
  documents: [
    { code: '0104', designation: 'Acte de naissance', edition: '2026-01-10', validity: '2027-01-10', copies: 2, scan: { id: 'scan:2026-12-02:mio0x7k2a-k3x9qz-0007:0104', name: '0104.jpg', contentType: 'image/jpeg', length: 3, sha256: 'ab'.repeat(32) } },
    { code: '0215', designation: 'Autorisation de perception <légalisée> & "signée"', copies: 1 },
  ],
  receiptNumber: 'DLA-261202-K3X9QZ-007',
  agent: 'counter.dla',
  counter: 'C01',
  at: '2026-12-02T09:15:00.000Z',
};
const kase = (caseNo: string, status: Case['status'], missing: string[]): Case => ({ _id: `case:1000123:${caseNo}`, type: 'case', person: 'person:1000123', caseNo, kind: 'family_benefits', status, openedAt: sub.at, updatedAt: sub.at, summary: '', missingDocuments: missing });

describe('EDM metadata', () => {
  it('names the open cases the submitted papers were missing for, not closed or unrelated ones', () => {
    const cases = [kase('PF-1', 'pending_documents', ['0104']), kase('PF-2', 'closed', ['0104']), kase('PF-3', 'open', ['0501'])];
    expect(relatedCases(cases, ['0104', '0215']).map((c) => c.caseNo)).toEqual(['PF-1']);
  });

  it('says who, what, where and when, each document with its scan file or null', () => {
    const m = edmMetadata(sub, { person, cases: [kase('PF-1', 'pending_documents', ['0104'])], event, branchName: 'Douala Centre' }, new Date('2026-12-02T10:00:00Z'));
    expect(m).toMatchObject({
      receiptNumber: 'DLA-261202-K3X9QZ-007',
      submission: sub._id,
      at: sub.at,
      person: { number: '1000123', kind: 'insurant', name: 'Mbarga Hélène' },
      cases: [{ caseNo: 'PF-1', kind: 'family_benefits', status: 'pending_documents' }],
      event: { code: 'family_benefits_male', label: { en: 'Family benefits (male insurant)' } },
      branch: { code: 'dla', name: 'Douala Centre' },
      counter: 'C01',
      agent: 'counter.dla',
      exportedAt: '2026-12-02T10:00:00.000Z',
    });
    expect(m.documents).toEqual([
      { code: '0104', designation: 'Acte de naissance', edition: '2026-01-10', validity: '2027-01-10', copies: 2, file: { name: '0104.jpg', contentType: 'image/jpeg', length: 3, sha256: 'ab'.repeat(32) } },
      { code: '0215', designation: 'Autorisation de perception <légalisée> & "signée"', edition: null, validity: null, copies: 1, file: null },
    ]);
  });

  it('writes the same fields as escaped XML', () => {
    const xml = metadataXml(edmMetadata(sub, { person, cases: [], event, branchName: null }, new Date('2026-12-02T10:00:00Z')));
    expect(xml).toContain('<receiptNumber>DLA-261202-K3X9QZ-007</receiptNumber>');
    expect(xml).toContain('<designation>Autorisation de perception &lt;légalisée&gt; &amp; &quot;signée&quot;</designation>');
    expect(xml).toContain(`<file contentType="image/jpeg" length="3" sha256="${'ab'.repeat(32)}">0104.jpg</file>`);
    expect(xml).toContain('<label xml:lang="en">Family benefits (male insurant)</label>');
    expect(xml).not.toContain('<edition></edition>');
    expect(xml).not.toMatch(/<name><\/name>/);
    expect(xml.match(/<document>/g)).toHaveLength(2);
  });
});
