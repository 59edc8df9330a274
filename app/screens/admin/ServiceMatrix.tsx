/**
 * The service matrix of one branch: counters × services, one checkbox per cell, each named
 * for what it means ("C03 serves Pensions"). Ticks are kept apart from the stored rows until
 * saved, so a change arriving from another device still shows in the cells not touched here.
 * Saving writes each changed counter's `services` with its change-log entry. A service left
 * with no active counter is a warning, not a refusal.
 */
import { For, Show, createMemo, createSignal } from 'solid-js';
import { createStore } from 'solid-js/store';
import type { Counter } from '../../../couch-design/types/counter.ts';
import type { Stored } from '../../data/docs.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Button } from '../../ui/Button.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { unservedServices, withService } from '../../admin/ref-rules.ts';
import { RefSaveError, type RefStore } from '../../admin/ref-store.ts';
import { failureText } from './ref-problems.ts';

export function ServiceMatrix(props: { store: RefStore; counters: readonly Stored<Counter>[] }) {
  const { t, locale } = useI18n();
  // counter id → service code → ticked, for the cells changed here and not saved yet.
  const [ticks, setTicks] = createStore<Record<string, Record<string, boolean>>>({});
  const [message, setMessage] = createSignal<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const services = () => props.store.services();
  const order = () => services().map((s) => s.code);

  const rowOf = (c: Counter): string[] => {
    let row = c.services;
    const mine = ticks[c._id];
    if (mine) for (const code of Object.keys(mine)) row = withService({ ...c, services: row }, code, mine[code]!, order());
    return row;
  };
  const drafted = createMemo(() => props.counters.map((c) => ({ before: c, services: rowOf(c) })));
  const changed = () => drafted().filter((d) => JSON.stringify(d.services) !== JSON.stringify(d.before.services));
  const unserved = createMemo(() => unservedServices(services(), drafted().map((d) => ({ ...d.before, services: d.services }))));

  async function save() {
    setMessage(null);
    const todo = changed();
    if (todo.length === 0) return setMessage({ tone: 'ok', text: t('ref.matrix.unchanged') });
    let done = 0;
    try {
      for (const d of todo) {
        await props.store.save(d.before, { ...d.before, services: d.services, ...editOf(props.store) });
        setTicks(d.before._id, undefined!);
        done++;
      }
      setMessage({ tone: 'ok', text: t('ref.matrix.saved', { count: done }) });
    } catch (error) {
      if (!(error instanceof RefSaveError)) throw error;
      const failure = error.failure === 'series_taken' || error.failure === 'code_taken' ? 'invalid' : error.failure;
      setMessage({ tone: 'error', text: failureText(t, failure) });
    }
  }

  return (
    <Panel title={t('ref.matrix.title')} testId="ref-matrix">
      <p class="field-hint">{t('ref.matrix.hint')}</p>
      <Show when={unserved().length > 0}>
        <Notice tone="warn" testId="ref-matrix-unserved">{t('ref.matrix.unserved', { services: unserved().map((s) => s.name[locale()]).join(', ') })}</Notice>
      </Show>
      <Show when={message()}>{(m) => <Notice tone={m().tone} testId="ref-matrix-message">{m().text}</Notice>}</Show>
      <div class="ref-matrix-scroll">
        <table class="table ref-matrix-table">
          <thead>
            <tr>
              <th scope="col">{t('ref.matrix.counter')}</th>
              <For each={services()}>{(s) => <th scope="col" classList={{ 'ref-inactive': !s.active }}>{s.series} · {s.name[locale()]}</th>}</For>
            </tr>
          </thead>
          <tbody>
            <For each={drafted()}>
              {(d) => (
                <tr classList={{ 'ref-inactive': d.before.active === false }} data-testid={`ref-matrix-row-${d.before.code}`}>
                  <th scope="row">{d.before.code} · {d.before.label}</th>
                  <For each={services()}>
                    {(s) => (
                      <td class="ref-cell">
                        <label class="ref-cell-target">
                          <input
                            type="checkbox"
                            data-testid={`ref-matrix-${d.before.code}-${s.code}`}
                            aria-label={t('ref.matrix.cell', { counter: d.before.code, service: s.name[locale()] })}
                            checked={d.services.includes(s.code)}
                            onChange={(e) => {
                              const on = e.currentTarget.checked;
                              setTicks(d.before._id, (row) => ({ ...(row ?? {}), [s.code]: on }));
                            }}
                          />
                        </label>
                      </td>
                    )}
                  </For>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      <Button variant="primary" testId="ref-matrix-save" action={save}>
        {t('ref.matrix.save')}
      </Button>
    </Panel>
  );
}

function editOf(store: RefStore) {
  const e = store.edit();
  return { updatedBy: e.by, updatedAt: e.at };
}
