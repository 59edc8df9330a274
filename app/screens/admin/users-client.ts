/**
 * The admin screen's calls to `/api/users` (docs/ADMIN.md). Answers are data: a refusal
 * carries the server's reason code (and every problem of a form), which the screen turns into
 * translated text; nothing is thrown.
 */
import type { UserSummary } from '../../admin/user-rules.ts';
import { callServer } from '../../auth/server-call.ts';

export interface BranchRef {
  code: string;
  name: string;
}

export type Refused = { ok: false; code: string; problems: string[] };
export type Answer<T> = ({ ok: true } & T) | Refused;

async function call<T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<Answer<T>> {
  const res = await callServer(method, path, body, 20_000);
  if (!res.reachable) return { ok: false, code: 'unreachable', problems: [] };
  if (res.ok && res.body) return { ok: true, ...(res.body as T) };
  const code = typeof res.body?.error === 'string' ? res.body.error : 'server';
  const problems = Array.isArray(res.body?.problems) ? res.body.problems.filter((p): p is string => typeof p === 'string') : [code];
  return { ok: false, code, problems };
}

const userPath = (name: string, action: string) => `/api/users/${encodeURIComponent(name)}/${action}`;

export const listUsers = () => call<{ users: UserSummary[]; branches: BranchRef[] }>('GET', '/api/users');

export const createUser = (user: { name: string; displayName: string; jobRoles: string[]; place: string; password: string }) =>
  call<{ user: UserSummary }>('POST', '/api/users', user);

export const editRoles = (name: string, jobRoles: string[], place: string) => call<{ user: UserSummary }>('PUT', userPath(name, 'roles'), { jobRoles, place });

export const setDisabled = (name: string, disabled: boolean) => call<{ user: UserSummary }>('POST', userPath(name, disabled ? 'disable' : 'enable'), {});

export const resetPassword = (name: string) => call<{ user: UserSummary; temporaryPassword: string }>('POST', userPath(name, 'reset-password'), {});
