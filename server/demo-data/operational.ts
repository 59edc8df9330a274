/**
 * Tickets and their visit events for one branch, for benchmarks and statistics tests.
 * Past days only, so every ticket has reached a final state.
 */
import { type Ticket, type VisitEvent, type VisitAction, ticketId, ticketLabel, visitEventId } from '../../couch-design/types/ticket.ts';
import { uid } from '../../couch-design/ids/uid.ts';
import { mulberry32 } from './prng.ts';
import { services } from './catalogue.ts';

/** 2024-01-08 08:00 Africa/Douala (UTC+1), a Monday. */
const START_MS = Date.UTC(2024, 0, 8, 7, 0);
const DAY_MS = 86_400_000;
const TICKETS_PER_DAY = 400;
/** Counter codes that serve each service in the demo matrix (first one listed). */
const COUNTER_OF: Record<string, string[]> = {
  employers: ['C05', 'C06'],
  family: ['C01', 'C02', 'C04', 'C06'],
  pension: ['C01', 'C02', 'C03'],
  work_injury: ['C03', 'C04'],
  cash: ['C07', 'C08'],
};

export type OperationalDoc = Ticket | VisitEvent;

/**
 * `count` tickets (each with 2 to 5 visit events), spread over consecutive weekdays at
 * TICKETS_PER_DAY a day. Pure: the same (branch, count, seed) gives the same documents.
 */
export function generateBranchOperationalDocs(branch: string, count: number, seed = 1): OperationalDoc[] {
  const rng = mulberry32(seed);
  const out: OperationalDoc[] = [];
  const deviceSeq = new Map<string, number>();
  const nextUid = (ms: number, device: string) => {
    const s = (deviceSeq.get(device) ?? 0) + 1;
    deviceSeq.set(device, s);
    return uid(ms, device, s);
  };
  let seqOf = new Map<string, number>();

  for (let i = 0; i < count; i++) {
    const dayIndex = Math.floor(i / TICKETS_PER_DAY);
    if (i % TICKETS_PER_DAY === 0) seqOf = new Map();
    const dayStart = START_MS + Math.floor(dayIndex / 5) * 7 * DAY_MS + (dayIndex % 5) * DAY_MS;
    const day = new Date(dayStart).toISOString().slice(0, 10);
    const service = rng.pick(services);
    const seq = (seqOf.get(service.series) ?? 0) + 1;
    seqOf.set(service.series, seq);
    const issuedMs = dayStart + Math.floor(((i % TICKETS_PER_DAY) / TICKETS_PER_DAY) * 8 * 3_600_000) + rng.int(0, 59_000);
    const counter = rng.pick(COUNTER_OF[service.code] ?? ['C01']);
    const agent = `${service.cashDesk ? 'cashier' : 'counter'}.${branch}`;
    const counterDevice = counter.toLowerCase();
    const key = { branch, day, series: service.series, seq };
    const id = ticketId(key);

    const r = rng.next();
    const outcome: 'done' | 'no_show' | 'transferred' = r < 0.85 ? 'done' : r < 0.95 ? 'no_show' : 'transferred';
    const steps: [VisitAction, number, string, string | undefined][] = [['issued', issuedMs, 'k1', undefined]];
    const calledMs = issuedMs + rng.int(60, 3_600) * 1000;
    steps.push(['called', calledMs, counterDevice, counter]);
    if (outcome === 'no_show') steps.push(['no_show', calledMs + 180_000, counterDevice, counter]);
    else {
      const servingMs = calledMs + rng.int(10, 90) * 1000;
      steps.push(['serving', servingMs, counterDevice, counter]);
      steps.push([outcome, servingMs + rng.int(120, 1_500) * 1000, counterDevice, counter]);
    }

    out.push({
      _id: id,
      type: 'ticket',
      branch,
      day,
      service: service.code,
      series: service.series,
      seq,
      label: ticketLabel(service.series, seq),
      issuedAt: new Date(issuedMs).toISOString(),
      device: 'k1',
      ...(rng.chance(0.05) ? { priority: 'elderly' as const } : {}),
      state: outcome,
      counter,
      agent,
    });
    for (const [action, ms, device, atCounter] of steps) {
      out.push({
        _id: visitEventId(key, nextUid(ms, device)),
        type: 'visit_event',
        branch,
        day,
        ticket: id,
        service: service.code,
        action,
        at: new Date(ms).toISOString(),
        ...(atCounter ? { counter: atCounter } : {}),
        agent: action === 'issued' ? `kiosk.${branch}` : agent,
        device,
        ...(action === 'transferred' ? { details: { toService: 'cash' } } : {}),
      });
    }
  }
  return out;
}
