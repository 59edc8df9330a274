/** The engine behind the gateway: its base URL and one small JSON call for the gateway's own questions. */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface UpstreamAnswer {
  status: number;
  body: unknown;
  setCookie: string[];
}

export interface Upstream {
  /** CouchDB base URL, no trailing slash, no credentials. */
  readonly base: string;
  json(method: string, path: string, headers: Record<string, string>, body?: string): Promise<UpstreamAnswer>;
}

const TIMEOUT_MS = 15_000;

/** The answer when the engine cannot be reached (down, restarting): CouchDB-shaped, never a 500. */
export const UNREACHABLE = { status: 503, error: 'unavailable', reason: 'database unreachable' } as const;

export function sendRequest(url: URL, method: string, headers: Record<string, string | number>, onAnswer: (answer: IncomingMessage) => void) {
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return send(url, { method, headers }, onAnswer);
}

export function createUpstream(base: string): Upstream {
  return {
    base,
    json: (method, path, headers, body) =>
      new Promise<UpstreamAnswer>((resolve, reject) => {
        const req = sendRequest(new URL(base + path), method, { accept: 'application/json', ...headers, ...(body ? { 'content-length': Buffer.byteLength(body) } : {}) }, (answer) => {
          let text = '';
          answer.setEncoding('utf8');
          answer.on('data', (c: string) => (text += c));
          answer.on('error', reject);
          answer.on('end', () => {
            let parsed: unknown = null;
            try {
              parsed = JSON.parse(text);
            } catch {
              // A non-JSON answer (an engine error page) is read as no answer.
            }
            const raw = answer.headers['set-cookie'];
            resolve({ status: answer.statusCode ?? 502, body: parsed, setCookie: raw ?? [] });
          });
        });
        req.setTimeout(TIMEOUT_MS, () => req.destroy(new Error('engine did not answer in time')));
        req.on('error', reject);
        req.end(body);
      }),
  };
}
