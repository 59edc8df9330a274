/**
 * Two counters called the same ticket while cut off from the server: replication brings both
 * revisions in as a conflict. The earliest call wins, ties by counter code, so every device
 * that resolves it picks the same winner. Both 'called' events stay in the visit log. Pure.
 */
import type { Ticket } from '../../couch-design/types/ticket.ts';

function callKey(t: Ticket): [number, string] {
  return [t.calledAt ? Date.parse(t.calledAt) : Number.POSITIVE_INFINITY, t.counter ?? '\uffff'];
}

/** The revision that stands among conflicting ones (at least one). */
export function pickCallWinner<T extends Ticket>(revisions: readonly T[]): T {
  if (revisions.length === 0) throw new Error('pickCallWinner: no revision');
  return revisions.reduce((best, t) => {
    const [bt, bc] = callKey(best);
    const [tt, tc] = callKey(t);
    return tt < bt || (tt === bt && tc < bc) ? t : best;
  });
}

/** The content of a revision, without CouchDB's fields: two devices may write the same content. */
export function sameContent(a: Ticket, b: Ticket): boolean {
  const strip = ({ _rev: _r, ...rest }: Ticket & { _conflicts?: unknown }) => {
    const { _conflicts: _c, ...content } = rest as Ticket & { _conflicts?: unknown };
    return JSON.stringify(Object.entries(content).sort(([x], [y]) => (x < y ? -1 : 1)));
  };
  return strip(a) === strip(b);
}

/**
 * This counter lost a call: its state holds the ticket, which now belongs to another counter.
 * The screen says so plainly and the agent calls the next one.
 */
export function lostCall(myCounter: string, current: Ticket | null): boolean {
  return current !== null && current.counter !== undefined && current.counter !== myCounter;
}
