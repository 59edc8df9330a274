/**
 * The visitor's file beside the visit: who they are and their open cases, with translated
 * status words. A component of its own: the next issue adds documents and history to it.
 */
import { For, Show, createEffect, createResource, on } from 'solid-js';
import { personName } from '../../../couch-design/types/person.ts';
import type { Case } from '../../../couch-design/types/case.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useData } from '../../data/DataProvider.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { StatusChip } from '../../ui/StatusChip.tsx';
import { caseTone, openCases } from './cases.ts';
import type { DocumentType } from '../../../couch-design/types/catalogue.ts';
import type { Submission, SubmissionReview } from '../../../couch-design/types/submission.ts';
import { answersToTell, completeCases, pendingMatters } from '../../desk/pending.ts';
import { BACKOFFICE_REQUEST, type BackofficeRequest } from '../../../couch-design/types/backoffice-request.ts';
import { applyMove } from '../../backoffice/requests.ts';
import { useAuth } from '../../auth/AuthProvider.tsx';
import { Button } from '../../ui/Button.tsx';
import { useToasts } from '../../ui/Toasts.tsx';
import { saveRequest } from '../backoffice/requests/save-request.ts';
import { parseReason } from '../../desk/reviews.ts';
import { readPersonFile } from '../../people/person-file.ts';

export function PersonFile(props: { personId: string | undefined }) {
  const { t, locale } = useI18n();
  const { layer, sync } = useData();
  // A standard refusal reason is stored as its code: said in the counter's language (reviews.ts).
  const reasonText = (reason: string) => {
    const r = parseReason(reason);
    return r.code ? [t(`bo.reason.${r.code}`), r.text].filter(Boolean).join(' — ') : r.text;
  };
  const [file, { refetch }] = createResource(
    () => props.personId,
    async (id) => {
      // By key from the branch replica, the server or the device's cache (docs/PEOPLE.md).
      const { person, cases, where } = await readPersonFile(layer, id).catch(() => ({ person: null, cases: [] as Case[], where: null }));
      // Pending matters (issue 10): what open cases miss, refused documents to bring again.
      const [submissions, reviews, types, requests] = await Promise.all([
        layer.allDocsByPrefix<Submission>('branch', 'submission:').catch(() => [] as Submission[]),
        layer.allDocsByPrefix<SubmissionReview>('branch', 'review:').catch(() => [] as SubmissionReview[]),
        layer.allDocsByPrefix<DocumentType>('ref', 'doctype:').catch(() => [] as DocumentType[]),
        layer.allDocsByPrefix<BackofficeRequest>('branch', 'borequest:').catch(() => [] as BackofficeRequest[]),
      ]);
      const [subs, revs] = [submissions.filter((x) => x.type === 'submission'), reviews.filter((r) => r.type === 'submission_review')];
      const pending = pendingMatters(id, cases, subs, revs);
      // The back office's answers to pass on (issue 11).
      const answers = answersToTell(id, requests.filter((r) => r.type === BACKOFFICE_REQUEST));
      return { person, where, cases: openCases(cases), pending, answers, complete: completeCases(id, cases, subs, revs), docNames: new Map(types.map((d) => [d.code, d.name])) };
    },
  );
  const agent = useAuth().user()?.name ?? '';
  const toasts = useToasts();
  // Telling the person settles the answer: the counter closes the request (the one move a counter makes on it).
  async function told(id: string) {
    const request = await layer.get<BackofficeRequest>('branch', id);
    if (!request) return;
    const at = new Date().toISOString();
    const next = applyMove(request, { kind: 'close' }, { agent, at, today: at.slice(0, 10) });
    if (!next.ok) return void toasts.show(t(`req.error.${next.error}`), 'error');
    const failed = await saveRequest(layer, next.doc, t);
    if (failed) return void toasts.show(failed, 'error');
    toasts.show(t('desk.pending.toldDone'), 'ok');
    void refetch();
  }
  // A person not (yet) on the device: a new tablet's first sync may still be bringing them.
  // Look again each time that sync reports progress (and when it ends), not on a timer: a
  // person this device will never hold must not cost a re-read of the file every few seconds.
  createEffect(on(() => sync.summary().firstSync?.done ?? null, () => {
    if (props.personId && !file.loading && !file()?.person) void refetch();
  }, { defer: true }));
  return (
    <Panel title={t('counter.person')} class="counter-file" testId="counter-file">
      <Show when={props.personId} fallback={<p class="counter-muted">{t('counter.file.none')}</p>}>
        <Show when={!file.loading || file.latest} fallback={<p class="counter-muted">{t('counter.file.loading')}</p>}>
          <Show when={file()?.person} fallback={<p class="counter-muted" data-testid="counter-file-missing">{file()?.where === null ? t('people.fileNotOnDevice') : t('counter.file.notFound')}</p>}>
            {(p) => (
              <div data-testid="counter-person" data-person={p()._id}>
                <p class="counter-person-name">{personName(p())}</p>
                <p class="counter-muted">{t('counter.file.number', { number: p().number })}</p>
                <Show when={file()!.pending.length > 0 || file()!.answers.length > 0}>
                  <div class="desk-pending" data-testid="desk-pending">
                    <h3 class="counter-subtitle">{t('desk.pending.title')}</h3>
                    <ul>
                      <For each={file()!.pending}>
                        {(m) => {
                          const name = `${m.code} ${file()!.docNames.get(m.code)?.[locale()] ?? ''}`.trim();
                          return (
                            <li data-testid="desk-pending-item" data-kind={m.kind} data-code={m.code}>
                              {m.kind === 'missing'
                                ? t('desk.pending.missing', { doc: name, case: m.caseNo })
                                : t('desk.pending.refused', { doc: name, receipt: m.receiptNumber }) + (m.reason ? ` (${reasonText(m.reason)})` : '')}
                            </li>
                          );
                        }}
                      </For>
                      <For each={file()!.answers}>
                        {(a) => (
                          <li class="desk-answer" data-testid="desk-pending-item" data-kind="answered" data-request={a.request}>
                            <span>{t('desk.pending.answered', { subject: a.subject, answer: a.answer })}</span>
                            <Button testId="desk-answer-told" action={() => told(a.request)}>{t('desk.pending.told')}</Button>
                          </li>
                        )}
                      </For>
                    </ul>
                  </div>
                </Show>
                <h3 class="counter-subtitle">{t('counter.cases')}</h3>
                <Show when={file()!.cases.length > 0} fallback={<p data-testid="counter-cases-none">{t('counter.cases.none')}</p>}>
                  <ul class="counter-cases" data-testid="counter-cases">
                    <For each={file()!.cases}>
                      {(c) => (
                        <li class="counter-case" data-testid="counter-case" data-status={c.status}>
                          <span class="counter-case-kind">{t(`counter.case.kind.${c.kind}`)}</span>
                          <StatusChip tone={caseTone(c.status)}>{t(`counter.case.status.${c.status}`)}</StatusChip>
                          <span class="counter-muted">{c.caseNo}</span>
                          <Show when={file()!.complete.has(c.caseNo)}>
                            <StatusChip tone="ok" testId="counter-case-complete">{t('bo.complete')}</StatusChip>
                          </Show>
                          <Show when={c.missingDocuments.length > 0 && !file()!.complete.has(c.caseNo)}>
                            <span class="counter-case-missing">{t('counter.cases.missing', { count: String(c.missingDocuments.length) })}</span>
                          </Show>
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
              </div>
            )}
          </Show>
        </Show>
      </Show>
    </Panel>
  );
}
