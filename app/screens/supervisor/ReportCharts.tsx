/** The report's charts: hour-of-day load, daily trend, waiting-time bands, counters (and branches) compared. */
import { Show } from 'solid-js';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { Report } from '../../stats/report-types.ts';
import { bandLabels } from '../../stats/report-tables.ts';
import { daysOf } from '../../stats/period.ts';
import { BarChart } from './BarChart.tsx';

export function ReportCharts(props: { report: Report }) {
  const { t } = useI18n();
  const issuedServed = () => [t('rep.col.issued'), t('rep.col.served')];
  // Every day of the period, quiet ones included, so the trend is not misleading.
  const days = () => {
    const found = new Map(props.report.byDay.map((d) => [d.day, d.figures]));
    return daysOf(props.report.filter).map((day) => ({ label: day.slice(5), values: [found.get(day)?.issued ?? 0, found.get(day)?.served ?? 0] }));
  };
  return (
    <div class="rep-charts">
      <BarChart
        testId="chart-hour"
        title={t('rep.section.hour')}
        legend={issuedServed()}
        groups={props.report.byHour.map((f, hour) => ({ label: String(hour), values: [f.issued, f.served] }))}
      />
      <BarChart testId="chart-day" title={t('rep.section.day')} legend={issuedServed()} groups={days()} />
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
