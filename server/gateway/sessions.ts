/**
 * Who is calling: the engine's own answer to `GET /_session` for the caller's credentials,
 * kept for a few seconds so a burst of replication requests asks once. Two additions the
 * engines lack:
 * - revocation: CouchDB keeps no server-side session, so a cookie copied before sign-out
 *   would stay valid until it expires; the gateway refuses a signed-out token itself;
 * - basic auth is turned into a cookie session once (one password hash), because the engine
 *   would otherwise hash the password again on every request of a branch server's replicator.
 */
import { createHash } from 'node:crypto';
import type { Caller } from './access.ts';
import type { Upstream } from './upstream.ts';
import { isDisabled } from '../../app/admin/account-flags.ts';

const ANONYMOUS: Caller = { name: null, roles: [] };
/** Long enough for a replication burst, short enough that a removed role stops working soon. */
const CACHE_MS = 10_000;
/** CouchDB renews a cookie at 90 % of its timeout (600 s by default); keep a basic-auth session well inside it. */
const BASIC_SESSION_MS = 240_000;
/** A signed-out token is refused at least this long; tokens expire long before (CouchDB's default timeout is 10 minutes). */
const REVOKED_MS = 24 * 3_600_000;
const MAX_ENTRIES = 50_000;

export interface Credentials {
  /** The AuthSession cookie's value, if any. */
  token: string | null;
  /** The Authorization header, if any. */
  authorization: string | null;
}

export interface Resolved {
  caller: Caller;
  /** The cookie to send to the engine instead of what the client sent (basic auth turned into a session). */
  engineToken: string | null;
  /** Basic auth that the engine refused: counts as a failed sign-in. */
  failedBasic: { name: string } | null;
}

export function readCredentials(cookieHeader: string | undefined, authorization: string | undefined): Credentials {
  let token: string | null = null;
  for (const part of (cookieHeader ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === 'AuthSession') token = v.join('=') || null;
  }
  return { token, authorization: authorization ?? null };
}

/** The name in a `Basic` header, or null. */
export function basicName(authorization: string | null): { name: string; password: string } | null {
  const m = authorization ? /^Basic ([A-Za-z0-9+/=]{1,2048})$/i.exec(authorization) : null;
  if (!m) return null;
  const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? null : { name: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

const hash = (s: string) => createHash('sha256').update(s).digest('base64');

function prune<V extends { until: number }>(map: Map<string, V>, now: number): void {
  if (map.size < MAX_ENTRIES) return;
  for (const [k, v] of map) if (v.until <= now) map.delete(k);
  // Still full: drop the oldest entries (Map keeps insertion order).
  for (const k of map.keys()) {
    if (map.size < MAX_ENTRIES * 0.9) break;
    map.delete(k);
  }
}

export class SessionResolver {
  private readonly byToken = new Map<string, { caller: Caller; until: number }>();
  private readonly byBasic = new Map<string, { caller: Caller; token: string | null; until: number }>();
  /** Revoked sessions, by the token that began them (a sign-in); renewed tokens point back to it. */
  private readonly revoked = new Map<string, { until: number }>();
  private readonly origins = new Map<string, { origin: string; until: number }>();

  constructor(
    private readonly upstream: Upstream,
    private readonly now: () => number = Date.now,
  ) {}

  private originOf(token: string): string {
    return this.origins.get(token)?.origin ?? token;
  }

  isRevoked(token: string | null): boolean {
    if (token === null) return false;
    const r = this.revoked.get(this.originOf(token));
    return r !== undefined && r.until > this.now();
  }

  /**
   * Sign-out: this session is refused from now on, whatever the engine thinks of it, under
   * every token it has had (the engine renews the cookie as it goes; an older copy is as good).
   */
  revoke(token: string): void {
    prune(this.revoked, this.now());
    this.revoked.set(this.originOf(token), { until: this.now() + REVOKED_MS });
    this.byToken.delete(token);
  }

  /**
   * The engine answered a request made with `previous` with a renewed cookie `next`. Returns
   * false when that session was revoked meanwhile: the renewed cookie must not reach the
   * client, or a late answer would sign it back in after its sign-out.
   */
  renewed(previous: string, next: string): boolean {
    if (this.isRevoked(previous)) return false;
    if (next !== previous) {
      prune(this.origins, this.now());
      this.origins.set(next, { origin: this.originOf(previous), until: this.now() + REVOKED_MS });
    }
    return true;
  }

  /** What a forwarded answer does with a renewed session cookie for these credentials (see `renewed`). */
  renewalGuard(creds: Credentials): (next: string) => boolean {
    return (next) => (creds.token === null ? true : this.renewed(creds.token, next));
  }

  /** Drops what is cached for these credentials, so the next resolve asks the engine again. */
  forget(creds: Credentials): void {
    if (creds.authorization) this.byBasic.delete(hash(creds.authorization));
    if (creds.token) this.byToken.delete(creds.token);
  }

  async resolve(creds: Credentials): Promise<Resolved> {
    const basic = basicName(creds.authorization);
    if (basic) return this.resolveBasic(creds.authorization!, basic);
    if (creds.token === null || this.isRevoked(creds.token)) return { caller: ANONYMOUS, engineToken: null, failedBasic: null };
    const now = this.now();
    const cached = this.byToken.get(creds.token);
    if (cached && cached.until > now) return { caller: cached.caller, engineToken: creds.token, failedBasic: null };
    const answer = await this.upstream.json('GET', '/_session', { cookie: `AuthSession=${creds.token}` });
    const caller = answer.status === 200 ? userCtxOf(answer.body) : ANONYMOUS;
    prune(this.byToken, now);
    this.byToken.set(creds.token, { caller, until: now + CACHE_MS });
    return { caller, engineToken: creds.token, failedBasic: null };
  }

  private async resolveBasic(header: string, basic: { name: string; password: string }): Promise<Resolved> {
    const key = hash(header);
    const now = this.now();
    const cached = this.byBasic.get(key);
    if (cached && cached.until > now) {
      return { caller: cached.caller, engineToken: cached.token, failedBasic: cached.caller.name === null ? { name: basic.name } : null };
    }
    const answer = await this.upstream.json('POST', '/_session', { 'content-type': 'application/json' }, JSON.stringify(basic));
    const token = answer.status === 200 ? tokenOf(answer.setCookie) : null;
    const caller = answer.status === 200 && token ? userCtxOf({ userCtx: answer.body }) : ANONYMOUS;
    prune(this.byBasic, now);
    // A refused password is remembered briefly too, so a flood of bad basic auth costs the engine nothing.
    this.byBasic.set(key, { caller, token, until: now + (caller.name === null ? CACHE_MS : BASIC_SESSION_MS) });
    return { caller, engineToken: token, failedBasic: caller.name === null ? { name: basic.name } : null };
  }
}

/** The AuthSession value in a Set-Cookie list, or null (an emptied cookie counts as none). */
export function tokenOf(setCookie: readonly string[]): string | null {
  for (const c of setCookie) {
    const m = /^AuthSession=([^;]*)/.exec(c);
    if (m && m[1]) return m[1];
  }
  return null;
}

function userCtxOf(body: unknown): Caller {
  const ctx = (body as { userCtx?: { name?: unknown; roles?: unknown } } | null)?.userCtx;
  const name = typeof ctx?.name === 'string' ? ctx.name : null;
  const roles = Array.isArray(ctx?.roles) ? ctx.roles.filter((r): r is string => typeof r === 'string') : [];
  // A disabled account's cookie from before it was disabled stops working here (within CACHE_MS).
  return isDisabled(roles) ? ANONYMOUS : { name, roles };
}
