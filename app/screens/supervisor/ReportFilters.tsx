/** Period, branch (head office), service, counter and agent of a report. */
import { For, Show } from 'solid-js';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { PERIOD_KINDS, type PeriodKind } from '../../stats/period.ts';
import type { ReportRefs } from './report-refs.ts';

export interface FilterState {
  kind: PeriodKind;
  anchor: string;
  from: string;
  to: string;
  /** '' = all. */
  branch: string;
  service: string;
  counter: string;
  agent: string;
}

export function ReportFilters(props: {
  state: FilterState;
  set: <K extends keyof FilterState>(name: K, value: FilterState[K]) => void;
  refs: ReportRefs | undefined;
  /** Head office chooses the branch; a branch supervisor sees their own. */
  chooseBranch: boolean;
  agents: string[];
  onRun: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const counters = () => (props.refs?.counters ?? []).filter((c) => !props.state.branch || c.branch === props.state.branch);
  const counterCodes = () => [...new Set(counters().map((c) => c.code))].sort();
  const select = (name: 'branch' | 'service' | 'counter' | 'agent', label: string, options: { value: string; label: string }[]) => (
    <label>
      <span>{label}</span>
      <select data-testid={`report-${name}`} value={props.state[name]} onChange={(e) => props.set(name, e.currentTarget.value)}>
        <option value="">{t('rep.all')}</option>
        <For each={options}>{(o) => <option value={o.value}>{o.label}</option>}</For>
      </select>
    </label>
  );
  return (
    <form
      class="rep-filters"
      onSubmit={(e) => {
        e.preventDefault();
        props.onRun();
      }}
    >
      <label>
        <span>{t('rep.period')}</span>
        <select data-testid="report-period" value={props.state.kind} onChange={(e) => props.set('kind', e.currentTarget.value as PeriodKind)}>
          <For each={PERIOD_KINDS}>{(k) => <option value={k}>{t(`rep.period.${k}`)}</option>}</For>
        </select>
      </label>
      <Show
        when={props.state.kind === 'custom'}
        fallback={
          <label>
            <span>{t('rep.date')}</span>
            <input type="date" data-testid="report-date" value={props.state.anchor} onInput={(e) => props.set('anchor', e.currentTarget.value)} />
          </label>
        }
      >
        <label>
          <span>{t('rep.from')}</span>
          <input type="date" data-testid="report-from" value={props.state.from} onInput={(e) => props.set('from', e.currentTarget.value)} />
        </label>
        <label>
          <span>{t('rep.to')}</span>
          <input type="date" data-testid="report-to" value={props.state.to} onInput={(e) => props.set('to', e.currentTarget.value)} />
        </label>
      </Show>
      <Show when={props.chooseBranch}>
        {select('branch', t('rep.branch'), (props.refs?.branches ?? []).map((b) => ({ value: b.code, label: b.name })))}
      </Show>
      {select('service', t('rep.service'), (props.refs?.services ?? []).map((s) => ({ value: s.code, label: s.name[i18n.locale()] })))}
      {select('counter', t('rep.counter'), counterCodes().map((c) => ({ value: c, label: c })))}
      {select('agent', t('rep.agent'), props.agents.map((a) => ({ value: a, label: a })))}
      <button class="button primary" type="submit" data-testid="report-run">
        {t('rep.run')}
      </button>
    </form>
  );
}
