/**
 * Opening, pausing and closing a counter; its state doc says who sits there, on which device,
 * and what it serves. The session is that document: a reload finds it again (this agent, this
 * device, not closed), the same agent on another device may take it over, and a supervisor may
 * force it closed. Each status change is also logged as a counter_event (busy/idle/paused time,
 * see counter-time.ts).
 */
import { counterStateId, type CounterState, type CounterStatus } from '../../couch-design/types/counter-state.ts';
import type { Ticket } from '../../couch-design/types/ticket.ts';
import type { Stored } from '../data/docs.ts';
import type { BranchQueue } from './branch-queue.ts';
import { changeCounter } from './counter-time.ts';
import { applyStep } from './ops.ts';
import { type QueueStore, isOffline } from './store.ts';
import { type Actor, requeue } from './transitions.ts';

export type SessionResult =
  | { ok: true; state: Stored<CounterState> }
  | { ok: false; error: 'counter_taken'; agent: string }
  /** This agent has the counter open on another device: offer to take it over. */
  | { ok: false; error: 'counter_elsewhere'; agent: string };

/** Ticket states that hold a counter: the visitor was called there and is not done. */
export const AT_COUNTER: readonly Ticket['state'][] = ['called', 'serving', 'parked'];

/** The revision generation of a document (0 when never written). */
function generation(doc: { _rev?: string } | null | undefined): number {
  return doc?._rev ? Number(doc._rev.split('-')[0]) : 0;
}

/** The later of two copies of one document: the replica's change feed may lag a write just made. */
export function newest<T extends { _rev?: string }>(a: T | null | undefined, b: T | null | undefined): T | null {
  if (!a) return b ?? null;
  if (!b) return a;
  return generation(b) > generation(a) ? b : a;
}

/** This device's open session: the counter this agent opened here and nobody closed. */
export function sessionOf<T extends CounterState>(states: readonly T[], agent: string, device: string): T | null {
  return states.find((s) => s.status !== 'closed' && s.agent === agent && s.device === device) ?? null;
}

/** Counters this agent has open on other devices (a tablet left on, a browser that crashed). */
export function sessionsElsewhere<T extends CounterState>(states: readonly T[], agent: string, device: string): T[] {
  return states.filter((s) => s.status !== 'closed' && s.agent === agent && s.device !== device);
}

/**
 * The ticket at a counter: the one its state names, or else (a reload between the call and the
 * state's update) a ticket of today still called, served or on hold there.
 */
export function ticketAt<T extends Ticket>(tickets: readonly T[], state: CounterState | null): T | null {
  if (!state) return null;
  const named = state.currentTicket ? tickets.find((t) => t._id === state.currentTicket) : undefined;
  if (named) return named;
  return tickets.find((t) => t.counter === state.counter && AT_COUNTER.includes(t.state)) ?? null;
}

/** Writes the state (server first, this device when unreachable), then logs the change it makes. */
async function writeState(store: QueueStore, actor: Actor, day: string, prev: CounterState | undefined, doc: CounterState): Promise<Stored<CounterState>> {
  const { state, event } = changeCounter(prev, doc, actor, day);
  let stored: Stored<CounterState>;
  try {
    stored = await store.writeArbitrated(state);
  } catch (error) {
    if (!isOffline(error)) throw error;
    stored = await store.writeLocal(state);
  }
  if (event) await store.writeLocal(event);
  return stored;
}

async function write(queue: BranchQueue, prev: CounterState | undefined, doc: CounterState): Promise<Stored<CounterState>> {
  return writeState(queue.store, queue.actor(doc.counter), queue.day(), prev, doc);
}

/**
 * Opens a counter. Open under another agent: refused (a supervisor closes it). Open by this
 * agent on another device: refused with `counter_elsewhere` unless `takeOver`, which moves the
 * session here as it is (status, services, current ticket): the old device then has no session.
 */
export async function openCounter(
  queue: BranchQueue,
  counter: string,
  services: string[],
  agent: string,
  device: string,
  options: { takeOver?: boolean } = {},
): Promise<SessionResult> {
  const current = queue.counterStates().find((s) => s._id === counterStateId(queue.branch, counter));
  const open = current && current.status !== 'closed';
  if (open && current.agent !== agent) return { ok: false, error: 'counter_taken', agent: current.agent ?? '?' };
  if (open && current.device !== device) {
    if (!options.takeOver) return { ok: false, error: 'counter_elsewhere', agent };
    return { ok: true, state: await write(queue, current, { ...current, device, updatedAt: new Date().toISOString() }) };
  }
  if (open) return { ok: true, state: current };
  const doc: CounterState = {
    _id: counterStateId(queue.branch, counter),
    ...(current ? { _rev: current._rev } : {}),
    type: 'counter_state',
    branch: queue.branch,
    counter,
    status: 'open',
    agent,
    services,
    device,
    updatedAt: new Date().toISOString(),
  };
  return { ok: true, state: await write(queue, current, doc) };
}

export async function setCounter(queue: BranchQueue, state: Stored<CounterState>, change: { status?: CounterStatus; currentTicket?: string | null }): Promise<Stored<CounterState>> {
  const latest = newest(queue.counterStates().find((s) => s._id === state._id), state)!;
  const { currentTicket: _old, ...rest } = latest;
  const next: CounterState = {
    ...rest,
    ...(change.status ? { status: change.status } : {}),
    ...(change.currentTicket === undefined ? (latest.currentTicket ? { currentTicket: latest.currentTicket } : {}) : change.currentTicket ? { currentTicket: change.currentTicket } : {}),
    updatedAt: new Date().toISOString(),
  };
  return write(queue, latest, next);
}

/**
 * A supervisor closes a counter nobody will close (the agent gone, the device dead): the
 * ticket still at it goes back to the front of its queue (see `requeue`), then the counter is
 * closed with no current ticket. Nothing stays "called" on the display.
 */
export async function forceCloseCounter(
  store: QueueStore,
  actor: Actor,
  day: string,
  state: Stored<CounterState>,
  ticket: Stored<Ticket> | null,
): Promise<Stored<CounterState>> {
  if (ticket && ticket.counter === state.counter && AT_COUNTER.includes(ticket.state)) {
    const step = requeue(ticket, 'counter_closed', actor);
    if (step.ok) await applyStep(store, step.step);
  }
  const { currentTicket: _t, ...rest } = state;
  return writeState(store, actor, day, state, { ...rest, status: 'closed', updatedAt: actor.now.toISOString() });
}
