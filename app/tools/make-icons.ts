/**
 * Writes the PWA icons (plain PNGs) into app/public/ with node:zlib only — no image library.
 * Run by hand when the design changes: `npx tsx app/tools/make-icons.ts`. The PNGs are committed.
 * The drawing: a dark-blue field with a white "ticket" (rounded card) and a blue counter bar.
 */
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

// Uint8Array rather than Buffer: @types/pouchdb-core redeclares a global `Buffer` that
// clashes with Node's when both are in one program.
function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function u32(value: number): Uint8Array {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setUint32(0, value >>> 0);
  return bytes;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const typeBytes = new TextEncoder().encode(type);
  return concat([u32(data.length), typeBytes, data, u32(crc32(concat([typeBytes, data])))]);
}

type Rgb = readonly [number, number, number];
const BG: Rgb = [0x0b, 0x3d, 0x91];
const CARD: Rgb = [0xff, 0xff, 0xff];
const BAR: Rgb = [0x1f, 0x7a, 0xe0];

/** `safe` is the fraction of the icon the drawing must stay within (maskable icons: 0.8). */
function pixel(x: number, y: number, size: number, safe: number): Rgb {
  const u = (x + 0.5) / size - 0.5;
  const v = (y + 0.5) / size - 0.5;
  const half = safe / 2;
  const cardW = half * 0.62;
  const cardH = half * 0.78;
  const r = half * 0.12;
  const dx = Math.max(Math.abs(u) - (cardW - r), 0);
  const dy = Math.max(Math.abs(v) - (cardH - r), 0);
  if (dx * dx + dy * dy > r * r) return BG;
  if (Math.abs(v + cardH * 0.45) < cardH * 0.12 && Math.abs(u) < cardW * 0.7) return BAR;
  if (Math.abs(v - cardH * 0.15) < cardH * 0.06 && Math.abs(u) < cardW * 0.7) return BAR;
  if (Math.abs(v - cardH * 0.45) < cardH * 0.06 && Math.abs(u) < cardW * 0.45) return BAR;
  return CARD;
}

export function png(size: number, safe: number): Uint8Array {
  const raw = new Uint8Array((size * 3 + 1) * size);
  for (let y = 0; y < size; y++) {
    const row = y * (size * 3 + 1);
    raw[row] = 0;
    for (let x = 0; x < size; x++) raw.set(pixel(x, y, size, safe), row + 1 + x * 3);
  }
  const ihdr = new Uint8Array(13);
  ihdr.set(u32(size), 0);
  ihdr.set(u32(size), 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: RGB
  const signature = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const idat = new Uint8Array(deflateSync(raw, { level: 9 }));
  return concat([signature, chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', new Uint8Array())]);
}

const out = (name: string) => fileURLToPath(new URL(`../public/${name}`, import.meta.url));
writeFileSync(out('icon-192.png'), png(192, 1));
writeFileSync(out('icon-512.png'), png(512, 1));
writeFileSync(out('icon-maskable-512.png'), png(512, 0.8));
writeFileSync(out('apple-touch-icon.png'), png(180, 1));
console.log('icons written');
