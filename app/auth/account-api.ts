import { callServer } from './server-call.ts';

/** The signed-in user's own account through `/api/account/` (docs/SECURITY.md): answers are data, never thrown. */
export type PasswordChange = { readonly ok: true } | { readonly ok: false; readonly code: 'wrong_password' | 'weak_password' | 'unreachable' | 'server' };

export async function changeOwnPassword(oldPassword: string, newPassword: string): Promise<PasswordChange> {
  const res = await callServer('POST', '/api/account/password', { oldPassword, newPassword }, 15_000);
  if (!res.reachable) return { ok: false, code: 'unreachable' };
  if (res.ok) return { ok: true };
  if (res.status === 400 && res.body?.error === 'weak_password') return { ok: false, code: 'weak_password' };
  if (res.status === 403) return { ok: false, code: 'wrong_password' };
  return { ok: false, code: 'server' };
}
