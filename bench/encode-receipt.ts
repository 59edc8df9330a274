/**
 * "Time to encode a full receipt": the cash receipt (the longest template: table-free but
 * with amount in words, barcode) and the submission receipt, rendered from data and encoded
 * to ESC/POS for an 80 mm and a 58 mm profile. Median of many runs after a warm-up.
 * Target: under 5 ms. Exported for bench/run.ts; `npx tsx bench/encode-receipt.ts` prints it alone.
 */
import { encodeReceipt } from '../app/printing/escpos.ts';
import { findProfile } from '../app/printing/profiles.ts';
import { sampleReceipt, type SampleKind } from '../app/printing/samples.ts';

const RUNS = 500;
const WARM_UP = 50;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function measure(kind: SampleKind, profileId: string): number {
  const profile = findProfile(profileId);
  const once = () => encodeReceipt(sampleReceipt(kind, 'fr'), profile);
  for (let i = 0; i < WARM_UP; i++) once();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    once();
    times.push(performance.now() - start);
  }
  return median(times);
}

export async function benchEncodeReceipt(): Promise<{ name: string; ms: number }[]> {
  const cases: [SampleKind, string][] = [
    ['submission', 'epson-80'],
    ['cashReceipt', 'epson-80'],
    ['submission', 'generic-58'],
    ['ticket', 'epson-80'],
  ];
  return cases.map(([kind, profile]) => ({ name: `time to encode a full receipt (${kind}, ${profile})`, ms: measure(kind, profile) }));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const { name, ms } of await benchEncodeReceipt()) process.stdout.write(`${name}: ${ms.toFixed(3)} ms (median of ${RUNS})\n`);
}
