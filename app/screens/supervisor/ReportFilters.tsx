/** Period, branch (head office), service, counter and agent of a report; the run button is the view's main action. */
import { For, Show, type JSX } from 'solid-js';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { PERIOD_KINDS, type PeriodKind } from '../../stats/period.ts';
import { Field } from '../../ui/Field.tsx';
import { Button } from '../../ui/Button.tsx';
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
  /** What is wrong with the period, said on its date fields. */
  periodError: string | null;
  busy: boolean;
  onRun: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const counters = () => (props.refs?.counters ?? []).filter((c) => !props.state.branch || c.branch === props.state.branch);
  const counterCodes = () => [...new Set(counters().map((c) => c.code))].sort();
  const select = (name: 'branch' | 'service' | 'counter' | 'agent', label: string, options: { value: string; label: string }[]) => (
    <Field label={label}>
      {(ids) => (
        <select id={ids.id} data-testid={`report-${name}`} value={props.state[name]} onChange={(e) => props.set(name, e.currentTarget.value)}>
          <option value="">{t('rep.all')}</option>
          <For each={options}>{(o) => <option value={o.value}>{o.label}</option>}</For>
        </select>
      )}
    </Field>
  );
  const date = (name: 'anchor' | 'from' | 'to', testId: string, label: string, error: string | null): JSX.Element => (
    <Field label={label} error={error}>
      {(ids) => (
        <input
          id={ids.id}
          type="date"
          data-testid={testId}
          value={props.state[name]}
          aria-describedby={ids.describedBy}
          aria-invalid={ids.invalid || undefined}
          onInput={(e) => props.set(name, e.currentTarget.value)}
        />
      )}
    </Field>
  );
  return (
    <form
      class="rep-filters"
      aria-label={t('rep.filters')}
      onSubmit={(e) => {
        e.preventDefault();
        props.onRun();
      }}
    >
      <div class="field-row">
        <Field label={t('rep.period')}>
          {(ids) => (
            <select id={ids.id} data-testid="report-period" value={props.state.kind} onChange={(e) => props.set('kind', e.currentTarget.value as PeriodKind)}>
              <For each={PERIOD_KINDS}>{(k) => <option value={k}>{t(`rep.period.${k}`)}</option>}</For>
            </select>
          )}
        </Field>
        <Show when={props.state.kind === 'custom'} fallback={date('anchor', 'report-date', t('rep.date'), props.periodError)}>
          {date('from', 'report-from', t('rep.from'), props.periodError)}
          {date('to', 'report-to', t('rep.to'), null)}
        </Show>
      </div>
      <div class="field-row">
        <Show when={props.chooseBranch}>{select('branch', t('rep.branch'), (props.refs?.branches ?? []).map((b) => ({ value: b.code, label: b.name })))}</Show>
        {select('service', t('rep.service'), (props.refs?.services ?? []).map((s) => ({ value: s.code, label: s.name[i18n.locale()] })))}
        {select('counter', t('rep.counter'), counterCodes().map((c) => ({ value: c, label: c })))}
        {select('agent', t('rep.agent'), props.agents.map((a) => ({ value: a, label: a })))}
      </div>
      <Button type="submit" variant="primary" size="large" testId="report-run" disabled={props.busy}>
        {t('rep.run')}
      </Button>
    </form>
  );
}
