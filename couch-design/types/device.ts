import type { BaseDoc } from './base.ts';
import { type AnyDoc, Checker, type Problem } from '../validate/problems.ts';
import { BRANCH_CODE_PATTERN, splitId } from '../ids/codes.ts';
import { DEVICE_ID_PATTERN } from '../ids/uid.ts';

export const DEVICE = 'device';

/**
 * Ticket-issuing devices of a branch hold a slot 1–9. Offline, a device numbers its tickets
 * in its slot's own block (slot 3: 3001–3999), so two cut-off devices can never issue the
 * same number. The slot is claimed once, online, by a create-only write (409 → next slot).
 */
export const MAX_DEVICE_SLOT = 9;

export interface DeviceSlot extends BaseDoc {
  type: typeof DEVICE;
  branch: string;
  slot: number;
  deviceId: string;
  /** Who registered it (the first user signed in on the device). */
  user: string;
  registeredAt: string;
}

/** `device:<branch>:<slot>`: one document per slot, so the server arbitrates the slot. */
export function deviceSlotId(branch: string, slot: number): string {
  return 'device:' + branch + ':' + slot;
}

export function parseDeviceSlotId(id: string): { branch: string; slot: number } | null {
  const p = splitId(id, 'device', 2);
  if (!p || !BRANCH_CODE_PATTERN.test(p[0]!) || !/^[1-9]$/.test(p[1]!)) return null;
  return { branch: p[0]!, slot: parseInt(p[1]!, 10) };
}

export function validateDeviceSlot(doc: AnyDoc): Problem[] {
  const c = new Checker(doc);
  const branch = c.str('branch', { pattern: BRANCH_CODE_PATTERN });
  const slot = c.int('slot', { min: 1, max: MAX_DEVICE_SLOT });
  c.str('deviceId', { pattern: DEVICE_ID_PATTERN });
  c.author('user');
  c.instant('registeredAt');
  c.id(branch && slot ? deviceSlotId(branch, slot) : undefined);
  return c.problems;
}
