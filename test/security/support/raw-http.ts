/**
 * Requests as an attacker's `curl` sends them: the path goes out byte for byte (no URL
 * normalisation, so `%00`, `..` and trailing slashes reach the server), headers exactly as
 * given, from any loopback address (the sign-in throttle counts per address).
 */
import { Agent, request, type IncomingHttpHeaders } from 'node:http';

export interface RawRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Source address, e.g. 127.0.0.2: another "device" for the per-address throttle. */
  from?: string;
}

export interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  /** The parsed body, or undefined when it is not JSON. */
  json: any;
}

/** Kept-alive connections, one pool per source address. */
const agents = new Map<string, Agent>();
const agentFor = (from = '') => {
  let a = agents.get(from);
  if (!a) agents.set(from, (a = new Agent({ keepAlive: true, maxSockets: 8, ...(from ? { localAddress: from } : {}) })));
  return a;
};

const CHUNK = 64 * 1024;
/** Bodies up to this size go out in one write (a refusal of them is read after they are sent). */
const AT_ONCE = 1024 * 1024;

/**
 * A kept-alive connection the peer closed just as it was reused (its idle timeout, under load)
 * resets before any answer; as browsers do (RFC 9112 §9.3.1), a GET or HEAD is then sent once
 * more. A refusal, or a reset of a connection used for the first time, is never retried.
 */
const RETRIED_ON_STALE = new Set(['GET', 'HEAD']);

export function send(base: string, r: RawRequest): Promise<RawAnswer> {
  return sendOnce(base, r, RETRIED_ON_STALE.has(r.method));
}

function sendOnce(base: string, r: RawRequest, mayRetry: boolean): Promise<RawAnswer> {
  const url = new URL(base);
  const body = r.body === undefined ? undefined : typeof r.body === 'string' ? Buffer.from(r.body) : r.body;
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        method: r.method,
        path: r.path,
        headers: { ...(body ? { 'content-length': String(body.length) } : {}), ...r.headers },
        agent: agentFor(r.from),
      },
      (res) => {
        answered = true;
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('error', reject);
        res.on('end', () => {
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
      },
    );
    // A server that refuses a large body answers before reading it and closes: stop writing then.
    req.on('error', (err: NodeJS.ErrnoException) => {
      if (!answered && mayRetry && req.reusedSocket && err.code === 'ECONNRESET') return void sendOnce(base, r, false).then(resolve, reject);
      if (!answered) reject(new Error(`${r.method} ${r.path.slice(0, 80)}: ${err.message}`, { cause: err }));
    });
    if (!body || body.length <= AT_ONCE) return void req.end(body);
    // A server that refuses a large body answers on its headers and closes: give it a moment to
    // answer after the first chunk, and write no more once it has (else the write fails first).
    let offset = 0;
    const writeMore = (): void => {
      while (!answered && !req.destroyed && offset < body.length) {
        const chunk = body.subarray(offset, offset + CHUNK);
        offset += chunk.length;
        if (offset === chunk.length) return void req.write(chunk, () => setTimeout(writeMore, 200));
        if (!req.write(chunk)) return void req.once('drain', writeMore);
      }
      if (!answered && offset >= body.length) req.end();
    };
    writeMore();
  });
}

/** Headers of a JSON request, with a session's cookie (or basic auth) when given. */
export function json(session?: { headers: Record<string, string> } | null, extra: Record<string, string> = {}): Record<string, string> {
  return { 'content-type': 'application/json', ...session?.headers, ...extra };
}

export const basic = (name: string, password: string) => 'Basic ' + Buffer.from(`${name}:${password}`).toString('base64');
