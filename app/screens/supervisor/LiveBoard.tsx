/** The live board of the supervisor's branch: queues, counters, workload hint and alerts. */
import { createMemo } from 'solid-js';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useAuth } from '../../auth/AuthProvider.tsx';
import { createLiveBoardSource } from '../../stats/live-board-source.ts';
import { computeBoard } from '../../stats/board.ts';
import { workloadHints } from '../../stats/workload.ts';
import type { Alert } from '../../stats/alerts.ts';
import { createAlertTracking } from './alert-tracking.ts';
import { ActiveAlerts, AlertsPanel } from './AlertsPanel.tsx';
import { CounterTable, ServiceTable } from './BoardTables.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { ScrollRegion } from './ScrollRegion.tsx';
import { ForceCloseCounters } from './ForceCloseCounters.tsx';

export function LiveBoard() {
  const i18n = useI18n();
  const { t } = i18n;
  const auth = useAuth();
  const source = createLiveBoardSource();
  const board = createMemo(() =>
    computeBoard({
      tickets: source.tickets(),
      events: source.events(),
      counterStates: source.counterStates(),
      services: source.services().map((s) => s.code),
      counters: source.counters().map((c) => c.code),
      nowMs: source.now(),
    }),
  );
  const hints = createMemo(() =>
    workloadHints({
      board: board(),
      targets: Object.fromEntries(source.services().map((s) => [s.code, s.targetWaitMinutes])),
      matrix: Object.fromEntries(source.counters().map((c) => [c.code, c.services])),
    }),
  );
  const tracking = createAlertTracking(auth.user()!.name, source.branch, source.day, board, source.now);
  const serviceName = (code: string) => source.services().find((s) => s.code === code)?.name[i18n.locale()] ?? code;
  const subjectName = (a: Alert) => (a.kind === 'paused' ? a.subject : serviceName(a.subject));
  const alerted = (subject: string) => tracking.active().some((a) => a.subject === subject);
  return (
    <div class="sup-board" data-testid="supervisor-board" data-day={source.day()}>
      <h1>{t('sup.board.title', { branch: source.branch.toUpperCase() })}</h1>
      <ActiveAlerts tracking={tracking} subjectName={subjectName} />
      <div class="sup-board-grid">
        <Panel class="sup-panel">
          <ScrollRegion label={t('sup.board.services')}>
            <ServiceTable rows={board().services} hints={hints()} alerted={alerted} serviceName={serviceName} />
          </ScrollRegion>
        </Panel>
        <Panel class="sup-panel">
          <ScrollRegion label={t('sup.board.counters')}>
            <CounterTable rows={board().counters} alerted={alerted} />
          </ScrollRegion>
        </Panel>
      </div>
      <ForceCloseCounters branch={source.branch} day={source.day()} timeZone={source.timeZone()} states={source.counterStates()} tickets={source.tickets()} />
      <AlertsPanel tracking={tracking} subjectName={subjectName} timeZone={source.timeZone()} />
    </div>
  );
}
