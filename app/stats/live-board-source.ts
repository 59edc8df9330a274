/**
 * What the live board reads, kept current from the local branch replica: today's tickets and
 * visit events and the counter states, plus reference data (services, counters, branch).
 *
 * Incremental on purpose: a busy day holds thousands of visit events, and the change feed
 * brings every document that arrives (local write or pulled), so each change updates one map
 * entry instead of re-reading the day. Visit events are immutable, which makes that exact.
 */
import { createSignal, onCleanup, type Accessor } from 'solid-js';
import { useAuth } from '../auth/AuthProvider.tsx';
import { useData } from '../data/DataProvider.tsx';
import { openBranchReplica } from '../data/branch-replica.ts';
import { inBackground } from '../data/background.ts';
import type { DocBase } from '../data/docs.ts';
import { branchOfRoles } from '../../couch-design/roles.ts';
import type { Ticket, VisitEvent } from '../../couch-design/types/ticket.ts';
import type { CounterState } from '../../couch-design/types/counter-state.ts';
import type { Service } from '../../couch-design/types/service.ts';
import type { Counter } from '../../couch-design/types/counter.ts';
import type { Branch } from '../../couch-design/types/branch.ts';
import { branchDay } from '../queue/numbering.ts';

export interface LiveBoardSource {
  readonly branch: string;
  readonly day: Accessor<string>;
  readonly tickets: Accessor<Ticket[]>;
  readonly events: Accessor<VisitEvent[]>;
  readonly counterStates: Accessor<CounterState[]>;
  readonly services: Accessor<Service[]>;
  readonly counters: Accessor<Counter[]>;
  readonly timeZone: Accessor<string>;
  /** Ticks every few seconds: waits grow without any document changing. */
  readonly now: Accessor<number>;
}

const TICK_MS = 5_000;
/** Changes arrive in bursts (a call writes a ticket, an event and a counter state): one redraw. */
const BATCH_MS = 150;

/** Needs a branch replica: call only for a user with a `branch:<code>` role. */
export function createLiveBoardSource(): LiveBoardSource {
  const auth = useAuth();
  const { layer } = useData();
  const user = auth.user()!;
  const branch = branchOfRoles(user.roles)!;
  // Read-only use of the writer: it is the data layer's live change feed on a replica.
  const replica = openBranchReplica(user, branch, layer.fetch);
  const [services, setServices] = createSignal<Service[]>([]);
  const [counters, setCounters] = createSignal<Counter[]>([]);
  const [branchDoc, setBranchDoc] = createSignal<Branch | null>(null);
  const timeZone = () => branchDoc()?.timeZone ?? 'Africa/Douala';
  const [now, setNow] = createSignal(Date.now());
  const [day, setDay] = createSignal(branchDay(new Date(), timeZone()));
  const [version, setVersion] = createSignal(0);
  const docs = { tickets: new Map<string, Ticket>(), events: new Map<string, VisitEvent>(), states: new Map<string, CounterState>() };

  const prefixes = () => ({ tickets: `ticket:${branch}:${day()}:`, events: `visit:${day()}:`, states: `counterstate:${branch}:` });
  let pending: ReturnType<typeof setTimeout> | null = null;
  const redraw = () => (pending ??= setTimeout(() => {
    pending = null;
    setVersion((v) => v + 1);
  }, BATCH_MS));

  function take(doc: DocBase & { _deleted?: boolean }) {
    const p = prefixes();
    const map = doc._id.startsWith(p.tickets) ? docs.tickets : doc._id.startsWith(p.events) ? docs.events : doc._id.startsWith(p.states) ? docs.states : null;
    if (!map) return;
    if (doc._deleted) map.delete(doc._id);
    else (map as Map<string, DocBase>).set(doc._id, doc);
    redraw();
  }

  async function reloadDay() {
    const p = prefixes();
    const [tickets, events, states] = await Promise.all([
      replica.allDocsByPrefix<Ticket>(p.tickets),
      replica.allDocsByPrefix<VisitEvent>(p.events),
      replica.allDocsByPrefix<CounterState>(p.states),
    ]);
    docs.tickets = new Map(tickets.map((d) => [d._id, d]));
    docs.events = new Map(events.map((d) => [d._id, d]));
    docs.states = new Map(states.map((d) => [d._id, d]));
    redraw();
  }

  let retry: ReturnType<typeof setTimeout> | null = null;
  async function loadRef() {
    const [svc, ctr, br] = await Promise.all([
      layer.allDocsByPrefix<Service>('ref', 'service:'),
      layer.allDocsByPrefix<Counter>('ref', `counter:${branch}:`),
      layer.get<Branch>('ref', `branch:${branch}`),
    ]);
    setServices(svc.filter((s) => s.type === 'service' && s.active));
    setCounters(ctr.filter((c) => c.type === 'counter' && c.active !== false));
    setBranchDoc(br);
    // Right after a first sign-in the reference replica is still on its first pull: look again soon.
    if (svc.length === 0) retry ??= setTimeout(() => {
      retry = null;
      inBackground(loadRef);
    }, 1_000);
    const today = branchDay(new Date(), timeZone());
    if (today !== day()) {
      setDay(today);
      await reloadDay();
    }
  }

  // Subscribe first so nothing written during the first read is missed (a re-read entry is harmless).
  const stop = replica.subscribe(take);
  inBackground(() => reloadDay().then(loadRef));
  const tick = setInterval(() => setNow(Date.now()), TICK_MS);
  // Reference data arrives by the layer's replication, and the day turns at midnight.
  const refTimer = setInterval(() => inBackground(loadRef), 15_000);
  onCleanup(() => {
    stop();
    clearInterval(tick);
    clearInterval(refTimer);
    if (pending) clearTimeout(pending);
    if (retry) clearTimeout(retry);
    void replica.close();
  });

  const list = <T,>(map: () => Map<string, T>) => () => {
    version();
    return [...map().values()];
  };
  return {
    branch,
    day,
    tickets: list(() => docs.tickets),
    events: list(() => docs.events),
    counterStates: list(() => docs.states),
    services,
    counters,
    timeZone,
    now,
  };
}
