/**
 * Queue operations on a QueueStore: issue a number, call the next ticket, apply a step.
 * Online the server arbitrates (409 → next number / next ticket); offline the device works
 * on its own replica with numbers from its own block, and conflicts are resolved on sync.
 */
import type { Ticket } from '../../couch-design/types/ticket.ts';
import type { Stored } from '../data/docs.ts';
import { ONLINE_RANGE, nextInRange, slotBlock } from './numbering.ts';
import { type QueueRules, type Spread, rankWaiting, spreadOrder } from './ranking.ts';
import { type Actor, type IssueInput, type QueueErrorCode, type Step, call, issue } from './transitions.ts';
import { type QueueStore, isConflict, isOffline } from './store.ts';

export type OpResult<T> = { readonly ok: true; readonly value: T; readonly offline: boolean } | { readonly ok: false; readonly error: QueueErrorCode };

export interface Applied {
  readonly ticket: Stored<Ticket>;
  readonly offline: boolean;
}

/** Writes the ticket (server first, this device if unreachable), then its visit event. */
export async function applyStep(store: QueueStore, step: Step): Promise<Applied> {
  let ticket: Stored<Ticket>;
  let offline = false;
  try {
    ticket = await store.writeArbitrated(step.ticket);
  } catch (error) {
    if (!isOffline(error)) throw error;
    ticket = await store.writeLocal(step.ticket);
    offline = true;
  }
  await store.log(step.event);
  return { ticket, offline };
}

export interface NumberingState {
  /** Numbers of this series today known to this device (a hint: the server has the last word). */
  readonly used: readonly number[];
  /** This device's slot, null when none could be registered yet. */
  readonly slot: number | null;
}

/**
 * Issues a ticket: online, tries the next number and lets the server refuse one already taken
 * (then the next); offline, the next number of the device's block, written locally.
 */
export async function issueTicket(
  store: QueueStore,
  input: Omit<IssueInput, 'seq'>,
  numbering: NumberingState,
  actor: Actor,
): Promise<OpResult<Stored<Ticket>>> {
  let seq = nextInRange(ONLINE_RANGE, numbering.used);
  while (seq !== null) {
    const built = issue({ ...input, seq }, actor);
    if (!built.ok) return built;
    try {
      const ticket = await store.writeArbitrated(built.step.ticket);
      await store.log(built.step.event);
      return { ok: true, value: ticket, offline: false };
    } catch (error) {
      if (isConflict(error)) seq = seq < ONLINE_RANGE.last ? seq + 1 : null;
      else if (isOffline(error)) return issueOffline(store, input, numbering, actor);
      else throw error;
    }
  }
  return { ok: false, error: 'series_full' };
}

async function issueOffline(store: QueueStore, input: Omit<IssueInput, 'seq'>, numbering: NumberingState, actor: Actor): Promise<OpResult<Stored<Ticket>>> {
  if (numbering.slot === null) return { ok: false, error: 'no_device_slot' };
  const block = slotBlock(numbering.slot);
  let seq = nextInRange(block, numbering.used);
  while (seq !== null) {
    const built = issue({ ...input, seq }, actor);
    if (!built.ok) return built;
    try {
      const ticket = await store.writeLocal(built.step.ticket);
      await store.log(built.step.event);
      return { ok: true, value: ticket, offline: true };
    } catch (error) {
      if (!isConflict(error)) throw error;
      seq = seq < block.last ? seq + 1 : null;
    }
  }
  return { ok: false, error: 'series_full' };
}

export interface CallContext {
  readonly day: string;
  readonly services: readonly string[];
  readonly rules: QueueRules;
  /** Target wait (minutes) per service code, recorded on each call for statistics. */
  readonly targetWaitMinutes?: Readonly<Record<string, number>>;
  /** This counter among those calling from the same queues (`spreadAmong`); none: the head first. */
  readonly spread?: Spread;
}

/**
 * Calls the best waiting ticket this counter may take. Two counters calling at once: the server
 * takes the first update of a revision and refuses the other (409); the loser silently takes
 * another. Counters spread over the head of the queue (`spreadOrder`), so most calls at the
 * same moment do not collide; a refused ticket is dropped from the list this counter already
 * has and the rest re-spread (the 409 says it is taken), the queue is read again only when the
 * list runs out.
 */
export async function callNext(store: QueueStore, context: CallContext, actor: Actor): Promise<OpResult<Stored<Ticket>>> {
  const spread = context.spread ?? { position: 0, width: 1 };
  const nowMs = actor.now.getTime();
  for (let round = 0; round < 50; round++) {
    let left = rankWaiting(await store.waiting(context.day, context.services), actor.counter ?? '', context.services, context.rules, nowMs);
    if (left.length === 0) return { ok: false, error: 'queue_empty' };
    while (left.length > 0) {
      const candidate = spreadOrder(left, spread, context.rules, nowMs)[0]!;
      left = left.filter((t) => t !== candidate);
      const built = call(candidate, actor, context.targetWaitMinutes?.[candidate.service]);
      if (!built.ok) continue;
      try {
        const applied = await applyStep(store, built.step);
        return { ok: true, value: applied.ticket, offline: applied.offline };
      } catch (error) {
        if (!isConflict(error)) throw error;
      }
    }
  }
  return { ok: false, error: 'queue_empty' };
}
