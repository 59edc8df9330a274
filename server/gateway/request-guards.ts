/**
 * Checks made on the raw request before anything else: a state-changing request must come
 * from our own pages (Origin / Fetch Metadata), carry JSON (no cross-site HTML form can send
 * that without a preflight we never grant), and fit its size limit.
 */
import type { IncomingMessage } from 'node:http';
import type { Refusal } from './routes.ts';

const SAFE = new Set(['GET', 'HEAD']);

export function crossSiteRefusal(req: IncomingMessage): Refusal | null {
  if (SAFE.has(req.method ?? 'GET')) return null;
  const site = req.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') return { status: 403, error: 'forbidden', reason: 'cross-site requests are refused' };
  const origin = req.headers.origin;
  if (origin === undefined) return null; // non-browser clients (replicators, scripts) send none
  let host: string | null = null;
  try {
    host = origin === 'null' ? null : new URL(origin).host;
  } catch {
    host = null;
  }
  return host !== null && host === req.headers.host ? null : { status: 403, error: 'forbidden', reason: 'cross-origin requests are refused' };
}

/** A body must be declared JSON; anything else (forms, multipart uploads, text/plain) is refused. */
export function contentTypeRefusal(req: IncomingMessage, hasBody: boolean): Refusal | null {
  if (!hasBody) return null;
  const type = (req.headers['content-type'] ?? '').split(';', 1)[0]!.trim().toLowerCase();
  return type === 'application/json' ? null : { status: 415, error: 'bad_content_type', reason: 'Content-Type must be application/json' };
}

export function declaresBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/** Reads the whole body, or says it is too large (the connection is then closed, the rest unread). */
export function readBody(req: IncomingMessage, limit: number): Promise<string | 'too_large'> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) return resolve('too_large');
    req.setEncoding('utf8');
    let text = '';
    let size = 0;
    req.on('data', (c: string) => {
      size += Buffer.byteLength(c);
      if (size > limit) {
        req.removeAllListeners('data');
        req.pause();
        resolve('too_large');
        return;
      }
      text += c;
    });
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });
}

export function parseJson(raw: string): { ok: true; value: unknown } | { ok: false } {
  if (raw.length === 0) return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(raw) };
  } catch {
    return { ok: false };
  }
}

/**
 * The body of a call to the server's own JSON endpoints (`/api/users`, `/api/devices`): at
 * most `limit` bytes of a JSON object, or nothing (`{}`); otherwise the refusal to answer.
 */
export async function readJsonObject(req: IncomingMessage, limit: number): Promise<{ body: Record<string, unknown> } | { refusal: Refusal }> {
  const raw = await readBody(req, limit);
  if (raw === 'too_large') return { refusal: { status: 413, error: 'too_large', reason: `the request body is larger than ${limit} bytes` } };
  const parsed = parseJson(raw);
  if (!parsed.ok || (parsed.value !== undefined && (typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value)))) {
    return { refusal: { status: 400, error: 'bad_request', reason: 'expected a JSON object' } };
  }
  return { body: (parsed.value ?? {}) as Record<string, unknown> };
}
