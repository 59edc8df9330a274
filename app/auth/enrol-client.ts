/**
 * The device's side of enrolment (docs/ADMIN.md, Devices): the public enrol call, the
 * heartbeat, and what the device remembers of being enrolled. The device account's password
 * itself is kept with the other resume data (`resume.ts`, kind `device`), in localStorage:
 * see docs/SECURITY.md, "Enrolled devices", for why.
 */
import { callServer } from './server-call.ts';
import type { PrinterReport } from './enrol-rules.ts';

export type EnrolAnswer =
  | { readonly ok: true; readonly name: string; readonly password: string; readonly roles: readonly string[] }
  /** `code_unknown`, `code_used`, `code_expired`, `throttled`, `unreachable`, … */
  | { readonly ok: false; readonly code: string };

export async function enrolDevice(code: string): Promise<EnrolAnswer> {
  const res = await callServer('POST', '/api/devices/enrol', { code }, 20_000);
  if (!res.reachable) return { ok: false, code: 'unreachable' };
  const b = res.body ?? {};
  if (res.ok && typeof b.name === 'string' && typeof b.password === 'string' && Array.isArray(b.roles)) {
    return { ok: true, name: b.name, password: b.password, roles: b.roles.filter((r): r is string => typeof r === 'string') };
  }
  return { ok: false, code: typeof b.error === 'string' ? b.error : 'server' };
}

/** 'ok', 'unauthorized' (the session is gone: revoked, or expired) or 'failed' (try later). */
export async function sendHeartbeat(printer: PrinterReport): Promise<'ok' | 'unauthorized' | 'failed'> {
  const res = await callServer('POST', '/api/devices/heartbeat', { printer }, 10_000);
  if (!res.reachable) return 'failed';
  return res.ok ? 'ok' : res.status === 401 ? 'unauthorized' : 'failed';
}

/** This device was enrolled (its account's name), or was and has been revoked since. */
export interface DeviceMarker {
  readonly name: string;
  readonly state: 'enrolled' | 'revoked';
}

const KEY = 'fo.device';

export interface DeviceMarkerStore {
  load(): DeviceMarker | null;
  save(marker: DeviceMarker): void;
}

export function storageDeviceMarker(storage: Pick<Storage, 'getItem' | 'setItem'>): DeviceMarkerStore {
  return {
    load() {
      try {
        const v = JSON.parse(storage.getItem(KEY) ?? 'null') as Partial<DeviceMarker> | null;
        return v && typeof v.name === 'string' && (v.state === 'enrolled' || v.state === 'revoked') ? { name: v.name, state: v.state } : null;
      } catch {
        return null;
      }
    },
    save(marker) {
      try {
        storage.setItem(KEY, JSON.stringify(marker));
      } catch {
        // storage full: the device will show the sign-in form instead of enrolment
      }
    },
  };
}
