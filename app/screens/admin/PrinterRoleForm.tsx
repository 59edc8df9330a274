/** The institution's printer for one device role: model, paper, code page, fallback, and (cash desks) the drawer kick. */
import { For, Show } from 'solid-js';
import { CODE_PAGES, PROFILES, type CodePage } from '../../printing/profiles.ts';
import type { FallbackOutput, PrinterRole, PrinterRoleDefaults } from '../../../couch-design/types/printer-role.ts';
import type { Stored } from '../../data/docs.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { MessageKey } from '../../i18n/translate.ts';
import { Field } from '../../ui/Field.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { draftOfPrinterRole, printerRoleFromDraft, printerRoleProblems, withPrinterProfile, type PrinterDraft } from '../../admin/printer-rules.ts';
import type { RefProblem } from '../../admin/ref-rules.ts';
import type { RefStore } from '../../admin/ref-store.ts';
import { refProblemText } from './ref-problems.ts';
import { FormActions, FormErrors, createRefForm } from './CatalogueFields.tsx';

export const codePageName = (page: CodePage) => (page === 'windows1252' ? 'Windows-1252' : 'CP858 (PC858)');

export function PrinterRoleForm(props: { store: RefStore; role: PrinterRole; item: Stored<PrinterRoleDefaults> | null; onSaved: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const { form, setForm, guard, submit } = createRefForm(draftOfPrinterRole(props.role, props.item));
  const set = <K extends keyof PrinterDraft>(key: K, value: PrinterDraft[K]) => setForm('draft', key, value);
  const text = (p: RefProblem) => refProblemText(t, 'printer', p);
  const error = (field: string) => {
    const p = form.problems.find((x) => x.field === field);
    return p ? text(p) : null;
  };
  const roleName = () => t(`ref.printers.role.${props.role}` as MessageKey);
  const onSubmit = submit(
    () => printerRoleProblems(props.role, form.draft),
    async () => {
      await props.store.save(props.item, printerRoleFromDraft(props.role, form.draft, props.item, props.store.edit()));
      props.onSaved();
    },
  );
  const select = <K extends 'profile' | 'paper' | 'codepage' | 'fallback'>(key: K, label: string, options: readonly { value: string; label: string }[], pick: (value: string) => void) => (
    <Field label={label} error={error(key)}>
      {(ids) => (
        <select id={ids.id} aria-describedby={ids.describedBy} aria-invalid={ids.invalid || undefined} data-testid={`ref-printer-${key}`} value={String(form.draft[key])} onChange={(e) => pick(e.currentTarget.value)}>
          <For each={options}>{(o) => <option value={o.value}>{o.label}</option>}</For>
        </select>
      )}
    </Field>
  );
  return (
    <Panel title={t('ref.printers.editTitle', { role: roleName() })} testId="ref-printer-form">
      <form class="admin-form" onSubmit={onSubmit} novalidate>
        <FormErrors testId="ref-printer" problems={form.problems} failure={form.failure} text={text} />
        {select('profile', t('printing.profile'), PROFILES.map((p) => ({ value: p.id, label: p.name })), (v) => setForm('draft', withPrinterProfile(form.draft, v)))}
        {select('paper', t('printing.paper'), [{ value: '80', label: '80 mm' }, { value: '58', label: '58 mm' }], (v) => set('paper', v as PrinterDraft['paper']))}
        {select('codepage', t('printing.codepage'), CODE_PAGES.map((p) => ({ value: p, label: codePageName(p) })), (v) => set('codepage', v as CodePage))}
        {select('fallback', t('printing.fallback'), [{ value: 'dialog', label: t('printing.fallback.dialog') }, { value: 'pdf', label: t('printing.fallback.pdf') }], (v) => set('fallback', v as FallbackOutput))}
        <Show when={props.role === 'cashier'}>
          <label class="checkbox">
            <input type="checkbox" data-testid="ref-printer-drawer" checked={form.draft.drawerKick} onChange={(e) => set('drawerKick', e.currentTarget.checked)} />
            {t('printing.drawer')}
          </label>
        </Show>
        <FormActions testId="ref-printer" save={t('ref.printers.save')} busy={guard.busy()} onCancel={props.onCancel} />
      </form>
    </Panel>
  );
}
