import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { sendJson } from './respond.ts';

/** Headers that describe one hop only and must not be forwarded (RFC 9110 §7.6.1). */
const HOP_BY_HOP = new Set([
  'connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'host',
]);

/**
 * Requests that would harm the embedded engine. PouchDB Server 4.2.0 crashes its whole
 * process on `_changes?filter=_selector`; no Front Office replication uses a selector.
 */
export function refusalForEmbedded(pathAndQuery: string): string | null {
  const url = new URL(pathAndQuery, 'http://x');
  if (/(^|\/)_changes$/.test(url.pathname) && url.searchParams.get('filter') === '_selector') {
    return 'filter=_selector is not supported by this server';
  }
  return null;
}

export interface ProxyOptions {
  /** CouchDB base URL (no trailing slash, no credentials). */
  target: string;
  embedded: boolean;
}

/**
 * Streams `/db/<rest>` to `<target>/<rest>` and the answer back unchanged, cookies included,
 * so the browser holds CouchDB's own AuthSession cookie on our origin.
 */
export function proxyToCouch(opts: ProxyOptions, req: IncomingMessage, res: ServerResponse, pathAndQuery: string): void {
  if (opts.embedded) {
    const reason = refusalForEmbedded(pathAndQuery);
    if (reason) return sendJson(res, 400, { error: 'bad_request', reason });
  }
  const target = new URL(opts.target + pathAndQuery);
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name)) headers[name] = value;
  }
  headers.host = target.host;
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const upstream = send(target, { method: req.method, headers }, (answer) => {
    const out: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(answer.headers)) {
      if (value !== undefined && !HOP_BY_HOP.has(name)) out[name] = value;
    }
    res.writeHead(answer.statusCode ?? 502, out);
    // Continuous feeds must reach the browser as they come.
    res.flushHeaders();
    answer.pipe(res);
  });
  upstream.on('error', (err) => {
    if (!res.headersSent) sendJson(res, 503, { error: 'unavailable', reason: `database unreachable: ${err.message}` });
    else res.destroy();
  });
  // A client that goes away (a long-poll cancelled) must not leave the upstream request open;
  // a completed answer keeps its upstream socket for the next request (keep-alive).
  res.on('close', () => {
    if (!res.writableFinished) upstream.destroy();
  });
  req.pipe(upstream);
}
