import { afterEach, describe, expect, it } from 'vitest';
import PouchDB from 'pouchdb-core';
import memory from 'pouchdb-adapter-memory';
import { followInstitutionLogo, readInstitutionLogo, type InstitutionLogo } from './institution-logo.ts';

PouchDB.plugin(memory);
let db: PouchDB.Database;
let n = 0;
const layer = () => ({ local: (key: string) => (key === 'ref' ? db : null) }) as never;
const institution = { _id: 'institution', type: 'institution', name: 'CNPS', currency: 'XAF', currencyDecimals: 0, defaultLocale: 'fr' };
const png = (byte: number) => ({ content_type: 'image/png', data: Buffer.from([0x89, 0x50, 0x4e, 0x47, byte]).toString('base64') });

afterEach(async () => {
  await db?.destroy();
});

async function until<T>(read: () => T | undefined): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const v = read();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('timed out');
}

describe("the institution's logo on the device's replica", () => {
  it('reads its bytes and type, or null without a replica, a document or a logo', async () => {
    db = new PouchDB(`logo-read-${++n}`, { adapter: 'memory' });
    expect(await readInstitutionLogo({ local: () => null } as never)).toBeNull();
    expect(await readInstitutionLogo(layer())).toBeNull();
    const put = await db.put(institution);
    expect(await readInstitutionLogo(layer())).toBeNull();
    await db.put({ ...institution, _rev: put.rev, _attachments: { logo: png(1) } });
    const logo = (await readInstitutionLogo(layer()))!;
    expect([...logo.bytes]).toEqual([0x89, 0x50, 0x4e, 0x47, 1]);
    expect(logo.contentType).toBe('image/png');
    expect(logo.digest).toMatch(/^md5-/);
  });

  it('follows it live: a new logo, not an edit of the name alone, then its removal', async () => {
    db = new PouchDB(`logo-follow-${++n}`, { adapter: 'memory' });
    let rev = (await db.put({ ...institution, _attachments: { logo: png(1) } })).rev;
    const seen: (InstitutionLogo | null)[] = [];
    const stop = followInstitutionLogo(layer(), (logo) => seen.push(logo));
    await until(() => (seen.length === 1 ? true : undefined));
    expect(seen[0]!.bytes[4]).toBe(1);
    const stored = await db.get('institution');
    rev = (await db.put({ ...institution, name: 'CNPS Cameroun', _rev: rev, _attachments: stored._attachments })).rev;
    // The change was read (the feed is quick in memory); the logo did not change, so nothing was said.
    await new Promise((r) => setTimeout(r, 150));
    expect(seen.length).toBe(1);
    rev = (await db.put({ ...institution, _rev: rev, _attachments: { logo: png(2) } })).rev;
    await until(() => (seen.length === 2 ? true : undefined));
    expect(seen[1]!.bytes[4]).toBe(2);
    await db.put({ ...institution, _rev: rev });
    await until(() => (seen.length === 3 ? true : undefined));
    expect(seen[2]).toBeNull();
    stop();
    expect(seen.length).toBe(3);
  });
});
