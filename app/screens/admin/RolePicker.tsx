/** Job roles (checkboxes, the contract's list) and one place (head office or a branch): the create form's and the role editor's. */
import { For } from 'solid-js';
import { JOB_ROLES, HQ_ROLE } from '../../../couch-design/roles.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Field } from '../../ui/Field.tsx';
import type { BranchRef } from './users-client.ts';

export interface RolePickerProps {
  jobRoles: readonly string[];
  place: string;
  branches: readonly BranchRef[];
  onToggle: (role: string, on: boolean) => void;
  onPlace: (place: string) => void;
  rolesError: string | null;
  placeError: string | null;
  testId: string;
}

export function RolePicker(props: RolePickerProps) {
  const { t } = useI18n();
  return (
    <>
      <fieldset class={`admin-roles${props.rolesError ? ' field-invalid' : ''}`} data-testid={`${props.testId}-roles`}>
        <legend class="field-label">{t('admin.users.jobRoles')}</legend>
        {props.rolesError && <p class="field-error">{props.rolesError}</p>}
        <For each={JOB_ROLES}>
          {(role) => (
            <label class="checkbox">
              <input type="checkbox" data-testid={`${props.testId}-role-${role}`} checked={props.jobRoles.includes(role)} onChange={(e) => props.onToggle(role, e.currentTarget.checked)} />
              {t(`admin.role.${role}`)}
            </label>
          )}
        </For>
      </fieldset>
      <Field label={t('admin.users.place')} error={props.placeError}>
        {(ids) => (
          <select id={ids.id} aria-describedby={ids.describedBy} aria-invalid={ids.invalid || undefined} data-testid={`${props.testId}-place`} value={props.place} onChange={(e) => props.onPlace(e.currentTarget.value)}>
            <option value="">{t('admin.users.placeChoose')}</option>
            <option value={HQ_ROLE}>{t('admin.users.hq')}</option>
            <For each={props.branches}>{(b) => <option value={b.code}>{b.name}</option>}</For>
          </select>
        )}
      </Field>
    </>
  );
}
