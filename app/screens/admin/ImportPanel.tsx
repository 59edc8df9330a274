/**
 * Importing a CSV file from the core system (docs/IMPORTS.md): choose what it holds and the
 * file, check it (counts, the first documents, the refused lines), then import. A file over
 * the size limit is refused before it is read; a wrong header refuses the file whole.
 */
import { For, Match, Show, Switch, createMemo, createSignal } from 'solid-js';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Button } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { MAX_IMPORT_BYTES } from '../../imports/decode.ts';
import { IMPORT_KINDS, type ImportKind } from '../../imports/layouts.ts';
import type { PeopleServer } from '../../imports/people-server.ts';
import { createImportJob, refusedLines, type ImportJob } from './import-job.ts';
import { ImportPreview, ImportProblems, ImportProgress } from './ImportReport.tsx';

export function ImportPanel(props: { server: PeopleServer }) {
  const { t } = useI18n();
  const [kind, setKind] = createSignal<ImportKind>('insurants');
  const [file, setFile] = createSignal<File | null>(null);
  const [job, setJob] = createSignal<ImportJob | null>(null);
  let input: HTMLInputElement | undefined;
  // A memo, not a function: Field renders its control again when the error changes, and a new
  // file input forgets its file; choosing another acceptable file must not change the error.
  const tooLarge = createMemo(() => {
    const size = file()?.size ?? 0;
    return size > MAX_IMPORT_BYTES ? t('imports.file.tooLarge', { size: Math.ceil(size / 1024 / 1024) }) : null;
  });
  const busy = () => {
    const phase = job()?.state.phase;
    return phase === 'reading' || phase === 'checking' || phase === 'writing';
  };

  async function check() {
    const f = file();
    if (!f || tooLarge()) return;
    const next = createImportJob(props.server, kind(), f);
    setJob(next);
    await next.check();
  }

  function another() {
    setJob(null);
    setFile(null);
    if (input) input.value = '';
    input?.focus();
  }

  return (
    <Panel title={t('imports.import.title')} testId="imports-import">
      <p>{t('imports.import.intro')}</p>
      <div class="imports-choice">
        <Field label={t('imports.kind.label')}>
          {(ids) => (
            <select id={ids.id} data-testid="imports-kind" value={kind()} disabled={busy()} onChange={(e) => (setKind(e.currentTarget.value as ImportKind), setJob(null))}>
              <For each={IMPORT_KINDS}>{(k) => <option value={k}>{t(`imports.kind.${k}`)}</option>}</For>
            </select>
          )}
        </Field>
        <Field label={t('imports.file.label')} hint={t('imports.file.hint')} error={tooLarge()}>
          {(ids) => (
            <input
              ref={input}
              id={ids.id}
              type="file"
              accept=".csv,text/csv"
              aria-describedby={ids.describedBy}
              aria-invalid={ids.invalid}
              data-testid="imports-file"
              disabled={busy()}
              onChange={(e) => (setFile(e.currentTarget.files?.[0] ?? null), setJob(null))}
            />
          )}
        </Field>
      </div>
      <Show when={!job() || job()!.state.phase === 'failed'}>
        <Button variant="primary" testId="imports-check" disabled={!file() || !!tooLarge()} action={check}>
          {t('imports.check')}
        </Button>
      </Show>
      <Show when={job()} keyed>
        {(j) => <ImportJobView job={j} kindName={t(`imports.kind.${kind()}`)} fileName={file()?.name ?? ''} onAnother={another} />}
      </Show>
    </Panel>
  );
}

function ImportJobView(props: { job: ImportJob; kindName: string; fileName: string; onAnother: () => void }) {
  const { t, number } = useI18n();
  const s = () => props.job.state;
  const toWrite = () => (s().preview ? s().preview!.created + s().preview!.changed : 0);
  const summary = (totals: { created: number; changed: number; unchanged: number }) =>
    t('imports.summary', {
      lines: number(s().lines),
      encoding: s().encoding === 'windows-1252' ? 'Windows-1252' : 'UTF-8',
      created: number(totals.created),
      changed: number(totals.changed),
      unchanged: number(totals.unchanged),
      refused: number(refusedLines(s(), s().preview).length),
    });
  return (
    <div class="imports-job" data-testid="imports-job" data-phase={s().phase}>
      <Switch>
        <Match when={s().phase === 'reading' || s().phase === 'checking' || s().phase === 'writing'}>
          <ImportProgress label={t(`imports.phase.${s().phase as 'reading' | 'checking' | 'writing'}`)} done={s().done} total={s().total} />
        </Match>
        <Match when={s().phase === 'refused'}>
          <Notice tone="error" testId="imports-refused">{t('imports.refused', { kind: props.kindName })}</Notice>
          <ImportProblems problems={s().readProblems} testId="imports-problems" fileName={props.fileName} />
        </Match>
        <Match when={s().phase === 'failed'}>
          <Notice tone="error" testId="imports-failed">{t('imports.failed')}</Notice>
        </Match>
        <Match when={s().phase === 'ready' && s().preview}>
          {(preview) => (
            <>
              <Notice tone="info" testId="imports-summary">{summary(preview())}</Notice>
              <ImportPreview layout={props.job.layout} sample={preview().sample} />
              <ImportProblems problems={refusedLines(s(), preview())} testId="imports-problems" fileName={props.fileName} />
              <Show when={toWrite() > 0} fallback={<Notice tone="ok" testId="imports-nothing">{t('imports.nothingToWrite')}</Notice>}>
                <Button variant="primary" testId="imports-confirm" action={() => props.job.write()}>
                  {t('imports.confirm', { count: number(toWrite()) })}
                </Button>
              </Show>
            </>
          )}
        </Match>
        <Match when={s().phase === 'done' && s().result}>
          {(result) => (
            <>
              <Notice tone="ok" testId="imports-done">
                {t('imports.done', {
                  written: number(result().written),
                  created: number(result().created),
                  changed: number(result().changed),
                  unchanged: number(result().unchanged),
                  refused: number(refusedLines(s(), result()).length),
                })}
              </Notice>
              <ImportProblems problems={refusedLines(s(), result())} testId="imports-problems" fileName={props.fileName} />
            </>
          )}
        </Match>
      </Switch>
      <Show when={s().phase === 'ready' || s().phase === 'done' || s().phase === 'refused'}>
        <Button variant="secondary" testId="imports-another" onClick={() => props.onAnother()}>{t('imports.again')}</Button>
      </Show>
    </div>
  );
}
