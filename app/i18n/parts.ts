/**
 * The dictionaries cut into parts by key prefix, so that a screen fetches only the strings it
 * can show (issue 15, docs/ARCHITECTURE.md "First load"). fr.ts and en.ts stay whole: the app
 * build cuts them (vite.config.ts, `messageParts`), Node and the tests keep them as they are.
 * A key belongs to the part of its longest matching prefix; every key has one (i18n.test.ts).
 * Which parts each screen awaits is checked against the keys its modules can show
 * (test/message-parts.test.ts, from the build's sourcemaps).
 */
import type { JobRole } from '../../couch-design/roles.ts';

export const PARTS = {
  /** The shell: sign-in, enrolment, unlock, password change, header, sync, reasons. */
  core: ['app.', 'ui.', 'locale.', 'header.', 'signin.', 'screen.', 'sync.', 'firstSync.', 'prepare.', 'update.', 'guard.', 'notice.', 'error.', 'problem.', 'pwchange.', 'unlock.', 'enrol.', 'wait.', 'people.', 'printing.nav'],
  queue: ['queue.', 'kiosk.', 'display.', 'reception.'],
  /** A refused queue move in words: the queue's screens, and the supervisor's forced close. */
  queueErrors: ['queue.error.'],
  /** Receipts and tickets on paper (printing/device-printer.ts), fetched with the printer code. */
  print: ['print.'],
  /** The printer settings page, and the printer fields of the administration. */
  printing: ['printing.'],
  counter: ['counter.', 'desk.', 'cert.', 'certs.'],
  /** What the counter and the back office both say of requests and documents. */
  filing: ['req.error.', 'bo.reason.', 'bo.complete'],
  backoffice: ['bo.', 'req.', 'certrev.'],
  /** Why a certificate was revoked: the back office and the public verification page. */
  revocation: ['certrev.reason.'],
  cash: ['cash.'],
  /** What a supervisor reviews of the cash desks (also on the cash desk's own screens). */
  cashReview: ['cash.approve.', 'cash.findings.', 'cash.hq.', 'cash.signOff.', 'cash.problem.', 'cash.amount.', 'cash.loading', 'cash.report.entries', 'cash.report.desk', 'cash.journal.total'],
  supervisor: ['sup.', 'rep.', 'counter.force.'],
  /** The reference data's forms and errors: the administration, and the supervisor's counters. */
  ref: ['ref.'],
  admin: ['admin.', 'imports.'],
  verify: ['verify.'],
} as const satisfies Readonly<Record<string, readonly string[]>>;

export type Part = keyof typeof PARTS;
export const PART_NAMES = Object.keys(PARTS) as Part[];

/** Every part awaited before the first screen shows: the shell's. */
export const SHELL_PARTS: readonly Part[] = ['core'];

/** The parts each role's screen awaits (RoleScreen.tsx), with the shell's: all it and its lazy panels can show. */
export const SCREEN_PARTS: Readonly<Record<JobRole, readonly Part[]>> = {
  kiosk: ['queue', 'queueErrors', 'print'],
  display: ['queue'],
  reception: ['queue', 'queueErrors', 'print'],
  counter: ['queue', 'queueErrors', 'counter', 'filing', 'print'],
  // The cash desk serves its queue with the counter's own screen (CashDeskScreen imports CounterScreen).
  cashier: ['queue', 'queueErrors', 'counter', 'filing', 'cash', 'cashReview', 'print'],
  backoffice: ['backoffice', 'filing', 'revocation'],
  supervisor: ['supervisor', 'cashReview', 'queueErrors', 'ref', 'printing'],
  admin: ['admin', 'ref', 'printing'],
};

/** The other lazily loaded pages and features of the shell and the parts they await. */
export const FEATURE_PARTS = {
  printerSettings: ['printing', 'print'],
  verify: ['verify', 'revocation'],
  devicePrinter: ['print'],
} as const satisfies Readonly<Record<string, readonly Part[]>>;

const BY_LENGTH = PART_NAMES.flatMap((part) => PARTS[part].map((prefix) => ({ prefix, part }))).sort((a, b) => b.prefix.length - a.prefix.length);

/** The part holding `key` (longest prefix wins); undefined for a key no prefix covers (a test keeps there being none). */
export function partOf(key: string): Part | undefined {
  return BY_LENGTH.find((p) => key.startsWith(p.prefix))?.part;
}

/** The messages of one part, from a whole dictionary. */
export function messagesOfPart<M extends Readonly<Record<string, string>>>(messages: M, part: Part): Partial<M> {
  return Object.fromEntries(Object.entries(messages).filter(([key]) => partOf(key) === part)) as Partial<M>;
}
