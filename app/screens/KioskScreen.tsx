/**
 * Kiosk, for a 21-inch portrait touch screen (1080 × 1920): three clear steps — touch a
 * service, type your number if you have one (optional), take your ticket. Each visitor gets a
 * fresh `KioskVisit` (mounted keyed), so nothing of the previous visitor is left on screen;
 * the kiosk starts over by itself when nobody touches it.
 */
import { For, Match, Show, Switch, createSignal, onCleanup, onMount } from 'solid-js';
import { createStore } from 'solid-js/store';
import type { Ticket } from '../../couch-design/types/ticket.ts';
import type { Service } from '../../couch-design/types/service.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { createBranchQueue, type BranchQueue } from '../queue/branch-queue.ts';
import { issueFromScreen, printTicket, serviceFacts, ticketFacts, warmIssuing, type TicketFacts } from '../queue/issue-ticket.ts';
import { TicketView } from '../queue/TicketView.tsx';
import { queueErrorText } from '../queue/queue-text.ts';
import { waitText } from '../queue/wait-text.ts';
import { Button } from '../ui/Button.tsx';
import { Notice } from '../ui/Notice.tsx';
import { Keypad } from './kiosk/Keypad.tsx';
import { checkKioskNumber, typeDigit } from './kiosk/number.ts';
import './kiosk/kiosk.css';

/** Choosing: back to the first step after this long untouched. */
const IDLE_MS = 20_000;
/** The ticket stays on screen this long (or until the next touch of "Done"). */
const TICKET_MS = 12_000;

type Step = 'service' | 'number' | 'ticket';

export function KioskScreen() {
  const i18n = useI18n();
  const queue = createBranchQueue();
  // A new object is a new visitor: the keyed Show below mounts a fresh KioskVisit.
  const [visit, setVisit] = createSignal({});
  const next = () => setVisit({});
  onMount(warmIssuing); // once per screen, not per visitor
  return (
    <section class="screen kiosk" data-testid="screen-kiosk">
      <div class="kiosk-top">
        <p class="kiosk-branch">{queue.branchDoc()?.name ?? ''}</p>
        <Button variant="secondary" size="large" testId="kiosk-locale" lang={i18n.locale() === 'fr' ? 'en' : 'fr'} onClick={() => i18n.setLocale(i18n.locale() === 'fr' ? 'en' : 'fr')}>
          {i18n.locale() === 'fr' ? 'English' : 'Français'}
        </Button>
      </div>
      <Show when={visit()} keyed>
        {(_visitor) => <KioskVisit queue={queue} done={next} />}
      </Show>
    </section>
  );
}

function KioskVisit(props: { queue: BranchQueue; done: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const queue = props.queue;
  const [state, setState] = createStore({
    step: 'service' as Step,
    service: null as Service | null,
    number: '',
    numberError: null as string | null,
    error: null as string | null,
    issued: null as { ticket: Ticket; service: Service; offline: boolean; facts: TicketFacts } | null,
  });

  let idle: ReturnType<typeof setTimeout> | undefined;
  const touched = () => {
    clearTimeout(idle);
    // A visitor who walked away half-way: the next one starts from the first step.
    if (state.step !== 'service' || state.service) idle = setTimeout(props.done, state.step === 'ticket' ? TICKET_MS : IDLE_MS);
  };
  onCleanup(() => clearTimeout(idle));

  const choose = (s: Service) => {
    setState({ service: s, step: 'number', error: null });
    touched();
  };
  const setNumber = (n: string) => setState({ number: n, numberError: null });

  async function take() {
    const chosen = state.service;
    if (!chosen) return;
    const checked = checkKioskNumber(state.number);
    if (!checked.ok) {
      setState('numberError', t(`kiosk.numberError.${checked.problem}`));
      return;
    }
    const r = await issueFromScreen(queue, { service: chosen, ...(checked.personId ? { personId: checked.personId } : {}) });
    if (!r.ok) return setState('error', queueErrorText(t, r.error));
    // Worked out once: the screen and the paper show the same figures.
    const facts = ticketFacts(queue, r.value);
    setState({ issued: { ticket: r.value, service: chosen, offline: r.offline, facts }, step: 'ticket', error: null });
    touched();
    void printTicket(queue, r.value, chosen, i18n.locale(), facts);
  }

  // Digits from a keyboard too (a kiosk with a physical keypad, or a keyboard-only user).
  onMount(() => {
    const onKey = (event: KeyboardEvent) => {
      touched();
      if (state.step !== 'number' || event.target instanceof HTMLInputElement) return;
      if (/^\d$/.test(event.key)) setNumber(typeDigit(state.number, event.key));
      else if (event.key === 'Backspace') setNumber(state.number.slice(0, -1));
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    onCleanup(() => window.removeEventListener('keydown', onKey));
  });

  const steps: { step: Step; key: 'kiosk.step.service' | 'kiosk.step.number' | 'kiosk.step.ticket' }[] = [
    { step: 'service', key: 'kiosk.step.service' },
    { step: 'number', key: 'kiosk.step.number' },
    { step: 'ticket', key: 'kiosk.step.ticket' },
  ];

  return (
    <div class="kiosk-visit" onPointerDown={touched} data-step={state.step} data-testid="kiosk-visit">
      <ol class="kiosk-steps" aria-label={t('kiosk.steps')}>
        <For each={steps}>
          {(s, i) => (
            <li class="kiosk-step" classList={{ 'kiosk-step-current': state.step === s.step }} aria-current={state.step === s.step ? 'step' : undefined}>
              <span class="kiosk-step-no" aria-hidden="true">{i() + 1}</span> {t(s.key)}
            </li>
          )}
        </For>
      </ol>
      <Switch>
        <Match when={state.step === 'service'}>
          <h1 class="kiosk-title">{t('kiosk.choose')}</h1>
          <div class="kiosk-services">
            <For each={queue.services().filter((s) => s.active)}>
              {(s) => {
                const facts = () => serviceFacts(queue, s.code);
                return (
                  <Button variant="primary" size="huge" block class="kiosk-service" testId={`kiosk-service-${s.code}`} onClick={() => choose(s)}>
                    <span class="kiosk-service-name">{s.name[i18n.locale()]}</span>
                    <span class="kiosk-service-wait" data-testid={`kiosk-wait-${s.code}`} data-wait={facts().wait.kind}>
                      {t('queue.waitingCount', { count: facts().ahead })} · {waitText(t, facts().wait)}
                    </span>
                  </Button>
                );
              }}
            </For>
          </div>
          <Show when={queue.services().length === 0}>
            <Notice testId="kiosk-no-service">{t('kiosk.noService')}</Notice>
          </Show>
        </Match>
        <Match when={state.step === 'number' && state.service}>
          {(service) => (
            <div class="kiosk-number-step">
              <h1 class="kiosk-title">{service().name[i18n.locale()]}</h1>
              <p class="kiosk-number-label" id="kiosk-number-label">{t('kiosk.number')}</p>
              <p class="kiosk-number-hint" id="kiosk-number-hint">{t('kiosk.numberHint')}</p>
              <output data-testid="kiosk-number" class="kiosk-number" classList={{ 'kiosk-number-invalid': !!state.numberError }} aria-labelledby="kiosk-number-label" aria-describedby="kiosk-number-hint" aria-live="polite">
                {state.number}
              </output>
              <Show when={state.numberError}>
                <Notice tone="error" testId="kiosk-number-error">{state.numberError}</Notice>
              </Show>
              <Keypad labelledBy="kiosk-number-label" onDigit={(d) => setNumber(typeDigit(state.number, d))} onClear={() => setNumber('')} onErase={() => setNumber(state.number.slice(0, -1))} />
              <Show when={state.error}>
                <Notice tone="error" testId="kiosk-error">{state.error}</Notice>
              </Show>
              <div class="kiosk-actions">
                <Button variant="primary" size="huge" block testId="kiosk-take" action={take}>
                  {state.number ? t('kiosk.take') : t('kiosk.skip')}
                </Button>
                <Button variant="secondary" size="large" block testId="kiosk-back" onClick={() => setState({ step: 'service', service: null, number: '', numberError: null, error: null })}>
                  {t('kiosk.back')}
                </Button>
              </div>
            </div>
          )}
        </Match>
        <Match when={state.step === 'ticket' && state.issued}>
          {(done) => (
            <div class="kiosk-ticket-step">
              <h1 class="kiosk-title">{t('kiosk.takeTicket')}</h1>
              <TicketView class="queue-ticket-kiosk" ticket={done().ticket} branchName={queue.branchDoc()?.name ?? queue.branch} serviceName={done().service.name[i18n.locale()]} ahead={done().facts.ahead} wait={done().facts.wait} offline={done().offline} />
              <Button variant="primary" size="huge" block testId="kiosk-done" onClick={() => props.done()}>
                {t('kiosk.done')}
              </Button>
            </div>
          )}
        </Match>
      </Switch>
    </div>
  );
}
