/**
 * The back office's requests register (issue 11): the worklist (mine or the team's, by due
 * date, overdue marked, filtered by status), a request recorded from a letter or a phone call,
 * and the chosen request worked on. Requests live in the branch replica; every write goes there
 * and replicates. See docs/BACKOFFICE.md, "Requests register".
 */
import { Show, createMemo, createResource, createSignal } from 'solid-js';
import { createStore } from 'solid-js/store';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { useData } from '../../../data/DataProvider.tsx';
import { useToasts } from '../../../ui/Toasts.tsx';
import { Button } from '../../../ui/Button.tsx';
import { branchDocId, type Branch } from '../../../../couch-design/types/branch.ts';
import { BACKOFFICE_REQUEST, type BackofficeRequest } from '../../../../couch-design/types/backoffice-request.ts';
import { branchDay } from '../../../queue/numbering.ts';
import { deviceActor } from '../../../queue/writer-store.ts';
import { worklist, type WorklistFilter } from '../../../backoffice/worklist.ts';
import type { RequestActor } from '../../../backoffice/requests.ts';
import { saveRequest } from './save-request.ts';
import { RequestList } from './RequestList.tsx';
import { NewRequestForm } from './NewRequestForm.tsx';
import { RequestDetail } from './RequestDetail.tsx';
import { createBranchChanges } from '../branch-changes.ts';

export function RequestsRegister() {
  const { t } = useI18n();
  const changes = createBranchChanges();
  const { user, branch } = changes;
  const { layer } = useData();
  const toasts = useToasts();
  const [data] = createResource(
    () => changes.version(),
    async () => {
      const [requests, branchDoc] = await Promise.all([
        layer.allDocsByPrefix<BackofficeRequest>('branch', 'borequest:'),
        layer.get<Branch>('ref', branchDocId(branch)).catch(() => null),
      ]);
      return { requests: requests.filter((r) => r.type === BACKOFFICE_REQUEST), timeZone: branchDoc?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone };
    },
  );
  const timeZone = () => data.latest?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const today = () => branchDay(new Date(), timeZone());
  const actor = (): RequestActor & { uid: string; branch: string } => {
    const a = deviceActor({ branch, agent: user.name, timeZone: timeZone() });
    return { agent: user.name, at: a.now.toISOString(), today: branchDay(a.now, timeZone()), uid: a.uid(), branch };
  };
  const [filter, setFilter] = createStore<WorklistFilter>({ who: 'team', status: 'open' });
  const items = createMemo(() => worklist(data.latest?.requests ?? [], filter, user.name, today()));
  const [selected, setSelected] = createSignal<string | null>(null);
  // From every request, not the filtered list: the request being worked on stays shown when a move takes it out of the filter.
  const chosen = createMemo(() => {
    const r = (data.latest?.requests ?? []).find((x) => x._id === selected());
    return r ? worklist([r], { who: 'team', status: 'all' }, user.name, today())[0]! : null;
  });
  const [creating, setCreating] = createSignal(false);

  /** Null when written; else the reason, in words, and nothing was written. */
  async function save(doc: BackofficeRequest): Promise<string | null> {
    const error = await saveRequest(layer, doc, t);
    changes.wrote();
    if (!error) toasts.show(t('req.saved'), 'ok');
    return error;
  }

  return (
    <div class="req-register" data-testid="req-register">
      <div class="req-head">
        <h1>{t('req.title')}</h1>
        <Button variant="primary" testId="req-new" disabled={creating()} onClick={() => setCreating(true)}>
          {t('req.new')}
        </Button>
      </div>
      <Show when={creating()}>
        <NewRequestForm
          today={today()}
          actor={actor}
          save={save}
          done={(id) => {
            setCreating(false);
            if (id) setSelected(id);
          }}
        />
      </Show>
      <div class="req-body">
        <RequestList items={items()} filter={filter} setFilter={setFilter} loading={!data.latest} selected={selected()} select={setSelected} />
        <Show when={selected()} keyed fallback={<p class="counter-muted req-detail-none">{t('req.detail.none')}</p>}>
          {(id) => (
            <Show when={chosen()} fallback={<p class="counter-muted req-detail-none">{t('req.detail.none')}</p>}>
              {(item) => <RequestDetail id={id} item={item()} agent={user.name} actor={actor} save={save} />}
            </Show>
          )}
        </Show>
      </div>
    </div>
  );
}
