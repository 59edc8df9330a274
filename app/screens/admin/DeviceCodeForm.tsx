/**
 * A new enrolment code: branch, role (kiosk or display) and a label. Checked with the API's
 * own rules first, then by the server; mounted keyed by the parent, so each code starts from
 * an empty form.
 */
import { For, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { MessageKey } from '../../i18n/translate.ts';
import { Button } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { useActionGuard, guardedSubmit } from '../../ui/action-guard.ts';
import { DEVICE_JOB_ROLES, MAX_LABEL, codeRequestProblems } from '../../auth/enrol-rules.ts';
import type { BranchRef } from './users-client.ts';
import { createCode, type NewCode } from './devices-client.ts';

const FIELD_OF: Record<string, string> = { role_unknown: 'role', place_invalid: 'branch', label_missing: 'label', label_too_long: 'label' };

export function deviceProblemText(t: (key: MessageKey, params?: Record<string, string | number>) => string, code: string): string {
  return code in FIELD_OF ? t(`admin.devices.problem.${code}` as MessageKey) : t('admin.devices.problem.other', { code });
}

export function DeviceCodeForm(props: { branches: readonly BranchRef[]; onCreated: (code: NewCode) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const guard = useActionGuard();
  const [form, setForm] = createStore({ branch: '', role: 'kiosk', label: '', problems: [] as string[] });
  const fieldError = (field: string) => {
    const code = form.problems.find((p) => FIELD_OF[p] === field);
    return code ? deviceProblemText(t, code) : null;
  };

  const submit = guardedSubmit(guard, async () => {
    const request = { branch: form.branch, role: form.role, label: form.label.trim() };
    const found = codeRequestProblems(request, props.branches.map((b) => b.code));
    setForm('problems', found);
    if (found.length) return;
    const answer = await createCode(request);
    if (answer.ok) props.onCreated(answer);
    else setForm('problems', answer.problems);
  });

  return (
    <Panel title={t('admin.devices.createTitle')} testId="admin-device-create">
      <form class="admin-form" onSubmit={submit} novalidate>
        <Show when={form.problems.length > 0}>
          <Notice tone="error" testId="admin-device-errors">
            {t('admin.devices.fix')}
            <For each={form.problems}>{(p) => <span class="admin-problem">{deviceProblemText(t, p)}</span>}</For>
          </Notice>
        </Show>
        <Field label={t('admin.devices.branch')} error={fieldError('branch')}>
          {(ids) => (
            <select id={ids.id} aria-describedby={ids.describedBy} aria-invalid={ids.invalid || undefined} data-testid="admin-device-branch" value={form.branch} onChange={(e) => setForm('branch', e.currentTarget.value)}>
              <option value="">{t('admin.devices.chooseBranch')}</option>
              <For each={props.branches}>{(b) => <option value={b.code}>{b.name}</option>}</For>
            </select>
          )}
        </Field>
        <fieldset class="devices-roles">
          <legend>{t('admin.devices.role')}</legend>
          <Show when={fieldError('role')}>{(e) => <p class="field-error">{e()}</p>}</Show>
          <For each={DEVICE_JOB_ROLES}>
            {(role) => (
              <label class="devices-role">
                <input type="radio" name="device-role" value={role} data-testid={`admin-device-role-${role}`} checked={form.role === role} onChange={() => setForm('role', role)} />
                {t(`admin.role.${role}`)}
              </label>
            )}
          </For>
        </fieldset>
        <Field label={t('admin.devices.label')} hint={t('admin.devices.labelHint')} error={fieldError('label')}>
          {(ids) => (
            <input id={ids.id} maxlength={MAX_LABEL * 2} aria-describedby={ids.describedBy} aria-invalid={ids.invalid || undefined} data-testid="admin-device-label" autocomplete="off" value={form.label} onInput={(e) => setForm('label', e.currentTarget.value)} />
          )}
        </Field>
        <div class="admin-actions">
          <Button type="submit" variant="primary" testId="admin-device-submit" disabled={guard.busy()}>
            {t('admin.devices.submit')}
          </Button>
          <Button variant="quiet" testId="admin-device-cancel" onClick={props.onCancel}>
            {t('admin.devices.cancel')}
          </Button>
        </div>
      </form>
    </Panel>
  );
}
