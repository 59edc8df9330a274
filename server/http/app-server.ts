import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { log } from '../log.ts';
import { handleAccountApi, type AccountStore } from '../gateway/account-api.ts';
import { refusalReason, type Gateway } from '../gateway/answers.ts';
import { handleDbRequest } from '../gateway/gateway.ts';
import { handleCertificatesApi, type CertificatesContext } from '../certificates/certificates-api.ts';
import { handleUsersApi } from '../gateway/users-api.ts';
import type { UserStore } from '../gateway/users-store.ts';
import type { devicesApi } from '../gateway/devices-api.ts';
import { sendJson } from './respond.ts';
import { SECURITY_HEADERS } from './security-headers.ts';
import { serveStatic } from './static-files.ts';

export interface AppServerOptions {
  distDir: string;
  gateway: Gateway;
  accounts: AccountStore;
  certificates: CertificatesContext;
  users: UserStore;
  /** `/api/devices` (enrolment, heartbeat, the admin's list): optional so older callers need not wire it. */
  devices?: ReturnType<typeof devicesApi>;
  /** Answers /health: whatever the caller knows about its own state. */
  health: () => Promise<{ ok: boolean } & Record<string, unknown>>;
}

async function route(opts: AppServerOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const raw = req.url ?? '/';
  const path = raw.split('?', 1)[0] ?? '/';
  for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
  if (path === '/health') {
    const h = await opts.health();
    return sendJson(res, h.ok ? 200 : 503, h);
  }
  if (path === '/db' || path.startsWith('/db/')) return handleDbRequest(opts.gateway, req, res, raw.slice(3) || '/');
  if (path.startsWith('/api/account/')) return handleAccountApi(opts.gateway, opts.accounts, req, res, path);
  if (path === '/api/users' || path.startsWith('/api/users/')) return handleUsersApi(opts.gateway, opts.users, req, res, path);
  if (opts.devices && (path === '/api/devices' || path.startsWith('/api/devices/'))) return opts.devices(opts.gateway, req, res, path);
  if (path.startsWith('/api/certificates/')) return handleCertificatesApi(opts.gateway, opts.certificates, req, res, path);
  // Apache CouchDB's replicator, given head office's `/db/` URL with credentials, first tries a
  // cookie session at the server root; a 404 makes it use basic auth (its documented fallback).
  if (path === '/_session') return sendJson(res, 404, { error: 'not_found', reason: 'sign in at /db/_session, or use basic authentication' });
  return serveStatic(opts.distDir, req, res, path);
}

/** The one HTTP server users reach: the built app, /db/ (the gateway to CouchDB), /api/account/, /api/users, /api/certificates/ and /health, one log line per request. */
export function createAppServer(opts: AppServerOptions): Server {
  return createServer((req, res) => {
    const started = performance.now();
    res.on('finish', () => {
      const refused = refusalReason(res);
      log(`${req.method} ${req.url} ${res.statusCode} ${(performance.now() - started).toFixed(1)}ms${refused ? ` (${refused})` : ''}`);
    });
    route(opts, req, res).catch((err: unknown) => {
      log(`error on ${req.method} ${req.url}: ${err instanceof Error ? err.stack : String(err)}`);
      if (!res.headersSent) sendJson(res, 500, { error: 'internal', reason: 'internal server error' });
      else res.destroy();
    });
  });
}
