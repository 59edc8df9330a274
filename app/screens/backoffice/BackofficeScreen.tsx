/**
 * Back office: "Delivered documents & certificates" (issue 11, the brief's legacy screen). The
 * documents handed in at the branch's counters, from the branch replica, grouped by visit;
 * tick rows, choose Validate or Refuse, apply: one immutable review per document, written to
 * the replica (offline too) and replicated. Beside it, the requests register (requests/). See
 * docs/BACKOFFICE.md.
 */
import { Show, createMemo, createSignal, on, createEffect, onCleanup } from 'solid-js';
import { useSearchParams } from '../../routing/Router.tsx';
import { createStore } from 'solid-js/store';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useData } from '../../data/DataProvider.tsx';
import { useToasts } from '../../ui/Toasts.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { branchDocId, type Branch } from '../../../couch-design/types/branch.ts';
import type { EventType } from '../../../couch-design/types/catalogue.ts';
import type { SubmissionReview } from '../../../couch-design/types/submission.ts';
import { reviewsByDocument } from '../../desk/reviews.ts';
import { branchDay } from '../../queue/numbering.ts';
import { deviceActor } from '../../queue/writer-store.ts';
import { DEFAULT_FILTERS, filterRows, type Filters, type Row } from './rows.ts';
import { rowsStoreOf, type RowsRef, type RowsState } from './rows-store.ts';
import { decide, type DecisionError, type Ticked } from './decide.ts';
import { DocumentTable } from './DocumentTable.tsx';
import { FilterBar } from './FilterBar.tsx';
import { DecisionBar, type DecisionState } from './DecisionBar.tsx';
import { RowDetail } from './RowDetail.tsx';
import { createBranchChanges } from './branch-changes.ts';
import { RequestsRegister } from './requests/RequestsRegister.tsx';
import { CertificateRevocations } from './certificates/CertificateRevocations.tsx';
import './backoffice.css';
import '../desk-shared.css';

function DeliveredDocuments() {
  const { t, locale } = useI18n();
  const changes = createBranchChanges();
  const { user, branch } = changes;
  const { layer } = useData();
  const toasts = useToasts();
  const readRef = async (): Promise<RowsRef> => {
    const [events, branchDoc] = await Promise.all([
      layer.allDocsByPrefix<EventType>('ref', 'event:').catch(() => [] as EventType[]),
      layer.get<Branch>('ref', branchDocId(branch)).catch(() => null),
    ]);
    return { events: events.filter((e) => e.type === 'event'), timeZone: branchDoc?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone };
  };
  // The rows outlive the section (rows-store.ts): coming back to it shows them at once. A back-office user always holds the branch replica.
  const store = rowsStoreOf(layer.local('branch')!, readRef);
  const [data, setData] = createSignal<RowsState | null>(store.current());
  const [readError, setReadError] = createSignal<string | null>(null);
  onCleanup(store.subscribe(setData));
  createEffect(
    on(changes.version, () => {
      store.refresh().then(
        () => setReadError(null),
        (e: unknown) => setReadError(String((e as Error).message ?? e)),
      );
    }),
  );
  const [filters, setFilters] = createStore<Filters>({ ...DEFAULT_FILTERS });
  const shown = createMemo(() => filterRows(data()?.rows ?? [], filters));
  const counters = createMemo(() => [...new Set((data()?.rows ?? []).map((r) => r.counter))].sort());
  const eventName = (code: string) => data()?.events.find((e) => e.code === code)?.name[locale()] ?? code;

  const [ticked, setTicked] = createSignal<ReadonlyMap<string, Ticked>>(new Map());
  const [active, setActive] = createSignal(0);
  // A new filter shows other rows: ticks of rows no longer shown must not be decided unseen.
  createEffect(on(() => ({ ...filters }), () => {
    setTicked(new Map());
    setActive(0);
  }, { defer: true }));
  const tick = (row: Row): Ticked => ({ submission: row.submission, code: row.code, seen: row.reviews.latest?._id ?? null });
  const toggle = (row: Row) => {
    const next = new Map(ticked());
    if (next.has(row.key)) next.delete(row.key);
    else next.set(row.key, tick(row));
    setTicked(next);
  };
  const tickAll = (on: boolean) => setTicked(on ? new Map(shown().map((r) => [r.key, tick(r)])) : new Map());

  const [choice, setChoice] = createStore<DecisionState>({ decision: 'validated', reasonCode: '', reasonText: '' });
  const [error, setError] = createSignal<{ code: DecisionError | 'save'; docs: string } | null>(null);

  async function apply() {
    setError(null);
    const now = reviewsByDocument((await layer.allDocsByPrefix<SubmissionReview>('branch', 'review:')).filter((r) => r.type === 'submission_review'));
    const actor = deviceActor({ branch, agent: user.name, timeZone: data()?.timeZone ?? 'UTC' });
    const result = decide({
      ticked: [...ticked().values()],
      ...choice,
      now,
      branch,
      day: branchDay(actor.now, actor.timeZone!),
      agent: user.name,
      at: actor.now.toISOString(),
      uid: actor.uid,
    });
    if (!result.ok) return void setError({ code: result.error, docs: result.documents.join(', ') });
    try {
      for (const review of result.reviews) await layer.put('branch', review);
    } catch (e) {
      setError({ code: 'save', docs: String((e as Error).message ?? e) });
    } finally {
      changes.wrote();
    }
    if (error()) return;
    toasts.show(t('bo.done', { count: result.reviews.length }), 'ok');
    setTicked(new Map());
    setChoice({ reasonCode: '', reasonText: '' });
  }
  const message = () => {
    const e = error();
    if (!e) return null;
    return e.code === 'save' ? t('bo.error.save', { reason: e.docs }) : t(`bo.error.${e.code}`, { docs: e.docs });
  };

  return (
    <div class="bo-documents" data-testid="bo-documents">
      <h1>{t('bo.title')}</h1>
      <FilterBar filters={filters} set={setFilters} events={(data()?.events ?? []).map((e) => ({ code: e.code, name: e.name[locale()] }))} counters={counters()} />
      <DecisionBar state={choice} set={(k, v) => setChoice(k, v)} ticked={ticked().size} reasonError={error()?.code === 'reason_required' ? message() : null} apply={apply} />
      <Show when={error() && error()!.code !== 'reason_required'}>
        <div role="alert" data-testid="bo-error" data-code={error()!.code}>
          <Notice tone="error">{message()}</Notice>
        </div>
      </Show>
      <Show when={readError()}>
        <div role="alert" data-testid="bo-read-error">
          <Notice tone="error">{t('bo.error.read', { reason: readError()! })}</Notice>
        </div>
      </Show>
      <p class="counter-muted bo-summary" data-testid="bo-summary">
        {t('bo.shown', { count: shown().length, ticked: ticked().size })} · {t('bo.keys')}
        <Show when={data()?.partial}>
          {' · '}
          <span role="status" data-testid="bo-loading-older">{t('bo.loadingOlder')}</span>
        </Show>
      </p>
      <div class="bo-body">
        <Show when={data()} fallback={<p class="counter-muted">{t('bo.loading')}</p>}>
          <Show when={shown().length > 0} fallback={<p class="counter-muted" data-testid="bo-empty">{t('bo.empty')}</p>}>
            <DocumentTable rows={shown()} eventName={eventName} isTicked={(key) => ticked().has(key)} toggle={toggle} tickAll={tickAll} active={active()} setActive={setActive} />
          </Show>
        </Show>
        <RowDetail row={shown()[active()]} eventName={eventName} branch={branch} />
      </div>
    </div>
  );
}

const VIEWS = ['documents', 'requests', 'certificates'] as const;
type View = (typeof VIEWS)[number];

/** The back office's sections as tabs (`?view=`): a new section is one more entry in VIEWS. */
export function BackofficeScreen() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams<{ view?: string }>();
  const view = (): View => VIEWS.find((v) => v === params.view) ?? 'documents';
  // Short names: the tab bar shares the sections' title line.
  const label = (v: View) => t(`bo.tab.${v}`);
  return (
    <section class="screen bo-screen" data-testid="screen-backoffice">
      <div
        role="tablist"
        aria-label={t('bo.title')}
        class="bo-tabs"
        onKeyDown={(e) => {
          // The tab pattern's arrow keys move to the previous or next section.
          if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
          const next = VIEWS[(VIEWS.indexOf(view()) + (e.key === 'ArrowRight' ? 1 : VIEWS.length - 1)) % VIEWS.length]!;
          setParams({ view: next });
          (e.currentTarget.querySelector(`[data-testid="bo-tab-${next}"]`) as HTMLElement | null)?.focus();
        }}
      >
        {VIEWS.map((v) => (
          <button type="button" role="tab" id={`bo-tab-${v}`} class="bo-tab" classList={{ active: view() === v }} aria-selected={view() === v} aria-controls="bo-panel" tabindex={view() === v ? 0 : -1} data-testid={`bo-tab-${v}`} onClick={() => setParams({ view: v })}>
            {label(v)}
          </button>
        ))}
      </div>
      <div id="bo-panel" role="tabpanel" aria-labelledby={`bo-tab-${view()}`}>
        {/* Children, not a fallback: a fallback is built inside Show's tracking scope, so a signal the section reads while it is set up (the signed-in user) would rebuild it and lose its ticks. */}
        <Show when={view() === 'documents'}>
          <DeliveredDocuments />
        </Show>
        <Show when={view() === 'requests'}>
          <RequestsRegister />
        </Show>
        <Show when={view() === 'certificates'}>
          <CertificateRevocations />
        </Show>
      </div>
    </section>
  );
}
