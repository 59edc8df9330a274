/**
 * Writes of reference data (issue 14) with the answer the contract must give: who edits
 * services and counters, the supervisor kept to its own branch, and the change log. Shared by
 * types/ref-docs.test.ts and the built validate_doc_update test.
 */
import { goodDocs, user } from './fixtures.ts';
import { dla, type WriteCase } from './write-cases.ts';
import { uid } from '../ids/uid.ts';

type Doc = Record<string, unknown>;
const AT = '2024-03-05T09:00:00.000Z';
const no = (field: string, code: string) => ({ field, code });
const ADMIN = user(['admin', 'hq'], 'admin.hq');
const SUP = dla('supervisor');
const SUP_YDE = user(['supervisor', 'branch:yde'], 'supervisor.yde');

function counter(branch: string, by: string, extra: Doc = {}): Doc {
  return { ...goodDocs().counter!, _id: `counter:${branch}:C01`, branch, updatedBy: by, updatedAt: AT, ...extra };
}

function change(target: Doc, by: string, before: Doc | null = null): Doc {
  const id = String(target._id);
  return {
    _id: `refchange:${id}:${uid(Date.UTC(2024, 2, 5, 9), 'a1', 1)}`,
    type: 'ref_change',
    target: id,
    ...(typeof target.branch === 'string' ? { branch: target.branch } : {}),
    before,
    after: target,
    by,
    at: AT,
  };
}

export function refCases(): WriteCase[] {
  const service = { ...goodDocs().service!, updatedBy: 'admin.hq' };
  const mine = counter('dla', SUP.name!);
  const theirs = counter('yde', SUP.name!);
  const stored = (doc: Doc) => ({ ...doc, _rev: '1-a', updatedBy: 'someone.else' });
  const ref = (name: string, doc: Doc, u = SUP, expect: WriteCase['expect'] = null, old: Doc | null = null): WriteCase => ({ name, doc, old, user: u, db: 'ref', expect });
  return [
    ref('an admin writes a service in its own name', service, ADMIN),
    ref('a supervisor may not write a service', { ...service, updatedBy: SUP.name }, SUP, no('_id', 'forbidden_role')),
    ref('a counter clerk may not write a counter', counter('dla', 'counter.dla'), dla('counter'), no('_id', 'forbidden_role')),
    ref('an admin writes any branch counter', counter('yde', 'admin.hq'), ADMIN),
    ref("a supervisor adds its own branch's counter", mine),
    ref("a supervisor edits its own branch's counter", mine, SUP, null, stored(mine)),
    ref("a supervisor may not add another branch's counter", theirs, SUP, no('branch', 'wrong_branch')),
    ref("a supervisor may not edit another branch's counter", counter('yde', SUP.name!), SUP, no('branch', 'wrong_branch'), stored(theirs)),
    ref("the other branch's supervisor edits it", counter('yde', SUP_YDE.name!), SUP_YDE, null, stored(theirs)),
    ref('a supervisor may not delete a counter', { _id: mine._id, _rev: '2-a', _deleted: true, type: 'counter' }, SUP, no('_id', 'forbidden_role'), stored(mine)),
    ref('an edit names its editor', { ...mine, updatedBy: 'someone.else' }, SUP, no('updatedBy', 'not_author'), stored(mine)),
    ref('an edit that keeps the previous editor is refused', { ...mine, updatedBy: 'someone.else', label: 'Guichet 9' }, SUP, no('updatedBy', 'not_author'), stored(mine)),
    ref('an edit without an editor is refused', { ...mine, updatedBy: undefined, updatedAt: undefined }, SUP, no('updatedBy', 'not_author'), stored(mine)),
    ref('the server admin (demo data, replication) names nobody', { ...mine, updatedBy: undefined, updatedAt: undefined }, user(['_admin'], 'root')),
    ref("a supervisor logs its own branch's counter edit", change(mine, SUP.name!)),
    ref("a supervisor may not log another branch's counter", change(theirs, SUP.name!), SUP, no('branch', 'wrong_branch')),
    ref('a supervisor may not log a service edit', change(service, SUP.name!), SUP, no('branch', 'wrong_branch')),
    ref('an admin logs a service edit, with its previous content', change(service, 'admin.hq', { ...service, series: 'B' }), ADMIN),
    ref('a log entry names its writer', change(mine, 'someone.else'), SUP, no('by', 'not_author')),
    ref('a log entry is never changed', change(mine, SUP.name!), SUP, no('_id', 'immutable'), { ...change(mine, SUP.name!), _rev: '1-a' }),
    ref('a log entry is never deleted', { _id: change(mine, SUP.name!)._id, _rev: '2-a', _deleted: true }, ADMIN, no('_deleted', 'immutable'), { ...change(mine, SUP.name!), _rev: '1-a' }),
    ref("a log entry's content is the target's", { ...change(mine, SUP.name!), after: counter('dla', SUP.name!, { _id: 'counter:dla:C02' }) }, SUP, no('after._id', 'bad_ref')),
    ref("a log entry's content is a valid document", { ...change(mine, SUP.name!), after: counter('dla', SUP.name!, { services: ['Bad'] }) }, SUP, no('after.services.0', 'bad_format')),
    ref('a log entry carries its counter\'s branch', { ...change(mine, SUP.name!), branch: 'yde' }, SUP, no('branch', 'bad_value')),
    ref('a log entry of something else is refused', { ...change(mine, SUP.name!), target: 'settings:global' }, SUP, no('target', 'bad_ref')),
    ref("a log entry's id is its target's range", { ...change(mine, SUP.name!), _id: 'refchange:counter:dla:C02:' + uid(1, 'a1', 1) }, SUP, no('_id', 'bad_id')),
    ...catalogueCases(),
  ];
}

/** The institution, branches, catalogue and cash settings: admin only, each edit in its writer's name, logged. */
function catalogueCases(): WriteCase[] {
  const g = goodDocs();
  const by = (doc: Doc | undefined, extra: Doc = {}): Doc => ({ ...doc!, updatedBy: 'admin.hq', updatedAt: AT, ...extra });
  const institution = by(g.institution, { languages: ['fr', 'en'], cash: { denominations: [10000, 5000, 1000], maxAmount: 5000000, varianceThreshold: 1000, reversalThreshold: 100000 } });
  const branch = by(g.branch, { timeZone: 'Africa/Douala' });
  const event = by(g.event);
  const doctype = by(g.document_type);
  const certtype = by(g.certificate_type);
  const printer = by(g.printer_role);
  const cashierPrinter = { ...printer, _id: 'printer:cashier', role: 'cashier', drawerKick: true };
  const cash = institution.cash as Doc;
  const ref = (name: string, doc: Doc, u = ADMIN, expect: WriteCase['expect'] = null, old: Doc | null = null): WriteCase => ({ name, doc, old, user: u, db: 'ref', expect });
  return [
    ref('an admin writes the institution with its languages and cash settings', institution),
    ref('the default language is one the institution offers', { ...institution, languages: ['en'] }, ADMIN, no('defaultLocale', 'not_offered')),
    ref('a language is offered once', { ...institution, languages: ['fr', 'fr'] }, ADMIN, no('languages', 'duplicate')),
    ref('at least one language is offered', { ...institution, languages: [] }, ADMIN, no('languages', 'required')),
    ref('no cash threshold is above the ceiling of one entry', { ...institution, cash: { ...cash, varianceThreshold: 5000001 } }, ADMIN, no('cash.varianceThreshold', 'above_ceiling')),
    ref('the ceiling of one entry is positive', { ...institution, cash: { ...cash, maxAmount: 0, varianceThreshold: 0, reversalThreshold: 0 } }, ADMIN, no('cash.maxAmount', 'not_positive')),
    ref('an admin sets the institution logo, a PNG of 100 KB at most', { ...institution, _attachments: { logo: { content_type: 'image/png', data: 'A'.repeat(136_000) } } }),
    ref('the logo as stored (a stub with its length) is valid', { ...institution, _attachments: { logo: { content_type: 'image/jpeg', stub: true, length: 2048, digest: 'md5-x' } } }, ADMIN, null, { ...institution, _rev: '1-a' }),
    ref('a logo above 100 KB is refused', { ...institution, _attachments: { logo: { content_type: 'image/jpeg', stub: true, length: 102_401 } } }, ADMIN, no('_attachments.logo', 'too_large')),
    ref('a logo is a PNG or a JPEG', { ...institution, _attachments: { logo: { content_type: 'application/pdf', data: 'JVBERi0=' } } }, ADMIN, no('_attachments.logo', 'bad_type')),
    ref('the institution carries no attachment but its logo', { ...institution, _attachments: { letter: { content_type: 'application/pdf', data: 'JVBERi0=' } } }, ADMIN, no('_attachments', 'bad_attachment')),
    ref('a supervisor may not write the institution', { ...institution, updatedBy: SUP.name }, SUP, no('_id', 'forbidden_role')),
    ref('an institution edit names its editor', { ...institution, updatedBy: 'someone.else' }, ADMIN, no('updatedBy', 'not_author'), { ...institution, _rev: '1-a' }),
    ref('an admin writes a branch in its own name', branch),
    ref('a branch edit without an editor is refused', { ...branch, updatedBy: undefined, updatedAt: undefined }, ADMIN, no('updatedBy', 'not_author'), { ...branch, _rev: '1-a' }),
    ref('a supervisor may not edit its own branch', { ...branch, updatedBy: SUP.name }, SUP, no('_id', 'forbidden_role'), { ...branch, _rev: '1-a' }),
    ref('an admin writes an event', event),
    ref('an event requires a document once', { ...event, requiredDocuments: ['0104', '0104'] }, ADMIN, no('requiredDocuments', 'duplicate')),
    ref('an admin writes a document type', doctype),
    ref('an admin removes a document type', { _id: doctype._id, _rev: '2-a', _deleted: true }, ADMIN, null, { ...doctype, _rev: '1-a' }),
    ref('an admin writes a certificate type', certtype),
    ref("a certificate type's validity stays within the ceiling", { ...certtype, validityMonths: 61 }, ADMIN, no('validityMonths', 'too_large')),
    ref('a certificate type is for a kind of person once', { ...certtype, for: ['insurant', 'insurant'] }, ADMIN, no('for', 'duplicate')),
    ref('a supervisor may not write the catalogue', { ...certtype, updatedBy: SUP.name }, SUP, no('_id', 'forbidden_role')),
    ref('an admin logs a branch edit', change(branch, 'admin.hq', { ...branch, name: 'Douala' }), ADMIN),
    ref('an admin logs the institution edit', change(institution, 'admin.hq', g.institution!), ADMIN),
    ref('an admin logs a document type removal', { ...change(doctype, 'admin.hq', doctype), after: null }, ADMIN),
    ref('only a document type is removed: an event removal is refused', { ...change(event, 'admin.hq', event), after: null }, ADMIN, no('after', 'required')),
    ref('an admin sets the kiosks\' printer', printer),
    ref('an admin sets the cash desks\' printer with the drawer kick', cashierPrinter),
    ref('a printer profile is one of the known profiles', { ...printer, profile: 'epson-99' }, ADMIN, no('profile', 'bad_value')),
    ref('a paper is 58 or 80 mm', { ...printer, paper: 76 }, ADMIN, no('paper', 'bad_value')),
    ref('a code page is a known one', { ...printer, codepage: 'cp437' }, ADMIN, no('codepage', 'bad_value')),
    ref('a fallback is the dialog or a PDF', { ...printer, fallback: 'email' }, ADMIN, no('fallback', 'bad_value')),
    ref('only a cash desk kicks the drawer', { ...printer, drawerKick: true }, ADMIN, no('drawerKick', 'cashier_only')),
    ref('a printer role is a printing job role', { ...printer, _id: 'printer:display', role: 'display' }, ADMIN, no('role', 'bad_value')),
    ref("a printer role's id is its role's", { ...printer, _id: 'printer:counter' }, ADMIN, no('_id', 'bad_id')),
    ref('a supervisor may not set the printers', { ...printer, updatedBy: SUP.name }, SUP, no('_id', 'forbidden_role')),
    ref('a printer edit names its editor', { ...printer, updatedBy: 'someone.else' }, ADMIN, no('updatedBy', 'not_author'), { ...printer, _rev: '1-a' }),
    ref('an admin logs a printer edit', change(printer, 'admin.hq', { ...printer, paper: 58 }), ADMIN),
    ref("a catalogue log entry's content is a valid document", change({ ...event, requiredDocuments: ['104'] }, 'admin.hq'), ADMIN, no('after.requiredDocuments.0', 'bad_format')),
  ];
}
