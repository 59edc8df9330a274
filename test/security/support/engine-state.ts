/**
 * What the engine holds, read on its own port as server admin (behind the gateway's back):
 * enough to tell that an attack wrote nothing — every database's document count and update
 * sequence (local documents are not counted there, so each database's security object and
 * design document are read too).
 */
import { expect } from 'vitest';
import { ADMIN } from '../../support/couch-http.ts';
import type { Deployment } from './deployments.ts';
import { basic, send } from './raw-http.ts';

const asAdmin = { authorization: basic(ADMIN.name, ADMIN.password) };

export async function adminGet(engine: string, path: string): Promise<{ status: number; json: any }> {
  const r = await send(engine, { method: 'GET', path, headers: asAdmin });
  return { status: r.status, json: r.json };
}

export async function adminPut(engine: string, path: string, body: unknown): Promise<any> {
  const r = await send(engine, { method: 'PUT', path, headers: { ...asAdmin, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (r.status >= 300) throw new Error(`setup PUT ${path} failed: ${r.status} ${r.text}`);
  return r.json;
}

export type EngineSnapshot = Record<string, { docs: number | null; seq: unknown; security: unknown; design: string | null }>;

export async function snapshot(engine: string): Promise<EngineSnapshot> {
  const dbs = (await adminGet(engine, '/_all_dbs')).json as string[];
  const out: EngineSnapshot = {};
  for (const db of dbs) {
    const [info, security, design] = await Promise.all([
      adminGet(engine, `/${db}`),
      adminGet(engine, `/${db}/_security`),
      adminGet(engine, `/${db}/_design/fo`),
    ]);
    // fo_signins changes with every successful sign-in (the server's record of last sign-ins,
    // docs/ADMIN.md), attack or not; no request reaches it through the gateway. Its security still counts.
    const counted = db !== 'fo_signins';
    out[db] = { docs: counted ? info.json.doc_count : null, seq: counted ? info.json.update_seq : null, security: security.json, design: design.status === 200 ? design.json._rev : null };
  }
  return out;
}

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A snapshot once the engine is at rest: the server's own continuous replication (each branch
 * into fo_central) carries a test's setup writes over a moment later, not during the attack.
 */
export async function settledSnapshot(engine: string): Promise<EngineSnapshot> {
  let last = await snapshot(engine);
  for (let i = 0; i < 30; i++) {
    await settle(500);
    const now = await snapshot(engine);
    if (JSON.stringify(now) === JSON.stringify(last)) return now;
    last = now;
  }
  throw new Error('the engine kept changing for 15 s');
}

/**
 * After an attack: the engine did not die (its crash came a moment after the answer, so wait
 * `settleMs`), it still answers on its own port and through the gateway for a signed-in user,
 * and it holds exactly what it held before.
 */
export async function expectUnharmed(d: Deployment, before: EngineSnapshot, reader: { headers: Record<string, string> }, settleMs = 200): Promise<void> {
  await settle(settleMs);
  expect(await d.engineDied(), 'the engine died').toBe(false);
  expect((await send(d.engine, { method: 'GET', path: '/' })).status).toBe(200);
  expect((await send(d.url, { method: 'GET', path: '/db/fo_ref/_all_docs?limit=1', headers: reader.headers })).status).toBe(200);
  expect(await snapshot(d.engine)).toEqual(before);
}
