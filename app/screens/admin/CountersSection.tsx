/**
 * Counters of one branch and its service matrix (issue 14). The administrator picks the
 * branch; a supervisor gets its own (`branch` given) and the server refuses any other.
 * Counters are never deleted, only deactivated: statistics keep referring to them.
 */
import { For, Show, createSignal } from 'solid-js';
import type { Counter } from '../../../couch-design/types/counter.ts';
import type { Stored } from '../../data/docs.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Button } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { StatusChip } from '../../ui/StatusChip.tsx';
import { CounterForm } from './CounterForm.tsx';
import { ServiceMatrix } from './ServiceMatrix.tsx';
import { RefHistory } from './RefHistory.tsx';
import { lastChange, useRefStore } from './ref-common.tsx';

type Editing = { key: number; counter: Stored<Counter> | null };

export function CountersSection(props: { branch?: string }) {
  const { t, locale } = useI18n();
  const store = useRefStore();
  const [picked, setPicked] = createSignal<string | null>(null);
  const branch = () => props.branch ?? picked() ?? store.branches()[0]?.code ?? null;
  const branchName = () => store.branches().find((b) => b.code === branch())?.name ?? branch() ?? '';
  const counters = () => store.counters().filter((c) => c.branch === branch());
  const [editing, setEditing] = createSignal<Editing | null>(null);
  const [history, setHistory] = createSignal<Stored<Counter> | null>(null);
  const [message, setMessage] = createSignal<string | null>(null);
  let openings = 0;
  const open = (counter: Stored<Counter> | null) => {
    setMessage(null);
    setHistory(null);
    setEditing({ key: ++openings, counter });
  };

  return (
    <div class="ref-section" data-testid="ref-counters">
      <Show when={props.branch === undefined}>
        <Field label={t('ref.counters.branch')}>
          {(ids) => (
            <select id={ids.id} data-testid="ref-counters-branch" value={branch() ?? ''} onChange={(e) => (setEditing(null), setHistory(null), setMessage(null), setPicked(e.currentTarget.value))}>
              <For each={store.branches()}>{(b) => <option value={b.code}>{b.name}</option>}</For>
            </select>
          )}
        </Field>
      </Show>
      <Show when={message()}>{(m) => <Notice tone="ok" testId="ref-counters-message">{m()}</Notice>}</Show>
      <Show when={editing()} keyed fallback={<Button variant="primary" testId="ref-counter-new" disabled={!store.ready() || !branch()} onClick={() => open(null)}>{t('ref.counters.new')}</Button>}>
        {(e) => (
          <CounterForm
            store={store}
            branch={branch()!}
            branchName={branchName()}
            counter={e.counter}
            onCancel={() => setEditing(null)}
            onSaved={(c) => {
              setEditing(null);
              setMessage(t(e.counter ? 'ref.counters.saved' : 'ref.counters.created', { code: c.code }));
            }}
          />
        )}
      </Show>
      <Show when={history()} keyed>
        {(c) => <RefHistory store={store} target={c._id} name={`${c.code} · ${c.label}`} onClose={() => setHistory(null)} />}
      </Show>
      <Panel title={t('ref.counters.title', { branch: branchName() })} testId="ref-counters-list">
        <Show when={store.ready()} fallback={<p role="status">{t('ref.loading')}</p>}>
          <Show when={counters().length > 0} fallback={<p>{t('ref.counters.none')}</p>}>
            <table class="table admin-table">
              <thead>
                <tr>
                  <th scope="col">{t('ref.counters.code')}</th>
                  <th scope="col">{t('ref.counters.label')}</th>
                  <th scope="col">{t('ref.counters.services')}</th>
                  <th scope="col">{t('ref.services.state')}</th>
                  <th scope="col">{t('ref.lastChange')}</th>
                  <th scope="col">{t('ref.actions')}</th>
                </tr>
              </thead>
              <tbody>
                <For each={counters()}>
                  {(c) => (
                    <tr data-testid={`ref-counter-${c.code}`}>
                      <th scope="row">{c.code}</th>
                      <td>
                        {c.label}
                        <Show when={c.cashDesk}><span class="admin-display-name">{t('ref.counters.cashDesk')}</span></Show>
                      </td>
                      <td>{c.services.map((code) => store.services().find((s) => s.code === code)?.series ?? code).join(' ') || '—'}</td>
                      <td>
                        <StatusChip tone={c.active !== false ? 'ok' : 'neutral'}>{t(c.active !== false ? 'ref.active' : 'ref.inactive')}</StatusChip>
                      </td>
                      <td data-testid={`ref-counter-${c.code}-changed`}>{lastChange(t, locale(), c)}</td>
                      <td class="admin-row-actions">
                        <Button size="small" testId={`ref-counter-edit-${c.code}`} aria-label={t('ref.counters.editFor', { code: c.code })} onClick={() => open(c)}>
                          {t('ref.edit')}
                        </Button>
                        <Button size="small" variant="quiet" testId={`ref-counter-history-${c.code}`} aria-label={t('ref.historyFor', { name: c.code })} onClick={() => (setEditing(null), setHistory(c))}>
                          {t('ref.history')}
                        </Button>
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </Show>
        </Show>
      </Panel>
      <Show when={store.ready() && branch()} keyed>
        {(_b) => <ServiceMatrix store={store} counters={counters()} />}
      </Show>
    </div>
  );
}
