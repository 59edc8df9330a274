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
    ref('a log entry of something else is refused', { ...change(mine, SUP.name!), target: 'branch:dla' }, SUP, no('target', 'bad_ref')),
    ref("a log entry's id is its target's range", { ...change(mine, SUP.name!), _id: 'refchange:counter:dla:C02:' + uid(1, 'a1', 1) }, SUP, no('_id', 'bad_id')),
  ];
}
