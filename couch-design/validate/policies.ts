/**
 * Who may create, update and delete each document type, by job role; and, from that, who
 * writes to each database. Apart from permissions.ts, which applies them with the branch and
 * the document's content, so that the app's replica plan reads them without the validators
 * (docs/ARCHITECTURE.md, "First load"). ES5 style: bundled into validate_doc_update.
 */
import { contains } from './problems.ts';
import type { JobRole } from '../roles.ts';
import { TYPE_HOMES } from '../types/homes.ts';

export interface Policy {
  create: readonly JobRole[];
  update: readonly JobRole[];
  delete: readonly JobRole[];
}

const NONE: readonly JobRole[] = [];
const ADMIN: Policy = { create: ['admin'], update: ['admin'], delete: ['admin'] };
const PEOPLE: Policy = { create: ['admin', 'backoffice'], update: ['admin', 'backoffice'], delete: ['admin'] };
const FRONT: readonly JobRole[] = ['reception', 'counter', 'cashier', 'supervisor'];
const ISSUERS: readonly JobRole[] = ['kiosk', 'reception', 'counter', 'cashier', 'supervisor'];
const once = (create: readonly JobRole[]): Policy => ({ create, update: NONE, delete: NONE });
/** Computed by a server job (server admin, allowed above any policy): no user writes it. */
const SERVER_ONLY: Policy = { create: NONE, update: NONE, delete: NONE };

/** Per type. Anything not listed (display, unknown roles) writes nothing. */
export const POLICIES: Record<string, Policy> = {
  institution: ADMIN,
  branch: ADMIN,
  service: ADMIN,
  // A supervisor keeps its own branch's counters and their service matrix (refScope below).
  counter: { create: ['admin', 'supervisor'], update: ['admin', 'supervisor'], delete: ['admin'] },
  ref_change: once(['admin', 'supervisor']),
  event: ADMIN,
  document_type: ADMIN,
  certificate_type: ADMIN,
  settings: ADMIN,
  printer_role: ADMIN,
  person: PEOPLE,
  case: PEOPLE,
  account_line: PEOPLE,
  ticket: { create: ISSUERS, update: FRONT, delete: ['supervisor'] },
  visit_event: once(ISSUERS),
  counter_state: { create: ['counter', 'cashier', 'supervisor'], update: ['counter', 'cashier', 'supervisor'], delete: ['supervisor'] },
  counter_event: once(['counter', 'cashier', 'supervisor']),
  submission: once(['reception', 'counter', 'supervisor']),
  // Only the back office decides (a supervisor stands in): a counter cannot validate its own filing.
  submission_review: once(['backoffice', 'supervisor']),
  certificate: once(['counter', 'supervisor']),
  // The counter that issued a certificate does not revoke it: the back office does, a supervisor stands in.
  certificate_revocation: once(['backoffice', 'supervisor']),
  backoffice_request: {
    create: ['reception', 'counter', 'supervisor', 'backoffice'],
    update: ['counter', 'supervisor', 'backoffice'],
    delete: ['supervisor'],
  },
  // A supervisor's only write is the sign-off of a large variance (cashMoves below, authors.ts).
  cash_session: { create: ['cashier'], update: ['cashier', 'supervisor'], delete: NONE },
  cash_entry: once(['cashier']),
  cash_approval: once(['supervisor']),
  payment_order: { create: ['backoffice'], update: ['backoffice', 'supervisor', 'cashier'], delete: NONE },
  device: once(ISSUERS),
  stats_day: SERVER_ONLY,
  stats_month: SERVER_ONLY,
  // Written with its submission, by the same roles.
  scan: once(['reception', 'counter', 'supervisor']),
};

/**
 * The job roles that may write at least one document type kept in a database. The app
 * replicates pull-only for everyone else. ES5 style: this module is bundled into validate_doc_update.
 */
export function writerRoles(db: 'ref' | 'people' | 'branch' | 'scans'): JobRole[] {
  const out: JobRole[] = [];
  for (let i = 0; i < TYPE_HOMES.length; i++) {
    const spec = TYPE_HOMES[i]!;
    const policy = POLICIES[spec.type];
    if (spec.db !== db || !policy) continue;
    const all = policy.create.concat(policy.update, policy.delete);
    for (let j = 0; j < all.length; j++) if (!contains(out, all[j]!)) out.push(all[j]!);
  }
  return out;
}
