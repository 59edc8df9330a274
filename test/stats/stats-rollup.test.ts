/**
 * Daily roll-ups on the real server: the job's pass writes one `stats_day` per closed day of the
 * branch database (quiet days too, today not), the report over HTTP with roll-ups is the report
 * from the views alone, a late event recomputes its day, and a pass with nothing new writes nothing.
 * Monthly ones: a closed month gets its `stats_month`, read instead of its days, and a late event
 * in it recomputes both the day and the month.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { StatsDay } from '../../couch-design/types/stats-day.ts';
import type { StatsMonth } from '../../couch-design/types/stats-month.ts';
import { loadReport } from '../../app/stats/report-query.ts';
import { httpMonthRollups, httpRollups } from '../../app/stats/report-source.ts';
import { lastDayOf } from '../../app/stats/rollup-plan.ts';
import type { ReportFilter, ViewQuery } from '../../app/stats/report-types.ts';
import { branchDay } from '../../app/queue/numbering.ts';
import { bruteForceReport } from '../../app/stats/testing/brute-force-report.ts';
import { DAYS, counterPlan, ticketPlan } from '../../app/stats/testing/arbitraries.ts';
import { TARGETS, TIME_ZONE, playLog, type LogDoc } from '../../app/stats/testing/visit-log.ts';
import { adminClient } from '../../server/provision/couch-client.ts';
import { runStatsRollup } from '../../server/jobs/stats-rollup.ts';
import { ADMIN, basicAuth, couch } from '../support/couch-http.ts';
import { httpViewQuery } from '../support/couch-view-query.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';

let server: RunningServer;
const admin = basicAuth(ADMIN.name, ADMIN.password);

beforeAll(async () => {
  server = await startServer();
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

function shift(day: string, n: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

async function load(docs: readonly LogDoc[]): Promise<void> {
  const res = await couch(server.url, admin, 'POST', '/fo_branch_dla/_bulk_docs', { docs });
  expect(res.status).toBe(201);
  expect((res.body as { error?: string }[]).filter((r) => r.error)).toEqual([]);
}

const authed = ((url: string, init?: RequestInit) => fetch(url, { ...init, headers: admin.headers })) as typeof fetch;

async function rollupsOf(from: string, to: string): Promise<StatsDay[]> {
  return httpRollups(`${server.url}/db`, 'fo_branch_dla', authed)(from, to);
}

async function monthsOf(from: string, to: string): Promise<StatsMonth[]> {
  return httpMonthRollups(`${server.url}/db`, 'fo_branch_dla', authed)(from, to);
}

describe('daily statistics roll-ups', () => {
  it('are written for closed days, give the views’ report, follow late events, and are not rewritten for nothing', async () => {
    const today = branchDay(new Date(), TIME_ZONE);
    // The arbitraries' three days moved to: four days ago, two days ago (a quiet day between), today.
    const moved: Record<string, string> = { [DAYS[0]]: shift(today, -4), [DAYS[1]]: shift(today, -2), [DAYS[2]]: today };
    const [tickets, counters] = fc.sample(fc.tuple(fc.array(ticketPlan(['dla']), { minLength: 40, maxLength: 40 }), fc.array(counterPlan(['dla']), { minLength: 6, maxLength: 6 })), {
      numRuns: 1,
      seed: 42,
    })[0]!;
    const docs = playLog(
      tickets.map((p) => ({ ...p, day: moved[p.day]! })),
      counters.map((p) => ({ ...p, day: moved[p.day]! })),
    );
    await load(docs);
    const engine = adminClient(`http://127.0.0.1:${server.enginePort}`, ADMIN);
    await runStatsRollup(engine, ['dla']);

    const from = shift(today, -4);
    const days = (await rollupsOf(from, today)).map((r) => r.day);
    expect(days).toEqual([0, 1, 2, 3].map((n) => shift(from, n)));
    expect((await rollupsOf(shift(today, -3), shift(today, -3)))[0]).toMatchObject({ stats: [], durations: [] });

    const filter: ReportFilter = { from, to: today, branch: 'dla' };
    const views = httpViewQuery(server.url, 'fo_branch_dla', admin);
    const ranges: unknown[] = [];
    const counted: ViewQuery = (view, params) => {
      ranges.push(params.startkey);
      return views(view, params);
    };
    const expected = bruteForceReport(docs, filter, TARGETS);
    expect(await loadReport(views, filter)).toEqual(expected);
    expect(await loadReport(counted, filter, { rollups: rollupsOf })).toEqual(expected);
    // Only today is left to the views.
    expect(ranges).toEqual([[today], [today]]);

    // A device that was offline brings a counter session of four days ago.
    const before = (await rollupsOf(from, from))[0]!;
    const late = playLog([], [{ branch: 'dla', day: from, counter: 2, agent: 1, startSec: 3600, steps: [{ step: 'open', afterSec: 1 }, { step: 'close', afterSec: 1800 }] }]);
    expect(late.length).toBeGreaterThan(0);
    await load(late);
    await runStatsRollup(engine, ['dla']);
    const after = (await rollupsOf(from, from))[0]!;
    expect(after._rev).not.toBe(before._rev);
    expect(after.computedAt >= before.computedAt).toBe(true);
    const all = [...docs, ...late];
    expect(await loadReport(views, filter, { rollups: rollupsOf })).toEqual(bruteForceReport(all, filter, TARGETS));
    expect((await loadReport(views, { from, to: from, branch: 'dla', counter: 'C03' }, { rollups: rollupsOf })).total.idleMs).toBeGreaterThanOrEqual(1_800_000);

    expect((await runStatsRollup(engine, ['dla'])).written).toBe(0);
    expect((await rollupsOf(from, from))[0]!._rev).toBe(after._rev);
  }, 120_000);

  it('settles a roll-up computed by two servers before replication met: one revision is kept', async () => {
    const engine = adminClient(`http://127.0.0.1:${server.enginePort}`, ADMIN);
    await runStatsRollup(engine, ['dla']);
    const day = shift(branchDay(new Date(), TIME_ZONE), -4);
    const path = `/fo_branch_dla/${encodeURIComponent(`statsday:${day}:dla`)}`;
    const mine = (await couch(server.url, admin, 'GET', path)).body as StatsDay;
    // The other server's revision, as replication brings it (with its revision history).
    const theirs = { ...mine, _rev: `1-${'f'.repeat(32)}`, _revisions: { start: 1, ids: ['f'.repeat(32)] }, computedAt: new Date().toISOString() };
    expect((await couch(server.url, admin, 'POST', '/fo_branch_dla/_bulk_docs', { docs: [theirs], new_edits: false })).status).toBe(201);
    expect((await couch(server.url, admin, 'GET', `${path}?conflicts=true`)).body._conflicts).toHaveLength(1);
    await runStatsRollup(engine, ['dla']);
    const settled = (await couch(server.url, admin, 'GET', `${path}?conflicts=true`)).body as StatsDay & { _conflicts?: string[] };
    expect(settled._conflicts).toBeUndefined();
    expect(settled.stats).toEqual(mine.stats);
  }, 60_000);

  it('sum a closed month into a monthly roll-up, read instead of its days, and follow a late event into the day and the month', async () => {
    const today = branchDay(new Date(), TIME_ZONE);
    const month = shift(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
    const [first, last] = [`${month}-01`, lastDayOf(month)];
    // The arbitraries' three days moved to last month's first, second and last days.
    const moved: Record<string, string> = { [DAYS[0]]: first, [DAYS[1]]: `${month}-02`, [DAYS[2]]: last };
    const [tickets, counters] = fc.sample(fc.tuple(fc.array(ticketPlan(['dla']), { minLength: 40, maxLength: 40 }), fc.array(counterPlan(['dla']), { minLength: 6, maxLength: 6 })), {
      numRuns: 1,
      seed: 7,
    })[0]!;
    await load(playLog(tickets.map((p) => ({ ...p, day: moved[p.day]! })), counters.map((p) => ({ ...p, day: moved[p.day]! }))));
    const engine = adminClient(`http://127.0.0.1:${server.enginePort}`, ADMIN);
    expect((await runStatsRollup(engine, ['dla'])).monthsWritten).toBeGreaterThanOrEqual(1);
    const before = (await monthsOf(month, month))[0]!;
    expect(before.days.length).toBeGreaterThan(0);

    const views = httpViewQuery(server.url, 'fo_branch_dla', admin);
    const read = { days: 0, viewRanges: 0 };
    const sources = {
      rollups: async (from: string, to: string) => {
        const days = await rollupsOf(from, to);
        read.days += days.length;
        return days;
      },
      months: monthsOf,
    };
    const counted: ViewQuery = (view, params) => {
      read.viewRanges++;
      return views(view, params);
    };
    const wholeMonth: ReportFilter = { from: first, to: last, branch: 'dla' };
    expect(await loadReport(counted, wholeMonth, sources)).toEqual(await loadReport(views, wholeMonth));
    // The month document alone: no daily roll-up, no view.
    expect(read).toEqual({ days: 0, viewRanges: 0 });
    const toToday: ReportFilter = { from: first, to: today, branch: 'dla' };
    expect(await loadReport(views, toToday, sources)).toEqual(await loadReport(views, toToday));

    // A device that was offline brings a counter session of the month's second day.
    const dayBefore = (await rollupsOf(`${month}-02`, `${month}-02`))[0]!;
    await load(playLog([], [{ branch: 'dla', day: `${month}-02`, counter: 2, agent: 1, startSec: 3600, steps: [{ step: 'open', afterSec: 1 }, { step: 'close', afterSec: 1800 }] }]));
    const pass = await runStatsRollup(engine, ['dla']);
    expect(pass).toMatchObject({ written: 1, monthsWritten: 1 });
    expect((await rollupsOf(`${month}-02`, `${month}-02`))[0]!._rev).not.toBe(dayBefore._rev);
    const after = (await monthsOf(month, month))[0]!;
    expect(after._rev).not.toBe(before._rev);
    expect(await loadReport(views, wholeMonth, sources)).toEqual(await loadReport(views, wholeMonth));
    expect(await loadReport(views, toToday, sources)).toEqual(await loadReport(views, toToday));
    const c03 = { ...wholeMonth, counter: 'C03' };
    expect((await loadReport(views, c03, sources)).total.idleMs).toBeGreaterThanOrEqual(1_800_000);

    expect(await runStatsRollup(engine, ['dla'])).toMatchObject({ written: 0, monthsWritten: 0 });
    expect((await monthsOf(month, month))[0]!._rev).toBe(after._rev);
  }, 120_000);
});
