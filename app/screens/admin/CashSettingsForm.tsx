/**
 * The cash desks' settings (the institution's `cash` block): the ceiling of one entry, the
 * variance a closing may show without a supervisor's sign-off, the amount above which a
 * reversal needs a supervisor's approval. Amounts typed as at the cash desk (app/cash/money.ts).
 */
import type { Institution } from '../../../couch-design/types/institution.ts';
import type { Stored } from '../../data/docs.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { cashFromDraft, draftOfCash, institutionWithCash, type CashDraft } from '../../admin/catalogue-rules.ts';
import type { RefProblem } from '../../admin/ref-rules.ts';
import type { RefStore } from '../../admin/ref-store.ts';
import { refProblemText } from './ref-problems.ts';
import { FormActions, FormErrors, TextField, createRefForm } from './CatalogueFields.tsx';

export function CashSettingsForm(props: { store: RefStore; institution: Stored<Institution>; onSaved: () => void; onCancel: () => void }) {
  const { t, locale } = useI18n();
  const { form, setForm, guard, submit } = createRefForm(draftOfCash(props.institution, locale()));
  const set = (key: keyof CashDraft, value: string) => setForm('draft', key, value);
  const text = (p: RefProblem) => refProblemText(t, 'cash', p, { currency: props.institution.currency });
  const error = (field: string) => {
    const p = form.problems.find((x) => x.field === field);
    return p ? text(p) : null;
  };
  const onSubmit = submit(
    () => cashFromDraft(form.draft, props.institution, locale()).problems,
    async () => {
      const { settings } = cashFromDraft(form.draft, props.institution, locale());
      await props.store.save(props.institution, institutionWithCash(props.institution, settings!, props.store.edit()));
      props.onSaved();
    },
  );
  const hint = (key: 'ref.cash.maxHint' | 'ref.cash.varianceHint' | 'ref.cash.reversalHint') => t(key, { currency: props.institution.currency });
  return (
    <Panel title={t('ref.cash.editTitle')} testId="ref-cash-form">
      <form class="admin-form" onSubmit={onSubmit} novalidate>
        <FormErrors testId="ref-cash" problems={form.problems} failure={form.failure} text={text} />
        <TextField label={t('ref.cash.max')} hint={hint('ref.cash.maxHint')} error={error('maxAmount')} testId="ref-cash-max" inputmode="decimal" value={form.draft.maxAmount} onInput={(v) => set('maxAmount', v)} />
        <TextField label={t('ref.cash.variance')} hint={hint('ref.cash.varianceHint')} error={error('varianceThreshold')} testId="ref-cash-variance" inputmode="decimal" value={form.draft.varianceThreshold} onInput={(v) => set('varianceThreshold', v)} />
        <TextField label={t('ref.cash.reversal')} hint={hint('ref.cash.reversalHint')} error={error('reversalThreshold')} testId="ref-cash-reversal" inputmode="decimal" value={form.draft.reversalThreshold} onInput={(v) => set('reversalThreshold', v)} />
        <FormActions testId="ref-cash" save={t('ref.cash.save')} busy={guard.busy()} onCancel={props.onCancel} />
      </form>
    </Panel>
  );
}
