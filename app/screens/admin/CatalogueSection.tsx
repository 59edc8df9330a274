/**
 * The catalogue counters work from (issue 14): document types, events and the documents they
 * require, certificate types; one sub-tab each. A document type still required by an event is
 * not removed: the refusal names the events.
 */
import { For, Match, Switch, createSignal } from 'solid-js';
import type { CertificateType, DocumentType, EventType } from '../../../couch-design/types/catalogue.ts';
import type { Stored } from '../../data/docs.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { MessageKey } from '../../i18n/translate.ts';
import { Button } from '../../ui/Button.tsx';
import { eventsRequiring } from '../../admin/catalogue-rules.ts';
import { RefSaveError, type RefStore } from '../../admin/ref-store.ts';
import { CatalogueList } from './CatalogueList.tsx';
import { CatalogueDocumentTypeForm } from './CatalogueDocumentTypeForm.tsx';
import { CatalogueEventForm } from './CatalogueEventForm.tsx';
import { CertificateTypeForm } from './CertificateTypeForm.tsx';
import { useRefStore } from './ref-common.tsx';
import { failureText } from './ref-problems.ts';

const TABS = ['doctypes', 'events', 'certtypes'] as const;
type Tab = (typeof TABS)[number];

export function CatalogueSection() {
  const { t } = useI18n();
  const store = useRefStore();
  const [tab, setTab] = createSignal<Tab>('doctypes');
  return (
    <div class="ref-section" data-testid="ref-catalogue">
      <div role="tablist" aria-label={t('ref.catalogue.tabs')} class="admin-tabs catalogue-tabs">
        <For each={TABS}>
          {(name) => (
            <button
              type="button"
              role="tab"
              id={`catalogue-tab-${name}`}
              class="admin-tab"
              classList={{ active: tab() === name }}
              aria-selected={tab() === name}
              aria-controls="catalogue-panel"
              tabindex={tab() === name ? 0 : -1}
              data-testid={`catalogue-tab-${name}`}
              onClick={() => setTab(name)}
            >
              {t(`ref.catalogue.${name}` as MessageKey)}
            </button>
          )}
        </For>
      </div>
      <div id="catalogue-panel" role="tabpanel" aria-labelledby={`catalogue-tab-${tab()}`}>
        <Switch>
          <Match when={tab() === 'doctypes'}>
            <DocumentTypes store={store} />
          </Match>
          <Match when={tab() === 'events'}>
            <Events store={store} />
          </Match>
          <Match when={tab() === 'certtypes'}>
            <CertificateTypes store={store} />
          </Match>
        </Switch>
      </div>
    </div>
  );
}

function DocumentTypes(props: { store: RefStore }) {
  const { t, locale } = useI18n();
  const remove = async (item: Stored<DocumentType>, say: (m: string, tone: 'ok' | 'error') => void) => {
    const inUse = (names: string[]) => say(t('ref.doctypes.inUse', { code: item.code, events: names.join(', ') }), 'error');
    const users = eventsRequiring(item.code, props.store.events());
    if (users.length) return inUse(users.map((e) => e.name[locale()]));
    try {
      await props.store.remove(item);
      say(t('ref.doctypes.removed', { code: item.code }), 'ok');
    } catch (error) {
      if (!(error instanceof RefSaveError)) throw error;
      // The server knew of an event this device has not received yet: the same words, its names when known.
      if (error.failure === 'in_use') return inUse(error.events.map((code) => props.store.events().find((e) => e.code === code)?.name[locale()] ?? code));
      say(failureText(t, error.failure as 'offline'), 'error');
    }
  };
  return (
    <CatalogueList<DocumentType>
      store={props.store}
      kind="doctype"
      title={t('ref.doctypes.title')}
      count={(count) => t('ref.doctypes.count', { count })}
      newLabel={t('ref.doctypes.new')}
      items={props.store.documentTypes}
      name={(d) => `${d.code} ${d.name[locale()]}`}
      headers={[t('ref.doctypes.code'), t('ref.name'), t('ref.doctypes.validity')]}
      cells={(d) => (
        <>
          <td>{d.code}</td>
          <th scope="row">{d.name[locale()]}</th>
          <td>{d.validityMonths ?? t('ref.doctypes.noExpiry')}</td>
        </>
      )}
      form={(item, done) => (
        <CatalogueDocumentTypeForm store={props.store} item={item} onCancel={() => done(null)} onSaved={(d) => done(t(item ? 'ref.doctypes.saved' : 'ref.doctypes.created', { code: d.code }))} />
      )}
      actions={(item, say) => (
        <Button size="small" variant="danger" testId={`ref-doctype-remove-${item.code}`} aria-label={t('ref.doctypes.removeFor', { code: item.code })} action={() => remove(item, say)}>
          {t('ref.remove')}
        </Button>
      )}
    />
  );
}

function Events(props: { store: RefStore }) {
  const { t, locale } = useI18n();
  return (
    <CatalogueList<EventType>
      store={props.store}
      kind="event"
      title={t('ref.events.title')}
      count={(count) => t('ref.events.count', { count })}
      newLabel={t('ref.events.new')}
      items={props.store.events}
      name={(e) => e.name[locale()]}
      headers={[t('ref.events.code'), t('ref.name'), t('ref.events.required')]}
      cells={(e) => (
        <>
          <td>{e.code}</td>
          <th scope="row">{e.name[locale()]}</th>
          <td>{e.requiredDocuments.join(', ')}</td>
        </>
      )}
      form={(item, done) => <CatalogueEventForm store={props.store} item={item} onCancel={() => done(null)} onSaved={(e) => done(t(item ? 'ref.events.saved' : 'ref.events.created', { name: e.name[locale()] }))} />}
    />
  );
}

function CertificateTypes(props: { store: RefStore }) {
  const { t, locale } = useI18n();
  return (
    <CatalogueList<CertificateType>
      store={props.store}
      kind="certtype"
      title={t('ref.certtypes.title')}
      count={(count) => t('ref.certtypes.count', { count })}
      newLabel={t('ref.certtypes.new')}
      items={props.store.certificateTypes}
      name={(c) => c.name[locale()]}
      headers={[t('ref.certtypes.code'), t('ref.name'), t('ref.certtypes.for'), t('ref.certtypes.validity')]}
      cells={(c) => (
        <>
          <td>{c.code}</td>
          <th scope="row">{c.name[locale()]}</th>
          <td>{c.for.map((k) => t(`ref.certtypes.kind.${k}` as MessageKey)).join(', ')}</td>
          <td>{c.validityMonths ?? t('ref.doctypes.noExpiry')}</td>
        </>
      )}
      form={(item, done) => <CertificateTypeForm store={props.store} item={item} onCancel={() => done(null)} onSaved={(c) => done(t(item ? 'ref.certtypes.saved' : 'ref.certtypes.created', { name: c.name[locale()] }))} />}
    />
  );
}
