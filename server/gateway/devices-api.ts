/**
 * `/api/devices`: enrolled kiosks and displays (issue 14, devices; docs/ADMIN.md, Devices).
 *
 * - admin: `POST /api/devices/codes` makes a one-time enrolment code (answered once, stored
 *   only as its hash), `GET /api/devices` lists the devices, `POST /api/devices/<name>/revoke`
 *   disables the device's account (its sessions die at the gateway, as any disabled user's);
 * - public, throttled per address: `POST /api/devices/enrol` consumes a valid unused code,
 *   creates the device account in `_users` with a long random password made here, and answers
 *   that password once, to the device;
 * - the device itself: `POST /api/devices/heartbeat` notes its last contact and printer state.
 *
 * Same guards as `/api/users`; codes and passwords are never logged (the request line of the
 * log carries the path only, and the code travels in the body).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { answer, clientAddress, refuse, reply, type Gateway } from './answers.ts';
import { contentTypeRefusal, crossSiteRefusal, declaresBody, readJsonObject } from './request-guards.ts';
import { readCredentials } from './sessions.ts';
import { isAdmin } from './access.ts';
import { userDocId, type UserStore } from './users-store.ts';
import type { DeviceStore } from './devices-store.ts';
import { DISABLED_ROLE, MUST_CHANGE_PASSWORD_ROLE, isDisabled } from '../../app/admin/account-flags.ts';
import {
  CODE_LIFETIME_MS,
  codeRequestProblems,
  codeState,
  deviceAccountName,
  deviceRoles,
  isDeviceJobRole,
  isEnrolledDevice,
  isPrinterReport,
  newEnrolmentCode,
  normaliseCode,
} from '../../app/auth/enrol-rules.ts';
import { EnrolThrottle } from './devices-throttle.ts';

const BODY_LIMIT = 4_096;
const random = (n: number) => new Uint8Array(randomBytes(n));

const REASONS: Record<string, string> = {
  role_unknown: 'A device is a kiosk or a display.',
  place_invalid: 'Choose one of the branches.',
  label_missing: 'Give the device a label, like "Kiosk entrance".',
  label_too_long: 'A label is at most 60 characters.',
};


export interface DevicesContext {
  users: UserStore;
  devices: DeviceStore;
  throttle?: EnrolThrottle;
  now?: () => number;
}

export function devicesApi(ctx: DevicesContext) {
  const throttle = ctx.throttle ?? new EnrolThrottle();
  const now = ctx.now ?? Date.now;

  return async function handleDevicesApi(gw: Gateway, req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const method = req.method ?? 'GET';
    const guard = crossSiteRefusal(req) ?? contentTypeRefusal(req, declaresBody(req) && method !== 'GET');
    if (guard) return refuse(res, guard);
    let body: Record<string, unknown> = {};
    if (method !== 'GET') {
      const read = await readJsonObject(req, BODY_LIMIT);
      if ('refusal' in read) return refuse(res, read.refusal);
      body = read.body;
    }
    if (path === '/api/devices/enrol' && method === 'POST') return enrol(req, res, body);

    const { caller } = await gw.sessions.resolve(readCredentials(req.headers.cookie, undefined));
    if (caller.name === null) return refuse(res, { status: 401, error: 'unauthorized', reason: 'You are not signed in.' });
    if (path === '/api/devices/heartbeat' && method === 'POST') {
      if (!isEnrolledDevice(caller.roles)) return refuse(res, { status: 403, error: 'forbidden', reason: 'Only an enrolled device reports its state.' });
      const printer = body.printer;
      if (printer !== undefined && !isPrinterReport(printer)) return refuse(res, { status: 400, error: 'bad_request', reason: 'printer is usb, fallback, error or none' });
      await ctx.devices.contact(caller.name, new Date(now()).toISOString(), printer);
      return answer(res, { ok: true });
    }
    if (!isAdmin(caller)) return refuse(res, { status: 403, error: 'forbidden', reason: 'Only an administrator manages devices.' });
    if (caller.roles.includes(MUST_CHANGE_PASSWORD_ROLE)) return refuse(res, { status: 403, error: 'password_change_required', reason: 'Change your own password first.' });

    if (path === '/api/devices' && method === 'GET') return list(res);
    if (path === '/api/devices/codes' && method === 'POST') return makeCode(res, caller.name, body);
    const m = /^\/api\/devices\/([^/]+)\/revoke$/.exec(path);
    if (m && method === 'POST') {
      let name: string;
      try {
        name = decodeURIComponent(m[1]!);
      } catch {
        return refuse(res, { status: 400, error: 'bad_request', reason: 'malformed device name' });
      }
      return revoke(res, name);
    }
    return refuse(res, { status: 404, error: 'not_found', reason: 'no such endpoint' });
  };

  async function list(res: ServerResponse): Promise<void> {
    const [devices, accounts, signIns, branches] = await Promise.all([ctx.devices.list(), ctx.users.list(), ctx.users.lastSignIns(), ctx.users.branches()]);
    const disabled = new Set(accounts.filter((a) => isDisabled(a.roles ?? [])).map((a) => a.name));
    const shown = devices
      .map((d) => {
        const signIn = signIns.get(d.name) ?? null;
        const lastContact = [d.lastContact, signIn].filter((x): x is string => !!x).sort().pop() ?? null;
        return { name: d.name, label: d.label, branch: d.branch, role: d.role, enrolledAt: d.enrolledAt, lastContact, printer: d.printer, revoked: disabled.has(d.name) || !!d.revokedAt };
      })
      .sort((a, b) => (a.enrolledAt < b.enrolledAt ? 1 : -1));
    answer(res, { devices: shown, branches });
  }

  async function makeCode(res: ServerResponse, by: string, body: Record<string, unknown>): Promise<void> {
    const { branch, role, label } = body;
    if (typeof branch !== 'string' || typeof role !== 'string' || typeof label !== 'string') {
      return refuse(res, { status: 400, error: 'bad_request', reason: 'expected {"branch", "role", "label"}' });
    }
    const problems = codeRequestProblems({ branch, role, label }, (await ctx.users.branches()).map((b) => b.code));
    if (problems.length || !isDeviceJobRole(role)) {
      return reply(res, 400, { error: problems[0], reason: REASONS[problems[0]!], problems });
    }
    const code = newEnrolmentCode(random);
    const at = now();
    const expiresAt = new Date(at + CODE_LIFETIME_MS).toISOString();
    await ctx.devices.createCode(code, { branch, role, label: label.trim(), createdBy: by, createdAt: new Date(at).toISOString(), expiresAt });
    reply(res, 201, { code, expiresAt, branch, role, label: label.trim() });
  }

  async function revoke(res: ServerResponse, name: string): Promise<void> {
    const record = await ctx.devices.getDevice(name);
    const doc = record && (await ctx.users.get(name));
    if (!record || !doc) return refuse(res, { status: 404, error: 'not_found', reason: 'No such device.' });
    if (!isDisabled(doc.roles)) {
      if (!(await ctx.users.update({ ...doc, roles: [...doc.roles, DISABLED_ROLE] }))) {
        return refuse(res, { status: 409, error: 'conflict', reason: 'This device was changed meanwhile: reload the list and try again.' });
      }
    }
    await ctx.devices.markRevoked(name, new Date(now()).toISOString());
    answer(res, { ok: true, name });
  }

  async function enrol(req: IncomingMessage, res: ServerResponse, body: Record<string, unknown>): Promise<void> {
    const address = clientAddress(req);
    const wait = throttle.check(address);
    if (wait > 0) return refuse(res, { status: 429, error: 'throttled', reason: 'Too many wrong codes from this device: wait a few minutes.' }, { 'Retry-After': String(wait) });
    const code = typeof body.code === 'string' ? normaliseCode(body.code) : null;
    const record = code ? await ctx.devices.getCode(code) : null;
    const failed = (status: number, error: string, reason: string) => {
      throttle.failed(address);
      refuse(res, { status, error, reason });
    };
    if (!record) return failed(404, 'code_unknown', 'This enrolment code does not exist: check it, or ask the administrator for a new one.');
    const state = codeState(record, now());
    if (state === 'used') return failed(410, 'code_used', 'This enrolment code was used already: ask the administrator for a new one.');
    if (state === 'expired') return failed(410, 'code_expired', 'This enrolment code has expired: ask the administrator for a new one.');
    const at = new Date(now()).toISOString();
    const name = deviceAccountName(record.branch, record.role, random);
    // Used first: two devices racing with one code, one wins (the other's write conflicts).
    if (!(await ctx.devices.consumeCode(record, at, name))) return failed(410, 'code_used', 'This enrolment code was used already: ask the administrator for a new one.');
    const password = randomBytes(32).toString('base64url');
    const roles = deviceRoles(record.branch, record.role);
    if (!(await ctx.users.create({ _id: userDocId(name), type: 'user', name, roles, displayName: record.label, password }))) {
      return refuse(res, { status: 409, error: 'conflict', reason: 'Try again with a new code.' });
    }
    await ctx.devices.saveDevice({ name, branch: record.branch, role: record.role, label: record.label, enrolledAt: at, lastContact: null, printer: null });
    // The one answer that carries the device's password: to the device, once.
    answer(res, { name, password, roles, branch: record.branch, role: record.role, label: record.label });
  }
}
