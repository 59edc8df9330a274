/**
 * Submission receipt numbers (docs/DESK.md): `<BRANCH>-<YYMMDD>-<DEVICE>-<SEQ>`, e.g.
 * `DLA-261202-K3X9QZ-007`. The branch code makes them unique across the institution, the
 * device id (random, set once per device, already part of every uid it writes) keeps two
 * tablets offline at the same time apart, and the sequence counts this device's receipts of
 * the day, from its own replica (which always holds its own writes). Pure.
 */

/** Letters and digits only, upper case, groups separated by hyphens: spelled over the phone. */
export const RECEIPT_NUMBER = /^[A-Z][A-Z0-9]{0,15}-\d{6}-[A-Z0-9]{1,16}-\d{3,}$/;

export function receiptPrefix(branch: string, day: string, device: string): string {
  return `${branch.toUpperCase()}-${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}-${device.toUpperCase()}-`;
}

export function receiptNumber(branch: string, day: string, device: string, seq: number): string {
  if (!(Number.isInteger(seq) && seq >= 1)) throw new Error(`receipt number: bad sequence ${seq}`);
  return receiptPrefix(branch, day, device) + String(seq).padStart(3, '0');
}

/** The next sequence after every number this device already gave today (1 for the first). */
export function nextReceiptSeq(used: readonly string[], branch: string, day: string, device: string): number {
  const prefix = receiptPrefix(branch, day, device);
  let max = 0;
  for (const n of used) {
    if (!n.startsWith(prefix)) continue;
    const seq = Number(n.slice(prefix.length));
    if (Number.isInteger(seq) && seq > max) max = seq;
  }
  return max + 1;
}

/** How the number is read out: the groups, with the device part letter by letter. */
export function spokenReceipt(number: string): string {
  return number.split('-').map((g, i) => (i === 2 ? g.split('').join(' ') : g)).join(' – ');
}
