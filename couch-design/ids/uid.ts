/**
 * Time-sortable unique ids for documents created on offline devices:
 * `<ms since epoch, base36, 9 chars>-<device id>-<per-device sequence, base36, 4+ chars>`.
 * The fixed-width time part makes string order follow time order; the device id makes two
 * devices that write in the same millisecond (or with the same clock) never collide.
 */

/** Device ids: lower-case letters and digits, no separators, so ids split unambiguously. */
export const DEVICE_ID_PATTERN = /^[a-z0-9]{1,16}$/;
export const UID_PATTERN = /^[0-9a-z]{9}-[a-z0-9]{1,16}-[0-9a-z]{4,}$/;

const TIME_WIDTH = 9;
const SEQ_WIDTH = 4;
/** 36^9 ms is about year 5138: enough, and it keeps the width fixed. */
const MAX_MS = Math.pow(36, TIME_WIDTH) - 1;

function pad(s: string, width: number): string {
  while (s.length < width) s = '0' + s;
  return s;
}

/** Builds a uid. Throws on arguments no caller should pass (a builder, not a validator). */
export function uid(nowMs: number, deviceId: string, seq: number): string {
  if (!(Math.floor(nowMs) === nowMs && nowMs >= 0 && nowMs <= MAX_MS)) throw new Error(`uid: bad time ${nowMs}`);
  if (!DEVICE_ID_PATTERN.test(deviceId)) throw new Error(`uid: bad device id ${deviceId}`);
  if (!(Math.floor(seq) === seq && seq >= 0 && seq <= 9007199254740991)) throw new Error(`uid: bad sequence ${seq}`);
  return pad(nowMs.toString(36), TIME_WIDTH) + '-' + deviceId + '-' + pad(seq.toString(36), SEQ_WIDTH);
}

export interface ParsedUid {
  ms: number;
  deviceId: string;
  seq: number;
}

export function parseUid(s: string): ParsedUid | null {
  if (!UID_PATTERN.test(s)) return null;
  const parts = s.split('-');
  return { ms: parseInt(parts[0]!, 36), deviceId: parts[1]!, seq: parseInt(parts[2]!, 36) };
}
