/** Exporting what the server holds, in the import layout (docs/IMPORTS.md), as a CSV download. */
import { For, Show, createSignal } from 'solid-js';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Button } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { download } from '../../ui/download.ts';
import { exportFileName } from '../../imports/export-csv.ts';
import { IMPORT_KINDS, type ImportKind, layoutOf } from '../../imports/layouts.ts';
import type { PeopleServer } from '../../imports/people-server.ts';
import { runExport } from '../../imports/run-export.ts';

export function ExportPanel(props: { server: PeopleServer }) {
  const { t, number, locale } = useI18n();
  const [kind, setKind] = createSignal<ImportKind>('insurants');
  const [status, setStatus] = createSignal<{ tone: 'info' | 'ok' | 'error'; text: string } | null>(null);

  async function exportKind() {
    const layout = layoutOf(kind());
    setStatus({ tone: 'info', text: t('imports.export.progress', { rows: 0 }) });
    try {
      const { parts, rows } = await runExport(props.server, layout, locale(), (n) => setStatus({ tone: 'info', text: t('imports.export.progress', { rows: number(n) }) }));
      download(new Blob(parts, { type: 'text/csv;charset=utf-8' }), exportFileName(layout, new Date()));
      setStatus({ tone: 'ok', text: t('imports.export.done', { rows: number(rows) }) });
    } catch (error) {
      console.error('export', error);
      setStatus({ tone: 'error', text: t('imports.failed') });
    }
  }

  return (
    <Panel title={t('imports.export.title')} testId="imports-export">
      <p>{t('imports.export.intro')}</p>
      <div class="imports-choice">
        <Field label={t('imports.kind.label')}>
          {(ids) => (
            <select id={ids.id} data-testid="imports-export-kind" value={kind()} onChange={(e) => (setKind(e.currentTarget.value as ImportKind), setStatus(null))}>
              <For each={IMPORT_KINDS}>{(k) => <option value={k}>{t(`imports.kind.${k}`)}</option>}</For>
            </select>
          )}
        </Field>
      </div>
      <Button variant="secondary" testId="imports-export-button" action={exportKind}>{t('imports.export.button')}</Button>
      <Show when={status()}>{(s) => <Notice tone={s().tone} testId="imports-export-status">{s().text}</Notice>}</Show>
    </Panel>
  );
}
