import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CODE_LIFETIME_MS,
  CODE_PATTERN,
  codeRequestProblems,
  codeState,
  deviceAccountName,
  deviceRoles,
  enrolmentUrl,
  isEnrolledDevice,
  newEnrolmentCode,
  normaliseCode,
} from './enrol-rules.ts';
import { USER_NAME_PATTERN } from '../admin/user-rules.ts';
import { isDeviceAccount, resumeRecord } from './resume.ts';
import { printerReport } from './device-heartbeat.ts';
import { storageDeviceMarker } from './enrol-client.ts';

const bytes = fc.uint8Array({ minLength: 64, maxLength: 64 });
const fromBytes = (b: Uint8Array) => {
  let i = 0;
  return (n: number) => Uint8Array.from({ length: n }, () => b[i++ % b.length]!);
};

describe('enrolment codes', () => {
  it('are 20 characters without look-alikes in four groups, and read back whatever the case, spaces or dashes', () => {
    fc.assert(
      fc.property(bytes, (b) => {
        const code = newEnrolmentCode(fromBytes(b));
        expect(code).toMatch(CODE_PATTERN);
        expect(code).not.toMatch(/[01ilo]/);
        expect(normaliseCode(code)).toBe(code);
        expect(normaliseCode(` ${code.toUpperCase().replace(/-/g, ' ')} `)).toBe(code);
        expect(normaliseCode(code.replace(/-/g, ''))).toBe(code);
      }),
    );
  });

  it('refuse what cannot be a code', () => {
    for (const bad of ['', 'short', 'abcde-fghjk-mnpqr-stuv', 'abcde-fghjk-mnpqr-stuvwx', 'abcde-fghjk-mnpqr-stuv0', 'abcde-fghjk-mnpqr-stuv!']) expect(normaliseCode(bad)).toBeNull();
  });

  it('are uniform over the alphabet (rejection sampling: no bias from 256 mod 31)', () => {
    const counts = new Map<string, number>();
    const random = (n: number) => crypto.getRandomValues(new Uint8Array(n));
    for (let i = 0; i < 20_000; i++) for (const c of newEnrolmentCode(random).replace(/-/g, '')) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).toBe(31);
    const expected = (20_000 * 20) / 31; // ±0.9 % sd; plain `b % 31` would give the first 8 letters +9 %
    for (const n of counts.values()) expect(Math.abs(n - expected) / expected).toBeLessThan(0.05);
  });

  it('expire after their lifetime and serve once', () => {
    const made = Date.parse('2026-01-01T08:00:00Z');
    const record = { expiresAt: new Date(made + CODE_LIFETIME_MS).toISOString() };
    expect(CODE_LIFETIME_MS).toBe(24 * 3_600_000);
    expect(codeState(record, made)).toBe('usable');
    expect(codeState(record, made + CODE_LIFETIME_MS - 1)).toBe('usable');
    expect(codeState(record, made + CODE_LIFETIME_MS)).toBe('expired');
    expect(codeState({ ...record, usedAt: new Date(made + 1).toISOString() }, made + 2)).toBe('used');
    // Used wins over expired: the device that used it is told "used", not "expired".
    expect(codeState({ ...record, usedAt: new Date(made + 1).toISOString() }, made + CODE_LIFETIME_MS + 1)).toBe('used');
  });

  it('open the enrolment address, with the code in the fragment (never sent to a server)', () => {
    expect(enrolmentUrl('https://fo.example', 'abcde-fghjk-mnpqr-stuvw')).toBe('https://fo.example/enrol#abcde-fghjk-mnpqr-stuvw');
  });
});

describe('device accounts', () => {
  it('are named device.<branch>.<role>.<id> within the user-name rule, with the device marker role', () => {
    fc.assert(
      fc.property(bytes, fc.stringMatching(/^[a-z][a-z0-9]{0,15}$/), fc.constantFrom('kiosk' as const, 'display' as const), (b, branch, role) => {
        const name = deviceAccountName(branch, role, fromBytes(b));
        expect(name).toMatch(new RegExp(`^device\\.${branch}\\.${role}\\.[a-z2-9]{6}$`));
        expect(name).toMatch(USER_NAME_PATTERN);
      }),
    );
    const roles = deviceRoles('dla', 'kiosk');
    expect(roles).toEqual(['kiosk', 'branch:dla', 'device']);
    expect(isEnrolledDevice(roles)).toBe(true);
    expect(isEnrolledDevice(['kiosk', 'branch:dla'])).toBe(false);
    // They resume as devices do (no unlock), keeping their password for the next session.
    expect(isDeviceAccount(roles)).toBe(true);
    expect(resumeRecord({ name: 'device.dla.kiosk.abcdef', roles }, 'secret', 0).kind).toBe('device');
  });

  it('are asked for with a branch, a kiosk or display role, and a label', () => {
    expect(codeRequestProblems({ branch: 'dla', role: 'kiosk', label: 'Kiosk entrance' }, ['dla'])).toEqual([]);
    expect(codeRequestProblems({ branch: 'dla', role: 'display', label: ' Hall ' }, ['dla'])).toEqual([]);
    expect(codeRequestProblems({ branch: 'yde', role: 'counter', label: '  ' }, ['dla'])).toEqual(['role_unknown', 'place_invalid', 'label_missing']);
    expect(codeRequestProblems({ branch: 'dla', role: 'kiosk', label: 'x'.repeat(61) }, ['dla'])).toEqual(['label_too_long']);
  });
});

describe('what the device reports and remembers', () => {
  it('reports its printer: USB answering, in error, or the browser fallback', () => {
    expect(printerReport({ connected: true, problem: null, settings: { printer: { vendorId: 1 } } })).toBe('usb');
    expect(printerReport({ connected: false, problem: 'disconnected', settings: { printer: { vendorId: 1 } } })).toBe('error');
    expect(printerReport({ connected: false, problem: null, settings: { printer: null } })).toBe('fallback');
  });

  it('remembers being enrolled or revoked, and ignores anything else', () => {
    const map = new Map<string, string>();
    const storage = { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) };
    const markers = storageDeviceMarker(storage);
    expect(markers.load()).toBeNull();
    markers.save({ name: 'device.dla.kiosk.abcdef', state: 'enrolled' });
    expect(markers.load()).toEqual({ name: 'device.dla.kiosk.abcdef', state: 'enrolled' });
    map.set('fo.device', '{"name":"x","state":"owned"}');
    expect(markers.load()).toBeNull();
    map.set('fo.device', 'not json');
    expect(markers.load()).toBeNull();
  });
});
