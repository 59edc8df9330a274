/**
 * Services (issue 14): the list, a new service, an edit, each item's history. Services are
 * never deleted, only deactivated: tickets and statistics keep referring to them.
 */
import { For, Show, createSignal } from 'solid-js';
import type { Service } from '../../../couch-design/types/service.ts';
import type { Stored } from '../../data/docs.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Button } from '../../ui/Button.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { StatusChip } from '../../ui/StatusChip.tsx';
import { ServiceForm } from './ServiceForm.tsx';
import { RefHistory } from './RefHistory.tsx';
import { lastChange, useRefStore } from './ref-common.tsx';

type Editing = { key: number; service: Stored<Service> | null };

export function ServicesSection() {
  const { t, locale } = useI18n();
  const store = useRefStore();
  const [editing, setEditing] = createSignal<Editing | null>(null);
  const [history, setHistory] = createSignal<Stored<Service> | null>(null);
  const [message, setMessage] = createSignal<string | null>(null);
  let openings = 0;
  const open = (service: Stored<Service> | null) => {
    setMessage(null);
    setHistory(null);
    setEditing({ key: ++openings, service });
  };

  return (
    <div class="ref-section" data-testid="ref-services">
      <Show when={message()}>{(m) => <Notice tone="ok" testId="ref-services-message">{m()}</Notice>}</Show>
      <Show when={editing()} keyed fallback={<Button variant="primary" testId="ref-service-new" disabled={!store.ready()} onClick={() => open(null)}>{t('ref.services.new')}</Button>}>
        {(e) => (
          <ServiceForm
            store={store}
            service={e.service}
            onCancel={() => setEditing(null)}
            onSaved={(s) => {
              setEditing(null);
              setMessage(t(e.service ? 'ref.services.saved' : 'ref.services.created', { name: s.name[locale()] }));
            }}
          />
        )}
      </Show>
      <Show when={history()} keyed>
        {(s) => <RefHistory store={store} target={s._id} name={s.name[locale()]} onClose={() => setHistory(null)} />}
      </Show>
      <Panel title={t('ref.services.title')} testId="ref-services-list">
        <Show when={store.ready()} fallback={<p role="status">{t('ref.loading')}</p>}>
          <p class="admin-count" role="status">{t('ref.services.count', { count: store.services().length })}</p>
          <table class="table admin-table">
            <thead>
              <tr>
                <th scope="col">{t('ref.services.series')}</th>
                <th scope="col">{t('ref.services.name')}</th>
                <th scope="col">{t('ref.services.code')}</th>
                <th scope="col">{t('ref.services.wait')}</th>
                <th scope="col">{t('ref.services.state')}</th>
                <th scope="col">{t('ref.lastChange')}</th>
                <th scope="col">{t('ref.actions')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={store.services()}>
                {(s) => (
                  <tr data-testid={`ref-service-${s.code}`}>
                    <td class="ref-series">{s.series}</td>
                    <th scope="row">
                      {s.name[locale()]}
                      <Show when={s.cashDesk}><span class="admin-display-name">{t('ref.services.cashDesk')}</span></Show>
                    </th>
                    <td>{s.code}</td>
                    <td>{s.targetWaitMinutes}</td>
                    <td>
                      <StatusChip tone={s.active ? 'ok' : 'neutral'}>{t(s.active ? 'ref.active' : 'ref.inactive')}</StatusChip>
                    </td>
                    <td data-testid={`ref-service-${s.code}-changed`}>{lastChange(t, locale(), s)}</td>
                    <td class="admin-row-actions">
                      <Button size="small" testId={`ref-service-edit-${s.code}`} aria-label={t('ref.services.editFor', { name: s.name[locale()] })} onClick={() => open(s)}>
                        {t('ref.edit')}
                      </Button>
                      <Button size="small" variant="quiet" testId={`ref-service-history-${s.code}`} aria-label={t('ref.historyFor', { name: s.name[locale()] })} onClick={() => (setEditing(null), setHistory(s))}>
                        {t('ref.history')}
                      </Button>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </Show>
      </Panel>
    </div>
  );
}
