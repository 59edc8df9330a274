/**
 * The admin screen's calls to `/api/users` (docs/ADMIN.md). Answers are data: a refusal
 * carries the server's reason code (and every problem of a form), which the screen turns into
 * translated text; nothing is thrown.
 */
import type { UserSummary } from '../../admin/user-rules.ts';

export interface BranchRef {
  code: string;
  name: string;
}

export type Refused = { ok: false; code: string; problems: string[] };
export type Answer<T> = ({ ok: true } & T) | Refused;

async function call<T>(method: string, path: string, body?: unknown): Promise<Answer<T>> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'include',
      cache: 'no-store',
      headers: { Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(20_000),
    });
  } catch {
    return { ok: false, code: 'unreachable', problems: [] };
  }
  const json = (await res.json().catch(() => null)) as Record<string, unknown> | null;
  if (res.ok && json) return { ok: true, ...(json as T) };
  if (res.status === 502 || res.status === 503 || res.status === 504) return { ok: false, code: 'unreachable', problems: [] };
  const code = typeof json?.error === 'string' ? json.error : 'server';
  const problems = Array.isArray(json?.problems) ? json.problems.filter((p): p is string => typeof p === 'string') : [code];
  return { ok: false, code, problems };
}

const userPath = (name: string, action: string) => `/api/users/${encodeURIComponent(name)}/${action}`;

export const listUsers = () => call<{ users: UserSummary[]; branches: BranchRef[] }>('GET', '/api/users');

export const createUser = (user: { name: string; displayName: string; jobRoles: string[]; place: string; password: string }) =>
  call<{ user: UserSummary }>('POST', '/api/users', user);

export const editRoles = (name: string, jobRoles: string[], place: string) => call<{ user: UserSummary }>('PUT', userPath(name, 'roles'), { jobRoles, place });

export const setDisabled = (name: string, disabled: boolean) => call<{ user: UserSummary }>('POST', userPath(name, disabled ? 'disable' : 'enable'), {});

export const resetPassword = (name: string) => call<{ user: UserSummary; temporaryPassword: string }>('POST', userPath(name, 'reset-password'), {});
