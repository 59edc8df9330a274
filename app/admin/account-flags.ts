/**
 * The two account states kept as marker roles in `_users` (app/admin/user-rules.ts says why
 * roles): apart from the rest of the account rules so that the app's shell, which checks the
 * signed-in user's flag on every start, does not carry the administration's validation.
 */

/** The account may not sign in; its `_users` document (and its history) stays. */
export const DISABLED_ROLE = 'account:disabled';
/** Set by a creation or a reset: the next sign-in must choose a new password before anything else. */
export const MUST_CHANGE_PASSWORD_ROLE = 'account:must-change-password';

export const isDisabled = (roles: readonly string[]): boolean => roles.includes(DISABLED_ROLE);
export const mustChangePassword = (roles: readonly string[]): boolean => roles.includes(MUST_CHANGE_PASSWORD_ROLE);
