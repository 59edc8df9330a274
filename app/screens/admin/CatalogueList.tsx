/**
 * One list of reference items (document types, events, certificate types, branches): a
 * "New" button, the table with each item's last change, edit and history, and the form of
 * one item mounted keyed (each opening starts clean). The caller gives the columns and the form.
 */
import { For, Show, createSignal, type JSX } from 'solid-js';
import type { Stored } from '../../data/docs.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Button } from '../../ui/Button.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { Panel } from '../../ui/Panel.tsx';
import type { RefStore } from '../../admin/ref-store.ts';
import type { RefDoc } from '../../admin/ref-rules.ts';
import { RefHistory } from './RefHistory.tsx';
import { lastChange } from './ref-common.tsx';

type Editing<T extends RefDoc> = { key: number; item: Stored<T> | null };

export interface CatalogueListProps<T extends RefDoc & { code: string }> {
  store: RefStore;
  /** Test ids: `ref-<kind>-new`, `ref-<kind>-<code>`, `ref-<kinds>-list`, `ref-<kinds>-message`. */
  kind: string;
  title: string;
  count: (n: number) => string;
  newLabel: string;
  items: () => Stored<T>[];
  name: (item: T) => string;
  headers: string[];
  cells: (item: T) => JSX.Element;
  /** The form; `done(message)` closes it and shows the message. */
  form: (item: Stored<T> | null, done: (message: string | null) => void) => JSX.Element;
  /** More row actions (a removal), given a way to show a message. */
  actions?: (item: Stored<T>, say: (message: string, tone: 'ok' | 'error') => void) => JSX.Element;
}

export function CatalogueList<T extends RefDoc & { code: string }>(props: CatalogueListProps<T>) {
  const { t, locale } = useI18n();
  const [editing, setEditing] = createSignal<Editing<T> | null>(null);
  const [history, setHistory] = createSignal<Stored<T> | null>(null);
  const [message, setMessage] = createSignal<{ text: string; tone: 'ok' | 'error' } | null>(null);
  let openings = 0;
  const open = (item: Stored<T> | null) => {
    setMessage(null);
    setHistory(null);
    setEditing({ key: ++openings, item });
  };
  const done = (text: string | null) => {
    setEditing(null);
    setMessage(text ? { text, tone: 'ok' } : null);
  };
  return (
    <div class="ref-section" data-testid={`ref-${props.kind}s`}>
      <Show when={message()}>{(m) => <Notice tone={m().tone} testId={`ref-${props.kind}s-message`}>{m().text}</Notice>}</Show>
      <Show when={editing()} keyed fallback={<Button variant="primary" testId={`ref-${props.kind}-new`} disabled={!props.store.ready()} onClick={() => open(null)}>{props.newLabel}</Button>}>
        {(e) => props.form(e.item, done)}
      </Show>
      <Show when={history()} keyed>
        {(item) => <RefHistory store={props.store} target={item._id} name={props.name(item)} onClose={() => setHistory(null)} />}
      </Show>
      <Panel title={props.title} testId={`ref-${props.kind}s-list`}>
        <Show when={props.store.ready()} fallback={<p role="status">{t('ref.loading')}</p>}>
          <p class="admin-count" role="status">{props.count(props.items().length)}</p>
          <table class="table admin-table">
            <thead>
              <tr>
                <For each={props.headers}>{(h) => <th scope="col">{h}</th>}</For>
                <th scope="col">{t('ref.lastChange')}</th>
                <th scope="col">{t('ref.actions')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={props.items()}>
                {(item) => (
                  <tr data-testid={`ref-${props.kind}-${item.code}`}>
                    {props.cells(item)}
                    <td data-testid={`ref-${props.kind}-${item.code}-changed`}>{lastChange(t, locale(), item)}</td>
                    <td class="admin-row-actions">
                      <Button size="small" testId={`ref-${props.kind}-edit-${item.code}`} aria-label={t('ref.editFor', { name: props.name(item) })} onClick={() => open(item)}>
                        {t('ref.edit')}
                      </Button>
                      <Button size="small" variant="quiet" testId={`ref-${props.kind}-history-${item.code}`} aria-label={t('ref.historyFor', { name: props.name(item) })} onClick={() => (setEditing(null), setHistory(() => item))}>
                        {t('ref.history')}
                      </Button>
                      {props.actions?.(item, (text, tone) => (setEditing(null), setMessage({ text, tone })))}
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
