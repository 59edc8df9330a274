/**
 * The legacy screen's Validate / Refuse choice, then "apply to the ticked documents" (F6). A
 * refusal asks for a reason: a standard one (stored as its code, shown in each reader's
 * language) and/or the agent's words.
 */
import { For, Show } from 'solid-js';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Button } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { REFUSAL_REASONS, type RefusalReason } from '../../desk/reviews.ts';
import type { SubmissionReview } from '../../../couch-design/types/submission.ts';

export interface DecisionState {
  decision: SubmissionReview['decision'];
  reasonCode: RefusalReason | '';
  reasonText: string;
}

export function DecisionBar(props: {
  state: DecisionState;
  set: <K extends keyof DecisionState>(key: K, value: DecisionState[K]) => void;
  ticked: number;
  reasonError: string | null;
  apply: () => Promise<void>;
}) {
  const { t } = useI18n();
  const choice = (value: SubmissionReview['decision']) => (
    <label class="bo-choice">
      <input type="radio" name="bo-decision" value={value} data-testid={`bo-choice-${value}`} checked={props.state.decision === value} onChange={() => props.set('decision', value)} />
      <span>{t(`bo.choice.${value}`)}</span>
    </label>
  );
  return (
    <div class="bo-decision" data-testid="bo-decision">
      <fieldset class="bo-choices">
        <legend class="bo-legend">{t('bo.choice')}</legend>
        {choice('validated')}
        {choice('refused')}
      </fieldset>
      <Show when={props.state.decision === 'refused'}>
        <Field label={t('bo.reason')} error={props.reasonError} class="bo-filter">
          {(ids) => (
            <select id={ids.id} class="input" data-testid="bo-reason" aria-describedby={ids.describedBy} aria-invalid={ids.invalid} value={props.state.reasonCode} onChange={(e) => props.set('reasonCode', e.currentTarget.value as RefusalReason | '')}>
              <option value="">{t('bo.reason.pick')}</option>
              <For each={REFUSAL_REASONS}>{(r) => <option value={r}>{t(`bo.reason.${r}`)}</option>}</For>
            </select>
          )}
        </Field>
        <Field label={t('bo.reason.text')} class="bo-filter bo-filter-wide">
          {(ids) => <input id={ids.id} class="input" data-testid="bo-reason-text" maxLength={900} value={props.state.reasonText} onInput={(e) => props.set('reasonText', e.currentTarget.value)} />}
        </Field>
      </Show>
      <Button variant={props.state.decision === 'refused' ? 'danger' : 'primary'} shortcut="F6" testId="bo-apply" action={props.apply} disabled={props.ticked === 0}>
        {t('bo.apply', { count: props.ticked })}
      </Button>
    </div>
  );
}
