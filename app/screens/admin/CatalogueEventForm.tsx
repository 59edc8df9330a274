/**
 * An event, new or edited: code (new only), names in French and English, and the documents it
 * requires, ticked from the catalogue's document types (a code no document type has is refused).
 */
import { For } from 'solid-js';
import type { EventType } from '../../../couch-design/types/catalogue.ts';
import type { Stored } from '../../data/docs.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { draftOfEvent, eventFromDraft, eventProblems, normaliseEvent, unknownDocuments, type EventDraft } from '../../admin/catalogue-rules.ts';
import type { RefProblem } from '../../admin/ref-rules.ts';
import type { RefStore } from '../../admin/ref-store.ts';
import { refProblemText } from './ref-problems.ts';
import { CheckGroup, FormActions, FormErrors, TextField, createRefForm } from './CatalogueFields.tsx';

export function CatalogueEventForm(props: { store: RefStore; item: Stored<EventType> | null; onSaved: (e: EventType) => void; onCancel: () => void }) {
  const { t, locale } = useI18n();
  const creating = props.item === null;
  const { form, setForm, guard, submit } = createRefForm(draftOfEvent(props.item));
  const set = <K extends keyof EventDraft>(key: K, value: EventDraft[K]) => setForm('draft', key, value);
  const text = (p: RefProblem) => refProblemText(t, 'event', p, { codes: unknownDocuments(form.draft.requiredDocuments, props.store.documentTypes()).join(', ') });
  const error = (field: string) => {
    const p = form.problems.find((x) => x.field === field);
    return p ? text(p) : null;
  };
  const toggle = (code: string, on: boolean) => set('requiredDocuments', on ? [...form.draft.requiredDocuments, code] : form.draft.requiredDocuments.filter((c) => c !== code));
  const onSubmit = submit(
    () => eventProblems(normaliseEvent(form.draft), props.store.events(), props.store.documentTypes(), creating),
    async () => {
      const after = eventFromDraft(normaliseEvent(form.draft), props.item, props.store.documentTypes(), props.store.edit());
      await props.store.save(props.item, after);
      props.onSaved(after);
    },
  );
  // Codes the event requires that the catalogue no longer has stay listed, so they can be unticked.
  const codes = () => [...props.store.documentTypes().map((d) => d.code), ...unknownDocuments(form.draft.requiredDocuments, props.store.documentTypes())];
  const label = (code: string) => {
    const d = props.store.documentTypes().find((x) => x.code === code);
    return d ? `${code} ${d.name[locale()]}` : t('ref.events.unknownDoc', { code });
  };
  return (
    <Panel title={creating ? t('ref.events.newTitle') : t('ref.events.editTitle', { name: props.item!.name[locale()] })} testId="ref-event-form">
      <form class="admin-form" onSubmit={onSubmit} novalidate>
        <FormErrors testId="ref-event" problems={form.problems} failure={form.failure} text={text} />
        <TextField label={t('ref.events.code')} hint={creating ? t('ref.events.codeHint') : undefined} error={error('code')} testId="ref-event-code" readOnly={!creating} value={form.draft.code} onInput={(v) => set('code', v)} />
        <TextField label={t('ref.nameFr')} error={error('nameFr')} testId="ref-event-name-fr" lang="fr" value={form.draft.nameFr} onInput={(v) => set('nameFr', v)} />
        <TextField label={t('ref.nameEn')} error={error('nameEn')} testId="ref-event-name-en" lang="en" value={form.draft.nameEn} onInput={(v) => set('nameEn', v)} />
        <CheckGroup legend={t('ref.events.required')} error={error('requiredDocuments')} testId="ref-event-docs">
          <For each={codes()}>
            {(code) => (
              <label class="checkbox">
                <input type="checkbox" data-testid={`ref-event-doc-${code}`} checked={form.draft.requiredDocuments.includes(code)} onChange={(e) => toggle(code, e.currentTarget.checked)} />
                {label(code)}
              </label>
            )}
          </For>
        </CheckGroup>
        <FormActions testId="ref-event" save={t('ref.events.save')} busy={guard.busy()} onCancel={props.onCancel} />
      </form>
    </Panel>
  );
}
