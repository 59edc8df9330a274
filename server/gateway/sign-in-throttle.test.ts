import { describe, expect, it } from 'vitest';
import { SignInThrottle } from './sign-in-throttle.ts';
import { hardenCookie } from './headers.ts';
import { tokenOf } from './sessions.ts';
import { passwordProblem } from './password-rules.ts';

const limits = { perName: 5, perAddress: 30, windowMs: 60_000, lockMs: 120_000 };

describe('SignInThrottle', () => {
  it('locks a name after five failures in the window, until it expires or an administrator lifts it', () => {
    let now = 0;
    const t = new SignInThrottle(limits, () => now);
    for (let i = 0; i < 4; i++) t.failed('counter.dla', '10.0.0.1');
    expect(t.check('counter.dla', '10.0.0.1')).toEqual({ allowed: true });
    t.failed('counter.dla', '10.0.0.1');
    expect(t.check('counter.dla', '10.0.0.2')).toMatchObject({ allowed: false, scope: 'name', retryAfterS: 120 });
    expect(t.lockouts().map((l) => l.name)).toEqual(['counter.dla']);
    expect(t.lift('counter.dla')).toBe(true);
    expect(t.check('counter.dla', '10.0.0.2')).toEqual({ allowed: true });
    for (let i = 0; i < 5; i++) t.failed('counter.dla', '10.0.0.3');
    now += 120_001;
    expect(t.check('counter.dla', '10.0.0.3')).toEqual({ allowed: true });
  });

  it('forgets failures older than the window, and a success clears the name', () => {
    let now = 0;
    const t = new SignInThrottle(limits, () => now);
    for (let i = 0; i < 4; i++) t.failed('a', 'x');
    now += 60_001;
    t.failed('a', 'x');
    expect(t.check('a', 'x')).toEqual({ allowed: true });
    for (let i = 0; i < 3; i++) t.failed('a', 'x');
    t.succeeded('a');
    t.failed('a', 'x');
    expect(t.check('a', 'x')).toEqual({ allowed: true });
  });

  it('holds back an address guessing across many names', () => {
    const t = new SignInThrottle(limits, () => 0);
    for (let i = 0; i < 30; i++) t.failed(`user${i}`, '10.9.9.9');
    expect(t.check('someone.else', '10.9.9.9')).toMatchObject({ allowed: false, scope: 'address' });
    expect(t.check('someone.else', '10.9.9.8')).toEqual({ allowed: true });
  });
});

describe('session cookies', () => {
  it('are SameSite=Strict whatever the engine said', () => {
    expect(hardenCookie('AuthSession=abc; Version=1; Path=/; HttpOnly; SameSite=None')).toBe('AuthSession=abc; Version=1; Path=/; HttpOnly; SameSite=Strict');
  });
  it('count as gone when emptied (CouchDB answers sign-out with an empty cookie, not a removed one)', () => {
    expect(tokenOf(['AuthSession=; Version=1; Path=/; HttpOnly; Max-Age=600'])).toBeNull();
    expect(tokenOf(['AuthSession=YWJj; Path=/'])).toBe('YWJj');
  });
});

describe('passwordProblem', () => {
  it('asks for length, not the name, some variety', () => {
    expect(passwordProblem('short', 'a.b')).toMatch(/at least 10/);
    expect(passwordProblem('counter.dla-2026', 'counter.dla')).toMatch(/user name/);
    expect(passwordProblem('aaaaaaaaaaaa', 'x.y')).toMatch(/different/);
    expect(passwordProblem('correct horse battery', 'x.y')).toBeNull();
  });
});
