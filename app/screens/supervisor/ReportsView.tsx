/**
 * Statistics reports: filters, charts, tables, CSV and PDF exports. Loaded lazily by the
 * supervisor screen; the PDF code is a further lazy chunk, loaded on the first PDF export.
 * The period is checked before anything is read (at most ten years, not in the future), and
 * the reads show their progress.
 */
import { Match, Show, Switch, createEffect, createMemo, createResource, createSignal } from 'solid-js';
import { createStore } from 'solid-js/store';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useAuth } from '../../auth/AuthProvider.tsx';
import { useData } from '../../data/DataProvider.tsx';
import { branchOfRoles } from '../../../couch-design/roles.ts';
import { branchDb, CENTRAL_DB } from '../../../couch-design/databases.ts';
import { branchDay } from '../../queue/numbering.ts';
import { loadReport } from '../../stats/report-query.ts';
import { httpMonthRollups, httpRollups, localViewQuery, rollupsOrNone, withLocalFallback } from '../../stats/report-source.ts';
import { httpViewQuery, isRebuilding } from '../../stats/http-view.ts';
import { checkPeriod, periodRange, type PeriodProblem } from '../../stats/period.ts';
import type { ReportProgress } from '../../stats/report-query.ts';
import { Button } from '../../ui/Button.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { reportTables } from '../../stats/report-tables.ts';
import { reportCsv } from '../../stats/report-csv.ts';
import type { Dimension, ReportFilter } from '../../stats/report-types.ts';
import { createReportRefs } from './report-refs.ts';
import { ReportFilters, type FilterState } from './ReportFilters.tsx';
import { ReportCharts } from './ReportCharts.tsx';
import { ReportTables } from './ReportTables.tsx';
import { download } from '../../ui/download.ts';


export default function ReportsView() {
  const i18n = useI18n();
  const { t } = i18n;
  const auth = useAuth();
  const { layer } = useData();
  const ownBranch = branchOfRoles(auth.user()!.roles);
  const { refs, refetch: refetchRefs } = createReportRefs(layer, ownBranch);
  const zone = () => refs.latest?.branches.find((b) => b.code === ownBranch)?.timeZone ?? 'Africa/Douala';
  const today = () => branchDay(new Date(), zone());
  const [state, setState] = createStore<FilterState>({ kind: 'day', anchor: today(), from: today(), to: today(), branch: ownBranch ?? '', service: '', counter: '', agent: '' });
  const [request, setRequest] = createSignal<ReportFilter | null>(null);
  const base = `${location.origin}/db`;
  // Head office reads fo_central on the server; a branch its own database there, its replica offline.
  const query = ownBranch ? withLocalFallback(httpViewQuery(base, branchDb(ownBranch), layer.fetch), localViewQuery(layer)) : httpViewQuery(base, CENTRAL_DB, layer.fetch);
  // Closed days and months pre-aggregated by the server; an all-branches report needs every branch's.
  const rollupDb = ownBranch ? branchDb(ownBranch) : CENTRAL_DB;
  const rollups = rollupsOrNone(httpRollups(base, rollupDb, layer.fetch));
  const months = rollupsOrNone(httpMonthRollups(base, rollupDb, layer.fetch));
  const [progress, setProgress] = createSignal<ReportProgress | null>(null);
  const [problem, setProblem] = createSignal<PeriodProblem | null>(null);
  const [report] = createResource(request, (filter) => {
    setProgress(null);
    return loadReport(query, filter, { rollups, months, branches: refs.latest?.branches.map((b) => b.code), onProgress: setProgress });
  });
  const [agents, setAgents] = createSignal<string[]>([]);

  function run() {
    const range = periodRange(state.kind, state.anchor, { from: state.from, to: state.to });
    const refused = checkPeriod(range, today());
    setProblem(refused);
    if (refused) return void setRequest(null);
    void refetchRefs();
    const optional = (name: 'branch' | 'service' | 'counter' | 'agent') => (state[name] ? { [name]: state[name] } : {});
    setRequest({ ...range, ...optional('branch'), ...optional('service'), ...optional('counter'), ...optional('agent') });
  }

  const keyName = (dimension: Dimension, key: string) => {
    if (dimension === 'service') return refs.latest?.services.find((s) => s.code === key)?.name[i18n.locale()] ?? key;
    if (dimension === 'branch') return refs.latest?.branches.find((b) => b.code === key)?.name ?? key;
    return key;
  };
  const problemText = () => {
    const p = problem();
    if (!p) return null;
    if (p.code === 'date') return t('rep.check.date');
    if (p.code === 'future') return t('rep.check.future', { today: p.today });
    return t('rep.check.tooLong', { years: p.years, from: p.suggestion.from, to: p.suggestion.to });
  };
  const ready = () => (request() !== null && report.state === 'ready' ? report() : undefined);
  const tables = createMemo(() => {
    const r = ready();
    return r ? reportTables(r, t, keyName) : [];
  });
  // Agents seen in reports feed the agent filter (fo_ref has no list of agents).
  createEffect(() => {
    const seen = ready()?.by.agent.map((a) => a.key) ?? [];
    setAgents((known) => [...new Set([...known, ...seen])].sort());
  });
  const title = () => `${t('rep.pdfTitle')} — ${request()?.branch?.toUpperCase() ?? t('rep.all')}`;
  const fileName = (ext: string) => `report-${request()?.branch ?? 'all'}-${request()?.from}-${request()?.to}.${ext}`;
  const subtitle = () => t('rep.periodText', { from: request()?.from ?? '', to: request()?.to ?? '' });

  async function exportPdf() {
    const { reportPdf } = await import('../../stats/report-pdf.ts');
    download(reportPdf(title(), subtitle(), tables()), fileName('pdf'));
  }

  return (
    <div class="rep" data-testid="supervisor-reports">
      <h1>{t('rep.title')}</h1>
      <Panel title={t('rep.filters')} class="rep-filters-panel">
        <ReportFilters
          state={state}
          set={(name, value) => setState(name, value)}
          refs={refs.latest}
          chooseBranch={ownBranch === null}
          agents={agents()}
          periodError={problemText()}
          busy={request() !== null && report.loading}
          onRun={run}
        />
      </Panel>
      <Show when={problemText()}>{(text) => <Notice tone="error" testId="report-period-error">{text()}</Notice>}</Show>
      <Show when={request() !== null}>
        <Switch>
          <Match when={report.loading}>
            <div class="rep-progress" role="status" data-testid="report-progress">
              <p>{progress()?.total ? t('rep.progress', { done: progress()!.done, total: progress()!.total }) : t('rep.loading')}</p>
              <Show when={progress()?.total} fallback={<progress aria-label={t('rep.loading')} />}>
                {(total) => <progress aria-label={t('rep.loading')} max={total()} value={progress()!.done} />}
              </Show>
            </div>
          </Match>
          <Match when={report.error}>
            <Notice tone="error" testId="report-error">
              {isRebuilding(report.error) ? t('rep.rebuilding') : t('rep.error', { reason: String((report.error as Error)?.message ?? report.error) })}
            </Notice>
          </Match>
          <Match when={ready()}>
            {(r) => (
              <div data-testid="report" data-from={r().filter.from} data-to={r().filter.to}>
                <h2 class="rep-heading">{title()} — {subtitle()}</h2>
                <Show when={r().total.issued + r().total.served + r().total.wait.count > 0} fallback={<Notice testId="report-empty">{t('rep.empty')}</Notice>}>
                  <div class="btn-row rep-actions" role="group" aria-label={t('rep.exports')}>
                    <Button testId="report-csv" onClick={() => download(new Blob([reportCsv(`${title()} — ${subtitle()}`, tables())], { type: 'text/csv;charset=utf-8' }), fileName('csv'))}>
                      {t('rep.csv')}
                    </Button>
                    <Button testId="report-pdf" onClick={() => void exportPdf()}>
                      {t('rep.pdf')}
                    </Button>
                  </div>
                  <ReportCharts report={r()} />
                  <ReportTables tables={tables()} />
                </Show>
              </div>
            )}
          </Match>
        </Switch>
      </Show>
    </div>
  );
}
