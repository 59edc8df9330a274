/** The worklist: mine or the team's, filtered by status, by due date with overdue ones marked. */
import { For, Show } from 'solid-js';
import type { SetStoreFunction } from 'solid-js/store';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { Field } from '../../../ui/Field.tsx';
import { StatusChip } from '../../../ui/StatusChip.tsx';
import { REQUEST_STATUSES } from '../../../../couch-design/types/backoffice-request.ts';
import type { StatusFilter, WorkItem, WorklistFilter } from '../../../backoffice/worklist.ts';
import { requesterLabel, shortDay, statusTone } from './request-text.ts';

export function RequestList(props: {
  items: readonly WorkItem[];
  filter: WorklistFilter;
  setFilter: SetStoreFunction<WorklistFilter>;
  loading: boolean;
  selected: string | null;
  select: (id: string) => void;
}) {
  const { t } = useI18n();
  return (
    <div class="req-list">
      <fieldset class="bo-filters" data-testid="req-filters">
        <legend class="bo-legend">{t('req.filters')}</legend>
        <Field label={t('req.who')} class="bo-filter">
          {(ids) => (
            <select id={ids.id} class="input" data-testid="req-filter-who" value={props.filter.who} onChange={(e) => props.setFilter('who', e.currentTarget.value as WorklistFilter['who'])}>
              <option value="team">{t('req.who.team')}</option>
              <option value="mine">{t('req.who.mine')}</option>
            </select>
          )}
        </Field>
        <Field label={t('req.filter.status')} class="bo-filter">
          {(ids) => (
            <select id={ids.id} class="input" data-testid="req-filter-status" value={props.filter.status} onChange={(e) => props.setFilter('status', e.currentTarget.value as StatusFilter)}>
              <option value="open">{t('req.filter.open')}</option>
              <option value="all">{t('req.filter.all')}</option>
              <For each={REQUEST_STATUSES}>{(s) => <option value={s}>{t(`req.status.${s}`)}</option>}</For>
            </select>
          )}
        </Field>
      </fieldset>
      <Show when={!props.loading} fallback={<p class="counter-muted">{t('req.loading')}</p>}>
        <Show when={props.items.length > 0} fallback={<p class="counter-muted" data-testid="req-empty">{t('req.empty')}</p>}>
          <ul class="req-items" aria-label={t('req.title')}>
            <For each={props.items}>
              {(w) => (
                <li>
                  <button
                    type="button"
                    class={`req-item${props.selected === w.request._id ? ' req-item-selected' : ''}`}
                    aria-pressed={props.selected === w.request._id}
                    data-testid="req-item"
                    data-id={w.request._id}
                    data-status={w.request.status}
                    data-overdue={w.overdue ? 'true' : 'false'}
                    onClick={() => props.select(w.request._id)}
                  >
                    <span class="req-item-due">{t('req.due', { date: shortDay(w.request.dueDate) })}</span>
                    <span class="req-item-subject">{w.request.subject}</span>
                    <span class="req-item-who">
                      {requesterLabel(t, w.request)} · {t(`req.channel.${w.request.channel}`)} · {w.request.assignee ?? t('req.unassigned')}
                    </span>
                    <span class="req-item-chips">
                      <StatusChip tone={statusTone(w.request.status)} testId="req-item-status">{t(`req.status.${w.request.status}`)}</StatusChip>
                      <Show when={w.overdue}>
                        <StatusChip tone="danger" testId="req-item-overdue">{t('req.overdue')}</StatusChip>
                      </Show>
                    </span>
                  </button>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </Show>
    </div>
  );
}
