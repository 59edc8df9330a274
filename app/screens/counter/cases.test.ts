import { describe, expect, it } from 'vitest';
import { CASE_STATUSES } from '../../../couch-design/types/case.ts';
import { fr } from '../../i18n/fr.ts';
import { en } from '../../i18n/en.ts';
import { OPEN_CASE_STATUSES, openCases } from './cases.ts';

describe('open cases at the counter', () => {
  it('lists only cases in progress, latest first', () => {
    const cases = CASE_STATUSES.map((status, i) => ({ status, updatedAt: `2024-01-0${i + 1}T00:00:00.000Z` }));
    expect(openCases(cases).map((c) => c.status)).toEqual(['approved', 'in_review', 'pending_documents', 'open']);
    expect(OPEN_CASE_STATUSES).not.toContain('paid');
    expect(OPEN_CASE_STATUSES).not.toContain('closed');
  });

  it('every status has a word in both languages', () => {
    for (const status of CASE_STATUSES) {
      expect(fr[`counter.case.status.${status}`]).toBeTruthy();
      expect(en[`counter.case.status.${status}`]).toBeTruthy();
    }
  });
});
