/**
 * What the replay files (attacks-*.test.ts) share: one deployment per `describe`, its demo
 * users signed in, requests made as the prober made them, the engine's content taken before
 * each test, and the documents they write moved to a day no server job touches.
 */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { authored } from '../../../couch-design/testing/author-cases.ts';
import { goodDocs } from '../../../couch-design/testing/fixtures.ts';
import { signIn, type Session } from '../../support/couch-http.ts';
import type { Deployment } from './deployments.ts';
import { expectUnharmed, settledSnapshot, type EngineSnapshot } from './engine-state.ts';
import { json, send, type RawAnswer } from './raw-http.ts';
import { expectRefused } from './refusals.ts';

export const USERS = {
  'reception.dla': 'demo-reception',
  'counter.dla': 'demo-counter',
  'cashier.dla': 'demo-cashier',
  'display.dla': 'demo-display',
  'supervisor.dla': 'demo-supervisor',
  'backoffice.dla': 'demo-backoffice',
  'reception.yde': 'demo-reception',
  'admin.hq': 'demo-admin',
} as const;
export type User = keyof typeof USERS;
/** One attempt: the status it must get, then the request (`who` null: anonymous). */
export type Attempt = [status: number, method: string, path: string, who: User | null, body?: unknown, headers?: Record<string, string>];

export const EVIL = 'http://evil.example';
/**
 * The fixtures' documents moved to a day in the future: the server's own jobs (end of day,
 * statistics roll-ups) work on past days only, so nothing they write can be taken for an
 * attack's write in the before/after comparison.
 */
export const DAY = '2099-03-05';
const later = <T>(doc: T): T => JSON.parse(JSON.stringify(doc).replaceAll('2024-03-05', DAY)) as T;
export const fixtures = () => later(goodDocs());
export const authoredLater = (type: string, name: string) => later(authored(type, name));
export const p = encodeURIComponent;
export const x = (n: number) => 'x'.repeat(n);

export interface Replay {
  readonly d: Deployment;
  readonly as: Record<User, Session>;
  /** The engine's content before this test. */
  readonly before: EngineSnapshot;
  /** Takes it again, after a test's own setup. */
  resnapshot(): Promise<void>;
  /** A request under `/db` as `who`; `body` is sent as JSON unless it is already a string. */
  at(method: string, path: string, who: User | null, body?: unknown, headers?: Record<string, string>): Promise<RawAnswer>;
  /** Each attempt, refused with its status and a JSON reason. */
  attempt(attempts: readonly Attempt[]): Promise<void>;
  signInFrom(from: string, name: string, password: string): Promise<RawAnswer>;
  /** No engine death, the engine answers, nothing changed since `before`. */
  unharmed(settleMs?: number): Promise<void>;
}

/** Starts the deployment for the enclosing `describe` and stops it after. */
export function replayOn(start: () => Promise<Deployment>): Replay {
  let d: Deployment;
  let before: EngineSnapshot;
  const as = {} as Record<User, Session>;
  beforeAll(async () => {
    d = await start();
    for (const [name, password] of Object.entries(USERS)) as[name as User] = await signIn(d.url, name, password);
  });
  afterAll(async () => d?.stop());
  beforeEach(async () => {
    before = await settledSnapshot(d.engine);
  });

  const at: Replay['at'] = (method, path, who, body, headers = {}) =>
    send(d.url, { method, path: '/db' + path, headers: json(who && as[who], headers), body: body === undefined || typeof body === 'string' ? body : JSON.stringify(body) });
  return {
    get d() {
      return d;
    },
    as,
    get before() {
      return before;
    },
    resnapshot: async () => {
      before = await settledSnapshot(d.engine);
    },
    at,
    attempt: async (attempts) => {
      for (const [status, method, path, who, body, headers] of attempts) expectRefused(await at(method, path, who, body, headers), status, `${who ?? 'anonymous'} ${method} ${path}`);
    },
    signInFrom: (from, name, password) => send(d.url, { method: 'POST', path: '/db/_session', headers: json(), body: JSON.stringify({ name, password }), from }),
    unharmed: (settleMs) => expectUnharmed(d, before, as['reception.dla'], settleMs),
  };
}
