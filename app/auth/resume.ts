/**
 * Restart while offline (issue 9 item 10): what this device remembers of the last sign-in so
 * that a reload or a power cut with the network down reopens the role's screen. Pure apart
 * from the injected Storage; the threat model is in docs/SECURITY.md ("Restart while offline").
 *
 * - A **device account** (only `kiosk` / `display` job roles: a shared screen nobody signs in
 *   to) resumes with no one typing: the record keeps the account's password, so the device
 *   also opens a new server session by itself when the link returns or its cookie expired.
 * - A **staff account** resumes within its working day after a short unlock: its name is
 *   known, the password alone is asked and checked against the offline verifier (the same
 *   check as an offline sign-in today). No password is stored.
 * - Signing out forgets the record; so does the server refusing the account (401).
 */
import { isJobRole } from '../../couch-design/roles.ts';

/** How long after a sign-in a staff device still reopens on its user (one working day). */
export const WORKING_DAY_MS = 12 * 60 * 60 * 1000;
const KEY = 'fo.resume';

export type ResumeRecord =
  | { readonly version: 1; readonly kind: 'device'; readonly name: string; readonly roles: readonly string[]; readonly secret: string }
  | { readonly version: 1; readonly kind: 'staff'; readonly name: string; readonly roles: readonly string[]; readonly until: number };

/** Kiosk and display accounts: every job role they hold is one of those two. */
export function isDeviceAccount(roles: readonly string[]): boolean {
  const jobs = roles.filter(isJobRole);
  return jobs.length > 0 && jobs.every((r) => r === 'kiosk' || r === 'display');
}

/** What to remember after a successful sign-in (online, or offline from the verifier). */
export function resumeRecord(user: { readonly name: string; readonly roles: readonly string[] }, password: string, now: number): ResumeRecord {
  return isDeviceAccount(user.roles)
    ? { version: 1, kind: 'device', name: user.name, roles: [...user.roles], secret: password }
    : { version: 1, kind: 'staff', name: user.name, roles: [...user.roles], until: now + WORKING_DAY_MS };
}

function parse(value: unknown): ResumeRecord | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (v.version !== 1 || typeof v.name !== 'string' || !Array.isArray(v.roles) || !v.roles.every((r) => typeof r === 'string')) return null;
  if (v.kind === 'device' && typeof v.secret === 'string' && isDeviceAccount(v.roles as string[])) return v as unknown as ResumeRecord;
  if (v.kind === 'staff' && typeof v.until === 'number') return v as unknown as ResumeRecord;
  return null;
}

/** The record if it may still be used at `now`: a staff one only within its working day. */
export function usableRecord(record: ResumeRecord | null, now: number): ResumeRecord | null {
  if (!record) return null;
  if (record.kind === 'staff' && (now >= record.until || now < record.until - WORKING_DAY_MS)) return null;
  return record;
}

export interface ResumeStore {
  load(): ResumeRecord | null;
  save(record: ResumeRecord): void;
  clear(): void;
}

export function storageResumeStore(storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>): ResumeStore {
  return {
    load() {
      try {
        return parse(JSON.parse(storage.getItem(KEY) ?? 'null'));
      } catch {
        return null;
      }
    },
    save(record) {
      try {
        storage.setItem(KEY, JSON.stringify(record));
      } catch {
        // storage full: the device simply will not resume by itself
      }
    },
    clear() {
      storage.removeItem(KEY);
    },
  };
}
