/**
 * Workload hint: how many counters each queue needs now to bring its wait under the service's
 * target, and which open counter could move there from a queue that can spare it. Pure.
 *
 * With `c` counters each taking one visit every `s` minutes, the last of `w` people waiting is
 * called after about w·s/c minutes; keeping that under the target `T` needs c ≥ w·s/T.
 */
import { DEFAULT_SERVICE_MINUTES } from '../queue/ranking.ts';
import type { Board } from './board.ts';

export interface WorkloadInput {
  readonly board: Board;
  /** Target wait per service code, minutes. */
  readonly targets: Readonly<Record<string, number>>;
  /** Matrix row per counter code: the services it may take. */
  readonly matrix: Readonly<Record<string, readonly string[]>>;
}

export interface Hint {
  service: string;
  /** Counters needed now (0 when nobody waits). */
  needed: number;
  open: number;
  /** An open counter that could take this queue, and the services it would stop taking. */
  move: { counter: string; from: readonly string[] } | null;
}

export function countersNeeded(waiting: number, serviceMinutes: number, targetMinutes: number): number {
  if (waiting <= 0) return 0;
  // A zero target means "call at once": one counter per person waiting.
  if (targetMinutes <= 0) return waiting;
  return Math.max(1, Math.ceil((waiting * serviceMinutes) / targetMinutes));
}

export function workloadHints(input: WorkloadInput): Hint[] {
  const hints = input.board.services.map((s): Hint => {
    const minutes = s.avgServiceMs !== null ? s.avgServiceMs / 60_000 : DEFAULT_SERVICE_MINUTES;
    return { service: s.service, needed: countersNeeded(s.waiting, minutes, input.targets[s.service] ?? 0), open: s.open, move: null };
  });
  // Open counters and the queues they take now; a move takes a counter off all of them.
  const open = input.board.counters.filter((c) => c.status === 'open');
  const openCount = new Map(hints.map((h) => [h.service, h.open]));
  const neededOf = new Map(hints.map((h) => [h.service, h.needed]));
  const spare = (from: readonly string[]) => from.every((svc) => (openCount.get(svc) ?? 0) - 1 >= (neededOf.get(svc) ?? 0));
  const used = new Set<string>();
  // The queues furthest behind pick first.
  const short = hints.filter((h) => h.needed > h.open).sort((a, b) => b.needed - b.open - (a.needed - a.open) || (a.service < b.service ? -1 : 1));
  for (const hint of short) {
    const candidates = open
      .filter((c) => !used.has(c.counter) && !c.services.includes(hint.service) && (input.matrix[c.counter] ?? []).includes(hint.service) && spare(c.services))
      // An idle counter can move now; a busy one after its current visit.
      .sort((a, b) => Number(a.currentTicket !== null) - Number(b.currentTicket !== null) || (a.counter < b.counter ? -1 : 1));
    const pick = candidates[0];
    if (!pick) continue;
    used.add(pick.counter);
    for (const svc of pick.services) openCount.set(svc, (openCount.get(svc) ?? 0) - 1);
    openCount.set(hint.service, (openCount.get(hint.service) ?? 0) + 1);
    hint.move = { counter: pick.counter, from: pick.services };
  }
  return hints;
}
