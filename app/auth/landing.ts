/** Which screens a user may open and where each lands after sign-in. Pure. */
import { JOB_ROLES, SERVER_ADMIN_ROLE, hasRole, landingRole, type JobRole } from '../../couch-design/roles.ts';

export const SCREEN_PATHS: Readonly<Record<JobRole, string>> = {
  reception: '/reception',
  kiosk: '/kiosk',
  display: '/display',
  counter: '/counter',
  cashier: '/cash',
  backoffice: '/backoffice',
  supervisor: '/supervisor',
  admin: '/admin',
};

/** Where a user with no job role ends up. */
export const NO_ROLE_PATH = '/no-role';

/** Screens without the header chrome, readable from afar (TV, kiosk). */
export function isFullScreen(screen: JobRole): boolean {
  return screen === 'kiosk' || screen === 'display';
}

/** A screen opens for its own role; CouchDB's server admin may open them all. */
export function canOpen(roles: readonly string[], screen: JobRole): boolean {
  return hasRole(roles, screen);
}

/** The screens this user may open, in the order of the role list (for the header navigation). */
export function screensFor(roles: readonly string[]): JobRole[] {
  return JOB_ROLES.filter((role) => canOpen(roles, role));
}

export function landingScreen(roles: readonly string[]): JobRole | null {
  return landingRole(roles) ?? (roles.includes(SERVER_ADMIN_ROLE) ? 'admin' : null);
}

export function landingPath(roles: readonly string[]): string {
  const screen = landingScreen(roles);
  return screen ? SCREEN_PATHS[screen] : NO_ROLE_PATH;
}

export function screenOfPath(pathname: string): JobRole | null {
  const first = '/' + (pathname.split('/')[1] ?? '');
  const found = (Object.entries(SCREEN_PATHS) as [JobRole, string][]).find(([, path]) => path === first);
  return found ? found[0] : null;
}
