/**
 * A counter of one branch, new or edited: code (new only; one that exists in the branch is
 * refused), label, cash desk, active. Its services are set in the matrix. Mounted keyed by
 * the parent: each opening starts clean.
 */
import { For, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import type { Counter } from '../../../couch-design/types/counter.ts';
import type { Stored } from '../../data/docs.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Button } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { guardedSubmit, useActionGuard } from '../../ui/action-guard.ts';
import { counterFromDraft, counterProblems, draftOfCounter, normaliseCounter, type CounterDraft, type RefProblem } from '../../admin/ref-rules.ts';
import { RefSaveError, type RefStore, type SaveFailure } from '../../admin/ref-store.ts';
import { failureProblem, failureText, refProblemText } from './ref-problems.ts';

export function CounterForm(props: { store: RefStore; branch: string; branchName: string; counter: Stored<Counter> | null; onSaved: (counter: Counter) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const guard = useActionGuard();
  const creating = props.counter === null;
  const [form, setForm] = createStore({ draft: draftOfCounter(props.counter), problems: [] as RefProblem[], failure: null as SaveFailure | null });
  const set = <K extends keyof CounterDraft>(key: K, value: CounterDraft[K]) => setForm('draft', key, value);
  const text = (p: RefProblem) => refProblemText(t, 'counter', p);
  const fieldError = (field: string) => {
    const p = form.problems.find((x) => x.field === field);
    return p ? text(p) : null;
  };
  const branchCounters = () => props.store.counters().filter((c) => c.branch === props.branch);

  const submit = guardedSubmit(guard, async () => {
    const d = normaliseCounter(form.draft);
    const found = counterProblems(d, branchCounters(), creating);
    setForm({ problems: found, failure: null });
    if (found.length) return;
    // The stored version now, not the one the form opened with: the matrix may have changed it meanwhile.
    const previous = creating ? null : (branchCounters().find((c) => c._id === props.counter!._id) ?? props.counter);
    const after = counterFromDraft(d, props.branch, previous, props.store.edit());
    try {
      await props.store.save(previous, after);
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
    <Panel title={creating ? t('ref.counters.newTitle', { branch: props.branchName }) : t('ref.counters.editTitle', { code: props.counter!.code })} testId="ref-counter-form">
      <form class="admin-form" onSubmit={submit} novalidate>
        <Show when={form.problems.length > 0}>
          <Notice tone="error" testId="ref-counter-errors">
            {t('ref.fix')}
            <For each={form.problems}>{(p) => <span class="admin-problem">{text(p)}</span>}</For>
          </Notice>
        </Show>
        <Show when={form.failure}>{(f) => <Notice tone="error" testId="ref-counter-failure">{failureText(t, f() as Exclude<SaveFailure, 'series_taken' | 'code_taken'>)}</Notice>}</Show>
        <Field label={t('ref.counters.code')} hint={creating ? t('ref.counters.codeHint') : undefined} error={fieldError('code')}>
          {(ids) => (
            <input id={ids.id} class="ref-short-input" aria-describedby={ids.describedBy} aria-invalid={ids.invalid || undefined} data-testid="ref-counter-code" autocomplete="off" autocapitalize="characters" spellcheck={false} readOnly={!creating} value={form.draft.code} onInput={(e) => set('code', e.currentTarget.value)} />
          )}
        </Field>
        <Field label={t('ref.counters.label')} hint={t('ref.counters.labelHint')} error={fieldError('label')}>
          {(ids) => <input id={ids.id} aria-describedby={ids.describedBy} aria-invalid={ids.invalid || undefined} data-testid="ref-counter-label" autocomplete="off" value={form.draft.label} onInput={(e) => set('label', e.currentTarget.value)} />}
        </Field>
        {check('cashDesk', t('ref.counters.cashDesk'), 'ref-counter-cash')}
        {check('active', t('ref.active'), 'ref-counter-active')}
        <div class="admin-actions">
          <Button type="submit" variant="primary" testId="ref-counter-submit" disabled={guard.busy()}>
            {t('ref.counters.save')}
          </Button>
          <Button variant="quiet" testId="ref-counter-cancel" onClick={props.onCancel}>
            {t('ref.cancel')}
          </Button>
        </div>
      </form>
    </Panel>
  );
}
