import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Ticket } from '../../couch-design/types/ticket.ts';
import { NO_RULES, rankWaiting, rulesFromSettings, spreadAmong, spreadOrder } from './ranking.ts';

const NOW = Date.parse('2024-03-05T09:00:00Z');

function ticket(seq: number, extra: Partial<Ticket> = {}): Ticket {
  const at = `2024-03-05T08:${String(seq % 60).padStart(2, '0')}:00.000Z`;
  return {
    _id: `ticket:dla:2024-03-05:F:${String(seq).padStart(4, '0')}`,
    type: 'ticket',
    branch: 'dla',
    day: '2024-03-05',
    service: 'family',
    series: 'F',
    seq,
    label: `F${String(seq).padStart(3, '0')}`,
    issuedAt: at,
    device: 'd1',
    state: 'waiting',
    queuedAt: at,
    ...extra,
  };
}

const ranked = (ts: Ticket[], rules = NO_RULES) => rankWaiting(ts, 'C01', ['family', 'pension'], rules, NOW);
const seqs = (ts: Ticket[]) => ts.map((t) => t.seq);

describe('spreading counters over the head of the queue', () => {
  it('the counter at position p tries the p-th ticket first, then the others of the head, then the rest in order', () => {
    const list = ranked([1, 2, 3, 4, 5, 6].map((n) => ticket(n)));
    expect(seqs(spreadOrder(list, { position: 0, width: 3 }, NO_RULES, NOW))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(seqs(spreadOrder(list, { position: 2, width: 3 }, NO_RULES, NOW))).toEqual([3, 1, 2, 4, 5, 6]);
    expect(seqs(spreadOrder(list, { position: 1, width: 3 }, NO_RULES, NOW))).toEqual([2, 3, 1, 4, 5, 6]);
    // Fewer tickets than counters: positions wrap over what there is.
    expect(seqs(spreadOrder(list.slice(0, 2), { position: 4, width: 20 }, NO_RULES, NOW))).toEqual([1, 2]);
  });

  it('never takes a ticket of a lower rank first: priorities, front, overdue queues stay ahead', () => {
    const list = ranked([ticket(1), ticket(2, { priority: 'elderly' }), ticket(3), ticket(4, { front: true }), ticket(5)]);
    expect(seqs(list)).toEqual([2, 4, 1, 3, 5]);
    // The head is the one priority ticket: every counter tries it first.
    for (let p = 0; p < 5; p++) expect(spreadOrder(list, { position: p, width: 5 }, NO_RULES, NOW)[0]!.seq).toBe(2);
    const rules = rulesFromSettings({ overdue: [{ service: 'pension', minutes: 10 }] });
    const late = ranked([ticket(1), ticket(2), ticket(3, { service: 'pension' }), ticket(4, { service: 'pension' })], rules);
    expect(seqs(late)).toEqual([3, 4, 1, 2]);
    expect(seqs(spreadOrder(late, { position: 3, width: 4 }, rules, NOW))).toEqual([4, 3, 1, 2]);
  });

  it('is a reordering within the first `width` tickets of the head rank, distinct first picks per position (property)', () => {
    const row = fc.record({ p: fc.boolean(), f: fc.boolean(), m: fc.integer({ min: 0, max: 59 }) });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), fc.integer({ min: 1, max: 25 }), (rows, width) => {
        const list = ranked(rows.map((r, i) => ticket(i + 1, { ...(r.p ? { priority: 'pregnant' as const } : {}), ...(r.f ? { front: true } : {}), queuedAt: `2024-03-05T08:${String(r.m).padStart(2, '0')}:00.000Z` })));
        const firsts = new Set<string>();
        for (let position = 0; position < width; position++) {
          const order = spreadOrder(list, { position, width }, NO_RULES, NOW);
          expect([...order].sort((a, b) => a.seq - b.seq)).toEqual([...list].sort((a, b) => a.seq - b.seq));
          if (list.length === 0) continue;
          const at = list.indexOf(order[0]!);
          // Passed over by fewer than `width` tickets, all of the same rank.
          expect(at).toBeLessThan(width);
          expect(!!order[0]!.priority).toBe(!!list[0]!.priority);
          expect(!!order[0]!.front).toBe(!!list[0]!.front);
          // Beyond the head, the rank order is kept.
          expect(order.slice(width)).toEqual(list.slice(width).filter((t) => order.slice(width).includes(t)));
          firsts.add(order[0]!._id);
        }
        const head = list.filter((t) => !!t.priority === !!list[0]?.priority && !!t.front === !!list[0]?.front).length;
        expect(firsts.size).toBe(Math.min(width, head, list.length));
      }),
    );
  });

  it('places a counter among the open counters sharing one of its queues, by code', () => {
    const states = [
      { counter: 'C03', status: 'open' as const, services: ['family'] },
      { counter: 'C01', status: 'open' as const, services: ['family', 'pension'] },
      { counter: 'C02', status: 'paused' as const, services: ['family'] },
      { counter: 'C04', status: 'open' as const, services: ['cash'] },
      { counter: 'C05', status: 'open' as const, services: ['pension'] },
    ];
    expect(spreadAmong(states, 'C03', ['family'])).toEqual({ position: 1, width: 2 });
    expect(spreadAmong(states, 'C05', ['pension'])).toEqual({ position: 1, width: 2 });
    // Its own state not open yet (or not loaded): counted all the same.
    expect(spreadAmong([], 'C07', ['family'])).toEqual({ position: 0, width: 1 });
    expect(spreadAmong(states, 'C00', ['family'])).toEqual({ position: 0, width: 3 });
  });
});
