/** A branch, new or edited: code (new only: it names the branch's database and roles), name, city, time zone. */
import type { Branch } from '../../../couch-design/types/branch.ts';
import type { Stored } from '../../data/docs.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { branchFromDraft, branchProblems, draftOfBranch, normaliseBranch, type BranchDraft } from '../../admin/catalogue-rules.ts';
import type { RefProblem } from '../../admin/ref-rules.ts';
import type { RefStore } from '../../admin/ref-store.ts';
import { refProblemText } from './ref-problems.ts';
import { FormActions, FormErrors, TextField, createRefForm } from './CatalogueFields.tsx';

export function BranchForm(props: { store: RefStore; item: Stored<Branch> | null; onSaved: (b: Branch) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const creating = props.item === null;
  const { form, setForm, guard, submit } = createRefForm(draftOfBranch(props.item));
  const set = <K extends keyof BranchDraft>(key: K, value: BranchDraft[K]) => setForm('draft', key, value);
  const text = (p: RefProblem) => refProblemText(t, 'branch', p);
  const error = (field: string) => {
    const p = form.problems.find((x) => x.field === field);
    return p ? text(p) : null;
  };
  const onSubmit = submit(
    () => branchProblems(normaliseBranch(form.draft), props.store.branches(), creating),
    async () => {
      const after = branchFromDraft(normaliseBranch(form.draft), props.item, props.store.edit());
      await props.store.save(props.item, after);
      props.onSaved(after);
    },
  );
  return (
    <Panel title={creating ? t('ref.branches.newTitle') : t('ref.branches.editTitle', { name: props.item!.name })} testId="ref-branch-form">
      <form class="admin-form" onSubmit={onSubmit} novalidate>
        <FormErrors testId="ref-branch" problems={form.problems} failure={form.failure} text={text} />
        <TextField label={t('ref.branches.code')} hint={creating ? t('ref.branches.codeHint') : undefined} error={error('code')} testId="ref-branch-code" short readOnly={!creating} value={form.draft.code} onInput={(v) => set('code', v)} />
        <TextField label={t('ref.branches.name')} error={error('name')} testId="ref-branch-name" value={form.draft.name} onInput={(v) => set('name', v)} />
        <TextField label={t('ref.branches.city')} error={error('city')} testId="ref-branch-city" value={form.draft.city} onInput={(v) => set('city', v)} />
        <TextField label={t('ref.branches.zone')} hint={t('ref.branches.zoneHint')} error={error('timeZone')} testId="ref-branch-zone" value={form.draft.timeZone} onInput={(v) => set('timeZone', v)} />
        <FormActions testId="ref-branch" save={t('ref.branches.save')} busy={guard.busy()} onCancel={props.onCancel} />
      </form>
    </Panel>
  );
}
