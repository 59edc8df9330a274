/**
 * The counter screen's state and operations, shared by its parts. The session is read from the
 * counter-state documents (this agent, this device, not closed), so a reload resumes it; the
 * copies this device just wrote are preferred while the replica's change feed catches up, so a
 * second press right after a call already sees the called ticket. Operations are meant to run
 * through the screen's action guard (the design system's `Button action=…`).
 */
import { createEffect, createMemo, createSignal, on, type Accessor } from 'solid-js';
import type { Ticket } from '../../../couch-design/types/ticket.ts';
import type { CounterState } from '../../../couch-design/types/counter-state.ts';
import { newRequest } from '../../backoffice/requests.ts';
import { dueDateFor } from '../../backoffice/due-dates.ts';
import type { Stored } from '../../data/docs.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useAuth } from '../../auth/AuthProvider.tsx';
import { createBranchQueue, type BranchQueue } from '../../queue/branch-queue.ts';
import { deviceId } from '../../queue/device.ts';
import { applyStep, callNext as callNextOp } from '../../queue/ops.ts';
import { spreadAmong } from '../../queue/ranking.ts';
import { type Actor, type StepResult, type TransferInput, finish, issue, note, noShow, park, recall, resume, startService, transfer } from '../../queue/transitions.ts';
import { nextInRange, ONLINE_RANGE, slotBlock } from '../../queue/numbering.ts';
import { AT_COUNTER, newest, openCounter, sessionOf, sessionsElsewhere, setCounter, ticketAt } from '../../queue/counter-session.ts';
import { counterActions, mainAction, type CounterAction } from '../../queue/counter-actions.ts';
import { queueErrorText } from '../../queue/queue-text.ts';
import { isConflict } from '../../queue/store.ts';
import type { NoticeTone } from '../../ui/Notice.tsx';
import { useActionGuard } from '../../ui/action-guard.ts';

export interface CounterMessage {
  readonly text: string;
  readonly tone: NoticeTone;
}

export interface CounterController {
  readonly queue: BranchQueue;
  readonly agent: string;
  readonly session: Accessor<Stored<CounterState> | null>;
  readonly code: Accessor<string>;
  /** The ticket at this counter (called, serving, on hold), or null. */
  readonly current: Accessor<Stored<Ticket> | null>;
  /** The counter's state names a ticket another counter called first. */
  readonly lost: Accessor<Stored<Ticket> | null>;
  readonly waiting: Accessor<number>;
  readonly elsewhere: Accessor<Stored<CounterState>[]>;
  readonly message: Accessor<CounterMessage | null>;
  readonly allowed: (action: CounterAction) => boolean;
  readonly main: Accessor<CounterAction | null>;
  open(code: string, services: string[], takeOver?: boolean): Promise<void>;
  callNext(): Promise<void>;
  recall(): Promise<void>;
  noShow(): Promise<void>;
  start(): Promise<void>;
  finish(outcome: string): Promise<void>;
  park(): Promise<void>;
  resume(): Promise<void>;
  transfer(input: TransferInput): Promise<boolean>;
  sendToBackoffice(subject: string, message: string): Promise<boolean>;
  walkIn(service: string): Promise<void>;
  pause(): Promise<void>;
  unpause(): Promise<void>;
  close(): Promise<void>;
}

export function createCounterController(): CounterController {
  const { t } = useI18n();
  const auth = useAuth();
  const queue = createBranchQueue();
  const agent = auth.user()!.name;
  const device = deviceId();
  // What this device wrote last: newer than the replica's list until its change feed catches up.
  const [wroteState, setWroteState] = createSignal<Stored<CounterState> | null>(null);
  const [wroteTicket, setWroteTicket] = createSignal<Stored<Ticket> | null>(null);
  const [message, setMessage] = createSignal<CounterMessage | null>(null);

  const states = createMemo(() => {
    const w = wroteState();
    const list = queue.counterStates();
    if (!w) return list;
    const listed = list.find((s) => s._id === w._id);
    return listed ? list.map((s) => (s === listed ? newest(listed, w)! : s)) : [...list, w];
  });
  const tickets = createMemo(() => {
    const w = wroteTicket();
    const list = queue.tickets();
    if (!w) return list;
    const listed = list.find((x) => x._id === w._id);
    return listed ? list.map((x) => (x === listed ? newest(listed, w)! : x)) : [...list, w];
  });
  const session = createMemo(() => sessionOf(states(), agent, device));
  const code = () => session()?.counter ?? '';
  const atCounter = createMemo(() => ticketAt(tickets(), session()));
  const lost = createMemo(() => {
    const x = atCounter();
    return x && x.counter !== undefined && x.counter !== code() ? x : null;
  });
  const current = createMemo(() => {
    const x = atCounter();
    return x && !lost() && AT_COUNTER.includes(x.state) ? x : null;
  });
  const waiting = createMemo(() => {
    const services = session()?.services ?? [];
    return tickets().filter((x) => x.state === 'waiting' && services.includes(x.service)).length;
  });
  const elsewhere = createMemo(() => sessionsElsewhere(states(), agent, device));
  const view = createMemo(() => ({ status: session()?.status ?? null, ticket: current() }));
  const refusals = createMemo(() => counterActions(view()));
  const main = createMemo(() => mainAction(view()));

  // The session ended without this device closing it: say why (taken over, or closed by a supervisor).
  let closingHere = false;
  createEffect(
    on(session, (now, before) => {
      if (!before || now) return;
      if (closingHere) {
        closingHere = false;
        return;
      }
      const doc = states().find((s) => s._id === before._id);
      if (!doc) return;
      say(doc.status === 'closed' ? t('counter.closedElsewhere', { code: before.counter }) : t('counter.takenOver', { code: before.counter }), 'warn');
    }),
  );

  function say(text: string, tone: NoticeTone = 'error') {
    setMessage({ text, tone });
  }
  const sayError = (code: string, params: Record<string, string> = {}) => say(queueErrorText(t, code, params));
  const actor = (): Actor => queue.actor(code());

  async function setCurrent(ticket: string | null) {
    const s = session();
    if (s) setWroteState(await setCounter(queue, s, { currentTicket: ticket }));
  }

  // A reload (or a take-over) between a call and the state's update leaves the counter's state
  // without its ticket, found only through the ticket itself. Write it back, so the display, a
  // supervisor's forced close and the agent's other devices see who is at this counter. Through
  // the screen's guard, and again once an action in flight ends: never beside another write.
  // A conflict means this device's copy of the state is behind (a take-over, a supervisor, a
  // write of the other device just replicated): wait for the change feed to bring the newer
  // revision rather than retrying the same stale one.
  const guard = useActionGuard();
  let staleRev: string | undefined;
  createEffect(() => {
    const s = session();
    const x = current();
    if (guard.busy() || !s || !x || s.currentTicket === x._id || s._rev === staleRev) return;
    void guard.run(() => writeBack(s, x._id));
  });

  async function writeBack(s: Stored<CounterState>, ticket: string) {
    try {
      await setCurrent(ticket);
    } catch (error) {
      if (!isConflict(error)) throw error;
      staleRev = s._rev;
    }
  }

  /** Applies a step to the current ticket; `after` runs once it is saved. */
  async function run(result: StepResult, after?: (ticket: Stored<Ticket>) => Promise<void>): Promise<boolean> {
    setMessage(null);
    if (!result.ok) {
      sayError(result.error);
      return false;
    }
    try {
      const applied = await applyStep(queue.store, result.step);
      setWroteTicket(applied.ticket);
      if (applied.offline) say(t('counter.offline'), 'info');
      await after?.(applied.ticket);
      return true;
    } catch (error) {
      sayError(isConflict(error) ? 'not_mine' : String((error as Error).message));
      return false;
    }
  }

  /** Runs a ticket step when the state allows it now (a shortcut pressed twice does nothing more). */
  function step(action: CounterAction, build: (x: Stored<Ticket>) => StepResult, after?: (ticket: Stored<Ticket>) => Promise<void>): Promise<boolean> {
    const x = current();
    if (!x || refusals()[action] !== null) return Promise.resolve(false);
    return run(build(x), after);
  }

  async function changeStatus(status: CounterState['status']) {
    const s = session();
    if (!s) return;
    setMessage(null);
    if (status === 'closed') closingHere = true;
    try {
      setWroteState(await setCounter(queue, s, status === 'closed' ? { status, currentTicket: null } : { status }));
    } catch (error) {
      closingHere = false;
      sayError(isConflict(error) ? 'not_mine' : String((error as Error).message));
    }
  }

  return {
    queue,
    agent,
    session,
    code,
    current,
    lost,
    waiting,
    elsewhere,
    message,
    allowed: (action) => refusals()[action] === null,
    main,
    async open(counter, services, takeOver = false) {
      setMessage(null);
      try {
        const r = await openCounter(queue, counter, services, agent, device, { takeOver });
        if (!r.ok) return sayError(r.error, { agent: r.agent });
        setWroteState(r.state);
      } catch (error) {
        sayError(isConflict(error) ? 'counter_taken' : String((error as Error).message), { agent: '?' });
      }
    },
    async callNext() {
      const s = session();
      if (!s || s.status !== 'open') return sayError('counter_not_open');
      // A visitor is already here (a second press, a key held down): nothing more to call.
      if (current()) return;
      setMessage(null);
      const targetWaitMinutes = Object.fromEntries(queue.services().map((svc) => [svc.code, svc.targetWaitMinutes]));
      // Counters calling at once try different tickets of the head of the queue (ranking.ts).
      const spread = spreadAmong(queue.counterStates(), code(), s.services ?? []);
      const r = await callNextOp(queue.store, { day: queue.day(), services: s.services ?? [], rules: queue.rules(), targetWaitMinutes, spread }, actor());
      if (!r.ok) return sayError(r.error);
      setWroteTicket(r.value);
      if (r.offline) say(t('counter.offline'), 'info');
      // On a conflict the ticket is called all the same; the write-back above names it once
      // the newer state arrives.
      const s2 = session();
      if (s2) await writeBack(s2, r.value._id);
    },
    recall: async () => void (await step('recall', (x) => recall(x, actor()))),
    noShow: async () => void (await step('noShow', (x) => noShow(x, actor()), () => setCurrent(null))),
    start: async () => void (await step('start', (x) => startService(x, actor()))),
    finish: async (outcome) => void (await step('finish', (x) => finish(x, outcome, actor()), () => setCurrent(null))),
    park: async () => void (await step('park', (x) => park(x, actor()))),
    resume: async () => void (await step('resume', (x) => resume(x, actor()))),
    transfer(input) {
      const servedNow = [...new Set(states().filter((s) => s.status === 'open').flatMap((s) => s.services ?? []))];
      return step('transfer', (x) => transfer(x, input, servedNow, actor()), () => setCurrent(null));
    },
    async sendToBackoffice(subject, text) {
      const x = current();
      if (!x || refusals().backoffice !== null) return false;
      if (!x.personId) {
        say(t('counter.backoffice.needsPerson'));
        return false;
      }
      const a = actor();
      const now = a.now.toISOString();
      const day = queue.day();
      const made = newRequest(
        { channel: 'counter', requester: 'person', authority: '', person: x.personId, subject: subject || '-', message: text || '-', dueDate: dueDateFor('counter', day), assignee: '' },
        { agent, at: now, today: day, branch: queue.branch, uid: a.uid(), ticket: x._id, counter: code() },
      );
      if (!made.ok) return false;
      const request = made.doc;
      await queue.store.writeLocal(request);
      const done = await run(note(x, { backofficeRequest: request._id }, a));
      if (done) say(t('counter.backoffice.sent'), 'ok');
      return done;
    },
    async walkIn(serviceCode) {
      if (refusals().walkIn !== null) return;
      const service = queue.services().find((s) => s.code === serviceCode);
      if (!service) return;
      const used = tickets().filter((x) => x.series === service.series).map((x) => x.seq);
      const slot = queue.slot();
      const offline = !navigator.onLine;
      const range = offline && slot !== null ? slotBlock(slot) : ONLINE_RANGE;
      const seq = nextInRange(range, used);
      if (seq === null) return sayError(offline && slot === null ? 'no_device_slot' : 'series_full');
      await run(issue({ day: queue.day(), service, seq, walkIn: true }, actor()), (ticket) => setCurrent(ticket._id));
    },
    pause: () => changeStatus('paused'),
    unpause: () => changeStatus('open'),
    close: () => changeStatus('closed'),
  };
}
