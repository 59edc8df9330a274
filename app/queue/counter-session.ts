/**
 * Opening, pausing and closing a counter; its state doc says who sits there and what it serves.
 * Each status change is also logged as a counter_event (busy/idle/paused time, see counter-time.ts).
 */
import { counterStateId, type CounterState, type CounterStatus } from '../../couch-design/types/counter-state.ts';
import type { Stored } from '../data/docs.ts';
import type { BranchQueue } from './branch-queue.ts';
import { changeCounter } from './counter-time.ts';
import { isOffline } from './store.ts';

export type SessionResult = { ok: true; state: Stored<CounterState> } | { ok: false; error: 'counter_taken'; agent: string };

/** Writes the state, then logs the change it makes (after: a refused write logs nothing). */
async function write(queue: BranchQueue, prev: CounterState | undefined, doc: CounterState): Promise<Stored<CounterState>> {
  const { state, event } = changeCounter(prev, doc, queue.actor(doc.counter), queue.day());
  let stored: Stored<CounterState>;
  try {
    stored = await queue.store.writeArbitrated(state);
  } catch (error) {
    if (!isOffline(error)) throw error;
    stored = await queue.store.writeLocal(state);
  }
  if (event) await queue.store.writeLocal(event);
  return stored;
}

/** A counter already open under another agent or device is refused: one agent per counter. */
export async function openCounter(queue: BranchQueue, counter: string, services: string[], agent: string, device: string): Promise<SessionResult> {
  const current = queue.counterStates().find((s) => s._id === counterStateId(queue.branch, counter));
  if (current && current.status !== 'closed' && (current.agent !== agent || current.device !== device)) return { ok: false, error: 'counter_taken', agent: current.agent ?? '?' };
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
  const { currentTicket: _old, ...rest } = state;
  const next: CounterState = {
    ...rest,
    ...(change.status ? { status: change.status } : {}),
    ...(change.currentTicket === undefined ? (state.currentTicket ? { currentTicket: state.currentTicket } : {}) : change.currentTicket ? { currentTicket: change.currentTicket } : {}),
    updatedAt: new Date().toISOString(),
  };
  const latest = queue.counterStates().find((s) => s._id === state._id);
  return write(queue, latest ?? state, { ...next, _rev: latest?._rev ?? state._rev });
}
