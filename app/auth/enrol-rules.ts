/**
 * Device enrolment (issue 14, devices): the pure rules shared by the server's `/api/devices`
 * and the app. An enrolment code is one-time and short-lived; a device account is named after
 * its branch and role and carries the marker role `device` (docs/ADMIN.md, Devices).
 */
import { BRANCH_CODE_PATTERN } from '../../couch-design/databases.ts';

/** Job roles a device may be enrolled for: shared screens nobody signs in to. */
export const DEVICE_JOB_ROLES = ['kiosk', 'display'] as const;
export type DeviceJobRole = (typeof DEVICE_JOB_ROLES)[number];
/** Marks an enrolled device account among its roles (beside its job and place roles). */
export const DEVICE_ROLE = 'device';
/** How long a code may be used after it was made. */
export const CODE_LIFETIME_MS = 24 * 60 * 60 * 1000;
/** The path a code's QR opens: `<origin>/enrol#<code>` (the fragment never reaches a server log). */
export const ENROL_PATH = '/enrol';
export const MAX_LABEL = 60;

/** No look-alikes (0/O, 1/l/I): 31 letters and digits. 20 of them ≈ 99 bits. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const CODE_CHARS = 20;
const GROUP = 5;
export const CODE_PATTERN = new RegExp(`^[${ALPHABET}]{${GROUP}}(-[${ALPHABET}]{${GROUP}}){${CODE_CHARS / GROUP - 1}}$`);

/** Uniform characters from `random` bytes (rejection sampling: no bias toward the first letters). */
function pick(random: (n: number) => Uint8Array, count: number): string {
  const limit = 256 - (256 % ALPHABET.length);
  let out = '';
  while (out.length < count) {
    for (const b of random(count * 2)) if (b < limit && out.length < count) out += ALPHABET[b % ALPHABET.length];
  }
  return out;
}

/** A new enrolment code, `abcde-fghjk-mnpqr-stuvw`. */
export function newEnrolmentCode(random: (n: number) => Uint8Array): string {
  const raw = pick(random, CODE_CHARS);
  return raw.match(new RegExp(`.{${GROUP}}`, 'g'))!.join('-');
}

/** A code as typed or scanned: case, spaces and dashes do not matter; null if it cannot be one. */
export function normaliseCode(typed: string): string | null {
  const raw = typed.toLowerCase().replace(/[\s-]/g, '');
  if (raw.length !== CODE_CHARS || ![...raw].every((c) => ALPHABET.includes(c))) return null;
  return raw.match(new RegExp(`.{${GROUP}}`, 'g'))!.join('-');
}

export type CodeState = 'usable' | 'used' | 'expired';

/** Whether a code record may enrol a device at `now`. */
export function codeState(record: { expiresAt: string; usedAt?: string | null }, now: number): CodeState {
  if (record.usedAt) return 'used';
  return Date.parse(record.expiresAt) > now ? 'usable' : 'expired';
}

export const isDeviceJobRole = (role: unknown): role is DeviceJobRole => typeof role === 'string' && (DEVICE_JOB_ROLES as readonly string[]).includes(role);

/** `device.<branch>.<role>.<short id>`: fits the user-name rule (≤ 40 characters). */
export function deviceAccountName(branch: string, role: DeviceJobRole, random: (n: number) => Uint8Array): string {
  return `device.${branch}.${role}.${pick(random, 6)}`;
}

/** The roles of a device account: its job role, its branch, the marker. */
export const deviceRoles = (branch: string, role: DeviceJobRole): string[] => [role, `branch:${branch}`, DEVICE_ROLE];

export const isEnrolledDevice = (roles: readonly string[]): boolean => roles.includes(DEVICE_ROLE);

export type CodeRequestProblem = 'role_unknown' | 'place_invalid' | 'label_missing' | 'label_too_long';

/** What the admin's form asks for a code: checked by the form and by the server alike. */
export function codeRequestProblems(req: { branch: string; role: string; label: string }, branchCodes: readonly string[]): CodeRequestProblem[] {
  const problems: CodeRequestProblem[] = [];
  if (!isDeviceJobRole(req.role)) problems.push('role_unknown');
  if (!BRANCH_CODE_PATTERN.test(req.branch) || !branchCodes.includes(req.branch)) problems.push('place_invalid');
  const label = req.label.trim();
  if (label === '') problems.push('label_missing');
  else if (label.length > MAX_LABEL) problems.push('label_too_long');
  return problems;
}

/** What a device says of its printer in its heartbeat. */
export const PRINTER_STATES = ['usb', 'fallback', 'error', 'none'] as const;
export type PrinterReport = (typeof PRINTER_STATES)[number];
export const isPrinterReport = (v: unknown): v is PrinterReport => typeof v === 'string' && (PRINTER_STATES as readonly string[]).includes(v);

/** The enrolment URL a code's QR encodes. */
export const enrolmentUrl = (origin: string, code: string): string => `${origin}${ENROL_PATH}#${code}`;
