/**
 * One year of one busy branch for the statistics bench: Monday–Saturday, eight counters each
 * worked by one agent, tickets over the opening hours, most called, served and finished, some
 * no-shows, transfers and end-of-day closings; counters open, pause at midday, close. Played
 * through the real queue steps (app/stats/testing/visit-log.ts). Deterministic for a seed.
 */
import { COUNTERS, type CounterPlan, SERVICES, type TicketPlan, playLog, type LogDoc } from '../app/stats/testing/visit-log.ts';

/** Visit events per ticket of this mix, measured (≈4.1): sizes the day for a wanted total. */
const EVENTS_PER_TICKET = 4.1;
const OPEN_SEC = 9 * 3600;

function rng(seed: number): () => number {
  // mulberry32: small, fast, good enough to spread a bench's data.
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function workingDays(year: number): string[] {
  const out: string[] = [];
  for (let ms = Date.UTC(year, 0, 1); ms < Date.UTC(year + 1, 0, 1); ms += 86_400_000) if (new Date(ms).getUTCDay() !== 0) out.push(new Date(ms).toISOString().slice(0, 10));
  return out;
}

function ticketPlan(branch: string, day: string, r: () => number): TicketPlan {
  const counter = Math.floor(r() * COUNTERS.length);
  const s = (step: TicketPlan['steps'][number]['step'], afterSec: number) => ({ step, counter, agent: counter, afterSec: Math.max(1, Math.round(afterSec)) });
  const wait = -Math.log(1 - r()) * 12 * 60; // exponential, mean 12 min
  const serve = 120 + r() * 900;
  const roll = r();
  const steps =
    roll < 0.05 ? [s('call', wait), s('recall', 60), s('no_show', 60)]
    : roll < 0.1 ? [s('call', wait), s('start', 30), s('transfer', serve / 2), s('call', wait), s('start', 30), s('finish', serve)]
    : roll < 0.12 ? [s('close', OPEN_SEC)]
    : [s('call', wait), s('start', 30), s('finish', serve)];
  return { branch, day, service: Math.floor(r() * SERVICES.length), startSec: Math.floor(r() * OPEN_SEC), walkIn: false, steps };
}

function counterPlans(branch: string, day: string): CounterPlan[] {
  return COUNTERS.map((_, counter) => ({
    branch,
    day,
    counter,
    agent: counter,
    startSec: 0,
    steps: [
      { step: 'open', afterSec: 60 },
      { step: 'take', afterSec: 600 },
      { step: 'free', afterSec: 3 * 3600 },
      { step: 'pause', afterSec: 600 },
      { step: 'open', afterSec: 3600 },
      { step: 'take', afterSec: 300 },
      { step: 'free', afterSec: 3 * 3600 },
      { step: 'close', afterSec: 900 },
    ],
  }));
}

/** About `visitEvents` visit events of branch `branch` over the year's working days, plus the counters' events. */
export function yearLog(visitEvents: number, year = 2025, seed = 1, branch = 'dla'): LogDoc[] {
  const days = workingDays(year);
  const perDay = Math.max(1, Math.round(visitEvents / EVENTS_PER_TICKET / days.length));
  const r = rng(seed);
  const tickets: TicketPlan[] = [];
  const counters: CounterPlan[] = [];
  for (const day of days) {
    // Tickets in issue order, so each series is numbered in time order.
    const today = Array.from({ length: perDay }, () => ticketPlan(branch, day, r)).sort((a, b) => a.startSec - b.startSec);
    tickets.push(...today);
    counters.push(...counterPlans(branch, day));
  }
  return playLog(tickets, counters);
}
