/**
 * Where each document type lives: its database, its id prefix, whether it is immutable once
 * written, its size limit. The registry (registry.ts) adds each type's validator; this table
 * imports none, so code that only needs to know where types live (the app's replica plan,
 * through `writerRoles` in validate/policies.ts) does not bundle the validators — the app
 * fetches them on its first write (app/data/validate.ts). ES5 style: bundled into
 * validate_doc_update. The names are the types' constants (`TICKET` is 'ticket'):
 * homes.test.ts checks each constant has its row.
 */
import { MAX_DOC_BYTES, MAX_ROLLUP_BYTES } from '../validate/limits.ts';

export type HomeDb = 'ref' | 'people' | 'branch' | 'scans';

export interface TypeHome<T extends string = string> {
  type: T;
  db: HomeDb;
  /** The id up to the first ':' (or the whole id for the singleton `institution`). */
  idPrefix: string;
  /** Refuses every update and deletion once written (money, receipts, history). */
  immutable: boolean;
  /** Largest serialized content (validate/limits.ts): 64 KiB unless the row says otherwise. */
  maxBytes: number;
}

function home<T extends string>(type: T, db: HomeDb, idPrefix: string, immutable: boolean, maxBytes = MAX_DOC_BYTES): TypeHome<T> {
  return { type, db, idPrefix, immutable, maxBytes };
}

/** One row per type. */
export const TYPE_HOMES = [
  home('institution', 'ref', 'institution', false),
  home('branch', 'ref', 'branch', false),
  home('service', 'ref', 'service', false),
  home('counter', 'ref', 'counter', false),
  home('event', 'ref', 'event', false),
  home('document_type', 'ref', 'doctype', false),
  home('certificate_type', 'ref', 'certtype', false),
  home('settings', 'ref', 'settings', false),
  // The institution's printer settings per device role (issue 14).
  home('printer_role', 'ref', 'printer', false),
  // The change log of services and counters (issue 14): written once, kept.
  home('ref_change', 'ref', 'refchange', true),
  home('person', 'people', 'person', false),
  home('case', 'people', 'case', false),
  home('account_line', 'people', 'accline', false),
  home('ticket', 'branch', 'ticket', false),
  home('visit_event', 'branch', 'visit', true),
  home('counter_state', 'branch', 'counterstate', false),
  home('counter_event', 'branch', 'counterevent', true),
  home('submission', 'branch', 'submission', true),
  home('submission_review', 'branch', 'review', true),
  home('certificate', 'branch', 'cert', true),
  // One per certificate (its number is the id), never undone: a mistaken revocation means a new certificate.
  home('certificate_revocation', 'branch', 'certrevocation', true),
  home('backoffice_request', 'branch', 'borequest', false),
  // Not flagged immutable: counted and closed once; history.ts enforces open → (counted →) closed → frozen.
  home('cash_session', 'branch', 'cashsession', false),
  home('cash_entry', 'branch', 'cash', true),
  home('cash_approval', 'branch', 'cashapproval', true),
  // Paid or cancelled once (history.ts), then frozen.
  home('payment_order', 'branch', 'payorder', false),
  // A slot is claimed once and kept: a new owner would reuse the block of numbers.
  home('device', 'branch', 'device', true),
  // Recomputed when a late event reaches its day: overwritten, by the server only. A month of
  // a busy branch is a few hundred KiB of rows.
  home('stats_day', 'branch', 'statsday', false, MAX_ROLLUP_BYTES),
  home('stats_month', 'branch', 'statsmonth', false, MAX_ROLLUP_BYTES),
  // The branch's scans database (issue 10): written push-only by the devices that file.
  home('scan', 'scans', 'scan', true),
];

export type TypeName = (typeof TYPE_HOMES)[number]['type'];
