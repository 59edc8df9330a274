/**
 * Reversing an entry (with its reason; above the session's threshold it needs the supervisor's
 * approval, CashApprove.tsx, found in the branch replica, else refused with that reason) and voiding the desk's next number
 * (with its reason). Each form is mounted for one use and starts clean.
 */
import { createSignal } from 'solid-js';
import { cashEntryId, type CashEntry } from '../../../couch-design/types/cash-entry.ts';
import { padDocumentNumber } from '../../../couch-design/types/cash.ts';
import { reversal, voidNumber } from '../../cash/entries.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { guardedSubmit, useActionGuard } from '../../ui/action-guard.ts';
import { Button } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { Panel } from '../../ui/Panel.tsx';
import type { CashDeskCtl } from './cash-desk.ts';
import { useData } from '../../data/DataProvider.tsx';
import { type CashApproval, cashApprovalId } from '../../../couch-design/types/cash-approval.ts';
import { cashErrorText } from './cash-text.ts';

export function ReverseForm(props: { ctl: CashDeskCtl; number: number; onDone: (entry: CashEntry | null) => void }) {
  const { t } = useI18n();
  const { layer } = useData();
  const guard = useActionGuard();
  const [reason, setReason] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  const submit = async () => {
    if (!reason().trim()) return setError(t('cash.reverse.needReason'));
    const session = props.ctl.mine()!;
    const id = cashEntryId(props.ctl.branch, session.counter, props.number);
    const original = props.ctl.entries().find((e) => e._id === id);
    if (!original) return setError(t('cash.problem.conflict'));
    try {
      // A supervisor's approval reaches this device by replication (CashApprove on their screen).
      const approval = await layer.get<CashApproval>('branch', cashApprovalId(props.ctl.branch, session.counter, props.number)).catch(() => null);
      const entry = await props.ctl.take((desk) =>
        reversal(desk, { original, reversedBy: props.ctl.entries().filter((e) => e.reverses === id), reason: reason().trim(), approval }),
      );
      props.onDone(entry);
    } catch (e) {
      setError(cashErrorText(t, e));
    }
  };
  return (
    <Panel tone="warn" title={t('cash.reverse.title', { number: padDocumentNumber(props.number) })} testId="cash-reverse-panel">
      <form class="cash-form" onSubmit={guardedSubmit(guard, submit)} novalidate>
        <Field label={t('cash.reverse.reason')} error={error()}>
          {(ids) => <input id={ids.id} aria-describedby={ids.describedBy} maxlength={200} data-testid="cash-reverse-reason" value={reason()} onInput={(e) => setReason(e.currentTarget.value)} />}
        </Field>
        <div class="btn-row">
          <Button type="submit" variant="danger" size="large" testId="cash-reverse-confirm" disabled={guard.busy()}>{t('cash.reverse.confirm')}</Button>
          <Button variant="quiet" testId="cash-reverse-cancel" onClick={() => props.onDone(null)}>{t('cash.cancel')}</Button>
        </div>
      </form>
    </Panel>
  );
}

export function VoidForm(props: { ctl: CashDeskCtl; onDone: (entry: CashEntry | null) => void }) {
  const { t } = useI18n();
  const guard = useActionGuard();
  const [reason, setReason] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  const submit = async () => {
    if (!reason().trim()) return setError(t('cash.void.needReason'));
    try {
      props.onDone(await props.ctl.take((desk) => voidNumber(desk, reason().trim())));
    } catch (e) {
      setError(cashErrorText(t, e));
    }
  };
  return (
    <Panel tone="warn" title={t('cash.void.title')} testId="cash-void-panel">
      <p>{t('cash.void.body')}</p>
      <form class="cash-form" onSubmit={guardedSubmit(guard, submit)} novalidate>
        <Field label={t('cash.void.reason')} error={error()}>
          {(ids) => <input id={ids.id} aria-describedby={ids.describedBy} maxlength={200} data-testid="cash-void-reason" value={reason()} onInput={(e) => setReason(e.currentTarget.value)} />}
        </Field>
        <div class="btn-row">
          <Button type="submit" variant="danger" size="large" testId="cash-void-confirm" disabled={guard.busy()}>{t('cash.void.confirm')}</Button>
          <Button variant="quiet" testId="cash-void-cancel" onClick={() => props.onDone(null)}>{t('cash.cancel')}</Button>
        </div>
      </form>
    </Panel>
  );
}
