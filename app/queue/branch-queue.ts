/**
 * The live queue of this branch today, for the four queue screens: tickets and counter states
 * from the local branch replica (updated on every change, local or replicated), reference data
 * (services, counters, settings), the QueueStore the operations write through, and an actor.
 */
import { createSignal, onCleanup, type Accessor } from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';
import { useAuth } from '../auth/AuthProvider.tsx';
import { useData } from '../data/DataProvider.tsx';
import { validateWrite } from '../data/validate.ts';
import { deviceActor, writerStore } from './writer-store.ts';
import { openBranchReplica } from '../data/branch-replica.ts';
import { inBackground } from '../data/background.ts';
import { resolveConflicts } from '../data/conflicts.ts';
import { branchDb } from '../../couch-design/databases.ts';
import { branchOfRoles } from '../../couch-design/roles.ts';
import type { Ticket } from '../../couch-design/types/ticket.ts';
import type { Service } from '../../couch-design/types/service.ts';
import type { Counter } from '../../couch-design/types/counter.ts';
import type { CounterState } from '../../couch-design/types/counter-state.ts';
import type { DeviceSlot } from '../../couch-design/types/device.ts';
import type { Branch } from '../../couch-design/types/branch.ts';
import type { Settings } from '../../couch-design/types/institution.ts';
import type { Stored } from '../data/docs.ts';
import { branchDay } from './numbering.ts';
import { pickCallWinner } from './conflicts.ts';
import { NO_RULES, rulesFromSettings, type QueueRules } from './ranking.ts';
import type { QueueStore } from './store.ts';
import type { Actor } from './transitions.ts';
import { ensureSlot, storedSlot } from './device.ts';
import { averageServiceMinutes, serviceMinutesOf, serviceTimeQuery } from './service-times.ts';
import { httpViewQuery } from '../stats/http-view.ts';

export interface BranchQueue {
  readonly branch: string;
  readonly day: Accessor<string>;
  readonly tickets: Accessor<Stored<Ticket>[]>;
  readonly counterStates: Accessor<Stored<CounterState>[]>;
  readonly services: Accessor<Service[]>;
  readonly counters: Accessor<Counter[]>;
  readonly rules: Accessor<QueueRules>;
  readonly branchDoc: Accessor<Branch | null>;
  readonly slot: Accessor<number | null>;
  /** Today's measured visit length for a service (minutes), or the default. */
  serviceMinutes(service: string): number;
  readonly store: QueueStore;
  actor(counter?: string): Actor;
}


export function createBranchQueue(): BranchQueue {
  const auth = useAuth();
  const { layer } = useData();
  const user = auth.user()!;
  const branch = branchOfRoles(user.roles) ?? 'dla';
  const remote = branchDb(branch);
  const writer = openBranchReplica(user, branch, layer.fetch);
  const [state, setState] = createStore({ tickets: [] as Stored<Ticket>[], counterStates: [] as Stored<CounterState>[] });
  const [services, setServices] = createSignal<Service[]>([]);
  const [counters, setCounters] = createSignal<Counter[]>([]);
  const [rules, setRules] = createSignal<QueueRules>(NO_RULES);
  const [branchDoc, setBranchDoc] = createSignal<Branch | null>(null);
  const [slot, setSlot] = createSignal<number | null>(storedSlot(branch));
  const zone = () => branchDoc()?.timeZone ?? 'Africa/Douala';
  const [day, setDay] = createSignal(branchDay(new Date(), zone()));

  const store: QueueStore = writerStore(writer, async (d, codes) =>
    state.tickets.filter((t) => t.day === d && t.state === 'waiting' && codes.includes(t.service)),
  );

  async function reload() {
    const prefix = `ticket:${branch}:${day()}:`;
    const [tickets, states] = await Promise.all([writer.allDocsByPrefix<Ticket>(prefix), writer.allDocsByPrefix<CounterState>(`counterstate:${branch}:`)]);
    setState('tickets', reconcile(tickets, { key: '_id' }));
    setState('counterStates', reconcile(states, { key: '_id' }));
  }
  // A change that lands while the day is being read may be missing from what was read: read
  // again until no change came in meanwhile. Outside a reload, changes apply one by one.
  let reloading = false;
  let dirty = false;
  async function refresh() {
    if (reloading) {
      dirty = true;
      return;
    }
    reloading = true;
    try {
      do {
        dirty = false;
        await reload();
      } while (dirty);
    } finally {
      reloading = false;
    }
  }
  /** The changed document into the list it belongs to, kept in id order like allDocs. */
  function applyChange(doc: { _id: string; _rev: string; _deleted?: boolean }) {
    const list = doc._id.startsWith(`ticket:${branch}:${day()}:`) ? 'tickets' : doc._id.startsWith(`counterstate:${branch}:`) ? 'counterStates' : null;
    if (!list) return;
    const rest = (state[list] as { _id: string }[]).filter((x) => x._id !== doc._id);
    const next = doc._deleted ? rest : [...rest, doc].sort((a, b) => (a._id < b._id ? -1 : 1));
    setState(list, reconcile(next as never, { key: '_id' }));
  }

  async function loadRef() {
    const [svc, ctr, br, settings] = await Promise.all([
      layer.allDocsByPrefix<Service>('ref', 'service:'),
      layer.allDocsByPrefix<Counter>('ref', `counter:${branch}:`),
      layer.get<Branch>('ref', `branch:${branch}`),
      layer.get<Settings>('ref', 'settings:queue'),
    ]);
    setServices(svc.filter((s) => s.type === 'service'));
    setCounters(ctr.filter((c) => c.type === 'counter' && c.active !== false));
    setBranchDoc(br);
    setRules(rulesFromSettings(settings?.values));
    const today = branchDay(new Date(), zone());
    if (today !== day()) {
      setDay(today);
      inBackground(refresh);
    }
  }

  const canIssue = user.roles.some((r) => ['kiosk', 'reception', 'counter', 'cashier', 'supervisor'].includes(r));
  const resolvesCalls = user.roles.some((r) => ['counter', 'cashier', 'supervisor'].includes(r));
  inBackground(() => loadRef().then(refresh).then(async () => {
    if (!canIssue) return;
    const devices = await writer.allDocsByPrefix<DeviceSlot>(`device:${branch}:`);
    setSlot(await ensureSlot(store, branch, user.name, devices).catch(() => null));
  }));
  const stop = writer.subscribe((doc) => {
    if (doc._id.startsWith('service:') || doc._id.startsWith('counter:')) inBackground(loadRef);
    else if (reloading) dirty = true;
    else applyChange(doc);
    // Two counters called the same ticket while offline: settle it the same way everywhere.
    if (resolvesCalls && doc._id.startsWith('ticket:'))
      void resolveConflicts<Ticket>(writer.db, doc._id, pickCallWinner, { validate: validateWrite, context: { db: remote, user } }).catch(() => undefined);
  });
  // Reference data arrives by the layer's replication, not through this replica: follow the
  // reference replica's changes, so a service or counter added by the administration shows at
  // once (issue 14); the timer also moves the day on.
  const refFeed = layer.local('ref')?.changes({ since: 'now', live: true });
  refFeed?.on('change', (change) => {
    if (/^(service|counter|branch|settings):/.test(change.id)) inBackground(loadRef);
  });
  refFeed?.on('error', () => undefined); // the database closed under it (sign-out)
  const timer = setInterval(() => inBackground(loadRef), 15_000);
  // The server's statistics index answers in milliseconds; offline, the last figures stay.
  const [measured, setMeasured] = createSignal<ReadonlyMap<string, number>>(new Map());
  const viewQuery = httpViewQuery(`${location.origin}/db`, remote, layer.fetch);
  const loadServiceTimes = () =>
    viewQuery('visit_durations', serviceTimeQuery(day(), branch)).then((r) => setMeasured(averageServiceMinutes(r.rows)), () => undefined);
  void loadServiceTimes();
  const timesTimer = setInterval(() => void loadServiceTimes(), 5 * 60_000);
  onCleanup(() => {
    stop();
    refFeed?.cancel();
    clearInterval(timer);
    clearInterval(timesTimer);
    void writer.close();
  });

  return {
    branch,
    day,
    tickets: () => state.tickets,
    counterStates: () => state.counterStates,
    services,
    counters,
    rules,
    branchDoc,
    slot,
    serviceMinutes: (service) => serviceMinutesOf(measured(), service),
    store,
    actor: (counter) => deviceActor({ branch, agent: user.name, ...(counter ? { counter } : {}), timeZone: zone() }),
  };
}
