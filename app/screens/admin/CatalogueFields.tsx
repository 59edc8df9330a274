/**
 * Pieces the institution, branch and catalogue forms share (issue 14): a text field, the
 * error summary, the save/cancel row, and the draft/problems/failure store every form keeps.
 * Each form is mounted keyed by its section, so each opening starts clean.
 */
import { For, Show, type JSX } from 'solid-js';
import { createStore } from 'solid-js/store';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Button } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { guardedSubmit, useActionGuard } from '../../ui/action-guard.ts';
import type { RefProblem } from '../../admin/ref-rules.ts';
import { RefSaveError, type SaveFailure } from '../../admin/ref-store.ts';
import { failureProblem, failureText } from './ref-problems.ts';

export interface TextFieldProps {
  label: string;
  hint?: string;
  error: string | null;
  testId: string;
  value: string;
  onInput: (value: string) => void;
  readOnly?: boolean;
  short?: boolean;
  lang?: string;
  inputmode?: 'numeric' | 'decimal' | 'text';
}

export function TextField(props: TextFieldProps) {
  return (
    <Field label={props.label} hint={props.hint} error={props.error}>
      {(ids) => (
        <input
          id={ids.id}
          class={props.short ? 'ref-short-input' : undefined}
          lang={props.lang}
          inputmode={props.inputmode}
          aria-describedby={ids.describedBy}
          aria-invalid={ids.invalid || undefined}
          data-testid={props.testId}
          autocomplete="off"
          spellcheck={false}
          readOnly={props.readOnly}
          value={props.value}
          onInput={(e) => props.onInput(e.currentTarget.value)}
        />
      )}
    </Field>
  );
}

/**
 * A form's state: its draft, the problems found (by the rules, or by the server when another
 * device was quicker) and a save failure. `submit` checks, saves, and reports.
 */
export function createRefForm<D extends object>(draft: D) {
  const guard = useActionGuard();
  const [form, setForm] = createStore({ draft, problems: [] as RefProblem[], failure: null as SaveFailure | null });
  const submit = (check: () => RefProblem[], save: () => Promise<void>) =>
    guardedSubmit(guard, async () => {
      const found = check();
      setForm({ problems: found, failure: null });
      if (found.length) return;
      try {
        await save();
      } catch (error) {
        if (!(error instanceof RefSaveError)) throw error;
        const p = failureProblem(error.failure);
        setForm(p ? { problems: [p], failure: null } : { problems: [], failure: error.failure });
      }
    });
  return { form, setForm, guard, submit };
}

/** The summary of what to correct, and the save failure: on top of the form. */
export function FormErrors(props: { testId: string; problems: readonly RefProblem[]; failure: SaveFailure | null; text: (p: RefProblem) => string }) {
  const { t } = useI18n();
  return (
    <>
      <Show when={props.problems.length > 0}>
        <Notice tone="error" testId={`${props.testId}-errors`}>
          {t('ref.fix')}
          <For each={props.problems}>{(p) => <span class="admin-problem">{props.text(p)}</span>}</For>
        </Notice>
      </Show>
      <Show when={props.failure}>{(f) => <Notice tone="error" testId={`${props.testId}-failure`}>{failureText(t, f() as Exclude<SaveFailure, 'series_taken' | 'code_taken'>)}</Notice>}</Show>
    </>
  );
}

export function FormActions(props: { testId: string; save: string; busy: boolean; onCancel: () => void }) {
  const { t } = useI18n();
  return (
    <div class="admin-actions">
      <Button type="submit" variant="primary" testId={`${props.testId}-submit`} disabled={props.busy}>
        {props.save}
      </Button>
      <Button variant="quiet" testId={`${props.testId}-cancel`} onClick={props.onCancel}>
        {t('ref.cancel')}
      </Button>
    </div>
  );
}

/** A group of checkboxes under one legend, with its error. */
export function CheckGroup(props: { legend: string; error: string | null; testId: string; children: JSX.Element }) {
  return (
    <fieldset class={`admin-roles${props.error ? ' field-invalid' : ''}`} data-testid={props.testId}>
      <legend>{props.legend}</legend>
      {props.children}
      <Show when={props.error}><p class="field-error">{props.error}</p></Show>
    </fieldset>
  );
}
