/**
 * The load scenario shared by the integration test and bench/queue-bench.ts: issuers take
 * numbers concurrently, then N simulated counters call, serve and finish until every queue is
 * empty, all through the HTTP API with the app's own queue operations.
 */
import { uid } from '../../../couch-design/ids/uid.ts';
import type { Ticket } from '../../../couch-design/types/ticket.ts';
import type { Stored } from '../../../app/data/docs.ts';
import { applyStep, callNext, issueTicket } from '../../../app/queue/ops.ts';
import { NO_RULES } from '../../../app/queue/ranking.ts';
import { type Actor, finish, startService } from '../../../app/queue/transitions.ts';
import { signIn } from '../../support/couch-http.ts';
import { httpQueueStore, type HttpStoreStats } from './http-store.ts';

export const SERVICES = [
  { code: 'employers', series: 'E' },
  { code: 'family', series: 'F' },
  { code: 'pension', series: 'P' },
  { code: 'work_injury', series: 'W' },
  { code: 'cash', series: 'C' },
];

export function actorFor(branch: string, agent: string, device: string, counter?: string): () => Actor {
  let seq = 0;
  return () => {
    const now = new Date();
    return { branch, agent, device, ...(counter ? { counter } : {}), now, uid: () => uid(now.getTime(), device, ++seq) };
  };
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export interface IssueResult {
  readonly tickets: Stored<Ticket>[];
  readonly stats: HttpStoreStats;
}

/** `count` tickets over the services, by `issuers` devices at the same time. */
export async function issueMany(base: string, count: number, issuers: number, day = today()): Promise<IssueResult> {
  const session = await signIn(base, 'reception.dla', 'demo-reception');
  const stats: HttpStoreStats = { writes: 0, conflicts: 0, queries: 0 };
  const store = httpQueueStore(base, session, 'fo_branch_dla', stats);
  const tickets: Stored<Ticket>[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: issuers }, async (_, i) => {
      const actor = actorFor('dla', 'reception.dla', `r${i}`);
      const used = new Map<string, number[]>();
      while (next < count) {
        const service = SERVICES[next++ % SERVICES.length]!;
        const known = used.get(service.series) ?? [];
        const r = await issueTicket(store, { day, service }, { used: known, slot: null }, actor());
        if (!r.ok) throw new Error(r.error);
        known.push(r.value.seq);
        used.set(service.series, known);
        tickets.push(r.value);
      }
    }),
  );
  return { tickets, stats };
}

export interface DrainResult {
  /** ticket id → counters that finished it */
  readonly servedBy: Map<string, string[]>;
  readonly calls: number;
  readonly ms: number;
  readonly stats: HttpStoreStats;
}

/**
 * `counters` counters (C01…) on the service matrix row `services(i)` drain every queue, or
 * until `stop()` says so (the bench's busy counters while the display is measured).
 */
export async function drain(base: string, counters: number, day = today(), stop: () => boolean = () => false): Promise<DrainResult> {
  const session = await signIn(base, 'counter.dla', 'demo-counter');
  const stats: HttpStoreStats = { writes: 0, conflicts: 0, queries: 0 };
  const store = httpQueueStore(base, session, 'fo_branch_dla', stats);
  const servedBy = new Map<string, string[]>();
  const all = SERVICES.map((s) => s.code);
  let calls = 0;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: counters }, async (_, i) => {
      const code = `C${String(i + 1).padStart(2, '0')}`;
      // Each counter serves two or three queues, together covering them all.
      const services = [all[i % all.length]!, all[(i + 1) % all.length]!, ...(i % 2 ? [all[(i + 3) % all.length]!] : [])];
      const actor = actorFor('dla', 'counter.dla', code.toLowerCase(), code);
      while (!stop()) {
        const called = await callNext(store, { day, services, rules: NO_RULES, spread: { position: i, width: counters } }, actor());
        if (!called.ok) {
          if (called.error === 'queue_empty') return;
          throw new Error(called.error);
        }
        calls++;
        const started = startService(called.value, actor());
        if (!started.ok) throw new Error(started.error);
        const serving = await applyStep(store, started.step);
        const done = finish(serving.ticket, 'done', actor());
        if (!done.ok) throw new Error(done.error);
        await applyStep(store, done.step);
        servedBy.set(called.value._id, [...(servedBy.get(called.value._id) ?? []), code]);
      }
    }),
  );
  return { servedBy, calls, ms: Date.now() - started, stats };
}
