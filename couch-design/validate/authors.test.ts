import { describe, expect, it } from 'vitest';
import { goodDocs } from '../testing/fixtures.ts';
import { AUTHOR_WRITERS, authorCases, authored } from '../testing/author-cases.ts';
import { dla } from '../testing/write-cases.ts';
import { AUTHOR_RULES } from './authors.ts';
import { problemsReason, validateDocUpdate, validateForWrite } from './entry.ts';
import { TYPE_SPECS } from '../types/registry.ts';

/** A field that names a person: agent, user, cashier, requestedBy, closedBy, … */
const NAMES_A_PERSON = /^(agent|user|cashier|reviewer|[a-z]+By)$/;

describe('authors are the signed-in user', () => {
  it('covers every field naming a person in every document type', () => {
    const docs = goodDocs();
    const named: string[] = [];
    for (const spec of TYPE_SPECS)
      for (const field of Object.keys(docs[spec.type]!)) if (NAMES_A_PERSON.test(field)) named.push(`${spec.type}.${field}`);
    const covered = Object.keys(AUTHOR_RULES).flatMap((type) => AUTHOR_RULES[type]!.map((r) => `${type}.${r.field}`));
    expect(named.length).toBeGreaterThanOrEqual(10);
    for (const f of named) expect(covered, f).toContain(f);
    // Fields set only later in a document's life (closing, answering) are covered too.
    expect(covered).toEqual(expect.arrayContaining(['cash_session.closedBy', 'backoffice_request.answeredBy']));
    for (const type of Object.keys(AUTHOR_RULES)) expect(AUTHOR_WRITERS[type], type).toBeDefined();
  });

  const cases = authorCases();
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const problems = validateDocUpdate(c.doc, c.old, c.user, c.db);
    expect(problems[0] ?? null).toEqual(c.expect);
  });

  it('tries every author-bearing type forged, honest and by the server admin', () => {
    for (const type of Object.keys(AUTHOR_RULES)) {
      expect(cases.some((c) => c.name === `${type} in the writer's own name`), type).toBe(true);
      expect(cases.filter((c) => c.name.startsWith(`${type} with a forged `)).length, type).toBeGreaterThan(0);
      expect(cases.filter((c) => c.name.startsWith(`${type} with any `)).length, type).toBeGreaterThan(0);
    }
  });

  it('the app refuses a forged author before writing locally, with a reason the server would give', () => {
    const doc = { ...authored('visit_event', 'counter.dla'), agent: 'someone.else' };
    const problems = validateForWrite(doc, null, dla('counter'), 'branch');
    expect(problems).toEqual([{ field: 'agent', code: 'not_author' }]);
    expect(problemsReason(problems)).toBe('agent: not_author');
    expect(validateForWrite(authored('cash_entry', 'cashier.dla'), null, dla('cashier'), 'branch')).toEqual([]);
  });

  it('a tombstone names nobody: resolving a call conflict deletes another agent’s revision', () => {
    const theirs: Record<string, unknown> = { ...authored('ticket', 'counter.a'), _rev: '2-a' };
    const tombstone = { _id: theirs._id, _rev: '2-a', _deleted: true, type: 'ticket', supersededBy: '2-b' };
    expect(validateDocUpdate(tombstone, theirs, dla('counter', 'counter.b'), 'branch')).toEqual([]);
  });
});
