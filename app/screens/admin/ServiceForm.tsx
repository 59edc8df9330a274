/**
 * A service, new or edited: code (new only), names in French and English, series letter,
 * target wait, cash desk, active. Checked here against the replica's services (a letter
 * another service holds is refused on its field), then by the server (the contract and the
 * gateway's series check). Mounted keyed by the parent: each opening starts clean.
 */
import { For, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import type { Service } from '../../../couch-design/types/service.ts';
import type { Stored } from '../../data/docs.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Button } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { guardedSubmit, useActionGuard } from '../../ui/action-guard.ts';
import { draftOfService, normaliseService, seriesHolder, serviceFromDraft, serviceProblems, type RefProblem, type ServiceDraft } from '../../admin/ref-rules.ts';
import { RefSaveError, type RefStore, type SaveFailure } from '../../admin/ref-store.ts';
import { failureProblem, failureText, refProblemText } from './ref-problems.ts';

export function ServiceForm(props: { store: RefStore; service: Stored<Service> | null; onSaved: (service: Service) => void; onCancel: () => void }) {
  const { t, locale } = useI18n();
  const guard = useActionGuard();
  const creating = props.service === null;
  const [form, setForm] = createStore({ draft: draftOfService(props.service), problems: [] as RefProblem[], failure: null as SaveFailure | null });
  const set = <K extends keyof ServiceDraft>(key: K, value: ServiceDraft[K]) => setForm('draft', key, value);

  const text = (p: RefProblem) => {
    const d = normaliseService(form.draft);
    const holder = p.code === 'series_taken' ? seriesHolder(props.store.services(), d.code, d.series) : null;
    return refProblemText(t, 'service', p, { series: d.series, holder: holder ? holder.name[locale()] : '?' });
  };
  const fieldError = (field: string) => {
    const p = form.problems.find((x) => x.field === field);
    return p ? text(p) : null;
  };

  const submit = guardedSubmit(guard, async () => {
    const d = normaliseService(form.draft);
    const found = serviceProblems(d, props.store.services(), creating);
    setForm({ problems: found, failure: null });
    if (found.length) return;
    const after = serviceFromDraft(d, props.service, props.store.edit());
    try {
      await props.store.save(props.service, after);
      props.onSaved(after);
    } catch (error) {
      if (!(error instanceof RefSaveError)) throw error;
      const p = failureProblem(error.failure);
      setForm(p ? { problems: [p], failure: null } : { problems: [], failure: error.failure });
    }
  });

  const check = (key: 'cashDesk' | 'active', label: string, testId: string) => (
    <label class="checkbox">
      <input type="checkbox" data-testid={testId} checked={form.draft[key]} onChange={(e) => set(key, e.currentTarget.checked)} />
      {label}
    </label>
  );

  return (
    <Panel title={creating ? t('ref.services.newTitle') : t('ref.services.editTitle', { name: props.service!.name[locale()] })} testId="ref-service-form">
      <form class="admin-form" onSubmit={submit} novalidate>
        <Show when={form.problems.length > 0}>
          <Notice tone="error" testId="ref-service-errors">
            {t('ref.fix')}
            <For each={form.problems}>{(p) => <span class="admin-problem">{text(p)}</span>}</For>
          </Notice>
        </Show>
        <Show when={form.failure}>{(f) => <Notice tone="error" testId="ref-service-failure">{failureText(t, f() as Exclude<SaveFailure, 'series_taken' | 'code_taken'>)}</Notice>}</Show>
        <Field label={t('ref.services.code')} hint={creating ? t('ref.services.codeHint') : undefined} error={fieldError('code')}>
          {(ids) => (
            <input id={ids.id} aria-describedby={ids.describedBy} aria-invalid={ids.invalid || undefined} data-testid="ref-service-code" autocomplete="off" autocapitalize="none" spellcheck={false} readOnly={!creating} value={form.draft.code} onInput={(e) => set('code', e.currentTarget.value)} />
          )}
        </Field>
        <Field label={t('ref.services.nameFr')} error={fieldError('nameFr')}>
          {(ids) => <input id={ids.id} lang="fr" aria-describedby={ids.describedBy} aria-invalid={ids.invalid || undefined} data-testid="ref-service-name-fr" autocomplete="off" value={form.draft.nameFr} onInput={(e) => set('nameFr', e.currentTarget.value)} />}
        </Field>
        <Field label={t('ref.services.nameEn')} error={fieldError('nameEn')}>
          {(ids) => <input id={ids.id} lang="en" aria-describedby={ids.describedBy} aria-invalid={ids.invalid || undefined} data-testid="ref-service-name-en" autocomplete="off" value={form.draft.nameEn} onInput={(e) => set('nameEn', e.currentTarget.value)} />}
        </Field>
        <Field label={t('ref.services.series')} hint={t('ref.services.seriesHint')} error={fieldError('series')}>
          {(ids) => (
            <input id={ids.id} class="ref-short-input" aria-describedby={ids.describedBy} aria-invalid={ids.invalid || undefined} data-testid="ref-service-series" autocomplete="off" autocapitalize="characters" maxLength={1} value={form.draft.series} onInput={(e) => set('series', e.currentTarget.value)} />
          )}
        </Field>
        <Field label={t('ref.services.wait')} hint={t('ref.services.waitHint')} error={fieldError('targetWaitMinutes')}>
          {(ids) => (
            <input id={ids.id} class="ref-short-input" inputmode="numeric" aria-describedby={ids.describedBy} aria-invalid={ids.invalid || undefined} data-testid="ref-service-wait" autocomplete="off" value={form.draft.targetWaitMinutes} onInput={(e) => set('targetWaitMinutes', e.currentTarget.value)} />
          )}
        </Field>
        {check('cashDesk', t('ref.services.cashDesk'), 'ref-service-cash')}
        {check('active', t('ref.active'), 'ref-service-active')}
        <p class="field-hint">{t('ref.services.activeHint')}</p>
        <div class="admin-actions">
          <Button type="submit" variant="primary" testId="ref-service-submit" disabled={guard.busy()}>
            {t('ref.services.save')}
          </Button>
          <Button variant="quiet" testId="ref-service-cancel" onClick={props.onCancel}>
            {t('ref.cancel')}
          </Button>
        </div>
      </form>
    </Panel>
  );
}
