/** fast-check generators of visit logs and report filters (see visit-log.ts). */
import fc from 'fast-check';
import type { ReportFilter } from '../report-types.ts';
import { AGENTS, COUNTERS, COUNTER_STEPS, type CounterPlan, SERVICES, TICKET_STEPS, type TicketPlan } from './visit-log.ts';

/** Across a month boundary, so day order and ranges are exercised. */
export const DAYS = ['2024-02-28', '2024-02-29', '2024-03-01'] as const;

const index = (n: number) => fc.integer({ min: 0, max: n - 1 });
// At least a second between steps: a ticket's events then sort by time in their ids.
// Weighted towards the usual path (call, start, finish); a step the state refuses is skipped.
const WEIGHTS: Record<(typeof TICKET_STEPS)[number], number> = { call: 4, start: 3, finish: 3, recall: 1, no_show: 1, park: 1, resume: 1, transfer: 1, close: 1 };
const ticketStep = fc.oneof(...TICKET_STEPS.map((step) => ({ arbitrary: fc.constant(step), weight: WEIGHTS[step] })));
const afterSec = fc.oneof(fc.integer({ min: 1, max: 120 }), fc.integer({ min: 1, max: 3600 }));

export function ticketPlan(branches: readonly string[]): fc.Arbitrary<TicketPlan> {
  return fc.record({
    branch: fc.constantFrom(...branches),
    day: fc.constantFrom(...DAYS),
    service: index(SERVICES.length),
    startSec: fc.integer({ min: 0, max: 10 * 3600 }),
    walkIn: fc.boolean(),
    steps: fc.array(fc.record({ step: ticketStep, counter: index(COUNTERS.length), agent: index(AGENTS.length), afterSec }), { maxLength: 10 }),
  });
}

export function counterPlan(branches: readonly string[]): fc.Arbitrary<CounterPlan> {
  return fc.record({
    branch: fc.constantFrom(...branches),
    day: fc.constantFrom(...DAYS),
    counter: index(COUNTERS.length),
    agent: index(AGENTS.length),
    startSec: fc.integer({ min: 0, max: 10 * 3600 }),
    steps: fc.array(fc.record({ step: fc.constantFrom(...COUNTER_STEPS), afterSec }), { maxLength: 10 }),
  });
}

export function reportFilter(branches: readonly string[]): fc.Arbitrary<ReportFilter> {
  const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
  return fc
    .record({
      days: fc.tuple(index(DAYS.length), index(DAYS.length)),
      branch: opt(fc.constantFrom(...branches)),
      service: opt(fc.constantFrom(...SERVICES.map((s) => s.code))),
      counter: opt(fc.constantFrom(...COUNTERS)),
      agent: opt(fc.constantFrom(...AGENTS)),
    })
    .map(({ days, ...rest }) => {
      const filter: ReportFilter = { from: DAYS[Math.min(...days)]!, to: DAYS[Math.max(...days)]! };
      for (const [k, v] of Object.entries(rest)) if (v !== undefined) (filter as unknown as Record<string, string>)[k] = v;
      return filter;
    });
}
