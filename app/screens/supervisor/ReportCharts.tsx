/** The report's charts: hour-of-day load, daily trend, waiting-time bands, counters (and branches) compared. */
import { Show, createMemo } from 'solid-js';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { Report } from '../../stats/report-types.ts';
import { bandLabels } from '../../stats/report-tables.ts';
import { trend } from '../../stats/trend.ts';
import { BarChart } from './BarChart.tsx';

export function ReportCharts(props: { report: Report }) {
  const { t } = useI18n();
  const issuedServed = () => [t('rep.col.issued'), t('rep.col.served')];
  // Quiet days (or months) included, so the trend is not misleading; months over a long period.
  const series = createMemo(() => trend(props.report.filter, props.report.byDay));
  return (
    <div class="rep-charts">
      <BarChart
        testId="chart-hour"
        title={t('rep.section.hour')}
        legend={issuedServed()}
        groups={props.report.byHour.map((f, hour) => ({ label: String(hour), values: [f.issued, f.served] }))}
      />
      <BarChart
        testId="chart-day"
        unit={series().unit}
        title={t(`rep.trend.${series().unit}`)}
        legend={issuedServed()}
        groups={series().bars.map((b) => ({ label: b.label, values: [b.issued, b.served] }))}
      />
      <BarChart
        testId="chart-bands"
        title={t('rep.section.bands')}
        legend={[t('rep.col.calls')]}
        groups={bandLabels(t).map((label, i) => ({ label, values: [props.report.total.waitBands[i] ?? 0] }))}
      />
      <BarChart
        testId="chart-counter"
        title={t('rep.section.counter')}
        legend={[t('rep.col.served')]}
        groups={props.report.by.counter.map((c) => ({ label: c.key, values: [c.figures.served] }))}
      />
      <Show when={props.report.filter.branch === undefined}>
        <BarChart
          testId="chart-branch"
          title={t('rep.section.branch')}
          legend={issuedServed()}
          groups={props.report.by.branch.map((b) => ({ label: b.key.toUpperCase(), values: [b.figures.issued, b.figures.served] }))}
        />
      </Show>
    </div>
  );
}
