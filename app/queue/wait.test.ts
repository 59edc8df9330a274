/** The one wait estimate (issue 9 item 8): every screen and the printed ticket use it. */
import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../couch-design/types/ticket.ts';
import { translate } from '../i18n/translate.ts';
import { countersServing, estimateWait, queueWait } from './ranking.ts';
import { waitText } from './wait-text.ts';
import { queueTicket } from '../printing/templates/queue-ticket.ts';

const ticket = (seq: number, over: Partial<Ticket> = {}): Ticket => ({
  _id: `ticket:dla:2024-03-05:F:${String(seq).padStart(4, '0')}`,
  type: 'ticket',
  branch: 'dla',
  day: '2024-03-05',
  service: 'family',
  series: 'F',
  seq,
  label: `F${String(seq).padStart(3, '0')}`,
  issuedAt: `2024-03-05T08:${String(seq).padStart(2, '0')}:00.000Z`,
  device: 'dev1',
  state: 'waiting',
  ...over,
});
const open = (services: string[]) => ({ status: 'open' as const, services });

describe('the wait estimate', () => {
  it('an empty queue with a counter open is no wait, not one service time', () => {
    expect(estimateWait({ ahead: 0, countersServing: 1, serviceMinutes: 6 })).toEqual({ kind: 'none' });
    expect(queueWait([], [open(['family'])], 'family', 6).wait).toEqual({ kind: 'none' });
  });
  it('people ahead share the open counters, rounded up to the minute', () => {
    expect(estimateWait({ ahead: 1, countersServing: 1, serviceMinutes: 6 })).toEqual({ kind: 'minutes', minutes: 6 });
    expect(estimateWait({ ahead: 5, countersServing: 2, serviceMinutes: 6 })).toEqual({ kind: 'minutes', minutes: 15 });
    expect(estimateWait({ ahead: 1, countersServing: 3, serviceMinutes: 4.5 })).toEqual({ kind: 'minutes', minutes: 2 });
  });
  it('no open counter for the service says so instead of a number', () => {
    expect(estimateWait({ ahead: 4, countersServing: 0, serviceMinutes: 6 })).toEqual({ kind: 'no_counter' });
    expect(estimateWait({ ahead: 0, countersServing: 0, serviceMinutes: 6 })).toEqual({ kind: 'no_counter' });
  });
  it('counts only open counters whose current services include the queue', () => {
    const states = [open(['family']), { status: 'paused' as const, services: ['family'] }, { status: 'closed' as const, services: ['family'] }, open(['pension']), { status: 'open' as const }];
    expect(countersServing(states, 'family')).toBe(1);
    expect(countersServing(states, 'cash')).toBe(0);
  });
  it('a ticket waits for those ranked before it; a newcomer for everyone waiting', () => {
    const tickets = [ticket(1), ticket(2), ticket(3, { priority: 'elderly' }), ticket(4, { state: 'called' }), ticket(5, { service: 'pension' })];
    expect(queueWait(tickets, [open(['family'])], 'family', 6, tickets[1]!)).toEqual({ ahead: 2, wait: { kind: 'minutes', minutes: 12 } });
    expect(queueWait(tickets, [open(['family'])], 'family', 6, tickets[2]!)).toEqual({ ahead: 0, wait: { kind: 'none' } });
    expect(queueWait(tickets, [open(['family']), open(['family'])], 'family', 6)).toEqual({ ahead: 3, wait: { kind: 'minutes', minutes: 9 } });
  });
  it('one wording on screen and on paper, in both languages', () => {
    for (const locale of ['fr', 'en'] as const) {
      const t = (k: Parameters<typeof translate>[1], p?: Parameters<typeof translate>[2]) => translate(locale, k, p);
      for (const wait of [{ kind: 'none' as const }, { kind: 'minutes' as const, minutes: 12 }, { kind: 'no_counter' as const }]) {
        const printed = queueTicket({ institution: 'I', branchName: 'B', serviceName: 'S', label: 'F001', issuedAt: '2024-03-05T08:00:00Z', waitingAhead: 0, wait, qr: 'x' }, locale);
        const pair = printed.blocks.find((b) => b.kind === 'pair' && b.label === t('print.ticket.wait')) as { value: string } | undefined;
        expect(pair?.value).toBe(waitText(t, wait));
      }
    }
    expect(waitText((k, p) => translate('en', k, p), { kind: 'none' })).toBe('No wait');
    expect(waitText((k, p) => translate('fr', k, p), { kind: 'no_counter' })).toBe('Aucun guichet ouvert pour ce service');
  });
});
