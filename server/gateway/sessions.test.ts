import { describe, expect, it } from 'vitest';
import { basicName, readCredentials, SessionResolver } from './sessions.ts';
import type { Upstream } from './upstream.ts';

/** Revocation never asks the engine: an upstream that fails if called proves it. */
const noEngine: Upstream = { base: 'http://127.0.0.1:9', json: () => Promise.reject(new Error('engine asked')) };

describe('SessionResolver revocation', () => {
  it('refuses a signed-out session under its first token and every renewal of it', () => {
    const s = new SessionResolver(noEngine);
    expect(s.renewed('A', 'A2')).toBe(true);
    expect(s.renewed('A2', 'A3')).toBe(true);
    s.revoke('A3');
    expect([s.isRevoked('A'), s.isRevoked('A2'), s.isRevoked('A3')]).toEqual([true, true, true]);
    expect(s.isRevoked('B')).toBe(false);
  });

  it('drops a renewal that arrives after the sign-out (a late answer must not sign the device back in)', () => {
    const s = new SessionResolver(noEngine);
    s.revoke('A');
    expect(s.renewed('A', 'A2')).toBe(false);
  });

  it('answers a revoked token as nobody without asking the engine', async () => {
    const s = new SessionResolver(noEngine);
    s.revoke('A');
    expect((await s.resolve({ token: 'A', authorization: null })).caller).toEqual({ name: null, roles: [] });
  });

  it('expires revocations after a day (tokens expire long before)', () => {
    let now = 0;
    const s = new SessionResolver(noEngine, () => now);
    s.revoke('A');
    now += 24 * 3_600_000 + 1;
    expect(s.isRevoked('A')).toBe(false);
  });
});

describe('credentials', () => {
  it('reads the AuthSession cookie among others, and basic auth', () => {
    expect(readCredentials('a=1; AuthSession=YWJj=; b=2', undefined)).toEqual({ token: 'YWJj=', authorization: null });
    expect(basicName('Basic ' + Buffer.from('admin:p:w').toString('base64'))).toEqual({ name: 'admin', password: 'p:w' });
    expect(basicName('Bearer x')).toBeNull();
  });
});
