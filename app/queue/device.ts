/**
 * This device's id (kept in localStorage) and its numbering slot in the branch: claimed once
 * online by a create-only write of `device:<branch>:<slot>` (taken → the next slot), then kept.
 */
import { MAX_DEVICE_SLOT, deviceSlotId, type DeviceSlot } from '../../couch-design/types/device.ts';
import type { QueueStore } from './store.ts';
import { isConflict } from './store.ts';

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
      // Taken (409, from CouchDB and the embedded engine alike): the next slot. Else stop.
      if (!isConflict(error)) return null;
    }
  }
  return null;
}
