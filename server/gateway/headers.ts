/**
 * Headers across the gateway. Only the headers the CouchDB API needs reach the engine (no
 * `X-Auth-CouchDB-*` proxy-authentication headers, no forwarded-for tricks); every answer
 * carries headers that make a stored file harmless on the app's origin.
 */
import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';

/** Request headers passed to the engine; everything else is dropped. */
const FORWARDED = new Set(['accept', 'content-type', 'if-none-match', 'if-match']);

export function engineRequestHeaders(incoming: IncomingHttpHeaders, engineToken: string | null, bodyLength: number | null): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const name of FORWARDED) {
    const v = incoming[name];
    if (typeof v === 'string') out[name] = v;
  }
  if (engineToken) out.cookie = `AuthSession=${engineToken}`;
  if (bodyLength !== null) out['content-length'] = bodyLength;
  return out;
}

/** Answer headers dropped: hop-by-hop ones (RFC 9110 §7.6.1) and those that tell an attacker what runs behind. */
const DROPPED = new Set(['connection', 'keep-alive', 'proxy-authenticate', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'x-powered-by', 'server', 'x-couch-request-id', 'x-couchdb-body-time']);

/**
 * Every `/db/` answer: no script runs from it (a sandboxed, empty CSP), nothing is sniffed
 * into HTML, no framing, no caching of private data.
 */
export const DB_ANSWER_HEADERS: Record<string, string> = {
  'content-security-policy': "default-src 'none'; sandbox; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
  'cross-origin-resource-policy': 'same-origin',
};

/** Session cookies never travel on a cross-site request. */
export function hardenCookie(cookie: string): string {
  const parts = cookie.split(';').map((p) => p.trim()).filter((p) => !/^samesite=/i.test(p));
  return [...parts, 'SameSite=Strict'].join('; ');
}

export interface AnswerOptions {
  /** An attachment: always downloaded, never rendered on our origin. */
  attachment: boolean;
  /** Basic-auth callers get no cookie: their session is the gateway's. */
  dropCookies: boolean;
}

export function clientAnswerHeaders(engine: IncomingHttpHeaders, opts: AnswerOptions): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(engine)) {
    if (value === undefined || DROPPED.has(name)) continue;
    if (name === 'set-cookie') {
      if (!opts.dropCookies) out[name] = (value as string[]).map(hardenCookie);
      continue;
    }
    out[name] = value;
  }
  Object.assign(out, DB_ANSWER_HEADERS);
  if (opts.attachment) {
    out['content-disposition'] = 'attachment';
    out['content-type'] = 'application/octet-stream';
  }
  return out;
}
