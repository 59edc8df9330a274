/** One user's job roles and place, edited; mounted keyed by the user, so it starts from what the server holds. */
import { Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { HQ_ROLE } from '../../../couch-design/roles.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Button } from '../../ui/Button.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { useActionGuard, guardedSubmit } from '../../ui/action-guard.ts';
import { roleProblems, type UserSummary } from '../../admin/user-rules.ts';
import { editRoles, type BranchRef } from './users-client.ts';
import { RolePicker } from './RolePicker.tsx';
import { problemField, problemText } from './user-problems.ts';

export function EditRoles(props: { user: UserSummary; branches: readonly BranchRef[]; onSaved: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const guard = useActionGuard();
  const initialPlace = props.user.placeRole === HQ_ROLE ? HQ_ROLE : (props.user.placeRole ?? '').replace(/^branch:/, '');
  const [form, setForm] = createStore({ jobRoles: [...props.user.jobRoles] as string[], place: initialPlace, problems: [] as string[] });
  const error = (field: string) => {
    const code = form.problems.find((p) => problemField(p) === field);
    return code ? problemText(t, code) : null;
  };
  const other = () => form.problems.find((p) => problemField(p) === null);

  const submit = guardedSubmit(guard, async () => {
    const found = roleProblems(form.jobRoles, form.place, props.branches.map((b) => b.code));
    setForm('problems', found);
    if (found.length) return;
    const answer = await editRoles(props.user.name, [...form.jobRoles], form.place);
    if (answer.ok) props.onSaved();
    else setForm('problems', answer.problems);
  });

  return (
    <Panel title={t('admin.users.editTitle', { name: props.user.name })} testId="admin-edit-roles">
      <form class="admin-form" onSubmit={submit} novalidate>
        <Show when={other()}>{(code) => <Notice tone="error" testId="admin-edit-error">{problemText(t, code())}</Notice>}</Show>
        <RolePicker
          testId="admin-edit"
          jobRoles={form.jobRoles}
          place={form.place}
          branches={props.branches}
          onToggle={(role, on) => setForm('jobRoles', (roles) => (on ? [...roles, role] : roles.filter((r) => r !== role)))}
          onPlace={(place) => setForm('place', place)}
          rolesError={error('roles')}
          placeError={error('place')}
        />
        <div class="admin-actions">
          <Button type="submit" variant="primary" testId="admin-edit-submit" disabled={guard.busy()}>{t('admin.users.save')}</Button>
          <Button variant="quiet" testId="admin-edit-cancel" onClick={props.onCancel}>{t('admin.users.cancel')}</Button>
        </div>
      </form>
    </Panel>
  );
}
