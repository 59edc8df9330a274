/**
 * A request received by letter or phone, recorded by the back office: the channel, who asks
 * (the person, found by number or name, or an authority by its name), subject, message, the
 * due date proposed from the channel (the agent may move it), and whom it is for. The form is
 * mounted for one request and dropped after: it starts clean by construction.
 */
import { For, Show, createSignal } from 'solid-js';
import { createStore } from 'solid-js/store';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { useData } from '../../../data/DataProvider.tsx';
import { Button } from '../../../ui/Button.tsx';
import { Field } from '../../../ui/Field.tsx';
import { Panel } from '../../../ui/Panel.tsx';
import { Notice } from '../../../ui/Notice.tsx';
import { personName, type Person } from '../../../../couch-design/types/person.ts';
import { REQUESTER_KINDS, type BackofficeRequest, type RequestChannel, type RequesterKind } from '../../../../couch-design/types/backoffice-request.ts';
import { findPeople, type PeopleSearchResult } from '../../../people/find-people.ts';
import { PeopleFound } from '../../../people/PeopleFound.tsx';
import { dueDateFor } from '../../../backoffice/due-dates.ts';
import { newRequest, type RequestActor, type RequestError } from '../../../backoffice/requests.ts';

const CHANNELS: readonly RequestChannel[] = ['letter', 'phone'];

export function NewRequestForm(props: {
  today: string;
  actor: () => RequestActor & { uid: string; branch: string };
  save: (doc: BackofficeRequest) => Promise<string | null>;
  /** The new request's id, or null when cancelled. */
  done: (id: string | null) => void;
}) {
  const { t } = useI18n();
  const { layer } = useData();
  const [form, setForm] = createStore({
    channel: 'letter' as RequestChannel,
    requester: 'person' as RequesterKind,
    authority: '',
    query: '',
    subject: '',
    message: '',
    dueDate: dueDateFor('letter', props.today),
    assignee: '',
  });
  const [person, setPerson] = createSignal<Person | null>(null);
  const [found, setFound] = createSignal<PeopleSearchResult | null>(null);
  const [error, setError] = createSignal<{ field: string; error: RequestError } | null>(null);
  const [saveError, setSaveError] = createSignal<string | null>(null);
  const errorOf = (field: string) => (error()?.field === field ? t(`req.error.${error()!.error}`) : null);

  const setChannel = (channel: RequestChannel) => setForm({ channel, dueDate: dueDateFor(channel, props.today) });
  const search = async () => setFound(await findPeople(layer, form.query));
  async function submit() {
    setError(null);
    setSaveError(null);
    const made = newRequest({ ...form, person: person()?._id ?? null }, props.actor());
    if (!made.ok) return void setError({ field: made.field, error: made.error });
    const failed = await props.save(made.doc);
    if (failed) return void setSaveError(failed);
    props.done(made.doc._id);
  }
  const radio = <T extends string>(name: string, value: T, checked: boolean, label: string, pick: (v: T) => void) => (
    <label class="bo-choice">
      <input type="radio" name={name} value={value} data-testid={`${name}-${value}`} checked={checked} onChange={() => pick(value)} />
      <span>{label}</span>
    </label>
  );

  return (
    <Panel title={t('req.form.title')} testId="req-form" class="req-form">
      <Show when={error() || saveError()}>
        <div role="alert" data-testid="req-form-error" data-code={error()?.error ?? 'save'}>
          <Notice tone="error">{saveError() ?? t(`req.error.${error()!.error}`)}</Notice>
        </div>
      </Show>
      <div class="req-form-row">
        <fieldset class="bo-choices">
          <legend class="bo-legend">{t('req.form.channel')}</legend>
          <For each={CHANNELS}>{(c) => radio('req-channel', c, form.channel === c, t(`req.channel.${c}`), setChannel)}</For>
        </fieldset>
        <fieldset class="bo-choices">
          <legend class="bo-legend">{t('req.form.requester')}</legend>
          <For each={REQUESTER_KINDS}>{(k) => radio('req-requester', k, form.requester === k, t(`req.requester.${k}`), (v) => setForm('requester', v))}</For>
        </fieldset>
      </div>
      <Show when={form.requester === 'authority'}>
        <Field label={t('req.form.authority')} hint={t('req.form.authority.hint')} error={errorOf('authority')}>
          {(ids) => <input id={ids.id} class="input" data-testid="req-authority" maxLength={200} aria-describedby={ids.describedBy} aria-invalid={ids.invalid} value={form.authority} onInput={(e) => setForm('authority', e.currentTarget.value)} />}
        </Field>
      </Show>
      <Show
        when={person()}
        fallback={
          <div class="req-person-search">
            <Field label={form.requester === 'person' ? t('req.form.person') : t('req.form.person.optional')} error={errorOf('person')} class="req-grow">
              {(ids) => (
                <input
                  id={ids.id}
                  class="input"
                  data-testid="req-person-query"
                  aria-describedby={ids.describedBy}
                  aria-invalid={ids.invalid}
                  value={form.query}
                  onInput={(e) => setForm('query', e.currentTarget.value)}
                  onKeyDown={(e) => e.key === 'Enter' && void search()}
                />
              )}
            </Field>
            <Button testId="req-person-find" onClick={() => void search()}>{t('req.form.find')}</Button>
          </div>
        }
      >
        {(p) => (
          <p class="req-picked" data-testid="req-person-picked" data-person={p()._id}>
            {p().number} — {personName(p())}{' '}
            <Button variant="quiet" testId="req-person-change" onClick={() => setPerson(null)}>{t('req.form.change')}</Button>
          </p>
        )}
      </Show>
      <Show when={!person() && found()}>
        {(answer) => (
          <PeopleFound
            found={answer()}
            whereTestId="req-where-found"
            none={<p class="counter-muted" data-testid="req-person-none">{t('req.form.none')}</p>}
            testIdPrefix="req-person-"
            listClass="req-people"
            onPick={(p) => {
              setPerson(p);
              setFound(null);
            }}
          />
        )}
      </Show>
      <Field label={t('req.form.subject')} error={errorOf('subject')}>
        {(ids) => <input id={ids.id} class="input" data-testid="req-subject" maxLength={200} aria-describedby={ids.describedBy} aria-invalid={ids.invalid} value={form.subject} onInput={(e) => setForm('subject', e.currentTarget.value)} />}
      </Field>
      <Field label={t('req.form.message')} error={errorOf('message')}>
        {(ids) => <textarea id={ids.id} class="input" data-testid="req-message" maxLength={4000} aria-describedby={ids.describedBy} aria-invalid={ids.invalid} value={form.message} onInput={(e) => setForm('message', e.currentTarget.value)} />}
      </Field>
      <div class="req-form-row">
        <Field label={t('req.form.due')} hint={t('req.form.due.hint')} error={errorOf('dueDate')} class="req-grow">
          {(ids) => <input id={ids.id} type="date" class="input" data-testid="req-due" aria-describedby={ids.describedBy} aria-invalid={ids.invalid} value={form.dueDate} onInput={(e) => setForm('dueDate', e.currentTarget.value)} />}
        </Field>
        <Field label={t('req.form.assignee')} hint={t('req.form.assignee.hint')} class="req-grow">
          {(ids) => <input id={ids.id} class="input" data-testid="req-assignee" maxLength={100} aria-describedby={ids.describedBy} value={form.assignee} onInput={(e) => setForm('assignee', e.currentTarget.value)} />}
        </Field>
      </div>
      <div class="req-actions">
        <Button variant="primary" testId="req-form-submit" action={submit}>{t('req.form.submit')}</Button>
        <Button variant="quiet" testId="req-form-cancel" onClick={() => props.done(null)}>{t('req.form.cancel')}</Button>
      </div>
    </Panel>
  );
}
