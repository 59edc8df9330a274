import { describe, expect, it } from 'vitest';
import { checkPassword, constantTimeEqual, deriveVerifier } from './verifier.ts';
import { parseVerifier, storageVerifierStore, type Verifier } from './verifier-store.ts';
import { signIn, type SignInDeps } from './sign-in.ts';
import { sweepVerifiers } from './verifier-sweep.ts';
import type { SessionAnswer } from './couch-session.ts';
import { canOpen, landingPath, screenOfPath, screensFor } from './landing.ts';
import { WORKING_DAY_MS, isDeviceAccount, resumeRecord, storageResumeStore, usableRecord } from './resume.ts';

const FAST = 100_000; // the floor parseVerifier accepts; tests stay quick

function memoryStorage() {
  const map = new Map<string, string>();
  return {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
    key: (i: number) => [...map.keys()][i] ?? null,
    get length() {
      return map.size;
    },
    map,
  };
}

describe('verifier', () => {
  it('accepts the same password, refuses another, never stores the password', async () => {
    const v = await deriveVerifier('ana', ['counter', 'branch:dla'], 's3cret-Pass', { iterations: FAST });
    expect(await checkPassword(v, 's3cret-Pass')).toBe(true);
    expect(await checkPassword(v, 's3cret-pass')).toBe(false);
    expect(JSON.stringify(v)).not.toContain('s3cret');
    expect(atob(v.salt)).toHaveLength(16);
    expect(atob(v.hash)).toHaveLength(32);
  });

  it('uses a fresh salt each time', async () => {
    const a = await deriveVerifier('ana', [], 'pw', { iterations: FAST });
    const b = await deriveVerifier('ana', [], 'pw', { iterations: FAST });
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
  });

  it('compares bytes in full', () => {
    expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 3]))).toBe(true);
    expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 4]))).toBe(false);
    expect(constantTimeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2, 0]))).toBe(false);
  });

  it('round-trips through storage and rejects weak or corrupt records', async () => {
    const storage = memoryStorage();
    const store = storageVerifierStore(storage);
    const v = await deriveVerifier('ana', ['reception'], 'pw', { iterations: FAST });
    store.save(v);
    expect(store.load('ana')).toEqual(v);
    expect(store.load('bob')).toBeNull();
    storage.setItem('fo.verifier.bob', '{not json');
    expect(store.load('bob')).toBeNull();
    expect(parseVerifier({ ...v, iterations: 1000 })).toBeNull();
    storage.setItem('fo.resume', '{}');
    expect(store.names().sort()).toEqual(['ana', 'bob']);
  });
});

function deps(answer: SessionAnswer | null, stored: Verifier | null = null) {
  const saved: Verifier[] = [];
  const removed: string[] = [];
  const d: SignInDeps = {
    online: () => answer !== null,
    postSession: async () => answer ?? { kind: 'unreachable' },
    store: { load: (n) => (stored && stored.name === n ? stored : null), save: (v) => void saved.push(v), remove: (n) => void removed.push(n), names: () => (stored ? [stored.name] : []) },
    derive: (n, r, p) => deriveVerifier(n, r, p, { iterations: FAST }),
    check: checkPassword,
    cryptoAvailable: () => true,
  };
  return { d, saved, removed };
}

describe('signIn', () => {
  it('a disabled account is refused and its verifier forgotten, whatever password was typed', async () => {
    const v = await deriveVerifier('ana', ['counter'], 'pw', { iterations: FAST });
    const { d, removed, saved } = deps({ kind: 'disabled' }, v);
    expect(await signIn('ana', 'another one', d)).toEqual({ ok: false, code: 'account_disabled' });
    expect(removed).toEqual(['ana']);
    expect(saved).toEqual([]);
  });

  it('online success stores a verifier with the server roles', async () => {
    const { d, saved } = deps({ kind: 'ok', name: 'ana', roles: ['counter', 'branch:dla'] });
    const r = await signIn(' ana ', 'pw', d);
    expect(r).toEqual({ ok: true, user: { name: 'ana', roles: ['counter', 'branch:dla'], offline: false } });
    expect(saved).toHaveLength(1);
    expect(await checkPassword(saved[0]!, 'pw')).toBe(true);
  });

  it('offline sign-in works only with a matching verifier', async () => {
    const v = await deriveVerifier('ana', ['counter'], 'pw', { iterations: FAST });
    expect(await signIn('ana', 'pw', deps(null, v).d)).toEqual({ ok: true, user: { name: 'ana', roles: ['counter'], offline: true } });
    expect(await signIn('ana', 'nope', deps(null, v).d)).toEqual({ ok: false, code: 'unauthorized' });
    expect(await signIn('bob', 'pw', deps(null, v).d)).toEqual({ ok: false, code: 'offline_unknown_user' });
  });

  it('falls back to the verifier when the server is unreachable, and says so otherwise', async () => {
    const v = await deriveVerifier('ana', ['counter'], 'pw', { iterations: FAST });
    expect((await signIn('ana', 'pw', deps({ kind: 'unreachable' }, v).d)).ok).toBe(true);
    expect(await signIn('bob', 'pw', deps({ kind: 'unreachable' }, v).d)).toEqual({ ok: false, code: 'unreachable' });
    expect(await signIn('bob', 'pw', deps({ kind: 'server', status: 500 }, v).d)).toEqual({ ok: false, code: 'server' });
  });

  it('does not open a locked account from the device’s verifier (the server said too many failures)', async () => {
    const v = await deriveVerifier('ana', ['counter'], 'pw', { iterations: FAST });
    expect(await signIn('ana', 'pw', deps({ kind: 'throttled' }, v).d)).toEqual({ ok: false, code: 'throttled' });
  });

  it('forgets a verifier whose password the server now refuses', async () => {
    const v = await deriveVerifier('ana', ['counter'], 'old', { iterations: FAST });
    const { d, removed } = deps({ kind: 'unauthorized' }, v);
    expect(await signIn('ana', 'old', d)).toEqual({ ok: false, code: 'unauthorized' });
    expect(removed).toEqual(['ana']);
    const other = deps({ kind: 'unauthorized' }, v);
    await signIn('ana', 'typo', other.d);
    expect(other.removed).toEqual([]);
  });
});

describe('landing and guard', () => {
  it('lands each role on its screen, first in the landing order', () => {
    expect(landingPath(['cashier', 'branch:dla'])).toBe('/cash');
    expect(landingPath(['reception', 'counter', 'branch:dla'])).toBe('/counter');
    expect(landingPath(['display', 'branch:dla'])).toBe('/display');
    expect(landingPath(['_admin'])).toBe('/admin');
    expect(landingPath(['branch:dla'])).toBe('/no-role');
  });

  it('opens a screen only to its role (or the server admin)', () => {
    expect(canOpen(['counter'], 'counter')).toBe(true);
    expect(canOpen(['counter'], 'cashier')).toBe(false);
    expect(canOpen(['_admin'], 'kiosk')).toBe(true);
    expect(screensFor(['reception', 'counter', 'branch:dla'])).toEqual(['reception', 'counter']);
  });

  it('maps paths back to screens', () => {
    expect(screenOfPath('/cash')).toBe('cashier');
    expect(screenOfPath('/counter/12')).toBe('counter');
    expect(screenOfPath('/nope')).toBeNull();
  });
});

describe('resume after a restart without the server (issue 9 item 10)', () => {
  const now = Date.parse('2025-03-10T08:00:00Z');

  it('a kiosk or display account resumes with its password kept; a staff one only within the working day, without it', () => {
    expect(isDeviceAccount(['kiosk', 'branch:dla'])).toBe(true);
    expect(isDeviceAccount(['display', 'branch:dla'])).toBe(true);
    expect(isDeviceAccount(['kiosk', 'reception', 'branch:dla'])).toBe(false);
    expect(isDeviceAccount(['branch:dla'])).toBe(false);
    expect(resumeRecord({ name: 'kiosk.dla', roles: ['kiosk', 'branch:dla'] }, 'pw', now)).toMatchObject({ kind: 'device', secret: 'pw' });
    const staff = resumeRecord({ name: 'counter.dla', roles: ['counter', 'branch:dla'] }, 'pw', now);
    expect(staff).toEqual({ version: 1, kind: 'staff', name: 'counter.dla', roles: ['counter', 'branch:dla'], until: now + WORKING_DAY_MS });
    expect(JSON.stringify(staff)).not.toContain('pw');
    expect(usableRecord(staff, now + WORKING_DAY_MS - 1)).toBe(staff);
    expect(usableRecord(staff, now + WORKING_DAY_MS)).toBeNull();
    expect(usableRecord(staff, now - 1)).toBeNull(); // a clock set back before the sign-in
  });

  it('round-trips through storage, is forgotten on clear, and refuses a forged device record', () => {
    const storage = memoryStorage();
    const store = storageResumeStore(storage);
    expect(store.load()).toBeNull();
    const record = resumeRecord({ name: 'display.dla', roles: ['display', 'branch:dla'] }, 'pw', now);
    store.save(record);
    expect(store.load()).toEqual(record);
    store.clear();
    expect(store.load()).toBeNull();
    // A "device" record naming a staff account would skip the unlock: refused.
    storage.setItem('fo.resume', JSON.stringify({ ...record, roles: ['supervisor', 'branch:dla'] }));
    expect(store.load()).toBeNull();
    storage.setItem('fo.resume', '{not json');
    expect(store.load()).toBeNull();
  });
});

describe('sweepVerifiers', () => {
  it('forgets the verifiers of the names the server revoked, and only those', async () => {
    const storage = memoryStorage();
    const store = storageVerifierStore(storage);
    for (const n of ['ana', 'bob', 'cy']) store.save(await deriveVerifier(n, ['counter'], 'pw', { iterations: FAST }));
    const asked: string[][] = [];
    const revoked = await sweepVerifiers(store, async (names) => (asked.push([...names]), ['bob', 'mallory']));
    expect(revoked).toEqual(['bob']);
    expect(store.names().sort()).toEqual(['ana', 'cy']);
    expect(asked).toEqual([['ana', 'bob', 'cy']]);
  });
  it('keeps everything when the server cannot answer', async () => {
    const store = storageVerifierStore(memoryStorage());
    store.save(await deriveVerifier('ana', ['counter'], 'pw', { iterations: FAST }));
    expect(await sweepVerifiers(store, async () => null)).toEqual([]);
    expect(store.names()).toEqual(['ana']);
  });
});
