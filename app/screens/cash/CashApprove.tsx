/**
 * The supervisor approves reversing one large cash entry (issue 12): above the session's
 * threshold the cashier's reversal is refused until this approval exists. The supervisor names
 * the desk and the document number, sees what it is, gives the reason, and approves in their own
 * name; the cashier's screen finds it by replication and the reversal then names it.
 */
import { For, Show, createResource, createSignal, onCleanup } from 'solid-js';
import type { CashEntry } from '../../../couch-design/types/cash-entry.ts';
import { cashEntryId } from '../../../couch-design/types/cash-entry.ts';
import type { Counter } from '../../../couch-design/types/counter.ts';
import type { Institution } from '../../../couch-design/types/institution.ts';
import type { Branch } from '../../../couch-design/types/branch.ts';
import { padDocumentNumber } from '../../../couch-design/types/cash.ts';
import { branchOfRoles } from '../../../couch-design/roles.ts';
import { useAuth } from '../../auth/AuthProvider.tsx';
import { useData } from '../../data/DataProvider.tsx';
import { openBranchReplica } from '../../data/branch-replica.ts';
import { approveReversal } from '../../cash/approvals.ts';
import { formatAmount } from '../../cash/money.ts';
import { branchDay } from '../../queue/numbering.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { guardedSubmit, useActionGuard } from '../../ui/action-guard.ts';
import { Button } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { CashRefusal } from './cash-desk.ts';
import { cashErrorText } from './cash-text.ts';


export function CashApprove() {
  const { t, locale } = useI18n();
  const { layer } = useData();
  const auth = useAuth();
  const guard = useActionGuard();
  const user = auth.user()!;
  const branch = branchOfRoles(user.roles);
  if (!branch) return null;
  const writer = openBranchReplica(user, branch, layer.fetch);
  onCleanup(() => void writer.close());
  const [ref] = createResource(async () => {
    const [counters, institution, branchDoc] = await Promise.all([
      layer.allDocsByPrefix<Counter>('ref', `counter:${branch}:`),
      layer.get<Institution>('ref', 'institution'),
      layer.get<Branch>('ref', `branch:${branch}`),
    ]);
    return { desks: counters.filter((c) => c.type === 'counter' && c.cashDesk).map((c) => c.code), decimals: institution?.currencyDecimals ?? 0, zone: branchDoc?.timeZone ?? 'UTC' };
  });
  const [desk, setDesk] = createSignal('');
  const [number, setNumber] = createSignal('');
  const [reason, setReason] = createSignal('');
  const [entry, setEntry] = createSignal<CashEntry | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [done, setDone] = createSignal<string | null>(null);

  const find = async () => {
    setError(null);
    setDone(null);
    setEntry(null);
    const n = Number(number());
    const code = desk() || ref()?.desks[0] || '';
    if (!Number.isInteger(n) || n < 1 || !code) return setError(t('cash.approve.notFound'));
    const found = await layer.get<CashEntry>('branch', cashEntryId(branch, code, n)).catch(() => null);
    if (!found || found.kind === 'void' || found.category === 'reversal') return setError(t('cash.approve.notFound'));
    setEntry(found);
  };

  const approve = async () => {
    const e = entry();
    if (!e) return;
    setError(null);
    const built = approveReversal(e, user.name, reason(), new Date().toISOString(), branchDay(new Date(), ref()?.zone ?? 'UTC'));
    if ('problems' in built) return setError(t('cash.approve.needReason'));
    try {
      await writer.writeServerFirst(built.approval);
      setDone(t('cash.approve.done', { number: padDocumentNumber(e.number), desk: e.counter }));
      setEntry(null);
      setReason('');
      setNumber('');
    } catch (x) {
      const status = (x as { status?: number }).status;
      setError(status === 409 ? t('cash.approve.already') : cashErrorText(t, status === 403 ? new CashRefusal([], (x as Error).message) : x));
    }
  };

  return (
    <Panel title={t('cash.approve.title')} testId="cash-approve">
      <form class="cash-form cash-approve-find" onSubmit={guardedSubmit(guard, find)} novalidate>
        <Field label={t('cash.approve.desk')}>
          {(ids) => (
            <select id={ids.id} data-testid="cash-approve-desk" value={desk()} onChange={(e) => setDesk(e.currentTarget.value)}>
              <For each={ref()?.desks ?? []}>{(code) => <option value={code}>{code}</option>}</For>
            </select>
          )}
        </Field>
        <Field label={t('cash.approve.number')}>
          {(ids) => <input id={ids.id} inputmode="numeric" data-testid="cash-approve-number" value={number()} onInput={(e) => setNumber(e.currentTarget.value)} />}
        </Field>
        <Button type="submit" testId="cash-approve-find" disabled={guard.busy()}>{t('cash.approve.find')}</Button>
      </form>
      <Show when={entry()}>
        {(e) => (
          <form class="cash-form" onSubmit={guardedSubmit(guard, approve)} novalidate data-testid="cash-approve-entry">
            <p>{t('cash.approve.entry', { number: padDocumentNumber(e().number), desk: e().counter, designation: e().designation ?? '', amount: formatAmount(e().amount ?? 0, ref()?.decimals ?? 0, locale()), cashier: e().agent })}</p>
            <Field label={t('cash.approve.reason')}>
              {(ids) => <input id={ids.id} maxlength={200} data-testid="cash-approve-reason" value={reason()} onInput={(x) => setReason(x.currentTarget.value)} />}
            </Field>
            <Button type="submit" variant="primary" testId="cash-approve-confirm" disabled={guard.busy()}>{t('cash.approve.confirm')}</Button>
          </form>
        )}
      </Show>
      <Show when={error()}>{(m) => <Notice tone="error" testId="cash-approve-error">{m()}</Notice>}</Show>
      <Show when={done()}>{(m) => <Notice tone="ok" testId="cash-approve-done">{m()}</Notice>}</Show>
    </Panel>
  );
}
