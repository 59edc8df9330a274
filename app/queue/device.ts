/**
 * This device's id (kept in localStorage) and its numbering slot in the branch: claimed once
 * online by a create-only write of `device:<branch>:<slot>` (taken → the next slot), then kept.
 */
import { MAX_DEVICE_SLOT, deviceSlotId, type DeviceSlot } from '../../couch-design/types/device.ts';
import type { QueueStore } from './store.ts';
import { isConflict } from './store.ts';
import { statusOf } from '../data/errors.ts';

/**
 * The slot's document exists already: Apache CouchDB answers 409 to a create of an existing
 * id, and so does the embedded engine since its validation patch (server/embedded/
 * validation-patch.ts); an engine that runs `validate_doc_update` first answers 403
 * `_id: immutable` (slot documents never change). Both mean "taken, try the next".
 */
export function isTakenSlot(error: unknown): boolean {
  return isTakenOnCreate(error);
}

/**
 * A create-only write (no `_rev`) refused because the id exists. CouchDB and the embedded
 * engine: 409. An engine that validates first, against the stored document (PouchDB Server
 * unpatched): `_id: immutable` for a type that never
 * changes (device slots), `_id: forbidden_role` for a role that may create but not update it
 * (a kiosk and a ticket number another device just took).
 */
export function isTakenOnCreate(error: unknown): boolean {
  if (isConflict(error)) return true;
  const reason = error instanceof Error ? error.message : String((error as { reason?: unknown } | null)?.reason ?? '');
  return statusOf(error) === 403 && /^_id: (immutable|forbidden_role)\b/.test(reason);
}

const DEVICE_KEY = 'fo.deviceId';
const slotKey = (branch: string) => `fo.deviceSlot.${branch}`;

export function deviceId(): string {
  let id = localStorage.getItem(DEVICE_KEY);
  if (!id) {
    id = Array.from(crypto.getRandomValues(new Uint8Array(6)), (b) => (b % 36).toString(36)).join('');
    localStorage.setItem(DEVICE_KEY, id);
  }
  return id;
}

export function storedSlot(branch: string): number | null {
  const v = Number(localStorage.getItem(slotKey(branch)));
  return v >= 1 && v <= MAX_DEVICE_SLOT ? v : null;
}

/** The slot of this device; claims one when it has none (needs the server once). */
export async function ensureSlot(store: QueueStore, branch: string, user: string, existing: readonly DeviceSlot[]): Promise<number | null> {
  const id = deviceId();
  const known = storedSlot(branch) ?? existing.find((d) => d.deviceId === id)?.slot ?? null;
  if (known !== null) {
    localStorage.setItem(slotKey(branch), String(known));
    return known;
  }
  for (let slot = 1; slot <= MAX_DEVICE_SLOT; slot++) {
    if (existing.some((d) => d.slot === slot)) continue;
    const doc: DeviceSlot = { _id: deviceSlotId(branch, slot), type: 'device', branch, slot, deviceId: id, user, registeredAt: new Date().toISOString() };
    try {
      await store.writeArbitrated(doc);
      localStorage.setItem(slotKey(branch), String(slot));
      return slot;
    } catch (error) {
      if (!isTakenSlot(error)) return null;
    }
  }
  return null;
}
