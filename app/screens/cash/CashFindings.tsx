/**
 * The supervisor's view of what only the whole set of the branch's cash documents shows, once
 * offline desks have synced (app/cash/audit.ts): above all a payment order paid twice by two
 * desks that were both offline — the server refused the second desk's `paid` revision of the
 * order at sync, but both payment entries are real money out. Each finding says what to do.
 * Shown on the supervisor's board only when there is one; it follows replication live.
 */
import { For, Show, createResource, createSignal, onCleanup } from 'solid-js';
import type { CashSession } from '../../../couch-design/types/cash.ts';
import type { CashEntry } from '../../../couch-design/types/cash-entry.ts';
import { padDocumentNumber } from '../../../couch-design/types/cash.ts';
import { branchOfRoles } from '../../../couch-design/roles.ts';
import { useAuth } from '../../auth/AuthProvider.tsx';
import { useData } from '../../data/DataProvider.tsx';
import { openBranchReplica } from '../../data/branch-replica.ts';
import { audit, type Finding } from '../../cash/audit.ts';
import { orderNumber } from '../../cash/orders.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { Translate } from '../../i18n/reasons.ts';
import { Panel } from '../../ui/Panel.tsx';

const WATCHED = ['cash:', 'cashsession:', 'cashapproval:'];

export function CashFindings() {
  const { t } = useI18n();
  const { layer } = useData();
  const user = useAuth().user()!;
  const branch = branchOfRoles(user.roles);
  if (!branch) return null;
  const writer = openBranchReplica(user, branch, layer.fetch);
  onCleanup(() => void writer.close());
  const [version, setVersion] = createSignal(0);
  onCleanup(writer.subscribe((doc) => WATCHED.some((p) => doc._id.startsWith(p + branch + ':')) && setVersion((v) => v + 1)));
  const [findings] = createResource(version, async () => {
    const [entries, sessions, approvals] = await Promise.all([
      layer.allDocsByPrefix<CashEntry>('branch', `cash:${branch}:`),
      layer.allDocsByPrefix<CashSession>('branch', `cashsession:${branch}:`),
      layer.allDocsByPrefix<{ _id: string }>('branch', `cashapproval:${branch}:`),
    ]);
    return audit({
      entries: entries.filter((e) => e.type === 'cash_entry'),
      sessions: sessions.filter((s) => s.type === 'cash_session'),
      approvals: approvals.map((a) => a._id),
    });
  });
  return (
    <Show when={(findings.latest ?? []).length > 0}>
      <Panel tone="warn" title={t('cash.findings.title')} testId="cash-findings">
        <ul class="cash-findings">
          <For each={findings.latest}>
            {(f) => (
              <li class="cash-finding" data-testid={`cash-finding-${f.kind}`}>
                <p class="cash-finding-what">{findingText(t, f)}</p>
                <p class="cash-finding-todo">{t(`cash.findings.todo.${f.kind}`)}</p>
              </li>
            )}
          </For>
        </ul>
      </Panel>
    </Show>
  );
}

const docNumber = (id: string) => {
  const parts = id.split(':');
  return `${parts[2]} ${padDocumentNumber(Number(parts[3]))}`;
};

function findingText(t: Translate, f: Finding): string {
  switch (f.kind) {
    case 'order_paid_twice':
      return t('cash.findings.order_paid_twice', { order: orderNumber({ _id: f.order }), entries: f.entries.map(docNumber).join(', ') });
    case 'missing_number':
    case 'number_conflict':
    case 'chain_broken':
    case 'reversal_invalid':
      return t(`cash.findings.${f.kind}`, { desk: f.counter, number: padDocumentNumber(f.number) });
    case 'session_conflict':
    case 'session_numbers':
      return t(`cash.findings.${f.kind}`, { desk: f.counter, seq: f.seq });
    case 'cashier_two_sessions':
      return t('cash.findings.cashier_two_sessions', { cashier: f.cashier, count: f.sessions.length });
  }
}
