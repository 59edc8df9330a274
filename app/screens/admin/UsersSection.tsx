/**
 * Users (issue 14): the list with its filters, and per user: edit roles, disable or
 * re-enable, reset the password (the temporary one is shown once, to hand over). Every change
 * goes through `/api/users`; the list is read again after it, so it shows what the server holds.
 */
import { For, Show, createMemo, createResource, createSignal } from 'solid-js';
import { createStore } from 'solid-js/store';
import { JOB_ROLES, HQ_ROLE } from '../../../couch-design/roles.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { Button } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { StatusChip } from '../../ui/StatusChip.tsx';
import { filterUsers, type UserFilter, type UserSummary } from '../../admin/user-rules.ts';
import { listUsers, resetPassword, setDisabled } from './users-client.ts';
import { CreateUserForm } from './CreateUserForm.tsx';
import { EditRoles } from './EditRoles.tsx';
import { problemText } from './user-problems.ts';

export function UsersSection() {
  const { t, locale } = useI18n();
  const [data, { refetch }] = createResource(listUsers);
  const [filter, setFilter] = createStore<UserFilter>({ place: '', role: '', text: '' });
  // Keys for the keyed forms: each opening starts a clean form.
  const [creating, setCreating] = createSignal(0);
  const [editing, setEditing] = createSignal<UserSummary | null>(null);
  const [handover, setHandover] = createSignal<{ name: string; password: string } | null>(null);
  const [message, setMessage] = createSignal<{ tone: 'ok' | 'error'; text: string } | null>(null);
  let creations = 0;

  const loaded = () => {
    const d = data.latest;
    return d?.ok ? d : null;
  };
  const branches = () => loaded()?.branches ?? [];
  const shown = createMemo(() => filterUsers(loaded()?.users ?? [], filter));
  const placeName = (placeRole: string | null) =>
    placeRole === HQ_ROLE ? t('admin.users.hq') : placeRole ? (branches().find((b) => `branch:${b.code}` === placeRole)?.name ?? placeRole) : '—';

  const done = (text: string) => {
    setMessage({ tone: 'ok', text });
    void refetch();
  };
  const refused = (code: string) => setMessage({ tone: 'error', text: problemText(t, code) });

  async function toggle(user: UserSummary) {
    setHandover(null);
    const answer = await setDisabled(user.name, !user.disabled);
    if (answer.ok) done(t(user.disabled ? 'admin.users.enabled' : 'admin.users.disabled', { name: user.name }));
    else refused(answer.code);
  }

  async function reset(user: UserSummary) {
    const answer = await resetPassword(user.name);
    if (!answer.ok) return refused(answer.code);
    setHandover({ name: user.name, password: answer.temporaryPassword });
    done(t('admin.users.resetDone', { name: user.name }));
  }

  return (
    <div class="admin-users" data-testid="admin-users">
      <Show when={data.latest && !data.latest.ok ? data.latest : null}>{(d) => <Notice tone="error" testId="admin-users-load-error">{problemText(t, d().code)}</Notice>}</Show>
      <Show when={message()}>{(m) => <Notice tone={m().tone} testId="admin-users-message">{m().text}</Notice>}</Show>
      <Show when={handover()} keyed>
        {(h) => (
          <Panel title={t('admin.users.handoverTitle', { name: h.name })} tone="warn" testId="admin-handover">
            <p>{t('admin.users.handover')}</p>
            <p class="admin-secret" data-testid="admin-handover-password">{h.password}</p>
            <Button variant="secondary" testId="admin-handover-done" onClick={() => setHandover(null)}>{t('admin.users.handoverDone')}</Button>
          </Panel>
        )}
      </Show>

      <Show
        when={creating()}
        keyed
        fallback={
          <Button variant="primary" testId="admin-create-open" disabled={!loaded()} onClick={() => (setMessage(null), setHandover(null), setCreating(++creations))}>
            {t('admin.users.create')}
          </Button>
        }
      >
        {(_key) => (
          <CreateUserForm
            branches={branches()}
            onCancel={() => setCreating(0)}
            onCreated={(u) => {
              setCreating(0);
              done(t('admin.users.created', { name: u.name }));
            }}
          />
        )}
      </Show>

      <Show when={editing()} keyed>
        {(u) => (
          <EditRoles
            user={u}
            branches={branches()}
            onCancel={() => setEditing(null)}
            onSaved={() => {
              setEditing(null);
              done(t('admin.users.rolesSaved', { name: u.name }));
            }}
          />
        )}
      </Show>

      <Panel title={t('admin.users.list')} testId="admin-users-list">
        <div class="admin-filters">
          <Field label={t('admin.users.filterText')}>
            {(ids) => <input id={ids.id} type="search" data-testid="admin-filter-text" value={filter.text} onInput={(e) => setFilter('text', e.currentTarget.value)} />}
          </Field>
          <Field label={t('admin.users.filterPlace')}>
            {(ids) => (
              <select id={ids.id} data-testid="admin-filter-place" value={filter.place} onChange={(e) => setFilter('place', e.currentTarget.value)}>
                <option value="">{t('admin.users.all')}</option>
                <option value={HQ_ROLE}>{t('admin.users.hq')}</option>
                <For each={branches()}>{(b) => <option value={b.code}>{b.name}</option>}</For>
              </select>
            )}
          </Field>
          <Field label={t('admin.users.filterRole')}>
            {(ids) => (
              <select id={ids.id} data-testid="admin-filter-role" value={filter.role} onChange={(e) => setFilter('role', e.currentTarget.value)}>
                <option value="">{t('admin.users.all')}</option>
                <For each={JOB_ROLES}>{(r) => <option value={r}>{t(`admin.role.${r}`)}</option>}</For>
              </select>
            )}
          </Field>
        </div>
        <p class="admin-count" role="status">{t('admin.users.count', { shown: shown().length, total: loaded()?.users.length ?? 0 })}</p>
        <table class="table admin-table">
          <thead>
            <tr>
              <th scope="col">{t('admin.users.name')}</th>
              <th scope="col">{t('admin.users.jobRoles')}</th>
              <th scope="col">{t('admin.users.place')}</th>
              <th scope="col">{t('admin.users.state')}</th>
              <th scope="col">{t('admin.users.lastSignIn')}</th>
              <th scope="col">{t('admin.users.actions')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={shown()}>
              {(u) => (
                <tr data-testid={`admin-user-${u.name}`}>
                  <th scope="row">
                    {u.name}
                    <Show when={u.displayName}>{(d) => <span class="admin-display-name">{d()}</span>}</Show>
                  </th>
                  <td>{u.jobRoles.map((r) => t(`admin.role.${r}`)).join(', ') || '—'}</td>
                  <td>{placeName(u.placeRole)}</td>
                  <td>
                    <Show when={u.disabled} fallback={<StatusChip tone="ok">{t('admin.users.active')}</StatusChip>}>
                      <StatusChip tone="danger" testId={`admin-user-${u.name}-disabled`}>{t('admin.users.isDisabled')}</StatusChip>
                    </Show>
                    <Show when={u.mustChangePassword}>
                      <StatusChip tone="warn">{t('admin.users.mustChange')}</StatusChip>
                    </Show>
                  </td>
                  <td>{u.lastSignIn ? formatDateTime(u.lastSignIn, locale()) : t('admin.users.never')}</td>
                  <td class="admin-row-actions">
                    <Button size="small" testId={`admin-edit-${u.name}`} aria-label={t('admin.users.editFor', { name: u.name })} onClick={() => (setMessage(null), setEditing(u))}>
                      {t('admin.users.edit')}
                    </Button>
                    <Button size="small" variant={u.disabled ? 'secondary' : 'danger'} testId={`admin-toggle-${u.name}`} aria-label={t(u.disabled ? 'admin.users.enableFor' : 'admin.users.disableFor', { name: u.name })} action={() => toggle(u)}>
                      {t(u.disabled ? 'admin.users.enable' : 'admin.users.disable')}
                    </Button>
                    <Button size="small" testId={`admin-reset-${u.name}`} aria-label={t('admin.users.resetFor', { name: u.name })} action={() => reset(u)}>
                      {t('admin.users.reset')}
                    </Button>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Panel>
    </div>
  );
}
