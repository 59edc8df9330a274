/** The signed-in user's own account through `/api/account/` (docs/SECURITY.md): answers are data, never thrown. */
export type PasswordChange = { readonly ok: true } | { readonly ok: false; readonly code: 'wrong_password' | 'weak_password' | 'unreachable' | 'server' };

export async function changeOwnPassword(oldPassword: string, newPassword: string): Promise<PasswordChange> {
  let res: Response;
  try {
    res = await fetch('/api/account/password', {
      method: 'POST',
      credentials: 'include',
      cache: 'no-store',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ oldPassword, newPassword }),
      signal: AbortSignal.timeout(15_000),
    });
  } catch {
    return { ok: false, code: 'unreachable' };
  }
  if (res.ok) return { ok: true };
  const body = (await res.json().catch(() => null)) as { error?: unknown } | null;
  if (res.status === 400 && body?.error === 'weak_password') return { ok: false, code: 'weak_password' };
  if (res.status === 403) return { ok: false, code: 'wrong_password' };
  if (res.status === 502 || res.status === 503 || res.status === 504) return { ok: false, code: 'unreachable' };
  return { ok: false, code: 'server' };
}
