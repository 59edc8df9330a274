/**
 * Supervision: the branch's live board and the statistics reports, as two tabs (`?view=`).
 * Head office has no branch replica, hence no live board: it opens on the reports.
 */
import { Show, lazy } from 'solid-js';
import { useSearchParams } from '@solidjs/router';
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

// Charts, report queries and exports load on first use: the board stays a small first load.
const ReportsView = lazy(() => import('./ReportsView.tsx'));

type View = 'board' | 'reports';

export function SupervisorScreen() {
  const { t } = useI18n();
  const auth = useAuth();
  const [params, setParams] = useSearchParams<{ view?: string }>();
  const hasBoard = () => branchOfRoles(auth.user()?.roles ?? []) !== null;
  const view = (): View => (!hasBoard() || params.view === 'reports' ? 'reports' : 'board');
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
            // The tab pattern's arrow keys: two tabs, so either arrow goes to the other one.
            if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
            const next: View = view() === 'board' ? 'reports' : 'board';
            setParams({ view: next });
            (e.currentTarget.querySelector(`[data-testid="supervisor-tab-${next}"]`) as HTMLElement | null)?.focus();
          }}
        >
          {tab('board')}
          {tab('reports')}
        </div>
      </Show>
      <div id="sup-panel" role={hasBoard() ? 'tabpanel' : undefined} aria-labelledby={hasBoard() ? `sup-tab-${view()}` : undefined}>
        <Show when={view() === 'board'} fallback={<ReportsView />}>
          <CashSignOff />
          <CashFindings />
          <LiveBoard />
          <CashApprove />
        </Show>
      </div>
    </section>
  );
}
