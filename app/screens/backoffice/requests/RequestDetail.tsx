/**
 * One request, worked on: take it, move its status, add a note, move the due date, answer it,
 * close it, and for a letter print the answer letter. Only the moves its status allows are
 * offered. Mounted per request (keyed by id), so typed text belongs to that request; each move
 * applies to the latest revision the replica holds: if a colleague closed the request meanwhile,
 * the agent is told and nothing is written.
 */
import { For, Show, createSignal } from 'solid-js';
import { createStore } from 'solid-js/store';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { useData } from '../../../data/DataProvider.tsx';
import { formatDateTime } from '../../../i18n/format.ts';
import { Button } from '../../../ui/Button.tsx';
import { Field } from '../../../ui/Field.tsx';
import { Panel } from '../../../ui/Panel.tsx';
import { Notice } from '../../../ui/Notice.tsx';
import { StatusChip } from '../../../ui/StatusChip.tsx';
import { REQUEST_TRANSITIONS, type BackofficeRequest, type RequestStatus } from '../../../../couch-design/types/backoffice-request.ts';
import { applyMove, nextStatuses, type RequestActor, type RequestError, type RequestMove } from '../../../backoffice/requests.ts';
import type { WorkItem } from '../../../backoffice/worklist.ts';
import { requesterLabel, shortDay, statusTone } from './request-text.ts';
import { AnswerLetterButton } from './AnswerLetterButton.tsx';

export function RequestDetail(props: {
  id: string;
  item: WorkItem;
  agent: string;
  actor: () => RequestActor;
  save: (doc: BackofficeRequest) => Promise<string | null>;
}) {
  const { t, locale } = useI18n();
  const { layer } = useData();
  const r = () => props.item.request;
  const [form, setForm] = createStore({ status: '' as RequestStatus | '', note: '', answer: '', due: r().dueDate });
  const [error, setError] = createSignal<{ field: string; text: string } | null>(null);
  const can = (status: RequestStatus) => REQUEST_TRANSITIONS[r().status].includes(status);
  const when = (at: string) => formatDateTime(at, locale());

  async function run(move: RequestMove, clear?: () => void) {
    setError(null);
    // The latest revision on this device: a colleague's move replicated since the screen drew.
    const latest = (await layer.get<BackofficeRequest>('branch', props.id)) ?? r();
    const next = applyMove(latest, move, props.actor());
    if (!next.ok) return void setError({ field: next.field, text: t(`req.error.${next.error as RequestError}`) });
    const failed = await props.save(next.doc);
    if (failed) return void setError({ field: 'save', text: failed });
    clear?.();
  }
  const errorOf = (field: string) => (error()?.field === field ? error()!.text : null);

  return (
    <Panel title={r().subject} class="req-detail" testId="req-detail" headingLevel={2}>
      <div data-testid="req-detail-facts" data-id={r()._id} data-status={r().status}>
        <p class="req-chips">
          <StatusChip tone={statusTone(r().status)} testId="req-detail-status">{t(`req.status.${r().status}`)}</StatusChip>
          <Show when={props.item.overdue}>
            <StatusChip tone="danger">{t('req.overdue')}</StatusChip>
          </Show>
          <span>{t('req.due', { date: shortDay(r().dueDate) })}</span>
        </p>
        <p>{t(`req.detail.from.${r().requester}`, { who: requesterLabel(t, r()) })}</p>
        <p class="counter-muted">{t('req.detail.received', { date: when(r().requestedAt), channel: t(`req.channel.${r().channel}`), agent: r().requestedBy })}</p>
        <p class="counter-muted" data-testid="req-detail-assignee">{r().assignee ? t('req.detail.assignee', { agent: r().assignee! }) : t('req.unassigned')}</p>
        <p class="req-message">{r().message}</p>
      </div>
      <Show when={error() && (error()!.field === 'save' || error()!.field === 'status')}>
        <div role="alert" data-testid="req-error">
          <Notice tone="error">{error()!.text}</Notice>
        </div>
      </Show>
      <Show when={r().answer}>
        <div class="req-answer" data-testid="req-answer">
          <h3 class="counter-subtitle">{t('req.answer')}</h3>
          <p>{r().answer}</p>
          <p class="counter-muted">{t('req.answered', { agent: r().answeredBy ?? '', at: when(r().answeredAt ?? r().updatedAt) })}</p>
        </div>
      </Show>
      <div class="req-actions">
        <Show when={r().status !== 'closed' && r().status !== 'answered' && r().assignee !== props.agent}>
          <Button testId="req-take" action={() => run({ kind: 'take' })}>{t('req.take')}</Button>
        </Show>
        <Show when={r().status !== 'closed'}>
          <Button variant="danger" testId="req-close" action={() => run({ kind: 'close' })}>{t('req.close')}</Button>
        </Show>
        <Show when={r().channel === 'letter' && r().answer}>
          <AnswerLetterButton request={r()} />
        </Show>
      </div>
      <Show when={nextStatuses(r().status).length > 0}>
        <div class="req-inline">
          <Field label={t('req.status.change')} class="req-grow">
            {(ids) => (
              <select id={ids.id} class="input" data-testid="req-status" value={form.status} onChange={(e) => setForm('status', e.currentTarget.value as RequestStatus)}>
                <option value="">{t('req.status.pick')}</option>
                <For each={nextStatuses(r().status)}>{(s) => <option value={s}>{t(`req.status.${s}`)}</option>}</For>
              </select>
            )}
          </Field>
          <Button testId="req-status-apply" disabled={!form.status} action={() => run({ kind: 'status', status: form.status as RequestStatus }, () => setForm('status', ''))}>
            {t('req.status.apply')}
          </Button>
        </div>
      </Show>
      {/* An answer being typed stays when a colleague's closing arrives: pressing it then says why nothing is saved, instead of the text vanishing. */}
      <Show when={can('answered') || form.answer.trim() !== ''}>
        <Field label={t('req.answer')} error={errorOf('answer')}>
          {(ids) => <textarea id={ids.id} class="input" data-testid="req-answer-text" maxLength={4000} aria-describedby={ids.describedBy} aria-invalid={ids.invalid} value={form.answer} onInput={(e) => setForm('answer', e.currentTarget.value)} />}
        </Field>
        <Button variant="primary" testId="req-answer-submit" action={() => run({ kind: 'answer', text: form.answer }, () => setForm('answer', ''))}>{t('req.answer.submit')}</Button>
      </Show>
      <Show when={r().status !== 'closed' && r().status !== 'answered'}>
        <div class="req-inline">
          <Field label={t('req.due.change')} error={errorOf('dueDate')} class="req-grow">
            {(ids) => <input id={ids.id} type="date" class="input" data-testid="req-due-change" aria-describedby={ids.describedBy} aria-invalid={ids.invalid} value={form.due} onInput={(e) => setForm('due', e.currentTarget.value)} />}
          </Field>
          <Button testId="req-due-apply" action={() => run({ kind: 'due', day: form.due })}>{t('req.due.apply')}</Button>
        </div>
      </Show>
      <h3 class="counter-subtitle">{t('req.notes')}</h3>
      <Show when={(r().notes ?? []).length > 0} fallback={<p class="counter-muted">{t('req.notes.none')}</p>}>
        <ul class="bo-history" data-testid="req-notes">
          <For each={r().notes}>
            {(n) => (
              <li data-testid="req-note">
                {n.text} <span class="counter-muted">— {t('req.note.entry', { agent: n.by, at: when(n.at) })}</span>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={r().status !== 'closed'}>
        <Field label={t('req.note')} error={errorOf('note')}>
          {(ids) => <textarea id={ids.id} class="input" data-testid="req-note-text" maxLength={2000} aria-describedby={ids.describedBy} aria-invalid={ids.invalid} value={form.note} onInput={(e) => setForm('note', e.currentTarget.value)} />}
        </Field>
        <Button testId="req-note-add" action={() => run({ kind: 'note', text: form.note }, () => setForm('note', ''))}>{t('req.note.add')}</Button>
      </Show>
    </Panel>
  );
}
