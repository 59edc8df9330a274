/* Issue 14, the institution's logo through the real gateway and engine: the contract takes a PNG or JPEG of 100 KB at most as the institution's only attachment. */
import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { couch, signIn, type Session } from '../support/couch-http.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';

let server: RunningServer;
let admin: Session;
let supervisor: Session;
let kiosk: Session;
beforeAll(async () => {
  server = await startServer();
  [admin, supervisor, kiosk] = await Promise.all([
    signIn(server.url, 'admin.hq', 'demo-admin'),
    signIn(server.url, 'supervisor.dla', 'demo-supervisor'),
    signIn(server.url, 'kiosk.dla', 'demo-kiosk'),
  ]);
});
afterAll(async () => {
  await server?.stop();
});

const AT = '2026-01-05T09:00:00.000Z';
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A real 2×2 blue PNG. */
function tinyPng(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data] as Uint8Array[]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(2, 0);
  header.writeUInt32BE(2, 4);
  header[8] = 8;
  header[9] = 2; // RGB
  const rows = Buffer.from([0, 11, 61, 145, 11, 61, 145, 0, 11, 61, 145, 11, 61, 145]);
  return Buffer.concat([PNG_MAGIC, chunk('IHDR', header), chunk('IDAT', deflateSync(new Uint8Array(rows))), chunk('IEND', Buffer.alloc(0))] as Uint8Array[]);
}

const institution = async () => (await couch(server.url, admin, 'GET', '/fo_ref/institution')).body;
const withLogo = async (s: Session, by: string, logo: { content_type: string; data: string }) =>
  couch(server.url, s, 'PUT', '/fo_ref/institution', { ...(await institution()), updatedBy: by, updatedAt: AT, _attachments: { logo } });

describe("the institution's logo", () => {
  it('refuses a logo above 100 KB, one that is not a PNG or JPEG, another attachment, and a non-admin (403); nothing is written', async () => {
    const before = (await institution())._rev;
    const big = await withLogo(admin, 'admin.hq', { content_type: 'image/jpeg', data: Buffer.alloc(100 * 1024 + 1, 7).toString('base64') });
    expect(big.status).toBe(403);
    expect(big.body.reason).toBe('_attachments.logo: too_large');
    const pdf = await withLogo(admin, 'admin.hq', { content_type: 'application/pdf', data: Buffer.from('%PDF-1.4').toString('base64') });
    expect(pdf.body.reason).toBe('_attachments.logo: bad_type');
    const other = await couch(server.url, admin, 'PUT', '/fo_ref/institution', { ...(await institution()), updatedBy: 'admin.hq', updatedAt: AT, _attachments: { letter: { content_type: 'image/png', data: tinyPng().toString('base64') } } });
    expect(other.body.reason).toBe('_attachments: bad_attachment');
    expect((await withLogo(supervisor, 'supervisor.dla', { content_type: 'image/png', data: tinyPng().toString('base64') })).status).toBe(403);
    expect((await institution())._rev).toBe(before);
  });

  it('the admin sets a PNG logo; every device (a kiosk) reads its bytes; an edit keeping it as a stub keeps it', async () => {
    const png = tinyPng();
    expect((await withLogo(admin, 'admin.hq', { content_type: 'image/png', data: png.toString('base64') })).status).toBe(201);
    const stored = await institution();
    expect(stored._attachments.logo).toMatchObject({ content_type: 'image/png', length: png.length, stub: true });
    const read = await fetch(`${server.url}/db/fo_ref/institution/logo`, { headers: kiosk.headers });
    expect(read.status).toBe(200);
    expect(Buffer.from(await read.arrayBuffer()).equals(png)).toBe(true);
    const renamed = await couch(server.url, admin, 'PUT', '/fo_ref/institution', { ...stored, name: `${stored.name} (CNPS)`, updatedBy: 'admin.hq', updatedAt: AT });
    expect(renamed.status).toBe(201);
    expect((await institution())._attachments.logo.length).toBe(png.length);
  });
});
