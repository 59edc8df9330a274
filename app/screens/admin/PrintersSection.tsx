/**
 * The institution's printer per device role (issue 14): one row per printing role with the
 * model, paper, code page, fallback and drawer its devices use unless someone chose otherwise
 * on the device; an edit is a `ref_change`, live on every device of that role through fo_ref.
 */
import { For, Show, createSignal } from 'solid-js';
import { PRINTER_ROLES, type PrinterRole } from '../../../couch-design/types/printer-role.ts';
import { findProfile } from '../../printing/profiles.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { MessageKey } from '../../i18n/translate.ts';
import { Button } from '../../ui/Button.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { PrinterRoleForm, codePageName } from './PrinterRoleForm.tsx';
import { RefHistory } from './RefHistory.tsx';
import { lastChange, useRefStore } from './ref-common.tsx';

type Open = { key: number; role: PrinterRole; form: 'edit' | 'history' };

export function PrintersSection() {
  const { t, locale } = useI18n();
  const store = useRefStore();
  const [open, setOpen] = createSignal<Open | null>(null);
  const [message, setMessage] = createSignal<string | null>(null);
  let openings = 0;
  const show = (role: PrinterRole, form: Open['form']) => (setMessage(null), setOpen({ key: ++openings, role, form }));
  const of = (role: PrinterRole) => store.printerRoles().find((p) => p.role === role) ?? null;
  const roleName = (role: PrinterRole) => t(`ref.printers.role.${role}` as MessageKey);
  return (
    <div class="ref-section" data-testid="ref-printers">
      <Show when={message()}>{(m) => <Notice tone="ok" testId="ref-printers-message">{m()}</Notice>}</Show>
      <Show when={open()} keyed>
        {(o) =>
          o.form === 'edit' ? (
            <PrinterRoleForm store={store} role={o.role} item={of(o.role)} onCancel={() => setOpen(null)} onSaved={() => (setOpen(null), setMessage(t('ref.printers.saved', { role: roleName(o.role) })))} />
          ) : (
            <RefHistory store={store} target={`printer:${o.role}`} name={roleName(o.role)} onClose={() => setOpen(null)} />
          )
        }
      </Show>
      <Panel title={t('ref.printers.title')} testId="ref-printers-list">
        <p class="field-hint">{t('ref.printers.hint')}</p>
        <Show when={store.ready()} fallback={<p role="status">{t('ref.loading')}</p>}>
          <table class="table admin-table">
            <thead>
              <tr>
                <th scope="col">{t('ref.printers.roleHeader')}</th>
                <th scope="col">{t('printing.profile')}</th>
                <th scope="col">{t('printing.paper')}</th>
                <th scope="col">{t('printing.codepage')}</th>
                <th scope="col">{t('printing.fallback')}</th>
                <th scope="col">{t('ref.printers.drawer')}</th>
                <th scope="col">{t('ref.lastChange')}</th>
                <th scope="col">{t('ref.actions')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={PRINTER_ROLES}>
                {(role) => (
                  <tr data-testid={`ref-printer-${role}`}>
                    <th scope="row">{roleName(role)}</th>
                    <Show when={of(role)} fallback={<td colspan="6" data-testid={`ref-printer-${role}-unset`}>{t('ref.printers.unset')}</td>}>
                      {(p) => (
                        <>
                          <td data-testid={`ref-printer-${role}-profile`}>{findProfile(p().profile).name}</td>
                          <td data-testid={`ref-printer-${role}-paper`}>{p().paper} mm</td>
                          <td>{codePageName(p().codepage)}</td>
                          <td>{t(`printing.fallback.${p().fallback}`)}</td>
                          <td>{p().drawerKick ? t('ref.printers.yes') : t('ref.printers.no')}</td>
                          <td data-testid={`ref-printer-${role}-changed`}>{lastChange(t, locale(), p())}</td>
                        </>
                      )}
                    </Show>
                    <td class="admin-row-actions">
                      <Button size="small" testId={`ref-printer-edit-${role}`} aria-label={t('ref.editFor', { name: roleName(role) })} onClick={() => show(role, 'edit')}>
                        {t('ref.edit')}
                      </Button>
                      <Button size="small" variant="quiet" testId={`ref-printer-history-${role}`} aria-label={t('ref.historyFor', { name: roleName(role) })} onClick={() => show(role, 'history')}>
                        {t('ref.history')}
                      </Button>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </Show>
      </Panel>
    </div>
  );
}
