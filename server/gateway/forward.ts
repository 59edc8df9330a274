/** Sends a checked request to the engine and its answer back, hardened. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { refuse } from './answers.ts';
import { mergeBulkResults, type DocRefusal } from './body-rules.ts';
import { clientAnswerHeaders, engineRequestHeaders } from './headers.ts';
import { tokenOf } from './sessions.ts';
import type { Route } from './routes.ts';
import { sendRequest, type Upstream } from './upstream.ts';

export interface ForwardOptions {
  body: string | null;
  engineToken: string | null;
  dropCookies: boolean;
  /** Documents the gateway refused itself, to merge into a `_bulk_docs` answer. */
  refused: readonly DocRefusal[];
  newEdits: boolean;
  /** Told of a renewed session cookie; false drops it (the session was signed out meanwhile). */
  keepCookie?: (token: string) => boolean;
  /** Called instead of relaying a 401: the caller may retry with a fresh session. */
  onUnauthorized?: () => void;
}

/** Sends the checked request to the engine and its answer back (streamed, so live feeds flow). */
export function forward(upstream: Upstream, req: IncomingMessage, res: ServerResponse, route: Route, opts: ForwardOptions): void {
  const url = new URL(upstream.base + '/' + requestPath(req));
  const headers = engineRequestHeaders(req.headers, opts.engineToken, opts.body ? Buffer.byteLength(opts.body) : null);
  if (opts.body) headers['content-type'] = 'application/json';
  const outbound = sendRequest(url, route.method, headers, (answer) => {
    const status = answer.statusCode ?? 502;
    if (status === 401 && opts.onUnauthorized) {
      answer.resume();
      return opts.onUnauthorized();
    }
    const renewed = tokenOf(answer.headers['set-cookie'] ?? []);
    const dropCookies = opts.dropCookies || (renewed !== null && opts.keepCookie !== undefined && !opts.keepCookie(renewed));
    const out = clientAnswerHeaders(answer.headers, { attachment: route.kind === 'attachment_read', dropCookies });
    if (status >= 400) return relayError(answer, res, status);
    if (route.kind === 'bulk_docs' && opts.refused.length > 0 && status < 300) return mergeAnswer(answer, res, out, status, opts);
    res.writeHead(status, out);
    // Continuous feeds must reach the browser as they come.
    res.flushHeaders();
    answer.pipe(res);
  });
  outbound.on('error', (err) => {
    if (!res.headersSent) refuse(res, { status: 503, error: 'unavailable', reason: `database unreachable: ${err.message}` });
    else res.destroy();
  });
  // A client that goes away (a long-poll cancelled) must not leave the engine request open;
  // a completed answer keeps its socket for the next request (keep-alive).
  res.on('close', () => {
    if (!res.writableFinished) outbound.destroy();
  });
  outbound.end(opts.body ?? undefined);
}

/** The path after `/db/`, as the client sent it (already checked by the allowlist). */
function requestPath(req: IncomingMessage): string {
  return (req.url ?? '/db/').replace(/^\/db\/?/, '');
}

function mergeAnswer(answer: IncomingMessage, res: ServerResponse, out: ReturnType<typeof clientAnswerHeaders>, status: number, opts: ForwardOptions): void {
  let text = '';
  answer.setEncoding('utf8');
  answer.on('data', (c: string) => (text += c));
  answer.on('end', () => {
    let engine: unknown[] = [];
    try {
      const parsed: unknown = JSON.parse(text);
      if (Array.isArray(parsed)) engine = parsed;
    } catch {
      // Unreadable: answer with our refusals alone; the engine's writes are visible on the next read.
    }
    const merged = JSON.stringify(mergeBulkResults(engine, opts.refused, opts.newEdits));
    delete out['content-length'];
    delete out['content-encoding'];
    res.writeHead(status, { ...out, 'content-type': 'application/json', 'content-length': Buffer.byteLength(merged) });
    res.end(merged);
  });
}

/**
 * An engine refusal is passed on as CouchDB's `{error, reason}`; anything else (an HTML page
 * with a stack trace, as express-pouchdb gives for some malformed requests) never reaches the client.
 */
function relayError(answer: IncomingMessage, res: ServerResponse, status: number): void {
  let text = '';
  answer.setEncoding('utf8');
  answer.on('data', (c: string) => {
    if (text.length < 65_536) text += c;
  });
  answer.on('end', () => {
    let parsed: { error?: unknown; reason?: unknown } | null;
    try {
      parsed = JSON.parse(text) as { error?: unknown; reason?: unknown } | null;
    } catch {
      parsed = null;
    }
    const error = typeof parsed?.error === 'string' ? parsed.error : status >= 500 ? 'internal' : 'bad_request';
    const reason = typeof parsed?.reason === 'string' ? parsed.reason : 'the database could not answer this request';
    refuse(res, { status, error, reason });
  });
}
