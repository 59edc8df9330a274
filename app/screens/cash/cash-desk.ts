/**
 * The cash desk screen's state and operations: the cashier's session (open or waiting for a
 * sign-off), the desk's entries, and the writes — open, receipt, reversal, void, blind count.
 * Pure rules come from app/cash; reads go through the data layer's branch replica; writes go
 * to the server first while online (a 409 means another device took that session or number:
 * read again), and into the local replica when the server cannot be reached (numbering works
 * offline; the audit finds what only the set shows once it syncs). Paying an order writes the
 * order's `paid` revision first: it is the lock (a 409 or 403 means another desk paid it, and no
 * number is used), then the payment entry it names.
 */
import { createMemo, createResource, createSignal, onCleanup, type Accessor } from 'solid-js';
import type { CashSession, CountLine } from '../../../couch-design/types/cash.ts';
import type { CashEntry } from '../../../couch-design/types/cash-entry.ts';
import type { CashSettings } from '../../../couch-design/types/cash-config.ts';
import type { Counter } from '../../../couch-design/types/counter.ts';
import type { Institution } from '../../../couch-design/types/institution.ts';
import type { Branch } from '../../../couch-design/types/branch.ts';
import type { Problem } from '../../../couch-design/validate/problems.ts';
import type { PaymentOrder } from '../../../couch-design/types/payment-order.ts';
import { branchOfRoles } from '../../../couch-design/roles.ts';
import { branchDb } from '../../../couch-design/databases.ts';
import { useAuth } from '../../auth/AuthProvider.tsx';
import { useData } from '../../data/DataProvider.tsx';
import { openBranchReplica } from '../../data/branch-replica.ts';
import { ConflictError, ValidationError, statusOf } from '../../data/errors.ts';
import { branchDay } from '../../queue/numbering.ts';
import { cashSettings } from '../../cash/config.ts';
import { countSession, openSession } from '../../cash/session.ts';
import { type Built, type Desk, type MeansDetails, paidOrder, payment } from '../../cash/entries.ts';

export interface CashRef {
  institution: Institution | null;
  branch: Branch | null;
  desks: Counter[];
  settings: CashSettings;
  currency: string;
  decimals: number;
}

/** A write refused: the problems (translated by the screen), or a server's reason. */
export class CashRefusal extends Error {
  constructor(readonly problems: readonly Problem[], readonly reason?: string) {
    super(problems.map((p) => `${p.field}:${p.code}`).join(', ') || reason || 'refused');
  }
}

export interface CashDeskCtl {
  readonly branch: string;
  readonly cashier: string;
  readonly ref: Accessor<CashRef | undefined>;
  /** This cashier's session not closed yet (open, or counted and waiting for a sign-off). */
  readonly mine: Accessor<CashSession | null>;
  /** The last session this cashier closed on this screen (its result is shown once). */
  readonly justClosed: Accessor<CashSession | null>;
  /** Every entry of the session's desk, in number order. */
  readonly entries: Accessor<CashEntry[]>;
  readonly day: () => string;
  readonly zone: () => string;
  refresh(): void;
  open(counter: string, float: number | CountLine[]): Promise<CashSession>;
  take(build: (desk: Desk) => Built): Promise<CashEntry>;
  count(counted: number | CountLine[]): Promise<CashSession>;
  /** This branch's payment orders (any state), as the replica holds them now. */
  orders(): Promise<PaymentOrder[]>;
  /** Pays an authorised order in full against the identity document shown. */
  pay(orderId: string, idDocument: string, means: MeansDetails): Promise<CashEntry>;
  dismissClosed(): void;
}

export function createCashDesk(): CashDeskCtl {
  const { layer } = useData();
  const auth = useAuth();
  const user = auth.user()!;
  const branch = branchOfRoles(user.roles) ?? 'dla';
  const writer = openBranchReplica(user, branch, layer.fetch);
  onCleanup(() => void writer.close());
  const [version, setVersion] = createSignal(0);
  const refresh = () => setVersion((v) => v + 1);
  // Documents arriving by replication (a supervisor's sign-off, another device) show without a reload.
  const unsubscribe = writer.subscribe((doc) => {
    if (doc._id.startsWith(`cashsession:${branch}:`) || doc._id.startsWith(`cash:${branch}:`)) refresh();
  });
  onCleanup(unsubscribe);

  // The screen's layout opens it only once the reference database has been pulled
  // (PrepareDevice), so one read finds the institution and the branch's cash desks.
  const [ref] = createResource(async (): Promise<CashRef> => {
    const [institution, branchDoc, counters] = await Promise.all([
      layer.get<Institution>('ref', 'institution'),
      layer.get<Branch>('ref', `branch:${branch}`),
      layer.allDocsByPrefix<Counter>('ref', `counter:${branch}:`),
    ]);
    return {
      institution,
      branch: branchDoc,
      desks: counters.filter((c) => c.type === 'counter' && c.cashDesk && c.active !== false),
      settings: cashSettings(institution ?? { currency: 'XAF', currencyDecimals: 0 }),
      currency: institution?.currency ?? 'XAF',
      decimals: institution?.currencyDecimals ?? 0,
    };
  });

  const [sessions] = createResource(version, () => layer.allDocsByPrefix<CashSession>('branch', `cashsession:${branch}:`));
  const mine = createMemo(() => {
    const list = (sessions.latest ?? []).filter((s) => s.type === 'cash_session' && s.cashier === user.name && s.state !== 'closed');
    return list.sort((a, b) => b.openedAt.localeCompare(a.openedAt))[0] ?? null;
  });
  // The session this screen just counted, as the replica has it now (a sign-off arrives by replication).
  const [justClosedId, setJustClosedId] = createSignal<string | null>(null);
  const justClosed = createMemo(() => (sessions.latest ?? []).find((s) => s._id === justClosedId()) ?? null);
  const setJustClosed = (s: CashSession | null) => setJustClosedId(s?._id ?? null);
  const deskCode = () => mine()?.counter ?? justClosed()?.counter ?? null;
  const [entries] = createResource(
    () => {
      const d = deskCode();
      return d ? { d, v: version() } : null;
    },
    async ({ d }) => (await layer.allDocsByPrefix<CashEntry>('branch', `cash:${branch}:${d}:`)).filter((e) => e.type === 'cash_entry'),
  );
  const zone = () => ref.latest?.branch?.timeZone ?? 'Africa/Douala';
  const day = () => branchDay(new Date(), zone());

  /** Server first; the local replica when the server cannot be reached. */
  async function write<T extends { _id: string; _rev?: string; type?: string }>(doc: T): Promise<T> {
    try {
      return await writer.writeServerFirst(doc);
    } catch (error) {
      if (error instanceof ValidationError) throw new CashRefusal(error.problems);
      if (error instanceof ConflictError) throw error;
      if (statusOf(error) === 403) throw new CashRefusal([], (error as Error).message);
      throw error;
    } finally {
      refresh();
    }
  }

  /** The branch's sessions as the server holds them now (a read past the replica, for a 409 at opening). */
  async function serverSessions(): Promise<CashSession[]> {
    const range = new URLSearchParams({ startkey: JSON.stringify(`cashsession:${branch}:`), endkey: JSON.stringify(`cashsession:${branch}:\uffff`), include_docs: 'true' });
    const res = await layer.fetch(`${location.origin}/db/${branchDb(branch)}/_all_docs?${range}`, { credentials: 'include' });
    if (!res.ok) throw new Error(`sessions: ${res.status}`);
    return ((await res.json()) as { rows: { doc: CashSession }[] }).rows.map((row) => row.doc).filter((d) => d?.type === 'cash_session');
  }

  const deskOf = async (session: CashSession): Promise<Desk> => {
    const list = await layer.allDocsByPrefix<CashEntry>('branch', `cash:${branch}:${session.counter}:`, { descending: true, limit: 1 });
    const at = new Date();
    return { session, last: list[0] ?? null, settings: ref.latest!.settings, at: at.toISOString(), day: branchDay(at, zone()) };
  };

  return {
    branch,
    cashier: user.name,
    ref,
    mine,
    justClosed,
    entries: () => entries.latest ?? [],
    day,
    zone,
    refresh,
    async open(counter, float) {
      const r = ref.latest!;
      const attempt = async (all: CashSession[]) => {
        const ofDesk = all.filter((s) => s.counter === counter).sort((a, b) => a.seq - b.seq);
        const at = new Date();
        const built = openSession({
          branch, day: branchDay(at, zone()), counter, cashier: user.name, currency: r.currency, at: at.toISOString(), float,
          settings: r.settings, lastOfDesk: ofDesk.at(-1) ?? null,
          openOfCashier: all.filter((s) => s.cashier === user.name && s.state !== 'closed'),
        });
        if ('problems' in built) throw new CashRefusal(built.problems);
        const written = await write(built.session);
        setJustClosed(null);
        return written;
      };
      try {
        return await attempt(await layer.allDocsByPrefix<CashSession>('branch', `cashsession:${branch}:`));
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
        // That session id exists on the server: this replica may only be behind (a device just
        // signed in, still pulling the branch). Decide once on the server's own list: a session
        // still open there is another device's, else open the next one after it.
        const server = await serverSessions().catch(() => null);
        if (!server) throw new CashRefusal([{ field: 'counter', code: 'session_busy' }]);
        try {
          return await attempt(server);
        } catch (again) {
          if (again instanceof ConflictError) throw new CashRefusal([{ field: 'counter', code: 'session_busy' }]);
          throw again;
        }
      }
    },
    async take(build) {
      const session = mine();
      if (!session) throw new CashRefusal([{ field: 'session', code: 'session_not_open' }]);
      const built = build(await deskOf(session));
      if ('problems' in built) throw new CashRefusal(built.problems);
      return write(built.entry);
    },
    async count(counted) {
      const session = mine();
      if (!session) throw new CashRefusal([{ field: 'session', code: 'session_not_open' }]);
      const fresh = (await layer.get<CashSession>('branch', session._id)) ?? session;
      const list = await layer.allDocsByPrefix<CashEntry>('branch', `cash:${branch}:${session.counter}:`);
      const next = countSession(fresh, list, counted, new Date().toISOString());
      const written = await write(next);
      setJustClosed(written);
      return written;
    },
    dismissClosed: () => setJustClosed(null),
    async orders() {
      return (await layer.allDocsByPrefix<PaymentOrder>('branch', `payorder:${branch}:`)).filter((o) => o.type === 'payment_order');
    },
    async pay(orderId, idDocument, means) {
      const session = mine();
      if (!session) throw new CashRefusal([{ field: 'session', code: 'session_not_open' }]);
      const order = await layer.get<PaymentOrder>('branch', orderId);
      if (order?.state === 'paid') throw new CashRefusal([{ field: 'order', code: 'order_paid' }]);
      const built = payment(await deskOf(session), order, idDocument, means);
      if ('problems' in built) throw new CashRefusal(built.problems);
      try {
        await write(paidOrder(order!, built.entry));
      } catch (error) {
        // Another desk paid it since this replica last heard (409 on the revision; 403 once frozen).
        if (error instanceof ConflictError || (error instanceof CashRefusal && error.reason !== undefined)) throw new CashRefusal([{ field: 'order', code: 'order_paid' }]);
        throw error;
      }
      return write(built.entry);
    },
  };
}
