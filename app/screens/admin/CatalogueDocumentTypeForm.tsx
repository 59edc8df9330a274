/** A document type, new or edited: code (four digits, new only), names in French and English, validity in months. */
import type { DocumentType } from '../../../couch-design/types/catalogue.ts';
import type { Stored } from '../../data/docs.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { documentTypeFromDraft, documentTypeProblems, draftOfDocumentType, normaliseDocumentType, type DocumentTypeDraft } from '../../admin/catalogue-rules.ts';
import type { RefProblem } from '../../admin/ref-rules.ts';
import type { RefStore } from '../../admin/ref-store.ts';
import { refProblemText } from './ref-problems.ts';
import { FormActions, FormErrors, TextField, createRefForm } from './CatalogueFields.tsx';

export function CatalogueDocumentTypeForm(props: { store: RefStore; item: Stored<DocumentType> | null; onSaved: (t: DocumentType) => void; onCancel: () => void }) {
  const { t, locale } = useI18n();
  const creating = props.item === null;
  const { form, setForm, guard, submit } = createRefForm(draftOfDocumentType(props.item));
  const set = <K extends keyof DocumentTypeDraft>(key: K, value: DocumentTypeDraft[K]) => setForm('draft', key, value);
  const text = (p: RefProblem) => refProblemText(t, 'doctype', p);
  const error = (field: string) => {
    const p = form.problems.find((x) => x.field === field);
    return p ? text(p) : null;
  };
  const onSubmit = submit(
    () => documentTypeProblems(normaliseDocumentType(form.draft), props.store.documentTypes(), creating),
    async () => {
      const after = documentTypeFromDraft(normaliseDocumentType(form.draft), props.item, props.store.edit());
      await props.store.save(props.item, after);
      props.onSaved(after);
    },
  );
  return (
    <Panel title={creating ? t('ref.doctypes.newTitle') : t('ref.doctypes.editTitle', { name: `${props.item!.code} ${props.item!.name[locale()]}` })} testId="ref-doctype-form">
      <form class="admin-form" onSubmit={onSubmit} novalidate>
        <FormErrors testId="ref-doctype" problems={form.problems} failure={form.failure} text={text} />
        <TextField label={t('ref.doctypes.code')} hint={creating ? t('ref.doctypes.codeHint') : undefined} error={error('code')} testId="ref-doctype-code" short inputmode="numeric" readOnly={!creating} value={form.draft.code} onInput={(v) => set('code', v)} />
        <TextField label={t('ref.nameFr')} error={error('nameFr')} testId="ref-doctype-name-fr" lang="fr" value={form.draft.nameFr} onInput={(v) => set('nameFr', v)} />
        <TextField label={t('ref.nameEn')} error={error('nameEn')} testId="ref-doctype-name-en" lang="en" value={form.draft.nameEn} onInput={(v) => set('nameEn', v)} />
        <TextField label={t('ref.doctypes.validity')} hint={t('ref.doctypes.validityHint')} error={error('validityMonths')} testId="ref-doctype-validity" short inputmode="numeric" value={form.draft.validityMonths} onInput={(v) => set('validityMonths', v)} />
        <FormActions testId="ref-doctype" save={t('ref.doctypes.save')} busy={guard.busy()} onCancel={props.onCancel} />
      </form>
    </Panel>
  );
}
