/** Kiosk: big service buttons, optional insurant number on a keypad, prints, resets when idle. */
import { For, Show, createSignal, onCleanup } from 'solid-js';
import type { Ticket } from '../../couch-design/types/ticket.ts';
import type { Service } from '../../couch-design/types/service.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { createBranchQueue } from '../queue/branch-queue.ts';
import { issueFromScreen, printTicket, ticketFacts } from '../queue/issue-ticket.ts';
import { TicketView } from '../queue/TicketView.tsx';
import { queueErrorText } from '../queue/queue-text.ts';

const IDLE_MS = 8000;
const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'];

export function KioskScreen() {
  const i18n = useI18n();
  const { t } = i18n;
  const queue = createBranchQueue();
  const [service, setService] = createSignal<Service | null>(null);
  const [number, setNumber] = createSignal('');
  const [issued, setIssued] = createSignal<{ ticket: Ticket; service: Service; offline: boolean } | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  let idle: ReturnType<typeof setTimeout> | undefined;
  const reset = () => {
    setService(null);
    setNumber('');
    setIssued(null);
    setError(null);
  };
  const touched = () => {
    clearTimeout(idle);
    idle = setTimeout(reset, IDLE_MS);
  };
  onCleanup(() => clearTimeout(idle));

  async function take() {
    const chosen = service();
    if (!chosen) return;
    touched();
    const r = await issueFromScreen(queue, { service: chosen, ...(number() ? { personId: `person:${number()}` } : {}) });
    if (!r.ok) return setError(queueErrorText(t, r.error));
    setIssued({ ticket: r.value, service: chosen, offline: r.offline });
    void printTicket(queue, r.value, chosen, i18n.locale());
  }

  return (
    <section class="screen kiosk" data-testid="screen-kiosk" onPointerDown={touched}>
      <div>
        <button type="button" data-testid="kiosk-locale" class="touch" onClick={() => i18n.setLocale(i18n.locale() === 'fr' ? 'en' : 'fr')}>
          {i18n.locale() === 'fr' ? 'English' : 'Français'}
        </button>
      </div>
      <Show when={issued()} fallback={
        <Show when={service()} fallback={
          <>
            <h1>{t('kiosk.choose')}</h1>
            <div class="kiosk-services">
              <For each={queue.services().filter((s) => s.active)}>
                {(s) => (
                  <button type="button" data-testid={`kiosk-service-${s.code}`} class="kiosk-service" onClick={() => { touched(); setService(s); }}>
                    {s.name[i18n.locale()]}
                  </button>
                )}
              </For>
            </div>
          </>
        }>
          <h1>{service()!.name[i18n.locale()]}</h1>
          <label>{t('kiosk.number')}</label>
          <output data-testid="kiosk-number" class="kiosk-number">{number()}</output>
          <div class="kiosk-keypad">
            <For each={KEYS}>{(k) => <button type="button" data-testid={`kiosk-key-${k}`} class="kiosk-key" onClick={() => setNumber((n) => (n.length < 20 ? n + k : n))}>{k}</button>}</For>
            <button type="button" data-testid="kiosk-key-clear" class="kiosk-action" onClick={() => setNumber('')}>{t('kiosk.clear')}</button>
          </div>
          <p>
            <button type="button" data-testid="kiosk-back" class="kiosk-action" onClick={reset}>{t('kiosk.back')}</button>{' '}
            <button type="button" data-testid="kiosk-take" class="kiosk-action kiosk-key" onClick={() => void take()}>{number() ? t('kiosk.take') : t('kiosk.skip')}</button>
          </p>
          <Show when={error()}><p role="alert" data-testid="kiosk-error">{error()}</p></Show>
        </Show>
      }>
        {(done) => (
          <>
            <h1>{t('kiosk.takeTicket')}</h1>
            <TicketView ticket={done().ticket} branchName={queue.branchDoc()?.name ?? queue.branch} serviceName={done().service.name[i18n.locale()]} ahead={ticketFacts(queue, done().ticket).ahead} minutes={ticketFacts(queue, done().ticket).minutes} offline={done().offline} />
          </>
        )}
      </Show>
    </section>
  );
}
