/**
 * Queue figures (separate from bench/run.ts, which may import `benchQueue`):
 *   1. ticket issued (HTTP PUT through the server) → visible on the display page in Chromium,
 *      through live replication: p50 and p95, first with nothing else running (the anchor: a
 *      quarter as many tickets, at least 20), then over `tickets` tickets while 5 counters call
 *      and serve as fast as they can (the target's condition);
 *   2. calls per second sustained by `counters` simulated counters draining `drainTickets`
 *      tickets through the HTTP API with the app's own queue operations.
 *
 *   npx tsx bench/queue-bench.ts [--tickets=200] [--drain=1000] [--counters=20]
 *   COUCH_URL=http://127.0.0.1:5984 COUCH_ADMIN_USER=… COUCH_ADMIN_PASSWORD=… npx tsx bench/queue-bench.ts
 * Needs the app built (npm run build). Prints calls/s, lost races (409s) and writes per call.
 */
import { launchChromium } from '../test/support/browser.ts';
import { signIn } from '../test/support/couch-http.ts';
import { startServer } from '../test/support/server-process.ts';
import { actorFor, drain, issueMany } from '../test/queue/support/drain.ts';
import { httpQueueStore } from '../test/queue/support/http-store.ts';
import { issueTicket } from '../app/queue/ops.ts';
import { couchEnv } from './couch-env.ts';
import { describeRefusals } from './refusals.ts';

export interface DisplayFigures {
  /** From the issuing click's start (numbering, ticket PUT, visit event PUT) to the display. */
  readonly visibleP50Ms: number;
  readonly visibleP95Ms: number;
  /** From the server's acknowledgement of the ticket write to the display: the delivery alone. */
  readonly deliveredP50Ms: number;
  readonly deliveredP95Ms: number;
  readonly tickets: number;
}

export interface QueueBenchResult {
  /** The display with nothing else running: the anchor, from the same run, of the figures under load. */
  readonly quiet: DisplayFigures;
  /** The same while 5 counters call and serve as fast as they can (the target's condition). */
  readonly loaded: DisplayFigures;
  /** Calls per second the 5 busy counters made while the display was measured. */
  readonly busyCallsPerSecond: number;
  /** Their tickets still waiting at the end: 0 would mean they ran out and the load stopped early. */
  readonly busyLeft: number;
  readonly counters: number;
  readonly callsPerSecond: number;
  readonly drained: number;
  /** 409s met by the draining counters (a ticket another counter called first), per call. */
  readonly lostRacesPerCall: number;
  /** Server writes (PUT or _bulk_docs requests, refused ones included) per call. */
  readonly writesPerCall: number;
  /** The server's log, one line per request (bench/refusals.ts finds the gateway's refusals in it). */
  readonly serverOutput: string;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const BUSY_COUNTERS = 5;
const BUSY_TICKETS = 2000;

export async function benchQueue(options = { tickets: 200, drainTickets: 1000, counters: 20 }): Promise<QueueBenchResult> {
  // COUCH_URL (with COUCH_ADMIN_USER / COUCH_ADMIN_PASSWORD) runs the same figures on Apache CouchDB.
  const server = await startServer(couchEnv());
  const browser = await launchChromium();
  try {
    const page = await (await browser.newContext({ locale: 'en-US', serviceWorkers: 'block' })).newPage();
    await page.goto(`${server.url}/signin`);
    await page.getByTestId('signin-name').fill('display.dla');
    await page.getByTestId('signin-password').fill('demo-display');
    await page.getByTestId('signin-submit').click();
    await page.getByTestId('display-waiting-family').waitFor({ timeout: 60_000 });

    const session = await signIn(server.url, 'reception.dla', 'demo-reception');
    const http = httpQueueStore(server.url, session, 'fo_branch_dla', { writes: 0, conflicts: 0, queries: 0 });
    let acknowledged = 0;
    const store = {
      ...http,
      writeArbitrated: async <T extends Parameters<typeof http.writeArbitrated>[0]>(doc: T) => {
        const stored = await http.writeArbitrated(doc);
        acknowledged = performance.now();
        return stored;
      },
    } as typeof http;
    const day = new Date().toISOString().slice(0, 10);
    const actor = actorFor('dla', 'reception.dla', 'bench');
    const used: number[] = [];
    const measureDisplay = async (count: number): Promise<DisplayFigures> => {
      const times: number[] = [];
      const delivered: number[] = [];
      for (let i = 0; i < count; i++) {
        const t0 = performance.now();
        const r = await issueTicket(store, { day, service: { code: 'family', series: 'F' } }, { used, slot: null }, actor());
        if (!r.ok) throw new Error(r.error);
        used.push(r.value.seq);
        await page.waitForFunction((n) => document.querySelector('[data-testid="display-waiting-family"]')?.getAttribute('data-count') === String(n), used.length, { polling: 'raf', timeout: 10_000 });
        const shown = performance.now();
        times.push(shown - t0);
        delivered.push(shown - acknowledged);
      }
      times.sort((a, b) => a - b);
      delivered.sort((a, b) => a - b);
      return { visibleP50Ms: percentile(times, 50), visibleP95Ms: percentile(times, 95), deliveredP50Ms: percentile(delivered, 50), deliveredP95Ms: percentile(delivered, 95), tickets: count };
    };
    const quiet = await measureDisplay(Math.max(20, Math.round(options.tickets / 4)));

    // The issue's condition: 5 counters busy calling and serving in the same branch database
    // while the display is measured (another day's tickets, so the display's count is not theirs).
    const busyDay = '2031-02-02';
    await issueMany(server.url, BUSY_TICKETS, 2, busyDay);
    let measuring = true;
    const busyStarted = performance.now();
    const busy = drain(server.url, BUSY_COUNTERS, busyDay, () => !measuring);
    const loaded = await measureDisplay(options.tickets);
    measuring = false;
    const busyEnded = performance.now();
    const busyCalls = (await busy).calls;

    const drainDay = '2031-02-03';
    await issueMany(server.url, options.drainTickets, 4, drainDay);
    const drained = await drain(server.url, options.counters, drainDay);
    return {
      quiet,
      loaded,
      busyCallsPerSecond: (busyCalls * 1000) / (busyEnded - busyStarted),
      busyLeft: BUSY_TICKETS - busyCalls,
      counters: options.counters,
      callsPerSecond: (drained.calls * 1000) / drained.ms,
      drained: drained.calls,
      lostRacesPerCall: drained.stats.conflicts / drained.calls,
      writesPerCall: drained.stats.writes / drained.calls,
      serverOutput: server.output(),
    };
  } finally {
    await browser.close();
    await server.stop();
  }
}

/** The figures as `npm run bench` and this script print them, each beside its target and anchor. */
export function formatQueue(q: QueueBenchResult): string[] {
  const display = (f: DisplayFigures) => `p50 ${f.visibleP50Ms.toFixed(1)} ms, p95 ${f.visibleP95Ms.toFixed(1)} ms over ${f.tickets} tickets (write acknowledged → visible: p50 ${f.deliveredP50Ms.toFixed(1)} ms, p95 ${f.deliveredP95Ms.toFixed(1)} ms)`;
  return [
    `  issued → visible on the display, nothing else running (anchor): ${display(q.quiet)}`,
    `  the same under ${BUSY_COUNTERS} busy counters (target p95 ≤ 100 ms): ${display(q.loaded)}`,
    `    the busy counters meanwhile: ${q.busyCallsPerSecond.toFixed(1)} calls/s, ${q.busyLeft} of their tickets left at the end`,
    `  ${q.counters}-counter drain (target ≥ 50 calls/s): ${q.drained} calls, ${q.callsPerSecond.toFixed(1)} calls/s, ${q.lostRacesPerCall.toFixed(2)} lost races and ${q.writesPerCall.toFixed(2)} writes per call`,
    ...describeRefusals('queue', q.serverOutput),
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
  const result = await benchQueue({ tickets: arg('tickets', 200), drainTickets: arg('drain', 1000), counters: arg('counters', 20) });
  console.log(formatQueue(result).join('\n'));
}
