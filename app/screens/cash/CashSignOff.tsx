/**
 * The supervisor's side of a closing: the branch's cash sessions whose blind count showed a
 * variance above their threshold (state `counted`), each signed off here in the supervisor's
 * own name — the only write a supervisor may make on a session. Shown on the supervisor's
 * board only when a session waits; the cashier's screen follows by replication.
 */
import { For, Show, createResource, createSignal, onCleanup } from 'solid-js';
import type { CashSession } from '../../../couch-design/types/cash.ts';
import type { Institution } from '../../../couch-design/types/institution.ts';
import { branchOfRoles } from '../../../couch-design/roles.ts';
import { useAuth } from '../../auth/AuthProvider.tsx';
import { useData } from '../../data/DataProvider.tsx';
import { openBranchReplica } from '../../data/branch-replica.ts';
import { signOff } from '../../cash/session.ts';
import { formatAmount } from '../../cash/money.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Button } from '../../ui/Button.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { useToasts } from '../../ui/Toasts.tsx';
import { CashRefusal } from './cash-desk.ts';
import { cashErrorText } from './cash-text.ts';

export function CashSignOff() {
  const { t, locale } = useI18n();
  const { layer } = useData();
  const auth = useAuth();
  const toasts = useToasts();
  const user = auth.user()!;
  const branch = branchOfRoles(user.roles);
  if (!branch) return null;
  const writer = openBranchReplica(user, branch, layer.fetch);
  onCleanup(() => void writer.close());
  const [version, setVersion] = createSignal(0);
  onCleanup(writer.subscribe((doc) => doc._id.startsWith(`cashsession:${branch}:`) && setVersion((v) => v + 1)));
  const [decimals] = createResource(async () => (await layer.get<Institution>('ref', 'institution'))?.currencyDecimals ?? 0);
  const [waiting] = createResource(
    () => ({ v: version() }),
    async () => (await layer.allDocsByPrefix<CashSession>('branch', `cashsession:${branch}:`)).filter((s) => s.type === 'cash_session' && s.state === 'counted'),
  );
  const [error, setError] = createSignal<string | null>(null);
  const money = (minor: number | undefined) => formatAmount(minor ?? 0, decimals() ?? 0, locale());
  const sign = async (s: CashSession) => {
    setError(null);
    const next = signOff(s, user.name, new Date().toISOString());
    try {
      await writer.writeServerFirst(next);
      toasts.show(t('cash.signOff.done', { desk: s.counter, cashier: s.cashier }));
    } catch (e) {
      const status = (e as { status?: number }).status;
      setError(cashErrorText(t, status === 403 ? new CashRefusal([], (e as Error).message) : e));
    } finally {
      setVersion((v) => v + 1);
    }
  };
  return (
    <Show when={(waiting.latest ?? []).length > 0}>
      <Panel tone="warn" title={t('cash.signOff.title')} testId="cash-signoff">
        <ul class="cash-signoff-list">
          <For each={waiting.latest}>
            {(s) => (
              <li class="cash-signoff-row" data-testid={`cash-signoff-${s.counter}`}>
                <span>{t('cash.signOff.row', { desk: s.counter, cashier: s.cashier, counted: money(s.countedAmount), expected: money(s.expectedAmount), variance: money(s.variance) })}</span>
                <Button variant="primary" testId={`cash-signoff-${s.counter}-confirm`} action={() => sign(s)}>{t('cash.signOff.confirm')}</Button>
              </li>
            )}
          </For>
        </ul>
        <Show when={error()}>{(e) => <Notice tone="error" testId="cash-signoff-error">{e()}</Notice>}</Show>
      </Panel>
    </Show>
  );
}
