/**
 * Writes that name an author, with the answer the contract must give (validate/authors.ts);
 * shared by validate/authors.test.ts and the built validate_doc_update test.
 */
import { AUTHOR_RULES } from '../validate/authors.ts';
import { SERVER_ADMIN, goodDocs, user } from './fixtures.ts';
import { dla, type WriteCase } from './write-cases.ts';
import { specOfType } from '../types/registry.ts';

type Doc = Record<string, unknown>;

/** Who writes each author-bearing type in the app. */
export const AUTHOR_WRITERS: Readonly<Record<string, string>> = {
  ticket: 'counter',
  visit_event: 'counter',
  counter_state: 'counter',
  counter_event: 'counter',
  submission: 'counter',
  scan: 'counter',
  submission_review: 'backoffice',
  certificate: 'counter',
  certificate_revocation: 'backoffice',
  backoffice_request: 'counter',
  cash_session: 'cashier',
  cash_entry: 'cashier',
  cash_approval: 'supervisor',
  payment_order: 'backoffice',
  device: 'kiosk',
  service: 'admin',
  counter: 'supervisor',
  ref_change: 'supervisor',
  institution: 'admin',
  branch: 'admin',
  event: 'admin',
  document_type: 'admin',
  certificate_type: 'admin',
  printer_role: 'admin',
};

const FORGED = 'someone.else';
const AT = '2024-03-05T09:00:00.000Z';
const no = (field: string) => ({ field, code: 'not_author' });

/** The fixture of `type` with every author field it carries set to `name` (a ticket: called). */
export function authored(type: string, name: string): Doc {
  const base = goodDocs()[type]!;
  const doc: Doc = type === 'ticket' ? { ...base, state: 'called', counter: 'C01', agent: name, calledAt: AT } : { ...base };
  for (const rule of AUTHOR_RULES[type]!) if (doc[rule.field] !== undefined) doc[rule.field] = name;
  return doc;
}

/** For every author-bearing type: honest accepted, each author field forged refused, the server admin exempt. */
function perType(): WriteCase[] {
  const cases: WriteCase[] = [];
  for (const type of Object.keys(AUTHOR_RULES)) {
    const writer = dla(AUTHOR_WRITERS[type]!);
    const doc = authored(type, writer.name!);
    const db = specOfType(type)!.db;
    cases.push({ name: `${type} in the writer's own name`, doc, old: null, user: writer, db, expect: null });
    for (const rule of AUTHOR_RULES[type]!) {
      if (doc[rule.field] === undefined) continue;
      const forged = { ...doc, [rule.field]: FORGED };
      cases.push({ name: `${type} with a forged ${rule.field}`, doc: forged, old: null, user: writer, db, expect: no(rule.field) });
      cases.push({ name: `${type} with any ${rule.field}, by the server admin`, doc: forged, old: null, user: SERVER_ADMIN, db, expect: null });
    }
  }
  return cases;
}

function updates(): WriteCase[] {
  const d = goodDocs();
  const b = dla('counter', 'counter.b');
  const calledByA = { ...d.ticket!, _rev: '2-a', state: 'called', counter: 'C01', agent: 'counter.a', calledAt: AT };
  const { agent: _agent, counter: _counter, calledAt: _calledAt, ...waiting } = calledByA;
  const stateOf = (agent: string, status: string) => ({ ...d.counter_state!, _rev: '1-a', agent, status });
  const open = { ...d.cash_session!, _rev: '1-a' };
  const closing = (closedBy: string, countedAmount = 50000) => ({
    ...open,
    state: countedAmount === 50000 ? 'closed' : 'counted',
    countedAt: '2024-03-05T17:00:00Z',
    countedAmount,
    expectedAmount: 50000,
    variance: countedAmount - 50000,
    lastNumber: 0,
    closedBy,
    ...(countedAmount === 50000 ? { closedAt: '2024-03-05T17:00:00Z' } : {}),
  });
  const counted = { ...closing('cashier.dla', 20000), _rev: '2-a' };
  const signedOff = (by: string) => ({ ...counted, state: 'closed', closedAt: '2024-03-05T17:30:00Z', signedOffBy: by, signedOffAt: '2024-03-05T17:30:00Z' });
  const cashierB = dla('cashier', 'cashier.b');
  const request = { ...d.backoffice_request!, _rev: '1-a' };
  const answered = { ...request, _rev: '2-a', status: 'answered', answer: 'Dossier débloqué', answeredBy: 'backoffice.dla', answeredAt: AT, updatedAt: AT };
  const told = (by: string) => ({ ...answered, _rev: '3-a', status: 'closed', closedBy: by, closedAt: AT });
  const note = (by: string) => ({ by, at: AT, text: 'Appelé le requérant' });
  const c = (name: string, doc: Doc, old: Doc | null, u: WriteCase['user'], expect: WriteCase['expect']): WriteCase => ({ name, doc, old, user: u, db: 'branch', expect });
  return [
    c('a counter logs a visit event as someone.else', { ...d.visit_event!, action: 'called', counter: 'C01', agent: FORGED }, null, dla('counter'), no('agent')),
    c('a counter logs a counter event as someone.else', { ...d.counter_event!, agent: FORGED }, null, dla('counter'), no('agent')),
    c('B finishes a ticket A called at the same counter, keeping A as its agent', { ...calledByA, state: 'done', outcome: 'done' }, calledByA, b, null),
    c('a supervisor updates a ticket, keeping its agent', { ...calledByA, note: 'vu' }, calledByA, dla('supervisor'), null),
    c('B calls a waiting ticket in A’s name', { ...calledByA }, waiting, b, no('agent')),
    c('B puts A’s name on a ticket B called', { ...calledByA }, { ...calledByA, agent: 'counter.b' }, b, no('agent')),
    c('B transfers a ticket A called: the agent goes', { ...waiting, service: 'pension', queuedAt: AT }, calledByA, b, null),
    c('B pushes a revision naming A without its parent', { ...calledByA, _rev: '3-b', state: 'done' }, null, b, no('agent')),
    c('B opens a counter A had closed', stateOf('counter.b', 'open'), stateOf('counter.a', 'closed'), b, null),
    c('B puts A’s name on B’s counter', stateOf('counter.a', 'open'), stateOf('counter.b', 'open'), b, no('agent')),
    c('a cashier closes her own session', closing('cashier.dla'), open, dla('cashier'), null),
    c('a cashier closes her session in someone else’s name', closing(FORGED), open, dla('cashier'), no('closedBy')),
    c('cashier B closes A’s session, counting 0', closing('cashier.b', 0), open, cashierB, no('cashier')),
    c('cashier B closes A’s session in A’s name, counting 0', closing('cashier.dla', 0), open, cashierB, no('cashier')),
    c('a closed session replicated without its opening, by its cashier', closing('cashier.dla'), null, dla('cashier'), null),
    c('a supervisor signs off a large variance in her own name', signedOff('supervisor.dla'), counted, dla('supervisor'), null),
    c('a supervisor signs off in another supervisor’s name', signedOff('supervisor.b'), counted, dla('supervisor'), no('signedOffBy')),
    c('a supervisor signs off and rewrites the count', { ...signedOff('supervisor.dla'), closedBy: 'supervisor.dla' }, counted, dla('supervisor'), { field: 'closedBy', code: 'immutable' }),
    c('a supervisor counts a cashier’s till', closing('cashier.dla', 0), open, dla('supervisor'), no('cashier')),
    c('another cashier signs off a variance', signedOff('cashier.b'), counted, cashierB, { field: 'signedOffBy', code: 'forbidden_role' }),
    c('the back office answers in its own name', answered, request, dla('backoffice'), null),
    c('the back office answers in someone else’s name', { ...answered, answeredBy: FORGED }, request, dla('backoffice'), no('answeredBy')),
    // An answer once given, and the request as received, never change (types/backoffice-request.ts): refused before authorship.
    c('another back-office agent rewrites the answer under the first one’s name', { ...answered, answer: 'Refusé' }, answered, dla('backoffice', 'backoffice.b'), { field: 'answer', code: 'immutable' }),
    c('the back office renames the requester', { ...answered, requestedBy: 'backoffice.dla' }, answered, dla('backoffice'), { field: 'requestedBy', code: 'immutable' }),
    c('the counter closes an answered request in its own name, keeping the answer', { ...told('counter.dla') }, answered, dla('counter'), null),
    c('the counter closes an answered request in someone else’s name', told(FORGED), answered, dla('counter'), no('closedBy')),
    c('the back office adds a note in its own name', { ...request, notes: [note('backoffice.dla')] }, request, dla('backoffice'), null),
    c('the back office adds a note in someone else’s name', { ...request, notes: [note(FORGED)] }, request, dla('backoffice'), no('notes.0.by')),
    c('agent B adds a note after agent A’s', { ...request, notes: [note('backoffice.dla'), note('backoffice.b')] }, { ...request, notes: [note('backoffice.dla')] }, dla('backoffice', 'backoffice.b'), null),
    c('a request replicated with its notes, one not the writer’s', { ...request, requestedBy: 'backoffice.b', notes: [note('backoffice.dla'), note('backoffice.b')] }, null, dla('backoffice', 'backoffice.b'), no('notes.0.by')),
    c('a user without a name', authored('visit_event', 'counter.dla'), null, user(['counter', 'branch:dla'], null as unknown as string), no('agent')),
  ];
}

export function authorCases(): WriteCase[] {
  return [...perType(), ...updates()];
}
