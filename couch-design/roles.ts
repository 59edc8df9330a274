/**
 * Roles as CouchDB knows them (in `_users` documents). A user has one or more job
 * roles plus exactly one place role: `branch:<code>` for branch staff, `hq` for head office.
 */
export const JOB_ROLES = [
  'reception',
  'kiosk',
  'display',
  'counter',
  'cashier',
  'backoffice',
  'supervisor',
  'admin',
] as const;
export type JobRole = (typeof JOB_ROLES)[number];

/** Head-office staff: may read the central database (all branches). */
export const HQ_ROLE = 'hq';
/** CouchDB's server admin pseudo-role (replication and provisioning run as server admin). */
export const SERVER_ADMIN_ROLE = '_admin';

const BRANCH_ROLE_PREFIX = 'branch:';

export function branchRole(branchCode: string): string {
  return BRANCH_ROLE_PREFIX + branchCode;
}

/** The branch a user belongs to, from its roles; null for head office or none. */
export function branchOfRoles(roles: readonly string[]): string | null {
  for (const role of roles) if (role.startsWith(BRANCH_ROLE_PREFIX)) return role.slice(BRANCH_ROLE_PREFIX.length);
  return null;
}

export function isJobRole(role: string): role is JobRole {
  return (JOB_ROLES as readonly string[]).includes(role);
}

export function hasRole(roles: readonly string[], role: JobRole | typeof HQ_ROLE): boolean {
  return roles.includes(role) || roles.includes(SERVER_ADMIN_ROLE);
}

/** The screen a role lands on after sign-in; the first job role in this order wins. */
export const LANDING_ORDER: readonly JobRole[] = [
  'admin',
  'supervisor',
  'cashier',
  'counter',
  'backoffice',
  'reception',
  'kiosk',
  'display',
];

export function landingRole(roles: readonly string[]): JobRole | null {
  return LANDING_ORDER.find((r) => roles.includes(r)) ?? null;
}
