/**
 * What `/api/devices` keeps (issue 14, devices), written with the server admin's client into
 * its own database `fo_devices` (admin-only `_security`, not in the gateway's allowlist, like
 * `fo_signins`): enrolment codes, kept by the SHA-256 of the code (the code itself is never
 * stored nor logged), and one record per enrolled device with its label, last contact and
 * printer state. The device accounts themselves are `_users` documents (users-store.ts).
 *
 * Last contact is noted in memory at every heartbeat and sign-in, and written at most once a
 * minute per device (or when its printer state changes): one small write per device per
 * minute at worst, and a restart loses at most a minute of it.
 */
import { createHash } from 'node:crypto';
import { ensureDb, getOrNull, statusOf, type Couch } from '../provision/couch-client.ts';
import type { DeviceJobRole, PrinterReport } from '../../app/auth/enrol-rules.ts';

export const DEVICES_DB = 'fo_devices';
const CONTACT_WRITE_EVERY_MS = 60_000;

export interface CodeRecord {
  _id: string;
  _rev?: string;
  type: 'enrol_code';
  branch: string;
  role: DeviceJobRole;
  label: string;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  usedAt?: string;
  /** The device account it enrolled. */
  device?: string;
}

export interface DeviceRecord {
  _id: string;
  _rev?: string;
  type: 'device';
  name: string;
  branch: string;
  role: DeviceJobRole;
  label: string;
  enrolledAt: string;
  lastContact: string | null;
  printer: PrinterReport | null;
  revokedAt?: string;
}

export interface DeviceStore {
  createCode(code: string, record: Omit<CodeRecord, '_id' | 'type'>): Promise<void>;
  getCode(code: string): Promise<CodeRecord | null>;
  /** Marks the code used (with the `_rev` read); false when someone used it meanwhile. */
  consumeCode(record: CodeRecord, usedAt: string, device: string): Promise<boolean>;
  saveDevice(record: Omit<DeviceRecord, '_id' | 'type'>): Promise<void>;
  getDevice(name: string): Promise<DeviceRecord | null>;
  markRevoked(name: string, at: string): Promise<void>;
  list(): Promise<DeviceRecord[]>;
  /** A request of the device: noted now, written when due. */
  contact(name: string, at: string, printer?: PrinterReport): Promise<void>;
}

export const codeDocId = (code: string): string => `code:${createHash('sha256').update(code).digest('hex')}`;
const deviceDocId = (name: string): string => `device:${name}`;

export function couchDeviceStore(couch: Couch): DeviceStore {
  const db = couch.use<CodeRecord | DeviceRecord>(DEVICES_DB);
  let ready: Promise<void> | null = null;
  const ensure = () =>
    (ready ??= (async () => {
      await ensureDb(couch, DEVICES_DB);
      await couch.request({ db: DEVICES_DB, path: '_security', method: 'PUT', body: { admins: { names: [], roles: [] }, members: { names: [], roles: ['_admin'] } } });
    })().catch((err: unknown) => {
      ready = null;
      throw err;
    }));
  const written = new Map<string, { at: number; printer: PrinterReport | null }>();
  const latest = new Map<string, { at: string; printer: PrinterReport | null }>();

  const put = async (doc: CodeRecord | DeviceRecord): Promise<boolean> => {
    await ensure();
    try {
      await db.insert(doc);
      return true;
    } catch (err) {
      if (statusOf(err) === 409) return false;
      throw err;
    }
  };
  const device = async (name: string) => {
    await ensure();
    const doc = await getOrNull(db, deviceDocId(name));
    return doc && doc.type === 'device' ? (doc as DeviceRecord) : null;
  };
  /** Reads, changes and writes a device record, once more after a conflict. */
  const update = async (name: string, change: (d: DeviceRecord) => DeviceRecord) => {
    for (let attempt = 0; attempt < 2; attempt++) {
      const doc = await device(name);
      if (!doc || (await put(change(doc)))) return;
    }
  };

  return {
    async createCode(code, record) {
      if (!(await put({ _id: codeDocId(code), type: 'enrol_code', ...record }))) throw new Error('enrolment code collision');
    },
    async getCode(code) {
      await ensure();
      const doc = await getOrNull(db, codeDocId(code));
      return doc && doc.type === 'enrol_code' ? (doc as CodeRecord) : null;
    },
    consumeCode: (record, usedAt, name) => put({ ...record, usedAt, device: name }),
    async saveDevice(record) {
      await put({ _id: deviceDocId(record.name), type: 'device', ...record });
    },
    getDevice: device,
    markRevoked: (name, at) => update(name, (d) => ({ ...d, revokedAt: at })),
    async list() {
      await ensure();
      const rows = await db.list({ include_docs: true, startkey: 'device:', endkey: 'device:\ufff0' });
      return rows.rows.flatMap((r) => {
        const d = r.doc as DeviceRecord | undefined;
        if (!d || d.type !== 'device') return [];
        const seen = latest.get(d.name);
        return [seen && (!d.lastContact || seen.at > d.lastContact) ? { ...d, lastContact: seen.at, printer: seen.printer ?? d.printer } : d];
      });
    },
    async contact(name, at, printer) {
      const before = latest.get(name);
      const now = { at, printer: printer ?? before?.printer ?? null };
      latest.set(name, now);
      const last = written.get(name);
      if (last && Date.parse(at) - last.at < CONTACT_WRITE_EVERY_MS && last.printer === now.printer) return;
      written.set(name, { at: Date.parse(at), printer: now.printer });
      await update(name, (d) => ({ ...d, lastContact: at, printer: now.printer ?? d.printer }));
    },
  };
}
