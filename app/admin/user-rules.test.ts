import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { passwordProblem } from '../../server/gateway/password-rules.ts';
import { DISABLED_ROLE, MUST_CHANGE_PASSWORD_ROLE } from './account-flags.ts';
import {
  filterUsers,
  newUserProblems,
  rolesToStore,
  summaryOf,
  temporaryPassword,
  type UserSummary,
} from './user-rules.ts';

const good = { name: 'cashier.new', displayName: '', jobRoles: ['cashier'], place: 'dla', password: 'first-day-at-work' };

describe('a new user', () => {
  it('is accepted when every part is right', () => {
    expect(newUserProblems(good, ['dla', 'yde'])).toEqual([]);
    expect(newUserProblems({ ...good, place: 'hq' }, [])).toEqual([]);
  });
  it('lists every problem at once', () => {
    expect(newUserProblems({ name: 'X', displayName: 'x'.repeat(81), jobRoles: [], place: 'nowhere', password: 'short' }, ['dla'])).toEqual([
      'name_invalid',
      'display_name_too_long',
      'role_missing',
      'place_invalid',
      'password_weak',
    ]);
    expect(newUserProblems({ ...good, jobRoles: ['cashier', '_admin'] }, ['dla'])).toEqual(['role_unknown']);
    expect(newUserProblems({ ...good, jobRoles: ['cashier', DISABLED_ROLE] }, ['dla'])).toEqual(['role_unknown']);
  });
});

describe('stored roles', () => {
  it('keeps job roles in the contract order, one place role, and only the account flags given', () => {
    expect(rolesToStore(['counter', 'reception', 'counter'], { kind: 'branch', code: 'dla' }, [MUST_CHANGE_PASSWORD_ROLE, 'hq'])).toEqual([
      'reception',
      'counter',
      'branch:dla',
      MUST_CHANGE_PASSWORD_ROLE,
    ]);
  });
  it('are shown split, never with a hash', () => {
    const doc = { name: 'a.b', roles: ['cashier', 'branch:dla', DISABLED_ROLE], derived_key: 'x', salt: 'y', displayName: 'A B' };
    const s = summaryOf(doc, '2026-01-02T03:04:05.000Z');
    expect(s).toEqual({ name: 'a.b', displayName: 'A B', jobRoles: ['cashier'], placeRole: 'branch:dla', disabled: true, mustChangePassword: false, lastSignIn: '2026-01-02T03:04:05.000Z' });
  });
});

describe('the list filter', () => {
  const u = (name: string, jobRoles: string[], placeRole: string, displayName: string | null = null) =>
    ({ name, displayName, jobRoles, placeRole, disabled: false, mustChangePassword: false, lastSignIn: null }) as UserSummary;
  const users = [u('counter.dla', ['counter'], 'branch:dla', 'Awa Ndiaye'), u('counter.yde', ['counter'], 'branch:yde'), u('admin.hq', ['admin'], 'hq')];
  it('filters by place, role and text (name or display name)', () => {
    expect(filterUsers(users, { place: 'dla', role: '', text: '' }).map((x) => x.name)).toEqual(['counter.dla']);
    expect(filterUsers(users, { place: 'hq', role: '', text: '' }).map((x) => x.name)).toEqual(['admin.hq']);
    expect(filterUsers(users, { place: '', role: 'counter', text: '' }).map((x) => x.name)).toEqual(['counter.dla', 'counter.yde']);
    expect(filterUsers(users, { place: '', role: '', text: ' ndiaye ' }).map((x) => x.name)).toEqual(['counter.dla']);
    expect(filterUsers(users, { place: '', role: '', text: 'YDE' }).map((x) => x.name)).toEqual(['counter.yde']);
  });
});

describe('a temporary password', () => {
  it('always passes the password rules and has no look-alike characters', () => {
    for (let i = 0; i < 500; i++) {
      const p = temporaryPassword((n) => new Uint8Array(randomBytes(n)), 'abcd');
      expect(p).toMatch(/^[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}$/);
      expect(passwordProblem(p, 'abcd')).toBeNull();
    }
  });
  it('draws again when the bytes give too few characters or a weak password', () => {
    const draws = [new Uint8Array(24).fill(255), new Uint8Array(24).fill(0), Uint8Array.from({ length: 24 }, (_, i) => i)];
    let call = 0;
    const p = temporaryPassword(() => draws[call++]!, 'zz');
    expect(call).toBe(3); // all above the unbiased limit; then one repeated character; then fine
    expect(p).toBe('abcd-efgh-jkmn');
  });
});
