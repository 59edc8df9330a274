/**
 * A new staff account: name, display name, job roles, place, initial password (the user must
 * change it at the first sign-in). Checked here with the API's own rules, then by the server;
 * every problem is said on its field and in the summary at the top, and nothing is written.
 * Mounted keyed by the parent: each new user starts from an empty form.
 */
import { For, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Button } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { useActionGuard, guardedSubmit } from '../../ui/action-guard.ts';
import { newUserProblems, type UserSummary } from '../../admin/user-rules.ts';
import { createUser, type BranchRef } from './users-client.ts';
import { RolePicker } from './RolePicker.tsx';
import { problemField, problemText } from './user-problems.ts';

export function CreateUserForm(props: { branches: readonly BranchRef[]; onCreated: (user: UserSummary) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const guard = useActionGuard();
  const [form, setForm] = createStore({ name: '', displayName: '', jobRoles: [] as string[], place: '', password: '', problems: [] as string[] });
  const fieldError = (field: string) => {
    const code = form.problems.find((p) => problemField(p) === field);
    return code ? problemText(t, code) : null;
  };

  const submit = guardedSubmit(guard, async () => {
    const user = { name: form.name.trim(), displayName: form.displayName.trim(), jobRoles: [...form.jobRoles], place: form.place, password: form.password };
    const found = newUserProblems(user, props.branches.map((b) => b.code));
    setForm('problems', found);
    if (found.length) return;
    const answer = await createUser(user);
    if (answer.ok) props.onCreated(answer.user);
    else setForm('problems', answer.problems);
  });

  return (
    <Panel title={t('admin.users.create')} testId="admin-create-user">
      <form class="admin-form" onSubmit={submit} novalidate>
        <Show when={form.problems.length > 0}>
          <Notice tone="error" testId="admin-create-errors">
            {t('admin.users.fix')}
            <For each={form.problems}>{(p) => <span class="admin-problem">{problemText(t, p)}</span>}</For>
          </Notice>
        </Show>
        <Field label={t('admin.users.name')} hint={t('admin.users.nameHint')} error={fieldError('name')}>
          {(ids) => (
            <input id={ids.id} aria-describedby={ids.describedBy} aria-invalid={ids.invalid || undefined} data-testid="admin-create-name" autocomplete="off" autocapitalize="none" spellcheck={false} value={form.name} onInput={(e) => setForm('name', e.currentTarget.value)} />
          )}
        </Field>
        <Field label={t('admin.users.displayName')} error={fieldError('displayName')}>
          {(ids) => <input id={ids.id} aria-describedby={ids.describedBy} aria-invalid={ids.invalid || undefined} data-testid="admin-create-display" autocomplete="off" value={form.displayName} onInput={(e) => setForm('displayName', e.currentTarget.value)} />}
        </Field>
        <RolePicker
          testId="admin-create"
          jobRoles={form.jobRoles}
          place={form.place}
          branches={props.branches}
          onToggle={(role, on) => setForm('jobRoles', (roles) => (on ? [...roles, role] : roles.filter((r) => r !== role)))}
          onPlace={(place) => setForm('place', place)}
          rolesError={fieldError('roles')}
          placeError={fieldError('place')}
        />
        <Field label={t('admin.users.password')} hint={t('admin.users.passwordHint')} error={fieldError('password')}>
          {(ids) => (
            <input id={ids.id} type="password" autocomplete="new-password" aria-describedby={ids.describedBy} aria-invalid={ids.invalid || undefined} data-testid="admin-create-password" value={form.password} onInput={(e) => setForm('password', e.currentTarget.value)} />
          )}
        </Field>
        <div class="admin-actions">
          <Button type="submit" variant="primary" testId="admin-create-submit" disabled={guard.busy()}>
            {t('admin.users.createSubmit')}
          </Button>
          <Button variant="quiet" testId="admin-create-cancel" onClick={props.onCancel}>
            {t('admin.users.cancel')}
          </Button>
        </div>
      </form>
    </Panel>
  );
}
