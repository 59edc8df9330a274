/**
 * Document filing from the person's file (issue 10): pick the event, the catalogue proposes
 * its documents (those the back office validated before are marked), tick what was handed in
 * with edition date, validity date and copies, and a scan of each if the agent takes one (the
 * scans go first, into the branch's push-only scans replica), save one immutable `submission`
 * on this device (replication takes it to the server, so it works offline) and print its receipt.
 *
 * The form lives in `FilingForm`, mounted keyed on the chosen event and on a per-filing key:
 * another event, or "New filing" after a save, starts from a clean form by construction.
 */
import { For, Show, createMemo, createResource, createSignal, onCleanup } from 'solid-js';
import { createStore } from 'solid-js/store';
import type { DocumentType, EventType } from '../../../couch-design/types/catalogue.ts';
import { submissionId, type Submission, type SubmissionReview } from '../../../couch-design/types/submission.ts';
import { personName } from '../../../couch-design/types/person.ts';
import type { Ticket } from '../../../couch-design/types/ticket.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useData } from '../../data/DataProvider.tsx';
import { Button } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { StatusChip } from '../../ui/StatusChip.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { deviceId } from '../../queue/device.ts';
import { printReceipt } from '../../printing/print-receipt.ts';
import { documentKey, reviewsByDocument, validatedCodes, type DocumentReviews } from '../../desk/reviews.ts';
import { buildSubmission, checkFiling, proposedLines, stillMissing, submittedDocuments, type FilingError, type FilingLine } from '../../desk/filing.ts';
import { nextReceiptSeq, receiptNumber } from '../../desk/receipt-number.ts';
import { findPeople, type PeopleSearchResult } from '../../people/find-people.ts';
import { WhereFound } from '../../people/WhereFound.tsx';
import { readPersonFile } from '../../people/person-file.ts';
import { withScans } from '../../desk/scan-docs.ts';
import type { ScanErrorCode } from '../../desk/scan-checks.ts';
import type { PreparedScan } from '../../desk/scan-file.ts';
import { ScanPicker } from './ScanPicker.tsx';
import type { CounterController } from './counter-controller.ts';

interface Catalogue {
  events: EventType[];
  docTypes: Map<string, DocumentType>;
}

interface History {
  submissions: Submission[];
  /** Latest decision per `<submission>|<code>`. */
  decisions: Map<string, DocumentReviews>;
  validated: Set<string>;
}

export function FilingPanel(props: { ctl: CounterController; personId: string; ticket: Ticket }) {
  const { t, locale } = useI18n();
  const { layer } = useData();
  const readCatalogue = async (): Promise<Catalogue> => {
    const [events, types] = await Promise.all([
      layer.allDocsByPrefix<EventType>('ref', 'event:').catch(() => [] as EventType[]),
      layer.allDocsByPrefix<DocumentType>('ref', 'doctype:').catch(() => [] as DocumentType[]),
    ]);
    return { events: events.filter((e) => e.type === 'event'), docTypes: new Map(types.filter((d) => d.type === 'document_type').map((d) => [d.code, d])) };
  };
  const [catalogue, { mutate: setCatalogue }] = createResource(readCatalogue);
  // The administration's catalogue edits (issue 14) reach an open form through the replica, without a reload.
  const refFeed = layer.local('ref')?.changes({ since: 'now', live: true });
  refFeed?.on('change', (change: { id: string }) => {
    if (/^(event|doctype):/.test(change.id)) void readCatalogue().then((c) => setCatalogue(c));
  });
  refFeed?.on('error', () => undefined); // the database closed under it (sign-out)
  onCleanup(() => refFeed?.cancel());
  const [saved, setSaved] = createSignal(0);
  const [history] = createResource(
    () => ({ person: props.personId, saved: saved() }),
    async ({ person }): Promise<History> => {
      const all = await layer.allDocsByPrefix<Submission>('branch', 'submission:').catch(() => [] as Submission[]);
      const submissions = all.filter((s) => s.type === 'submission' && s.person === person).sort((a, b) => (a.at < b.at ? 1 : -1));
      const ids = new Set(submissions.map((s) => s._id));
      const reviews = (await layer.allDocsByPrefix<SubmissionReview>('branch', 'review:').catch(() => [] as SubmissionReview[])).filter((r) => r.type === 'submission_review' && ids.has(r.submission));
      const decisions = reviewsByDocument(reviews, ids);
      return { submissions, decisions, validated: validatedCodes(decisions, ids) };
    },
  );
  const [event, setEvent] = createSignal('');
  // One key per filing: after a save, "New filing" mounts a fresh form.
  const [round, setRound] = createSignal(0);
  // Same event and round: the same form (a history reload after a save must not remount it).
  const chosen = createMemo(
    () => {
      const code = event();
      const e = catalogue()?.events.find((x) => x.code === code);
      return e && history() ? { event: e, round: round() } : undefined;
    },
    undefined,
    // By content: a catalogue re-read that leaves this event as it was keeps the form being filled.
    { equals: (a, b) => a?.event.code === b?.event.code && a?.event.requiredDocuments.join() === b?.event.requiredDocuments.join() && a?.round === b?.round },
  );

  return (
    <Panel title={t('desk.title')} class="desk-filing" testId="desk-filing">
      <Field label={t('desk.event')}>
        {(ids) => (
          <select id={ids.id} data-testid="desk-event" value={event()} onChange={(e) => setEvent(e.currentTarget.value)}>
            <option value="">{t('desk.event.choose')}</option>
            <For each={catalogue()?.events ?? []}>{(e) => <option value={e.code}>{e.name[locale()]}</option>}</For>
          </select>
        )}
      </Field>
      <Show when={chosen()} keyed>
        {(c) => (
          <FilingForm
            ctl={props.ctl}
            personId={props.personId}
            ticket={props.ticket}
            event={c.event}
            catalogue={catalogue()!}
            validated={history()!.validated}
            onSaved={() => setSaved((n) => n + 1)}
            onAnother={() => setRound((n) => n + 1)}
          />
        )}
      </Show>
      <h3 class="counter-subtitle">{t('desk.history')}</h3>
      <Show when={(history()?.submissions.length ?? 0) > 0} fallback={<p class="counter-muted" data-testid="desk-history-none">{t('desk.history.none')}</p>}>
        <ul class="desk-history" data-testid="desk-history">
          <For each={history()!.submissions}>
            {(s) => (
              <li class="desk-history-item" data-testid="desk-history-item" data-receipt={s.receiptNumber}>
                <span class="desk-receipt">{s.receiptNumber}</span>
                <span class="counter-muted">{catalogue()?.events.find((e) => e.code === s.event)?.name[locale()] ?? s.event}</span>
                <For each={s.documents}>
                  {(d) => {
                    const decision = history()!.decisions.get(documentKey(s._id, d.code))?.latest?.decision ?? 'pending';
                    return (
                      <span class="desk-history-doc">
                        {d.code} <StatusChip tone={decision === 'validated' ? 'ok' : decision === 'refused' ? 'danger' : 'neutral'}>{t(`desk.decision.${decision}`)}</StatusChip>
                      </span>
                    );
                  }}
                </For>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </Panel>
  );
}

function FilingForm(props: {
  ctl: CounterController;
  personId: string;
  ticket: Ticket;
  event: EventType;
  catalogue: Catalogue;
  validated: Set<string>;
  onSaved: () => void;
  onAnother: () => void;
}) {
  const { t, locale } = useI18n();
  const { layer } = useData();
  const ctl = props.ctl;
  const [lines, setLines] = createStore<FilingLine[]>(proposedLines(props.event, props.catalogue.docTypes, props.validated, locale()));
  const [errors, setErrors] = createSignal<FilingError[]>([]);
  const [failure, setFailure] = createSignal<string | null>(null);
  const [done, setDone] = createSignal<{ number: string; missing: string[] } | null>(null);
  const [unprinted, setUnprinted] = createSignal(false);
  // Per document code: the scan chosen for it, or why the file chosen was refused.
  const [scans, setScans] = createStore<Record<string, { scan: PreparedScan | null; error: ScanErrorCode | null }>>({});
  const canScan = layer.has('scans');
  const scanRefused = () => lines.some((l) => l.handed && scans[l.code]?.error);
  const errorFor = (field: string) => {
    const e = errors().find((x) => x.field === field);
    return e ? t(`desk.error.${e.code}`, { doc: e.doc ?? '' }) : null;
  };
  const designation = (code: string) => props.catalogue.docTypes.get(code)?.name[locale()] ?? code;

  async function save() {
    setFailure(null);
    const queue = ctl.queue;
    const day = queue.day();
    const found = checkFiling(props.event.code, lines, props.catalogue.docTypes, day);
    setErrors(found);
    if (found.length > 0) return;
    if (scanRefused()) return setFailure(t('desk.scan.errorsPending'));
    const device = deviceId();
    try {
      const earlier = await layer.allDocsByPrefix<Submission>('branch', `submission:${day}:`);
      const number = receiptNumber(queue.branch, day, device, nextReceiptSeq(earlier.map((s) => s.receiptNumber), queue.branch, day, device));
      const actor = queue.actor(ctl.code());
      const uid = actor.uid();
      const at = actor.now.toISOString();
      const files = new Map<string, PreparedScan>();
      for (const l of lines) if (l.handed && scans[l.code]?.scan) files.set(l.code, scans[l.code]!.scan!);
      const ctx = { branch: queue.branch, day, uid, submission: submissionId(day, uid), agent: ctl.agent, at };
      const { documents, scans: scanDocs } = withScans(ctx, submittedDocuments(lines), files);
      // Scans first: the submission never names a scan this device does not hold.
      for (const scanDoc of scanDocs) await layer.put('scans', scanDoc);
      const doc = buildSubmission({
        id: ctx.submission,
        branch: queue.branch,
        day,
        person: props.personId,
        ticket: props.ticket._id,
        event: props.event.code,
        documents,
        receiptNumber: number,
        agent: ctl.agent,
        counter: ctl.code(),
        at,
      });
      await queue.store.writeLocal(doc);
      const missing = stillMissing(props.event.requiredDocuments, documents.map((d) => d.code), props.validated);
      setDone({ number, missing });
      props.onSaved();
      const person = (await readPersonFile(layer, props.personId).catch(() => null))?.person ?? null;
      // Saved whatever happens to the paper: a receipt nothing could print is said, not hidden.
      const outcome = await printReceipt(
        {
          template: 'submission',
          data: {
            institution: '',
            branchName: queue.branchDoc()?.name ?? queue.branch,
            ...(queue.branchDoc()?.timeZone ? { timeZone: queue.branchDoc()!.timeZone } : {}),
            receiptNumber: number,
            at: doc.at,
            person: { number: person?.number ?? props.personId.slice('person:'.length), name: person ? personName(person) : '' },
            ticket: props.ticket.label,
            event: props.event.name[locale()],
            documents: documents.map((d) => ({ code: d.code, designation: d.designation, copies: d.copies })),
            missing: missing.map((code) => ({ code, designation: designation(code) })),
            agent: ctl.agent,
            counter: ctl.code(),
            qr: doc._id,
          },
        },
        locale(),
      ).catch(() => null);
      if (!outcome?.via) setUnprinted(true);
    } catch (error) {
      setFailure(t('desk.error.save', { reason: String((error as Error).message ?? error) }));
    }
  }

  return (
    <Show
      when={done()}
      fallback={
        <form class="desk-form" data-testid="desk-form" data-event={props.event.code} novalidate onSubmit={(e) => e.preventDefault()}>
          <Show when={errors().length > 0}>
            <div class="desk-errors" role="alert" data-testid="desk-errors">
              <p class="desk-errors-title">{t('desk.errorsTitle')}</p>
              <ul>
                <For each={errors()}>{(e) => <li data-testid="desk-error" data-code={e.code} data-doc={e.doc ?? ''}>{t(`desk.error.${e.code}`, { doc: e.doc ?? '' })}</li>}</For>
              </ul>
            </div>
          </Show>
          <Show when={failure()}>
            <Notice tone="error" testId="desk-failure">{failure()}</Notice>
          </Show>
          <fieldset class="desk-lines">
            <legend class="field-label">{t('desk.documents')}</legend>
            <For each={lines}>
              {(line, i) => (
                <div class="desk-line" data-testid="desk-line" data-code={line.code} data-validated={line.validatedBefore ? 'yes' : 'no'}>
                  <label class="checkbox desk-line-head">
                    <input type="checkbox" data-testid={`desk-handed-${line.code}`} checked={line.handed} onChange={(e) => setLines(i(), 'handed', e.currentTarget.checked)} />
                    <span class="desk-code">{line.code}</span> <span>{line.designation}</span>
                    <Show when={line.validatedBefore}>
                      <StatusChip tone="ok">{t('desk.validatedBefore')}</StatusChip>
                    </Show>
                  </label>
                  <Show when={line.handed}>
                    <div class="field-row desk-line-fields">
                      <Field label={t('desk.edition')} error={errorFor(`${line.code}.edition`)}>
                        {(ids) => <input id={ids.id} type="date" aria-describedby={ids.describedBy} aria-invalid={ids.invalid} data-testid={`desk-edition-${line.code}`} value={line.edition} onInput={(e) => setLines(i(), 'edition', e.currentTarget.value)} />}
                      </Field>
                      <Field label={t('desk.validity')} error={errorFor(`${line.code}.validity`)}>
                        {(ids) => <input id={ids.id} type="date" aria-describedby={ids.describedBy} aria-invalid={ids.invalid} data-testid={`desk-validity-${line.code}`} value={line.validity} onInput={(e) => setLines(i(), 'validity', e.currentTarget.value)} />}
                      </Field>
                      <Field label={t('desk.copies')} error={errorFor(`${line.code}.copies`)} class="desk-copies">
                        {(ids) => <input id={ids.id} type="number" inputMode="numeric" min="1" max="999" aria-describedby={ids.describedBy} aria-invalid={ids.invalid} data-testid={`desk-copies-${line.code}`} value={line.copies} onInput={(e) => setLines(i(), 'copies', e.currentTarget.value)} />}
                      </Field>
                    </div>
                    <Show when={canScan}>
                      <ScanPicker code={line.code} scan={scans[line.code]?.scan ?? null} error={scans[line.code]?.error ?? null} onChange={(scan, error) => setScans(line.code, { scan, error })} />
                    </Show>
                  </Show>
                </div>
              )}
            </For>
          </fieldset>
          <Button variant="primary" size="large" testId="desk-save" shortcut="F6" action={save}>{t('desk.save')}</Button>
        </form>
      }
    >
      {(d) => (
        <div class="desk-done" data-testid="desk-done">
          <Notice tone="ok" testId="desk-saved">
            <span data-testid="desk-receipt-number" data-number={d().number}>{t('desk.saved', { number: d().number })}</span>
          </Notice>
          <Show when={unprinted()}>
            <Notice tone="warn" testId="desk-unprinted">{t('desk.unprinted')}</Notice>
          </Show>
          <p data-testid="desk-missing" data-missing={d().missing.join(' ')}>
            {d().missing.length > 0 ? t('desk.missing', { list: d().missing.map((c) => `${c} ${designation(c)}`).join(', ') }) : t('desk.missingNone')}
          </p>
          <Button testId="desk-another" onClick={() => props.onAnother()}>{t('desk.another')}</Button>
        </div>
      )}
    </Show>
  );
}

/**
 * For a ticket that carries no person: find them by number, employer account or name among
 * the persons of the whole institution (this device's own when offline), and pick one. The choice belongs to the visit (Visit.tsx).
 */
export function PersonFinder(props: { onPick: (personId: string) => void }) {
  const { t } = useI18n();
  const { layer } = useData();
  const [query, setQuery] = createSignal('');
  const [found, setFound] = createSignal<PeopleSearchResult | null>(null);
  async function search(event: Event) {
    event.preventDefault();
    const q = query().trim();
    if (!q) return;
    setFound(await findPeople(layer, q));
  }
  return (
    <Panel title={t('desk.title')} class="desk-filing" testId="desk-finder">
      <p class="counter-muted">{t('desk.needsPerson')}</p>
      <form class="desk-find" role="search" onSubmit={search}>
        <Field label={t('desk.find.label')}>
          {(ids) => <input id={ids.id} type="search" data-testid="desk-find-query" value={query()} maxLength={100} onInput={(e) => setQuery(e.currentTarget.value)} />}
        </Field>
        <Button type="submit" testId="desk-find-submit">{t('desk.find.submit')}</Button>
      </form>
      <Show when={found()}>
        {(answer) => <WhereFound found={answer()} testId="desk-find-where" />}
      </Show>
      <Show when={found()?.people}>
        {(list) => (
          <Show when={list().length > 0} fallback={<p data-testid="desk-find-none">{t('desk.find.none')}</p>}>
            <ul class="desk-found" data-testid="desk-found">
              <For each={list()}>
                {(p) => (
                  <li class="desk-found-item">
                    <span>
                      <strong>{personName(p)}</strong> <span class="counter-muted">{t('counter.file.number', { number: p.number })}</span>
                    </span>
                    <Button testId={`desk-pick-${p.number}`} onClick={() => props.onPick(p._id)}>{t('desk.find.pick')}</Button>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </Show>
    </Panel>
  );
}
