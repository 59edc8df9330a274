/**
 * One visit at the counter: the ticket and its one main action large at the top, the person's
 * file beside it, the other actions grouped below. Mounted once per ticket (keyed by its id):
 * the visit's form (outcome, transfer, back office) is created with it and goes with it, so the
 * next visitor starts clean by construction.
 */
import { For, Show, createMemo, createSignal } from 'solid-js';
import { createStore } from 'solid-js/store';
import type { Ticket } from '../../../couch-design/types/ticket.ts';
import type { Stored } from '../../data/docs.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Button } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { StatusChip } from '../../ui/StatusChip.tsx';
import type { CounterController } from './counter-controller.ts';
import { PersonFile } from './PersonFile.tsx';
import { FilingPanel, PersonFinder } from './FilingPanel.tsx';
import { CertificatesPanel } from './CertificatesPanel.tsx';
import { CertificatesNotOnFile } from './CertificatesNotOnFile.tsx';

const OUTCOMES = ['done', 'info', 'incomplete'] as const;

interface VisitForm {
  outcome: (typeof OUTCOMES)[number];
  toService: string;
  toCounter: string;
  position: 'back' | 'front';
  transferNote: string;
  boSubject: string;
  boMessage: string;
}

export function Visit(props: { ctl: CounterController }) {
  const { t, locale } = useI18n();
  const ctl = props.ctl;
  // The last copy seen: the component goes as soon as the ticket leaves the counter.
  const ticket = createMemo<Stored<Ticket>>((prev) => ctl.current() ?? prev, ctl.current()!);
  const [form, setForm] = createStore<VisitForm>({ outcome: 'done', toService: '', toCounter: '', position: 'back', transferNote: '', boSubject: '', boMessage: '' });
  const serviceName = (code: string) => ctl.queue.services().find((s) => s.code === code)?.name[locale()] ?? code;
  const state = () => ticket().state;
  // A ticket without a person: the one the agent finds for this visit (goes with the visit).
  const [found, setFound] = createSignal<string | undefined>();
  const personId = () => ticket().personId ?? found();

  return (
    <>
      <Panel class="counter-visit" tone="info" testId="counter-visit" title={t('counter.visit')}>
        <div class="counter-ticket">
          <p data-testid="counter-current" data-label={ticket().label} data-state={state()} data-recalls={ticket().recalls ?? 0} class="counter-current">
            <span class="counter-ticket-label">{ticket().label}</span>
            <StatusChip tone={state() === 'parked' ? 'warn' : 'info'}>{t(`counter.state.${state()}`)}</StatusChip>
          </p>
          <p class="counter-muted">
            {serviceName(ticket().service)}
            <Show when={(ticket().recalls ?? 0) > 0}> · {t('counter.recalls', { count: ticket().recalls ?? 0 })}</Show>
          </p>
          <Show when={ticket().note}>
            <p data-testid="counter-note" class="counter-note">{ticket().note}</p>
          </Show>
        </div>
        <Show when={state() === 'serving'}>
          <Field label={t('counter.outcome')} class="counter-outcome">
            {(ids) => (
              <select id={ids.id} data-testid="counter-outcome" value={form.outcome} onChange={(e) => setForm('outcome', e.currentTarget.value as VisitForm['outcome'])}>
                <For each={OUTCOMES}>{(o) => <option value={o}>{t(`counter.outcome.${o}`)}</option>}</For>
              </select>
            )}
          </Field>
        </Show>
        <div class="counter-main">
          <Show when={state() === 'called'}>
            <Button variant="primary" size="huge" block testId="counter-start" shortcut="F4" disabled={!ctl.allowed('start')} action={() => ctl.start()}>{t('counter.start')}</Button>
          </Show>
          <Show when={state() === 'serving'}>
            <Button variant="primary" size="huge" block testId="counter-finish" shortcut="F9" disabled={!ctl.allowed('finish')} action={() => ctl.finish(form.outcome)}>{t('counter.finish')}</Button>
          </Show>
          <Show when={state() === 'parked'}>
            <Button variant="primary" size="huge" block testId="counter-resume" shortcut="F8" disabled={!ctl.allowed('resume')} action={() => ctl.resume()}>{t('counter.resume')}</Button>
          </Show>
        </div>
        <div class="btn-row counter-ticket-actions" role="group" aria-label={t('counter.ticketActions')}>
          <Show when={state() === 'called'}>
            <Button size="large" testId="counter-recall" shortcut="F3" disabled={!ctl.allowed('recall')} action={() => ctl.recall()}>{t('counter.recall')}</Button>
            <Button size="large" testId="counter-no-show" disabled={!ctl.allowed('noShow')} aria-describedby={ctl.allowed('noShow') ? undefined : 'counter-no-show-hint'} action={() => ctl.noShow()}>{t('counter.noShow')}</Button>
          </Show>
          <Show when={ctl.allowed('park')}>
            <Button size="large" testId="counter-park" action={() => ctl.park()}>{t('counter.park')}</Button>
          </Show>
        </div>
        <Show when={state() === 'called' && !ctl.allowed('noShow')}>
          <p id="counter-no-show-hint" class="counter-muted" data-testid="counter-no-show-hint">{t('counter.noShowHint')}</p>
        </Show>
      </Panel>
      <PersonFile personId={personId()} />
      <Show when={state() === 'serving'}>
        <Show
          when={personId()}
          keyed
          fallback={
            <>
              <PersonFinder onPick={setFound} />
              <CertificatesNotOnFile ctl={ctl} />
            </>
          }
        >
          {(id) => (
            <>
              <FilingPanel ctl={ctl} personId={id} ticket={ticket()} />
              <CertificatesPanel ctl={ctl} personId={id} />
            </>
          )}
        </Show>
      </Show>
      <div class="counter-more" role="group" aria-label={t('counter.more')}>
        <Show when={ctl.allowed('transfer')}>
          <details class="counter-group" data-testid="counter-group-transfer">
            <summary>{t('counter.transfer')}</summary>
            <div class="field-row">
              <Field label={t('counter.transfer.service')}>
                {(ids) => (
                  <select id={ids.id} data-testid="counter-transfer-service" value={form.toService} onChange={(e) => setForm('toService', e.currentTarget.value)}>
                    <option value="" />
                    <For each={ctl.queue.services()}>{(s) => <option value={s.code}>{s.name[locale()]}</option>}</For>
                  </select>
                )}
              </Field>
              <Field label={t('counter.transfer.counter')}>
                {(ids) => (
                  <select id={ids.id} data-testid="counter-transfer-counter" value={form.toCounter} onChange={(e) => setForm('toCounter', e.currentTarget.value)}>
                    <option value="">{t('counter.transfer.anyCounter')}</option>
                    <For each={ctl.queue.counters()}>{(c) => <option value={c.code}>{c.code}</option>}</For>
                  </select>
                )}
              </Field>
              <Field label={t('counter.transfer.position')}>
                {(ids) => (
                  <select id={ids.id} data-testid="counter-transfer-position" value={form.position} onChange={(e) => setForm('position', e.currentTarget.value as VisitForm['position'])}>
                    <option value="back">{t('counter.transfer.back')}</option>
                    <option value="front">{t('counter.transfer.front')}</option>
                  </select>
                )}
              </Field>
              <Field label={t('queue.note')}>
                {(ids) => <input id={ids.id} data-testid="counter-transfer-note" value={form.transferNote} maxLength={500} onInput={(e) => setForm('transferNote', e.currentTarget.value)} />}
              </Field>
            </div>
            <Button
              testId="counter-transfer"
              action={() =>
                ctl.transfer({
                  toService: form.toService || ticket().service,
                  ...(form.toCounter ? { toCounter: form.toCounter } : {}),
                  ...(form.transferNote ? { note: form.transferNote } : {}),
                  position: form.position,
                })
              }
            >
              {t('counter.transfer.submit')}
            </Button>
          </details>
        </Show>
        <Show when={ctl.allowed('backoffice')}>
          <details class="counter-group" data-testid="counter-group-backoffice">
            <summary>{t('counter.backoffice')}</summary>
            <Field label={t('counter.backoffice.subject')}>
              {(ids) => <input id={ids.id} data-testid="counter-bo-subject" value={form.boSubject} maxLength={200} onInput={(e) => setForm('boSubject', e.currentTarget.value)} />}
            </Field>
            <Field label={t('counter.backoffice.message')}>
              {(ids) => <textarea id={ids.id} data-testid="counter-bo-message" value={form.boMessage} maxLength={4000} onInput={(e) => setForm('boMessage', e.currentTarget.value)} />}
            </Field>
            <Button testId="counter-backoffice" action={() => ctl.sendToBackoffice(form.boSubject, form.boMessage)}>{t('counter.backoffice.submit')}</Button>
          </details>
        </Show>
      </div>
    </>
  );
}
