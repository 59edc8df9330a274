/** The institution: name, currency and its decimals, the languages it offers and the default one, its logo. */
import { For, createSignal } from 'solid-js';
import type { Locale } from '../../../couch-design/types/base.ts';
import type { Institution } from '../../../couch-design/types/institution.ts';
import type { Stored } from '../../data/docs.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { MessageKey } from '../../i18n/translate.ts';
import { Field } from '../../ui/Field.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { draftOfInstitution, institutionFromDraft, institutionProblems, normaliseInstitution, type InstitutionDraft } from '../../admin/catalogue-rules.ts';
import type { RefProblem } from '../../admin/ref-rules.ts';
import type { RefStore } from '../../admin/ref-store.ts';
import { refProblemText } from './ref-problems.ts';
import { CheckGroup, FormActions, FormErrors, TextField, createRefForm } from './CatalogueFields.tsx';
import { LogoField } from './LogoField.tsx';
import { hasLogo } from '../../admin/logo-rules.ts';

const LOCALES: readonly Locale[] = ['fr', 'en'];

export function InstitutionForm(props: { store: RefStore; institution: Stored<Institution>; onSaved: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const { form, setForm, guard, submit } = createRefForm(draftOfInstitution(props.institution));
  // No save while a chosen image is being redrawn: it would save the logo as it was.
  const [preparing, setPreparing] = createSignal(false);
  const set = <K extends keyof InstitutionDraft>(key: K, value: InstitutionDraft[K]) => setForm('draft', key, value);
  const text = (p: RefProblem) => refProblemText(t, 'institution', p);
  const error = (field: string) => {
    const p = form.problems.find((x) => x.field === field);
    return p ? text(p) : null;
  };
  const onSubmit = submit(
    () => institutionProblems(normaliseInstitution(form.draft)),
    async () => {
      await props.store.save(props.institution, institutionFromDraft(normaliseInstitution(form.draft), props.institution, props.store.edit()));
      props.onSaved();
    },
  );
  return (
    <Panel title={t('ref.institution.editTitle')} testId="ref-institution-form">
      <form class="admin-form" onSubmit={onSubmit} novalidate>
        <FormErrors testId="ref-institution" problems={form.problems} failure={form.failure} text={text} />
        <TextField label={t('ref.institution.name')} error={error('name')} testId="ref-institution-name" value={form.draft.name} onInput={(v) => set('name', v)} />
        <TextField label={t('ref.institution.currency')} hint={t('ref.institution.currencyHint')} error={error('currency')} testId="ref-institution-currency" short value={form.draft.currency} onInput={(v) => set('currency', v)} />
        <TextField label={t('ref.institution.decimals')} hint={t('ref.institution.decimalsHint')} error={error('currencyDecimals')} testId="ref-institution-decimals" short inputmode="numeric" value={form.draft.currencyDecimals} onInput={(v) => set('currencyDecimals', v)} />
        <CheckGroup legend={t('ref.institution.languages')} error={error('languages')} testId="ref-institution-languages">
          <For each={LOCALES}>
            {(l) => (
              <label class="checkbox">
                <input type="checkbox" data-testid={`ref-institution-lang-${l}`} checked={form.draft.languages.includes(l)} onChange={(e) => set('languages', e.currentTarget.checked ? [...form.draft.languages, l] : form.draft.languages.filter((x) => x !== l))} />
                {t(`ref.language.${l}` as MessageKey)}
              </label>
            )}
          </For>
        </CheckGroup>
        <Field label={t('ref.institution.default')} error={error('defaultLocale')}>
          {(ids) => (
            <select id={ids.id} aria-describedby={ids.describedBy} aria-invalid={ids.invalid || undefined} data-testid="ref-institution-default" value={form.draft.defaultLocale} onChange={(e) => set('defaultLocale', e.currentTarget.value as Locale)}>
              <For each={LOCALES}>{(l) => <option value={l}>{t(`ref.language.${l}` as MessageKey)}</option>}</For>
            </select>
          )}
        </Field>
        <LogoField stored={hasLogo(props.institution)} choice={form.draft.logo} error={error('logo')} onChoice={(c) => set('logo', c)} onPreparing={setPreparing} />
        <FormActions testId="ref-institution" save={t('ref.institution.save')} busy={guard.busy() || preparing()} onCancel={props.onCancel} />
      </form>
    </Panel>
  );
}
