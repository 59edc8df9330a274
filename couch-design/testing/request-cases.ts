/**
 * Writes of back-office requests with the answer the contract must give (issue 11's register):
 * statuses along their transitions, an answer on a closed request, a due date in the past,
 * append-only notes, and who may do what. Shared by types/backoffice-request.test.ts and the
 * built validate_doc_update test, so both enforce the same rules.
 */
import { goodDocs } from './fixtures.ts';
import { dla, type WriteCase } from './write-cases.ts';

type Doc = Record<string, unknown>;

const AT = '2024-03-05T10:00:00.000Z';
const LATER = '2024-03-08T10:00:00.000Z';

export function requestCases(): WriteCase[] {
  const d = goodDocs();
  const request: Doc = { ...d.backoffice_request!, _rev: '1-a' };
  const at = (status: string, extra: Doc = {}): Doc => ({ ...request, _rev: '2-a', status, updatedAt: AT, ...extra });
  const answer = { answer: 'Dossier débloqué le 4 mars.', answeredBy: 'backoffice.dla', answeredAt: AT };
  const answered = at('answered', answer);
  const closed = { ...answered, _rev: '3-a', status: 'closed', closedBy: 'backoffice.dla', closedAt: AT };
  const dropped = at('closed', { _rev: '3-a', closedBy: 'backoffice.dla', closedAt: AT });
  const letter: Doc = { ...request, _rev: undefined, channel: 'letter', requester: 'authority', authority: 'Tribunal de Douala', person: undefined, requestedBy: 'backoffice.dla' };
  const legacy: Doc = { ...request, status: 'open', channel: undefined, requester: undefined, dueDate: undefined, dueSetOn: undefined };
  const bo = dla('backoffice');
  const counter = dla('counter');
  const c = (name: string, doc: Doc, old: Doc | null, u: WriteCase['user'], expect: WriteCase['expect']): WriteCase => ({ name, doc, old, user: u, db: 'branch', expect });
  const no = (field: string, code: string) => ({ field, code });
  return [
    c('the back office records a letter from a court', letter, null, bo, null),
    c('an authority’s request without its name', { ...letter, authority: undefined }, null, bo, no('authority', 'required')),
    c('a request due before the day it is set', { ...request, dueDate: '2024-03-04' }, null, counter, no('dueDate', 'too_small')),
    c('a due date moved into the past', at('in_progress', { dueDate: '2024-03-06', dueSetOn: '2024-03-05', updatedAt: LATER }), request, bo, no('dueSetOn', 'too_small')),
    c('a due date moved on the day it is moved', at('in_progress', { dueDate: '2024-03-20', dueSetOn: '2024-03-08', updatedAt: LATER }), request, bo, null),
    c('a due date set on a day before the previous setting', at('in_progress', { dueDate: '2024-03-20', dueSetOn: '2024-03-04' }), { ...request, dueSetOn: '2024-03-05' }, bo, no('dueSetOn', 'too_small')),
    c('new → in progress, assigned', at('in_progress', { assignee: 'backoffice.dla' }), request, bo, null),
    c('in progress → waiting for documents', at('waiting_documents'), at('in_progress'), bo, null),
    c('answered → in progress', at('in_progress', answer), answered, bo, no('answer', 'bad_value')),
    c('answered → new', at('new'), answered, bo, no('status', 'bad_transition')),
    c('answered without an answer', at('answered'), request, bo, no('answer', 'required')),
    c('the back office answers', answered, request, bo, null),
    c('an answer changed once given', { ...answered, answer: 'Autre chose' }, answered, bo, no('answer', 'immutable')),
    c('an answer written on a closed request', { ...closed, _rev: '4-a', answer: 'Autre chose' }, closed, bo, no('answer', 'immutable')),
    c('a closed request reopened', at('in_progress', { _rev: '4-a' }), dropped, bo, no('status', 'immutable')),
    c('a request dropped before an answer', dropped, at('in_progress'), bo, null),
    c('a note added', at('in_progress', { notes: [{ by: 'backoffice.dla', at: AT, text: 'Appelé le ministère' }] }), request, bo, null),
    c('an earlier note rewritten', at('in_progress', { notes: [{ by: 'backoffice.dla', at: AT, text: 'Autre' }] }), at('in_progress', { notes: [{ by: 'backoffice.dla', at: AT, text: 'Appelé' }] }), bo, no('notes.0', 'immutable')),
    c('an earlier note removed', at('in_progress', { notes: [] }), at('in_progress', { notes: [{ by: 'backoffice.dla', at: AT, text: 'Appelé' }] }), bo, no('notes', 'immutable')),
    c('the subject rewritten', at('in_progress', { subject: 'Autre' }), request, bo, no('subject', 'immutable')),
    c('a request of before the register taken: the newer fields added', at('in_progress', { assignee: 'backoffice.dla' }), legacy, bo, null),
    c('a request of before the register answered straight away', answered, legacy, bo, null),
    c('a counter sends a request from a visit', { ...request, _rev: undefined }, null, counter, null),
    c('a counter records a letter', { ...letter, requester: 'person', authority: undefined, person: 'person:1000123', requestedBy: 'counter.dla' }, null, counter, no('status', 'forbidden_role')),
    c('a counter answers', { ...answered, answeredBy: 'counter.dla' }, request, counter, no('status', 'forbidden_role')),
    c('a counter pushes an answer without its earlier revision', { ...answered, answeredBy: 'counter.dla' }, null, counter, no('status', 'forbidden_role')),
    c('a counter takes a request', at('in_progress', { assignee: 'counter.dla' }), request, counter, no('status', 'forbidden_role')),
    c('a counter closes an answered request: the person was told', { ...closed, closedBy: 'counter.dla' }, answered, counter, null),
    c('a counter closes it and moves the due date', { ...closed, closedBy: 'counter.dla', dueDate: '2024-04-30' }, answered, counter, no('dueDate', 'forbidden_role')),
    c('a supervisor answers', { ...answered, answeredBy: 'supervisor.dla' }, request, dla('supervisor'), null),
    c('a cashier closes an answered request', { ...closed, closedBy: 'cashier.dla' }, answered, dla('cashier'), no('_id', 'forbidden_role')),
  ];
}
