/** What an import check or run found: the first documents as they will be written, and the refused lines. */
import { For, Show } from 'solid-js';
import type { AnyDoc } from '../../../couch-design/validate/problems.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { columnValues } from '../../imports/export-csv.ts';
import type { Layout } from '../../imports/layouts.ts';
import type { LineProblem } from '../../imports/read-file.ts';
import { problemsCsv, problemsFileName } from '../../imports/problems-csv.ts';
import { Button } from '../../ui/Button.tsx';
import { download } from '../../ui/download.ts';
import { importProblemText } from './import-problems.ts';

/** The report lists this many problems; a file with more is corrected from the first ones. */
const SHOWN_PROBLEMS = 500;

export function ImportPreview(props: { layout: Layout; sample: { line: number; doc: AnyDoc }[] }) {
  const { t, locale } = useI18n();
  return (
    <Show when={props.sample.length}>
      <div class="imports-scroll" tabindex="0">
        <table class="table imports-table" data-testid="imports-preview">
          <caption>{t('imports.previewTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('imports.line')}</th>
              <For each={props.layout.columns}>{(c) => <th scope="col">{c[locale()]}</th>}</For>
            </tr>
          </thead>
          <tbody>
            <For each={props.sample}>
              {(s) => (
                <tr>
                  <th scope="row">{s.line}</th>
                  <For each={columnValues(props.layout, s.doc)}>{(v) => <td>{v}</td>}</For>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </Show>
  );
}

export function ImportProblems(props: { problems: LineProblem[]; testId: string; fileName: string }) {
  const { t, number } = useI18n();
  const shown = () => props.problems.slice(0, SHOWN_PROBLEMS);
  const save = () => {
    const csv = problemsCsv(props.problems, {
      headers: [t('imports.line'), t('imports.column'), t('imports.problem')],
      explain: (p) => importProblemText(t, p),
    });
    download(new Blob([csv], { type: 'text/csv;charset=utf-8' }), problemsFileName(props.fileName));
  };
  return (
    <Show when={props.problems.length}>
      <div class="imports-scroll" tabindex="0">
        <table class="table imports-table" data-testid={props.testId}>
          <caption>{t('imports.problemsTitle', { count: number(props.problems.length) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('imports.line')}</th>
              <th scope="col">{t('imports.column')}</th>
              <th scope="col">{t('imports.problem')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={shown()}>
              {(p) => (
                <tr data-testid={`imports-problem-${p.line}`}>
                  <th scope="row">{p.line}</th>
                  <td>{p.column ?? '—'}</td>
                  <td>{importProblemText(t, p)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      <Show when={props.problems.length > SHOWN_PROBLEMS}>
        <p>{t('imports.problemsMore', { count: number(props.problems.length - SHOWN_PROBLEMS) })}</p>
      </Show>
      <Button variant="secondary" testId={`${props.testId}-download`} onClick={save}>
        {t('imports.problemsDownload', { count: number(props.problems.length) })}
      </Button>
    </Show>
  );
}

export function ImportProgress(props: { label: string; done: number; total: number }) {
  const { t, number } = useI18n();
  return (
    <div class="imports-progress" data-testid="imports-progress">
      <p>{props.label}</p>
      <progress max={Math.max(props.total, 1)} value={props.done} aria-label={t('imports.progressLabel')} />
      <p class="imports-progress-count">{t('imports.progress', { done: number(props.done), total: number(props.total) })}</p>
    </div>
  );
}
