import { pbkdf2Sync } from 'node:crypto';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { adminConfigHash, hashPassword, verifyPassword } from './password-hash.ts';

const salt = 'a3f4c2e18b7d4e0f9a1b2c3d4e5f6a7b';

describe('password hashes', () => {
  it('verifies a CouchDB 3.4 document (PBKDF2-SHA256, its own iteration count)', async () => {
    const doc = {
      name: 'x',
      password_scheme: 'pbkdf2',
      pbkdf2_prf: 'sha256',
      iterations: 1000,
      salt,
      derived_key: pbkdf2Sync('s3cret', salt, 1000, 32, 'sha256').toString('hex'),
    };
    expect(await verifyPassword('s3cret', doc)).toBe(true);
    expect(await verifyPassword('s3cret!', doc)).toBe(false);
    expect(await verifyPassword('s3cret', { ...doc, iterations: 999 })).toBe(false);
  });

  it('verifies the SHA-1 documents PouchDB Server wrote (no pbkdf2_prf)', async () => {
    const require = createRequire(createRequire(createRequire(import.meta.url).resolve('express-pouchdb')).resolve('pouchdb-auth'));
    const legacy = require('crypto-lite').crypto.pbkdf2('demo-counter', salt, 10, 20).toString('hex') as string;
    const doc = { name: 'y', password_scheme: 'pbkdf2', iterations: 10, salt, derived_key: legacy };
    expect(await verifyPassword('demo-counter', doc)).toBe(true);
    expect(await verifyPassword('demo-counte', doc)).toBe(false);
  });

  it('says no to anything malformed instead of throwing', async () => {
    const good = { name: 'z', password_scheme: 'pbkdf2', iterations: 5, salt, derived_key: await hashPassword('p', salt, 5, 'sha256'), pbkdf2_prf: 'sha256' };
    expect(await verifyPassword('p', good)).toBe(true);
    for (const bad of [
      { ...good, pbkdf2_prf: 'md5' },
      { ...good, iterations: 0 },
      { ...good, iterations: 1e9 },
      { ...good, iterations: '5' },
      { ...good, salt: undefined },
      { ...good, password_scheme: 'simple' },
    ]) {
      expect(await verifyPassword('p', bad)).toBe(false);
    }
    expect(await verifyPassword({ toString: () => 'p' }, good)).toBe(false);
  });

  it('remembers a right password only: a wrong one after it is still wrong', async () => {
    const doc = { name: 'w', password_scheme: 'pbkdf2', pbkdf2_prf: 'sha256', iterations: 200_000, salt, derived_key: await hashPassword('right', salt, 200_000, 'sha256') };
    expect(await verifyPassword('right', doc)).toBe(true);
    const t = performance.now();
    expect(await verifyPassword('right', doc)).toBe(true);
    expect(performance.now() - t).toBeLessThan(20);
    expect(await verifyPassword('wrong', doc)).toBe(false);
    expect(await verifyPassword('right', { ...doc, derived_key: doc.derived_key.replace(/^./, (c) => (c === '0' ? '1' : '0')) })).toBe(false);
  });

  it('writes server admins in CouchDB 3.4 config format', async () => {
    const h = await adminConfigHash('pw', 100);
    const m = h.match(/^-pbkdf2:sha256-([0-9a-f]{64}),([0-9a-f]{32}),100$/);
    expect(m).not.toBeNull();
    expect(pbkdf2Sync('pw', m![2]!, 100, 32, 'sha256').toString('hex')).toBe(m![1]);
  });
});
