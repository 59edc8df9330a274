/**
 * The admin screen's calls to `/api/devices` (docs/ADMIN.md, Devices). Answers are data, as
 * in users-client.ts: a refusal carries the server's reason code and every problem of a form.
 */
import type { PrinterReport } from '../../auth/enrol-rules.ts';
import { callServer } from '../../auth/server-call.ts';
import type { Answer, BranchRef } from './users-client.ts';

export interface DeviceSummary {
  name: string;
  label: string;
  branch: string;
  role: 'kiosk' | 'display';
  enrolledAt: string;
  lastContact: string | null;
  printer: PrinterReport | null;
  revoked: boolean;
}

export interface NewCode {
  code: string;
  expiresAt: string;
  label: string;
}

async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Answer<T>> {
  const res = await callServer(method, path, body, 20_000);
  if (!res.reachable) return { ok: false, code: 'unreachable', problems: [] };
  if (res.ok && res.body) return { ok: true, ...(res.body as T) };
  const code = typeof res.body?.error === 'string' ? res.body.error : 'server';
  const problems = Array.isArray(res.body?.problems) ? res.body.problems.filter((p): p is string => typeof p === 'string') : [code];
  return { ok: false, code, problems };
}

export const listDevices = () => call<{ devices: DeviceSummary[]; branches: BranchRef[] }>('GET', '/api/devices');

export const createCode = (request: { branch: string; role: string; label: string }) => call<NewCode>('POST', '/api/devices/codes', request);

export const revokeDevice = (name: string) => call<{ name: string }>('POST', `/api/devices/${encodeURIComponent(name)}/revoke`, {});
