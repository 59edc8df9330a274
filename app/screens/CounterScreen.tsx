/** Counter: open a counter, call next, serve, transfer, park, walk-ins, back office; the person's file at once. */
import { For, Show, createMemo, createResource, createSignal } from 'solid-js';
import type { Ticket } from '../../couch-design/types/ticket.ts';
import type { CounterState } from '../../couch-design/types/counter-state.ts';
import { personName, type Person } from '../../couch-design/types/person.ts';
import type { Case } from '../../couch-design/types/case.ts';
import { backofficeRequestId, type BackofficeRequest } from '../../couch-design/types/backoffice-request.ts';
import type { Stored } from '../data/docs.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useAuth } from '../auth/AuthProvider.tsx';
import { useData } from '../data/DataProvider.tsx';
import { createBranchQueue } from '../queue/branch-queue.ts';
import { deviceId } from '../queue/device.ts';
import { applyStep, callNext } from '../queue/ops.ts';
import { type Actor, type StepResult, finish, issue, note, noShow, park, recall, resume, startService, transfer } from '../queue/transitions.ts';
import { lostCall } from '../queue/conflicts.ts';
import { nextInRange, ONLINE_RANGE, slotBlock } from '../queue/numbering.ts';
import { openCounter, setCounter } from '../queue/counter-session.ts';
import { queueErrorText } from '../queue/queue-text.ts';
import { isConflict } from '../queue/store.ts';


export function CounterScreen() {
  const i18n = useI18n();
  const { t } = i18n;
  const auth = useAuth();
  const { layer } = useData();
  const queue = createBranchQueue();
  const agent = auth.user()!.name;
  const [code, setCode] = createSignal('');
  const [picked, setPicked] = createSignal<string[]>([]);
  const [session, setSession] = createSignal<Stored<CounterState> | null>(null);
  const [message, setMessage] = createSignal<string | null>(null);
  const [toService, setToService] = createSignal('');
  const [toCounter, setToCounter] = createSignal('');
  const [position, setPosition] = createSignal<'back' | 'front'>('back');
  const [transferNote, setTransferNote] = createSignal('');
  const [outcome, setOutcome] = createSignal('done');
  const [walkInService, setWalkInService] = createSignal('');
  const [boSubject, setBoSubject] = createSignal('');
  const [boMessage, setBoMessage] = createSignal('');

  const myState = createMemo(() => queue.counterStates().find((s) => s._id === session()?._id) ?? session());
  /** People waiting in the queues this counter takes now: what the agent calls from. */
  const waitingHere = createMemo(() => {
    const services = myState()?.services ?? [];
    return queue.tickets().filter((x) => x.state === 'waiting' && services.includes(x.service)).length;
  });
  const current = createMemo<Stored<Ticket> | null>(() => queue.tickets().find((x) => x._id === myState()?.currentTicket) ?? null);
  const lost = createMemo(() => (current() && lostCall(code(), current()!) ? current() : null));
  const mine = createMemo(() => (current() && !lost() && !['done', 'no_show', 'transferred', 'closed'].includes(current()!.state) ? current() : null));
  const servedNow = createMemo(() => [...new Set(queue.counterStates().filter((s) => s.status === 'open').flatMap((s) => s.services ?? []))]);
  const [file] = createResource(
    () => mine()?.personId,
    async (id) => {
      const person = await layer.get<Person>('people', id).catch(() => null);
      const number = id.slice('person:'.length);
      const cases = await layer.allDocsByPrefix<Case>('people', `case:${number}:`).catch(() => []);
      return { person, cases };
    },
  );
  const actor = (): Actor => queue.actor(code());
  const say = (error: string, params: Record<string, string> = {}) => setMessage(queueErrorText(t, error, params));

  async function open() {
    if (!code()) return;
    const counter = queue.counters().find((c) => c.code === code());
    const services = picked().length ? picked() : (counter?.services ?? []);
    const r = await openCounter(queue, code(), services, agent, deviceId());
    if (!r.ok) return say('counter_taken', { agent: r.agent });
    setSession(r.state);
    setMessage(null);
  }

  async function run(result: StepResult, after?: (ticket: Stored<Ticket>) => Promise<void>) {
    setMessage(null);
    if (!result.ok) return say(result.error);
    try {
      const applied = await applyStep(queue.store, result.step);
      if (applied.offline) setMessage(t('counter.offline'));
      await after?.(applied.ticket);
    } catch (error) {
      say(isConflict(error) ? 'not_mine' : String((error as Error).message));
    }
  }

  async function setCurrent(ticket: string | null) {
    const s = myState();
    if (s) setSession(await setCounter(queue, s, { currentTicket: ticket }));
  }

  async function callNextTicket() {
    setMessage(null);
    const s = myState();
    if (!s || s.status !== 'open') return say('counter_not_open');
    const targetWaitMinutes = Object.fromEntries(queue.services().map((svc) => [svc.code, svc.targetWaitMinutes]));
    const r = await callNext(queue.store, { day: queue.day(), services: s.services ?? [], rules: queue.rules(), targetWaitMinutes }, actor());
    if (!r.ok) return say(r.error);
    if (r.offline) setMessage(t('counter.offline'));
    await setCurrent(r.value._id);
  }

  async function walkIn() {
    const service = queue.services().find((s) => s.code === walkInService());
    if (!service) return;
    const used = queue.tickets().filter((x) => x.series === service.series).map((x) => x.seq);
    const slot = queue.slot();
    const offline = !navigator.onLine;
    const range = offline && slot !== null ? slotBlock(slot) : ONLINE_RANGE;
    const seq = nextInRange(range, used);
    if (seq === null) return say(offline && slot === null ? 'no_device_slot' : 'series_full');
    await run(issue({ day: queue.day(), service, seq, walkIn: true }, actor()), (ticket) => setCurrent(ticket._id));
  }

  async function sendToBackoffice() {
    const ticket = mine();
    if (!ticket?.personId) return setMessage(t('counter.backoffice.needsPerson'));
    const a = actor();
    const now = a.now.toISOString();
    const request: BackofficeRequest = {
      _id: backofficeRequestId(queue.day(), a.uid()),
      type: 'backoffice_request',
      branch: queue.branch,
      day: queue.day(),
      person: ticket.personId,
      ticket: ticket._id,
      subject: boSubject() || '-',
      message: boMessage() || '-',
      status: 'open',
      requestedBy: agent,
      requestedAt: now,
      counter: code(),
      updatedAt: now,
    };
    await queue.store.writeLocal(request);
    await run(note(ticket, { backofficeRequest: request._id }, a));
    setMessage(t('counter.backoffice.sent'));
  }

  return (
    <section class="screen" data-testid="screen-counter">
      <h1>{t('screen.counter.title')}</h1>
      <Show when={myState()?.status === 'open' || myState()?.status === 'paused'} fallback={
        <div>
          <label>
            {t('counter.choose')}{' '}
            <select data-testid="counter-code" value={code()} onChange={(e) => { setCode(e.currentTarget.value); setPicked(queue.counters().find((c) => c.code === e.currentTarget.value)?.services ?? []); }} class="touch">
              <option value="" />
              <For each={queue.counters()}>{(c) => <option value={c.code}>{c.code} — {c.label}</option>}</For>
            </select>
          </label>
          <fieldset>
            <legend>{t('counter.services')}</legend>
            <For each={queue.counters().find((c) => c.code === code())?.services ?? []}>
              {(s) => (
                <label class="touch">
                  <input type="checkbox" data-testid={`counter-service-${s}`} checked={picked().includes(s)} onChange={(e) => setPicked((p) => (e.currentTarget.checked ? [...p, s] : p.filter((x) => x !== s)))} /> {s}
                </label>
              )}
            </For>
          </fieldset>
          <button type="button" data-testid="counter-open" class="touch" onClick={() => void open()}>{t('counter.open')}</button>
        </div>
      }>
        <p data-testid="counter-status" data-status={mine() ? 'serving' : myState()!.status}>
          {code()} — {t('counter.status', { status: t(`counter.status.${mine() ? 'serving' : myState()!.status}`) })}
        </p>
        <p data-testid="counter-waiting" data-count={waitingHere()}>{t('counter.waiting', { count: waitingHere() })}</p>
        <div>
          <button type="button" data-testid="counter-call-next" class="touch" disabled={!!mine() || myState()!.status !== 'open'} onClick={() => void callNextTicket()}>{t('counter.callNext')}</button>
          <Show when={myState()!.status === 'open'} fallback={<button type="button" data-testid="counter-unpause" class="touch" onClick={async () => setSession(await setCounter(queue, myState()!, { status: 'open' }))}>{t('counter.unpause')}</button>}>
            <button type="button" data-testid="counter-pause" class="touch" onClick={async () => setSession(await setCounter(queue, myState()!, { status: 'paused' }))}>{t('counter.pause')}</button>
          </Show>
          <button type="button" data-testid="counter-close" class="touch" onClick={async () => { setSession(await setCounter(queue, myState()!, { status: 'closed', currentTicket: null })); }}>{t('counter.close')}</button>
        </div>
        <Show when={lost()}>{(x) => <p role="alert" data-testid="counter-lost">{t('counter.lost', { label: x().label, counter: x().counter ?? '?' })}</p>}</Show>
        <Show when={mine()} fallback={<p data-testid="counter-current-none">{t('counter.none')}</p>}>
          {(x) => (
            <div>
              <p data-testid="counter-current" data-label={x().label} data-state={x().state} data-recalls={x().recalls ?? 0} class="counter-current">
                {t('counter.current', { label: x().label, state: t(`counter.state.${x().state}`) })}
              </p>
              <Show when={x().note}><p data-testid="counter-note">{x().note}</p></Show>
              <Show when={file()?.person}>
                {(p) => (
                  <div data-testid="counter-person" data-person={p()._id}>
                    <h2>{t('counter.person')}: {personName(p())} ({p().number})</h2>
                    <h3>{t('counter.cases')}</h3>
                    <Show when={file()!.cases.length > 0} fallback={<p>{t('counter.noCases')}</p>}>
                      <ul><For each={file()!.cases}>{(c) => <li>{c.caseNo} — {c.status} — {c.summary}</li>}</For></ul>
                    </Show>
                  </div>
                )}
              </Show>
              <div>
                <button type="button" data-testid="counter-recall" class="touch" onClick={() => void run(recall(x(), actor()))}>{t('counter.recall')}</button>
                <button type="button" data-testid="counter-no-show" class="touch" onClick={() => void run(noShow(x(), actor()), () => setCurrent(null))}>{t('counter.noShow')}</button>
                <button type="button" data-testid="counter-start" class="touch" onClick={() => void run(startService(x(), actor()))}>{t('counter.start')}</button>
                <button type="button" data-testid="counter-park" class="touch" onClick={() => void run(park(x(), actor()))}>{t('counter.park')}</button>
                <button type="button" data-testid="counter-resume" class="touch" onClick={() => void run(resume(x(), actor()))}>{t('counter.resume')}</button>
              </div>
              <div>
                <label>
                  {t('counter.outcome')}{' '}
                  <select data-testid="counter-outcome" value={outcome()} onChange={(e) => setOutcome(e.currentTarget.value)} class="touch">
                    <For each={['done', 'info', 'incomplete']}>{(o) => <option value={o}>{t(`counter.outcome.${o as 'done'}`)}</option>}</For>
                  </select>
                </label>
                <button type="button" data-testid="counter-finish" class="touch" onClick={() => void run(finish(x(), outcome(), actor()), () => setCurrent(null))}>{t('counter.finish')}</button>
              </div>
              <fieldset>
                <legend>{t('counter.transfer')}</legend>
                <select data-testid="counter-transfer-service" value={toService()} onChange={(e) => setToService(e.currentTarget.value)} class="touch" aria-label={t('counter.transfer.service')}>
                  <option value="" />
                  <For each={queue.services()}>{(s) => <option value={s.code}>{s.name[i18n.locale()]}</option>}</For>
                </select>
                <select data-testid="counter-transfer-counter" value={toCounter()} onChange={(e) => setToCounter(e.currentTarget.value)} class="touch" aria-label={t('counter.transfer.counter')}>
                  <option value="">{t('counter.transfer.anyCounter')}</option>
                  <For each={queue.counters()}>{(c) => <option value={c.code}>{c.code}</option>}</For>
                </select>
                <select data-testid="counter-transfer-position" value={position()} onChange={(e) => setPosition(e.currentTarget.value as 'back' | 'front')} class="touch" aria-label={t('counter.transfer.position')}>
                  <option value="back">{t('counter.transfer.back')}</option>
                  <option value="front">{t('counter.transfer.front')}</option>
                </select>
                <input data-testid="counter-transfer-note" value={transferNote()} onInput={(e) => setTransferNote(e.currentTarget.value)} placeholder={t('queue.note')} class="touch" />
                <button type="button" data-testid="counter-transfer" class="touch" onClick={() => void run(transfer(x(), { toService: toService() || x().service, ...(toCounter() ? { toCounter: toCounter() } : {}), ...(transferNote() ? { note: transferNote() } : {}), position: position() }, servedNow(), actor()), () => setCurrent(null))}>{t('counter.transfer')}</button>
              </fieldset>
              <fieldset>
                <legend>{t('counter.backoffice')}</legend>
                <input data-testid="counter-bo-subject" value={boSubject()} onInput={(e) => setBoSubject(e.currentTarget.value)} placeholder={t('counter.backoffice.subject')} maxLength={200} class="touch" />
                <input data-testid="counter-bo-message" value={boMessage()} onInput={(e) => setBoMessage(e.currentTarget.value)} placeholder={t('counter.backoffice.message')} maxLength={4000} class="touch" />
                <button type="button" data-testid="counter-backoffice" class="touch" onClick={() => void sendToBackoffice()}>{t('counter.backoffice')}</button>
              </fieldset>
            </div>
          )}
        </Show>
        <fieldset>
          <legend>{t('counter.walkIn')}</legend>
          <select data-testid="counter-walkin-service" value={walkInService()} onChange={(e) => setWalkInService(e.currentTarget.value)} class="touch" aria-label={t('queue.service')}>
            <option value="" />
            <For each={queue.services()}>{(s) => <option value={s.code}>{s.name[i18n.locale()]}</option>}</For>
          </select>
          <button type="button" data-testid="counter-walkin" class="touch" disabled={!!mine()} onClick={() => void walkIn()}>{t('counter.walkIn')}</button>
        </fieldset>
      </Show>
      <Show when={message()}><p role="status" data-testid="counter-message">{message()}</p></Show>
    </section>
  );
}
