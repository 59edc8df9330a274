/**
 * The report computed the slow, obvious way from the documents themselves, for tests to hold
 * the views and loadReport against. Deliberately independent of the durations written on the
 * events: a wait is re-derived as call time − the ticket's last issue or transfer, a service
 * time as done − its last start, the hour from `at` (Douala is UTC+1 all year).
 */
import { emptyFigures } from '../figures.ts';
import { type Dimension, type Figures, type Report, type ReportFilter, WAIT_BANDS_MIN } from '../report-types.ts';
import type { VisitEvent } from '../../../couch-design/types/ticket.ts';
import type { LogDoc } from './visit-log.ts';

const DIMENSIONS: readonly Dimension[] = ['branch', 'service', 'counter', 'agent'];

function lastBefore(events: readonly VisitEvent[], e: VisitEvent, actions: (e: VisitEvent) => boolean): VisitEvent | undefined {
  let found: VisitEvent | undefined;
  for (const x of events) if (x._id < e._id && actions(x)) found = x;
  return found;
}

function addDuration(s: Figures['wait'], ms: number): void {
  s.min = s.count === 0 ? ms : Math.min(s.min, ms);
  s.max = s.count === 0 ? ms : Math.max(s.max, ms);
  s.count++;
  s.sum += ms;
}

export function bruteForceReport(docs: readonly LogDoc[], filter: ReportFilter, targetMinutes: Record<string, number>): Report {
  const byTicket = new Map<string, VisitEvent[]>();
  for (const d of docs) if (d.type === 'visit_event') byTicket.set(d.ticket, [...(byTicket.get(d.ticket) ?? []), d]);
  for (const list of byTicket.values()) list.sort((a, b) => (a._id < b._id ? -1 : 1));

  const total = emptyFigures();
  const byHour = Array.from({ length: 24 }, emptyFigures);
  const byDay: Record<string, Figures> = {};
  const by = Object.fromEntries(DIMENSIONS.map((d) => [d, {} as Record<string, Figures>])) as Record<Dimension, Record<string, Figures>>;

  for (const d of docs) {
    if (d.day < filter.from || d.day > filter.to) continue;
    const service = d.type === 'visit_event' ? d.service : '';
    const keys = { branch: d.branch, service, counter: d.counter ?? '', agent: d.agent };
    if (DIMENSIONS.some((dim) => filter[dim] !== undefined && filter[dim] !== keys[dim])) continue;
    let apply: (f: Figures) => void;
    if (d.type === 'counter_event') {
      if (d.busyMs === 0 && d.idleMs === 0) continue;
      apply = (f) => {
        f.busyMs += d.busyMs;
        f.idleMs += d.idleMs;
      };
    } else {
      const events = byTicket.get(d.ticket)!;
      if (d.action === 'issued' || (d.action === 'serving' && d.details?.walkIn === true)) apply = (f) => void f.issued++;
      else if (d.action === 'no_show') apply = (f) => void f.noShow++;
      else if (d.action === 'transferred') apply = (f) => void f.transferred++;
      else if (d.action === 'closed') apply = (f) => void f.abandoned++;
      else if (d.action === 'done') {
        const start = lastBefore(events, d, (x) => x.action === 'serving')!;
        const ms = Date.parse(d.at) - Date.parse(start.at);
        apply = (f) => {
          f.served++;
          addDuration(f.service, ms);
        };
      } else if (d.action === 'called') {
        const queued = lastBefore(events, d, (x) => x.action === 'issued' || x.action === 'transferred')!;
        const ms = Date.parse(d.at) - Date.parse(queued.at);
        let band = WAIT_BANDS_MIN.findIndex((max) => ms < max * 60_000);
        if (band < 0) band = WAIT_BANDS_MIN.length;
        apply = (f) => {
          addDuration(f.wait, ms);
          f.waitBands[band]!++;
          if (ms <= targetMinutes[d.service]! * 60_000) f.withinTarget++;
        };
      } else continue;
    }
    const hour = (new Date(d.at).getUTCHours() + 1) % 24;
    const targets = [total, byHour[hour]!, (byDay[d.day] ??= emptyFigures())];
    for (const dim of DIMENSIONS) if (keys[dim] !== '') targets.push((by[dim][keys[dim]] ??= emptyFigures()));
    targets.forEach(apply);
  }
  const rows = (m: Record<string, Figures>) => Object.keys(m).sort().map((key) => ({ key, figures: m[key]! }));
  return {
    filter,
    total,
    byHour,
    byDay: rows(byDay).map(({ key, figures }) => ({ day: key, figures })),
    by: Object.fromEntries(DIMENSIONS.map((dim) => [dim, rows(by[dim])])) as Report['by'],
  };
}
