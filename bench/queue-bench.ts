/**
 * Queue figures (separate from bench/run.ts, which may import `benchQueue`):
 *   1. ticket issued (HTTP PUT through the server) → visible on the display page in Chromium,
 *      through live replication: p50 and p95 over `tickets` tickets;
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
import { describeRefusals } from './refusals.ts';

export interface QueueBenchResult {
  /** From the issuing click's start (numbering, ticket PUT, visit event PUT) to the display. */
  readonly visibleP50Ms: number;
  readonly visibleP95Ms: number;
  /** From the server's acknowledgement of the ticket write to the display: the delivery alone. */
  readonly deliveredP50Ms: number;
  readonly deliveredP95Ms: number;
  readonly tickets: number;
  /** Calls per second the 5 busy counters made while the display was measured. */
  readonly busyCallsPerSecond: number;
  /** Their tickets still waiting at the end: 0 would mean they ran out and the load stopped early. */
  readonly busyLeft: number;
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
  const onCouch = Object.fromEntries(['COUCH_URL', 'COUCH_ADMIN_USER', 'COUCH_ADMIN_PASSWORD'].flatMap((k) => (process.env[k] ? [[k, process.env[k]!]] : [])));
  const server = await startServer(onCouch);
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
    // The issue's condition: 5 counters busy calling and serving in the same branch database
    // while the display is measured (another day's tickets, so the display's count is not theirs).
    const busyDay = '2031-02-02';
    await issueMany(server.url, BUSY_TICKETS, 2, busyDay);
    let measuring = true;
    const busyStarted = performance.now();
    const busy = drain(server.url, BUSY_COUNTERS, busyDay, () => !measuring);
    const day = new Date().toISOString().slice(0, 10);
    const actor = actorFor('dla', 'reception.dla', 'bench');
    const used: number[] = [];
    const times: number[] = [];
    const delivered: number[] = [];
    for (let i = 0; i < options.tickets; i++) {
      const t0 = performance.now();
      const r = await issueTicket(store, { day, service: { code: 'family', series: 'F' } }, { used, slot: null }, actor());
      if (!r.ok) throw new Error(r.error);
      used.push(r.value.seq);
      await page.waitForFunction((n) => document.querySelector('[data-testid="display-waiting-family"]')?.getAttribute('data-count') === String(n), i + 1, { polling: 'raf', timeout: 10_000 });
      const shown = performance.now();
      times.push(shown - t0);
      delivered.push(shown - acknowledged);
    }
    measuring = false;
    const busyEnded = performance.now();
    const busyCalls = (await busy).calls;
    times.sort((a, b) => a - b);
    delivered.sort((a, b) => a - b);

    const drainDay = '2031-02-03';
    await issueMany(server.url, options.drainTickets, 4, drainDay);
    const drained = await drain(server.url, options.counters, drainDay);
    return {
      visibleP50Ms: percentile(times, 50),
      visibleP95Ms: percentile(times, 95),
      deliveredP50Ms: percentile(delivered, 50),
      deliveredP95Ms: percentile(delivered, 95),
      tickets: times.length,
      busyCallsPerSecond: (busyCalls * 1000) / (busyEnded - busyStarted),
      busyLeft: BUSY_TICKETS - busyCalls,
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

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
  const result = await benchQueue({ tickets: arg('tickets', 200), drainTickets: arg('drain', 1000), counters: arg('counters', 20) });
  console.log(
    `issued → visible on the display: p50 ${result.visibleP50Ms.toFixed(1)} ms, p95 ${result.visibleP95Ms.toFixed(1)} ms over ${result.tickets} tickets\n` +
      `ticket write acknowledged → visible: p50 ${result.deliveredP50Ms.toFixed(1)} ms, p95 ${result.deliveredP95Ms.toFixed(1)} ms\n` +
      `  meanwhile ${BUSY_COUNTERS} busy counters: ${result.busyCallsPerSecond.toFixed(1)} calls/s, ${result.busyLeft} of their tickets left at the end\n` +
      `${arg('counters', 20)}-counter drain: ${result.drained} calls, ${result.callsPerSecond.toFixed(1)} calls/s, ${result.lostRacesPerCall.toFixed(2)} lost races and ${result.writesPerCall.toFixed(2)} writes per call\n` +
      describeRefusals('queue', result.serverOutput).join('\n'),
  );
}
