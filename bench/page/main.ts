/**
 * Bench page entry. Exposes `window.benchRun`; each variant is loaded on demand and only one
 * run is allowed per page, so the app's PouchDB set-up (indexeddb adapter registered on
 * pouchdb-core) and the stock one (idb) never share a JavaScript realm.
 */
import type { RunRequest, RunResult, Variant } from './protocol.ts';

const variants: Record<Variant, () => Promise<{ run: (request: RunRequest) => Promise<RunResult> }>> = {
  ours: () => import('./ours.ts'),
  stock: () => import('./stock.ts'),
};

/** CouchDB's own session cookie, as the app gets it (same origin, through the /db/ proxy). */
async function signIn(name: string, password: string): Promise<void> {
  const res = await fetch('/db/_session', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password }),
  });
  if (!res.ok) throw new Error(`sign-in as ${name} failed: ${res.status} ${await res.text()}`);
  const me = (await (await fetch('/db/_session', { credentials: 'same-origin' })).json()) as { userCtx?: { name?: string } };
  if (me.userCtx?.name !== name) throw new Error(`session is not ${name}'s: ${JSON.stringify(me)}`);
}

let used = false;
window.benchRun = async (request) => {
  if (used) throw new Error('one run per page: open a fresh context for the next variant');
  used = true;
  const variant = await variants[request.variant]();
  await signIn(request.user.name, request.user.password);
  return variant.run(request);
};

const status = document.getElementById('status');
if (status) status.textContent = 'ready';
