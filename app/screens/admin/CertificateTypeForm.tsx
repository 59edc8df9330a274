/**
 * A certificate type, new or edited: code (new only), names, who may receive it, the check it
 * runs (the rules themselves are code: app/certificates/eligibility.ts) and its validity within
 * the contract's ceiling.
 */
import { For } from 'solid-js';
import { CERTIFICATE_RULES, MAX_CERTIFICATE_VALIDITY_MONTHS, PERSON_KINDS, type CertificateRule, type CertificateType } from '../../../couch-design/types/catalogue.ts';
import type { Stored } from '../../data/docs.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { MessageKey } from '../../i18n/translate.ts';
import { Field } from '../../ui/Field.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { certificateTypeFromDraft, certificateTypeProblems, draftOfCertificateType, normaliseCertificateType, type CertificateTypeDraft } from '../../admin/catalogue-rules.ts';
import type { RefProblem } from '../../admin/ref-rules.ts';
import type { RefStore } from '../../admin/ref-store.ts';
import { refProblemText } from './ref-problems.ts';
import { CheckGroup, FormActions, FormErrors, TextField, createRefForm } from './CatalogueFields.tsx';

export function CertificateTypeForm(props: { store: RefStore; item: Stored<CertificateType> | null; onSaved: (c: CertificateType) => void; onCancel: () => void }) {
  const { t, locale } = useI18n();
  const creating = props.item === null;
  const { form, setForm, guard, submit } = createRefForm(draftOfCertificateType(props.item));
  const set = <K extends keyof CertificateTypeDraft>(key: K, value: CertificateTypeDraft[K]) => setForm('draft', key, value);
  const text = (p: RefProblem) => refProblemText(t, 'certtype', p, { max: MAX_CERTIFICATE_VALIDITY_MONTHS });
  const error = (field: string) => {
    const p = form.problems.find((x) => x.field === field);
    return p ? text(p) : null;
  };
  const onSubmit = submit(
    () => certificateTypeProblems(normaliseCertificateType(form.draft), props.store.certificateTypes(), creating),
    async () => {
      const after = certificateTypeFromDraft(normaliseCertificateType(form.draft), props.item, props.store.edit());
      await props.store.save(props.item, after);
      props.onSaved(after);
    },
  );
  return (
    <Panel title={creating ? t('ref.certtypes.newTitle') : t('ref.certtypes.editTitle', { name: props.item!.name[locale()] })} testId="ref-certtype-form">
      <form class="admin-form" onSubmit={onSubmit} novalidate>
        <FormErrors testId="ref-certtype" problems={form.problems} failure={form.failure} text={text} />
        <TextField label={t('ref.certtypes.code')} hint={creating ? t('ref.events.codeHint') : undefined} error={error('code')} testId="ref-certtype-code" readOnly={!creating} value={form.draft.code} onInput={(v) => set('code', v)} />
        <TextField label={t('ref.nameFr')} error={error('nameFr')} testId="ref-certtype-name-fr" lang="fr" value={form.draft.nameFr} onInput={(v) => set('nameFr', v)} />
        <TextField label={t('ref.nameEn')} error={error('nameEn')} testId="ref-certtype-name-en" lang="en" value={form.draft.nameEn} onInput={(v) => set('nameEn', v)} />
        <CheckGroup legend={t('ref.certtypes.for')} error={error('for')} testId="ref-certtype-for">
          <For each={PERSON_KINDS}>
            {(kind) => (
              <label class="checkbox">
                <input type="checkbox" data-testid={`ref-certtype-for-${kind}`} checked={form.draft.for.includes(kind)} onChange={(e) => set('for', e.currentTarget.checked ? [...form.draft.for, kind] : form.draft.for.filter((k) => k !== kind))} />
                {t(`ref.certtypes.kind.${kind}` as MessageKey)}
              </label>
            )}
          </For>
        </CheckGroup>
        <Field label={t('ref.certtypes.rule')} hint={t('ref.certtypes.ruleHint')}>
          {(ids) => (
            <select id={ids.id} aria-describedby={ids.describedBy} data-testid="ref-certtype-rule" value={form.draft.rule} onChange={(e) => set('rule', e.currentTarget.value as CertificateRule)}>
              <For each={CERTIFICATE_RULES}>{(rule) => <option value={rule}>{t(`ref.certtypes.rule.${rule}` as MessageKey)}</option>}</For>
            </select>
          )}
        </Field>
        <TextField label={t('ref.certtypes.validity')} hint={t('ref.certtypes.validityHint', { max: MAX_CERTIFICATE_VALIDITY_MONTHS })} error={error('validityMonths')} testId="ref-certtype-validity" short inputmode="numeric" value={form.draft.validityMonths} onInput={(v) => set('validityMonths', v)} />
        <FormActions testId="ref-certtype" save={t('ref.certtypes.save')} busy={guard.busy()} onCancel={props.onCancel} />
      </form>
    </Panel>
  );
}
