/**
 * Busy, idle and paused time of a counter, kept on its state document and logged as a
 * `counter_event` whenever its status changes (pure). Busy: open with a current ticket; idle:
 * open without one; paused time counts as neither. The event carries the period it ends, so a
 * view can add it up; the whole period is counted on the day and hour of the change.
 */
import type { CounterState } from '../../couch-design/types/counter-state.ts';
import { type CounterAction, type CounterEvent, counterEventId } from '../../couch-design/types/counter-event.ts';
import { localHour } from './numbering.ts';
import type { Actor } from './transitions.ts';

export interface CounterChange {
  readonly state: CounterState;
  /** Null when the status stays the same (a new current ticket, say). */
  readonly event: CounterEvent | null;
}

function actionOf(from: CounterState['status'], to: CounterState['status']): CounterAction {
  if (to === 'open') return from === 'paused' ? 'resumed' : 'opened';
  return to === 'paused' ? 'paused' : 'closed';
}

/**
 * `next` is the state as the session wants it; `prev` what was stored (undefined: never opened).
 * Time since prev.updatedAt goes to busy or idle when prev was open. `day`: branch-local today.
 */
export function changeCounter(prev: CounterState | undefined, next: CounterState, actor: Actor, day: string): CounterChange {
  const now = actor.now.toISOString();
  const from = prev?.status ?? 'closed';
  const elapsed = prev ? Math.max(0, actor.now.getTime() - Date.parse(prev.updatedAt)) : 0;
  const serving = from === 'open' && prev?.currentTicket !== undefined;
  const busyMs = (prev?.busyMs ?? 0) + (serving ? elapsed : 0);
  const idleMs = (prev?.idleMs ?? 0) + (from === 'open' && !serving ? elapsed : 0);
  if (next.status === from) return { state: { ...next, updatedAt: now, statusSince: prev?.statusSince ?? now, busyMs, idleMs }, event: null };

  const pausedMs = from === 'paused' && prev ? Math.max(0, actor.now.getTime() - Date.parse(prev.statusSince ?? prev.updatedAt)) : 0;
  const event: CounterEvent = {
    _id: counterEventId(next.branch, day, next.counter, actor.uid()),
    type: 'counter_event',
    branch: next.branch,
    day,
    counter: next.counter,
    // In the name of who makes the change: validate_doc_update ties `agent` to the signed-in
    // user. One agent per counter (openCounter) makes that the agent who worked the period.
    agent: actor.agent,
    device: actor.device,
    action: actionOf(from, next.status),
    at: now,
    hour: localHour(actor.now, actor.timeZone),
    from,
    busyMs: from === 'open' ? busyMs : 0,
    idleMs: from === 'open' ? idleMs : 0,
    pausedMs,
  };
  return { state: { ...next, updatedAt: now, statusSince: now, busyMs: 0, idleMs: 0 }, event };
}
