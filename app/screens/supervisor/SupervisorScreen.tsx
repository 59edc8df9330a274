/**
 * Supervision: the branch's live board, the statistics reports and the branch's counters with their service matrix (issue 14), as tabs (`?view=`).
 * Head office has no branch replica, hence no live board: it opens on the reports.
 */
import { Match, Show, Switch, lazy } from 'solid-js';
import { useSearchParams } from '../../routing/Router.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useAuth } from '../../auth/AuthProvider.tsx';
import { branchOfRoles } from '../../../couch-design/roles.ts';
import { Notice } from '../../ui/Notice.tsx';
import { LiveBoard } from './LiveBoard.tsx';
import { CashSignOff } from '../cash/CashSignOff.tsx';
import { CashApprove } from '../cash/CashApprove.tsx';
import { CashFindings } from '../cash/CashFindings.tsx';
import { CashHeadOffice } from '../cash/CashHeadOffice.tsx';
import './supervisor.css';
import '../cash/cash.css';

// The admin section's component, loaded on first use.
const CountersSection = lazy(() => import('../admin/CountersSection.tsx').then((m) => ({ default: m.CountersSection })));

// Charts, report queries and exports load on first use: the board stays a small first load.
const ReportsView = lazy(() => import('./ReportsView.tsx'));

// Counters: the branch's counters and service matrix, the admin section's component scoped to the branch (issue 14).
const VIEWS = ['board', 'reports', 'counters'] as const;
type View = (typeof VIEWS)[number];

export function SupervisorScreen() {
  const { t } = useI18n();
  const auth = useAuth();
  const [params, setParams] = useSearchParams<{ view?: string }>();
  const hasBoard = () => branchOfRoles(auth.user()?.roles ?? []) !== null;
  const view = (): View => (!hasBoard() ? 'reports' : (VIEWS.find((v) => v === params.view) ?? 'board'));
  const tab = (name: View) => (
    <button
      type="button"
      role="tab"
      id={`sup-tab-${name}`}
      class="sup-tab"
      classList={{ active: view() === name }}
      aria-selected={view() === name}
      aria-controls="sup-panel"
      tabindex={view() === name ? 0 : -1}
      data-testid={`supervisor-tab-${name}`}
      onClick={() => setParams({ view: name })}
    >
      {t(`sup.tab.${name}`)}
    </button>
  );
  return (
    <section class="sup-screen" data-testid="screen-supervisor">
      <Show when={!hasBoard()}>
        <CashHeadOffice />
      </Show>
      <Show when={hasBoard()} fallback={<Notice>{t('sup.board.hq')}</Notice>}>
        <div
          role="tablist"
          aria-label={t('sup.tabs')}
          class="sup-tabs"
          onKeyDown={(e) => {
            // The tab pattern's arrow keys: the next or previous tab, round.
            if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
            const next = VIEWS[(VIEWS.indexOf(view()) + (e.key === 'ArrowRight' ? 1 : VIEWS.length - 1)) % VIEWS.length]!;
            setParams({ view: next });
            (e.currentTarget.querySelector(`[data-testid="supervisor-tab-${next}"]`) as HTMLElement | null)?.focus();
          }}
        >
          {tab('board')}
          {tab('reports')}
          {tab('counters')}
        </div>
      </Show>
      <div id="sup-panel" role={hasBoard() ? 'tabpanel' : undefined} aria-labelledby={hasBoard() ? `sup-tab-${view()}` : undefined}>
        <Switch fallback={<ReportsView />}>
          <Match when={view() === 'board'}>
            <CashSignOff />
            <CashFindings />
            <LiveBoard />
            <CashApprove />
          </Match>
          <Match when={view() === 'counters' && branchOfRoles(auth.user()?.roles ?? [])} keyed>
            {(branch) => <CountersSection branch={branch} />}
          </Match>
        </Switch>
      </div>
    </section>
  );
}
