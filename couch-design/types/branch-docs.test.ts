import { describe, expect, it } from 'vitest';
import { goodDocs } from '../testing/fixtures.ts';
import { validateStructure } from '../validate/structure.ts';
import { parseTicketId, ticketId, ticketLabel, parseVisitEventId } from './ticket.ts';
import { parseCounterStateId } from './counter-state.ts';

type Doc = Record<string, unknown>;
function expectProblem(doc: Doc, field: string, code: string) {
  expect(validateStructure(doc, 'branch')).toContainEqual({ field, code });
}

describe('ticket ids', () => {
  it('round-trips and pads the sequence', () => {
    const key = { branch: 'dla', day: '2024-03-05', series: 'A', seq: 12 };
    expect(ticketId(key)).toBe('ticket:dla:2024-03-05:A:0012');
    expect(parseTicketId(ticketId(key))).toEqual(key);
    expect(ticketLabel('A', 12)).toBe('A012');
    expect(ticketLabel('B', 1234)).toBe('B1234');
    expect(parseTicketId('ticket:dla:2024-03-05:A:12')).toBeNull();
    expect(parseCounterStateId('counterstate:dla:C01')).toEqual({ branch: 'dla', counter: 'C01' });
  });
  it('visit ids belong to their ticket', () => {
    const v = goodDocs().visit_event!;
    expect(parseVisitEventId(v._id as string)).toMatchObject({ day: '2024-03-05', series: 'A', seq: 12 });
    expectProblem({ ...v, ticket: 'ticket:dla:2024-03-05:A:0013' }, 'ticket', 'bad_ref');
    expectProblem({ ...v, day: '2024-03-06' }, '_id', 'bad_id');
  });
});

describe('ticket', () => {
  const t = () => goodDocs().ticket!;
  it('refuses an unknown state, a wrong label and a bad priority', () => {
    expectProblem({ ...t(), state: 'lost' }, 'state', 'bad_value');
    expectProblem({ ...t(), label: 'A12' }, 'label', 'bad_format');
    expectProblem({ ...t(), priority: 'vip' }, 'priority', 'bad_value');
    expectProblem({ ...t(), seq: 0 }, 'seq', 'not_positive');
    expectProblem({ ...t(), issuedAt: '2024-03-05 08:15' }, 'issuedAt', 'bad_format');
    expectProblem({ ...t(), personId: '1000123' }, 'personId', 'bad_ref');
  });
  it('refuses a ticket whose branch is not the one in its id', () => {
    expectProblem({ ...t(), branch: 'yde' }, '_id', 'bad_id');
  });
  it('accepts the optional fields', () => {
    const ok = { ...t(), state: 'serving', counter: 'C01', agent: 'counter.dla', priority: 'elderly', personId: 'person:1000123', note: 'x' };
    expect(validateStructure(ok, 'branch')).toEqual([]);
  });
});

describe('submission and review', () => {
  it('needs at least one well-formed document', () => {
    const s = goodDocs().submission!;
    expectProblem({ ...s, documents: [] }, 'documents', 'required');
    expectProblem({ ...s, documents: [{ code: '0104', designation: 'x', copies: 1.5 }] }, 'documents.0.copies', 'not_integer');
    expectProblem({ ...s, documents: [{ code: '0104', designation: 'x', copies: 0 }] }, 'documents.0.copies', 'not_positive');
    expectProblem({ ...s, documents: [{ code: '14', designation: '', copies: 1 }] }, 'documents.0.code', 'bad_format');
    expectProblem({ ...s, documents: [{ code: '0104', designation: 'x', copies: 1, validity: '31/12/2024' }] }, 'documents.0.validity', 'bad_format');
  });
  it('a refusal needs a reason', () => {
    expectProblem({ ...goodDocs().submission_review!, reason: undefined }, 'reason', 'required');
    const validated = { ...goodDocs().submission_review!, decision: 'validated', reason: undefined };
    expect(validateStructure(validated, 'branch')).toEqual([]);
  });
});

describe('certificate and back-office request', () => {
  it('certificate: its seal, signing key, what it certifies and its language', () => {
    expectProblem({ ...goodDocs().certificate!, seal: 'K7Q2M9XZ' }, 'seal', 'bad_format');
    expectProblem({ ...goodDocs().certificate!, seal: undefined }, 'seal', 'required');
    expectProblem({ ...goodDocs().certificate!, keyId: 'a b' }, 'keyId', 'bad_format');
    expectProblem({ ...goodDocs().certificate!, certified: 'yes' }, 'certified', 'not_object');
    expectProblem({ ...goodDocs().certificate!, locale: 'de' }, 'locale', 'bad_value');
  });
  it('certificate: valid from its day, never beyond the contract ceiling of 60 months (issue 13)', () => {
    const c = goodDocs().certificate!; // day 2024-03-05
    expect(validateStructure({ ...c, validUntil: '2029-03-05' }, 'branch')).toEqual([]);
    expectProblem({ ...c, validUntil: '2029-03-06' }, 'validUntil', 'too_large');
    expectProblem({ ...c, validUntil: '2024-03-04' }, 'validUntil', 'too_small');
    expect(validateStructure({ ...goodDocs().certificate_type!, validityMonths: 61 }, 'ref')).toContainEqual({ field: 'validityMonths', code: 'too_large' });
  });
  it('certificate: "not registered" names the visitor (name, identity document) and no person; any other names a person', () => {
    const { person: _onFile, ...c } = goodDocs().certificate!;
    const visitor = { ...c, certType: 'non_affiliation', certified: { rule: 'not_registered', name: 'Ngo Biyong Marthe', idNumber: 'CM-112233445' } };
    expect(validateStructure(visitor, 'branch')).toEqual([]);
    expectProblem({ ...visitor, person: 'person:1000123' }, 'person', 'bad_value');
    expectProblem({ ...visitor, certified: { rule: 'not_registered', name: 'Ngo Biyong Marthe' } }, 'certified.idNumber', 'required');
    expectProblem({ ...visitor, certified: { rule: 'not_registered', name: 'N', idNumber: 'cm 11' } }, 'certified.idNumber', 'bad_format');
    expectProblem(c, 'person', 'required');
  });
  it('request: an answer needs its author and time', () => {
    const r = { ...goodDocs().backoffice_request!, status: 'answered' };
    expectProblem(r, 'answer', 'required');
    expectProblem(r, 'answeredBy', 'required');
    expect(validateStructure({ ...r, answer: 'ok', answeredBy: 'bo.dla', answeredAt: '2024-03-06T09:00:00Z' }, 'branch')).toEqual([]);
  });
});
