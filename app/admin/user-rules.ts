/**
 * Staff accounts as the administration sees them (issue 14, users): what a valid account is,
 * the two account states kept as marker roles in `_users`, and the list's filter. Pure: the
 * server's `/api/users` and the admin screen use the same rules, so the form and the API
 * never disagree.
 *
 * The states are roles rather than fields because the engine's session answer carries roles
 * and nothing else: the gateway sees them on every request it already resolves, the app sees
 * them in its sign-in answer, and the offline verifier keeps them with the other roles.
 */
import { HQ_ROLE, JOB_ROLES, branchOfRoles, branchRole, isJobRole, type JobRole } from '../../couch-design/roles.ts';
import { BRANCH_CODE_PATTERN } from '../../couch-design/databases.ts';
import { passwordProblem } from '../../server/gateway/password-rules.ts';
import { DISABLED_ROLE, MUST_CHANGE_PASSWORD_ROLE, isDisabled, mustChangePassword } from './account-flags.ts';

const ACCOUNT_FLAGS: readonly string[] = [DISABLED_ROLE, MUST_CHANGE_PASSWORD_ROLE];

/** Lower-case, as the demo names (`counter.dla`): starts with a letter, 2–40 characters. */
export const USER_NAME_PATTERN = /^[a-z][a-z0-9._-]{1,39}$/;
const MAX_DISPLAY_NAME = 80;

export type Place = { kind: 'hq' } | { kind: 'branch'; code: string };

export interface UserSummary {
  name: string;
  displayName: string | null;
  jobRoles: JobRole[];
  /** `hq` or `branch:<code>`, null when the account has none. */
  placeRole: string | null;
  disabled: boolean;
  mustChangePassword: boolean;
  /** ISO time of the last successful sign-in through the gateway, null if never. */
  lastSignIn: string | null;
}

export type UserProblem =
  | 'name_invalid'
  | 'display_name_too_long'
  | 'role_missing'
  | 'role_unknown'
  | 'place_invalid'
  | 'password_weak';

export function placeRoleOf(roles: readonly string[]): string | null {
  if (roles.includes(HQ_ROLE)) return HQ_ROLE;
  const branch = branchOfRoles(roles);
  return branch === null ? null : branchRole(branch);
}

/** The place role as typed in the form: `hq` or a branch code (`dla`). */
export function parsePlace(value: string): Place | null {
  if (value === HQ_ROLE) return { kind: 'hq' };
  const code = value.startsWith('branch:') ? value.slice('branch:'.length) : value;
  return BRANCH_CODE_PATTERN.test(code) ? { kind: 'branch', code } : null;
}

export const placeRole = (place: Place): string => (place.kind === 'hq' ? HQ_ROLE : branchRole(place.code));

/** A job role list and a place as they would be written: checked, de-duplicated, in the contract's order. */
export function roleProblems(jobRoles: readonly unknown[], place: string, branchCodes: readonly string[]): UserProblem[] {
  const problems: UserProblem[] = [];
  if (jobRoles.length === 0) problems.push('role_missing');
  else if (!jobRoles.every((r) => typeof r === 'string' && isJobRole(r))) problems.push('role_unknown');
  const parsed = parsePlace(place);
  if (!parsed || (parsed.kind === 'branch' && !branchCodes.includes(parsed.code))) problems.push('place_invalid');
  return problems;
}

export interface NewUser {
  name: string;
  displayName: string;
  jobRoles: readonly string[];
  place: string;
  password: string;
}

/** The server's own password rule, so the form refuses exactly what the API would. */
export const weakPassword = (password: string, name: string): boolean => passwordProblem(password, name) !== null;

export function newUserProblems(user: NewUser, branchCodes: readonly string[]): UserProblem[] {
  const problems: UserProblem[] = [];
  if (!USER_NAME_PATTERN.test(user.name)) problems.push('name_invalid');
  if (user.displayName.length > MAX_DISPLAY_NAME) problems.push('display_name_too_long');
  problems.push(...roleProblems(user.jobRoles, user.place, branchCodes));
  if (weakPassword(user.password, user.name)) problems.push('password_weak');
  return problems;
}

/** The roles to store: job roles in the contract's order, one place role, and the account flags kept. */
export function rolesToStore(jobRoles: readonly string[], place: Place, flags: readonly string[]): string[] {
  const jobs = JOB_ROLES.filter((r) => jobRoles.includes(r));
  return [...jobs, placeRole(place), ...ACCOUNT_FLAGS.filter((f) => flags.includes(f))];
}

/** The flags among `roles` (what an edit of job and place roles keeps). */
export const accountFlags = (roles: readonly string[]): string[] => roles.filter((r) => ACCOUNT_FLAGS.includes(r));

/** What the API shows of a `_users` document: never its hash, salt or password. */
export function summaryOf(doc: { name: string; roles?: readonly string[]; displayName?: unknown }, lastSignIn: string | null): UserSummary {
  const roles = doc.roles ?? [];
  return {
    name: doc.name,
    displayName: typeof doc.displayName === 'string' && doc.displayName !== '' ? doc.displayName : null,
    jobRoles: roles.filter(isJobRole),
    placeRole: placeRoleOf(roles),
    disabled: isDisabled(roles),
    mustChangePassword: mustChangePassword(roles),
    lastSignIn,
  };
}

export interface UserFilter {
  /** `''` for all, `hq`, or a branch code. */
  place: string;
  /** `''` for all, or a job role. */
  role: string;
  text: string;
}

export function filterUsers(users: readonly UserSummary[], filter: UserFilter): UserSummary[] {
  const text = filter.text.trim().toLowerCase();
  const place = filter.place === '' ? null : filter.place === HQ_ROLE ? HQ_ROLE : branchRole(filter.place);
  return users.filter(
    (u) =>
      (place === null || u.placeRole === place) &&
      (filter.role === '' || u.jobRoles.includes(filter.role as JobRole)) &&
      (text === '' || u.name.includes(text) || (u.displayName ?? '').toLowerCase().includes(text)),
  );
}

/**
 * A temporary password to hand over: 14 characters from an alphabet without look-alikes
 * (no 0/O, 1/l/I), grouped by dashes to read aloud. `random` gives uniform bytes.
 */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
export function temporaryPassword(random: (n: number) => Uint8Array, name: string): string {
  for (;;) {
    const bytes = random(24);
    const chars: string[] = [];
    // Rejection sampling: bytes above the last whole multiple of the alphabet would bias it.
    const limit = 256 - (256 % ALPHABET.length);
    for (const b of bytes) if (b < limit && chars.length < 12) chars.push(ALPHABET[b % ALPHABET.length]!);
    if (chars.length < 12) continue;
    const candidate = `${chars.slice(0, 4).join('')}-${chars.slice(4, 8).join('')}-${chars.slice(8, 12).join('')}`;
    if (passwordProblem(candidate, name) === null) return candidate;
  }
}
