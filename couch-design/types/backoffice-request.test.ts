import { describe, expect, it } from 'vitest';
import { requestCases } from '../testing/request-cases.ts';
import { validateDocUpdate, validateForWrite } from '../validate/entry.ts';
import { dla } from '../testing/write-cases.ts';
import { goodDocs } from '../testing/fixtures.ts';
import { REQUEST_TRANSITIONS, requestStatusOf } from './backoffice-request.ts';

describe('back-office request: the register’s rules', () => {
  it.each(requestCases().map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(validateDocUpdate(c.doc, c.old, c.user, c.db)[0] ?? null).toEqual(c.expect);
  });

  it('the app creates a request as new only', () => {
    const doc = { ...goodDocs().backoffice_request!, status: 'in_progress' };
    expect(validateForWrite(doc, null, dla('counter'), 'branch')).toEqual([{ field: 'status', code: 'bad_transition' }]);
    expect(validateForWrite(goodDocs().backoffice_request!, null, dla('counter'), 'branch')).toEqual([]);
  });

  it('the old open status reads as new and is not written again', () => {
    expect(requestStatusOf('open')).toBe('new');
    expect(requestStatusOf('nonsense')).toBeNull();
    expect(validateDocUpdate({ ...goodDocs().backoffice_request!, status: 'open' }, null, dla('backoffice'), 'branch')[0]).toEqual({ field: 'status', code: 'bad_value' });
  });

  it('every status but closed leads somewhere, and closed is reached from each', () => {
    for (const [from, to] of Object.entries(REQUEST_TRANSITIONS)) if (from !== 'closed') expect(to, from).toContain('closed');
    expect(REQUEST_TRANSITIONS.closed).toEqual([]);
  });
});
