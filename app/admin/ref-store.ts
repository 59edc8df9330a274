/**
 * The reference data the administration edits, read live from this device's fo_ref replica
 * (every device keeps one, kept in sync by the data layer) and written to the server first:
 * an edit of reference data needs the server's verdict at once (a series letter another
 * administrator just took, a supervisor outside its branch), so it is not queued offline.
 * Each edit writes the document, then its change-log entry (types/ref-change.ts).
 */
import { createSignal, onCleanup, type Accessor } from 'solid-js';
import { REF_DB } from '../../couch-design/databases.ts';
import { uid } from '../../couch-design/ids/uid.ts';
import type { Branch } from '../../couch-design/types/branch.ts';
import type { Counter } from '../../couch-design/types/counter.ts';
import type { Service } from '../../couch-design/types/service.ts';
import { INSTITUTION_ID, type Institution } from '../../couch-design/types/institution.ts';
import type { CertificateType, DocumentType, EventType } from '../../couch-design/types/catalogue.ts';
import { refChangePrefix, type RefChange } from '../../couch-design/types/ref-change.ts';
import type { PrinterRoleDefaults } from '../../couch-design/types/printer-role.ts';
import { BROWSER_ADAPTER, BrowserPouch } from '../data/pouch.ts';
import { localName } from '../data/replicas.ts';
import { validateWrite } from '../data/validate.ts';
import { openRemoteWriter } from '../data/remote-write.ts';
import { RefSaveError, failureOf } from './save-failure.ts';

export { RefSaveError, type SaveFailure } from './save-failure.ts';
import type { Stored } from '../data/docs.ts';
import { deviceId } from '../queue/device.ts';
import { changedFields, refChangeOf, type Edit, type RefDoc } from './ref-rules.ts';

export interface RefStore {
  readonly services: Accessor<Stored<Service>[]>;
  /** Every branch's counters, in id order (by branch, then code). */
  readonly counters: Accessor<Stored<Counter>[]>;
  readonly branches: Accessor<Stored<Branch>[]>;
  /** Null until read, or on a replica that has none yet. */
  readonly institution: Accessor<Stored<Institution> | null>;
  readonly events: Accessor<Stored<EventType>[]>;
  readonly documentTypes: Accessor<Stored<DocumentType>[]>;
  readonly certificateTypes: Accessor<Stored<CertificateType>[]>;
  /** The institution's printer settings of the roles that have some. */
  readonly printerRoles: Accessor<Stored<PrinterRoleDefaults>[]>;
  readonly ready: Accessor<boolean>;
  /** Bumped at every change of the replica: history readers follow it. */
  readonly version: Accessor<number>;
  /** One item's change log, newest first. */
  history(target: string): Promise<Stored<RefChange>[]>;
  /** Writes `after` (a creation when `before` is null), then its log entry; nothing when nothing changed. */
  save<T extends RefDoc>(before: Stored<T> | null, after: T): Promise<void>;
  /** Removes `doc` (a document type no event requires), then logs the removal. */
  remove<T extends RefDoc>(doc: Stored<T>): Promise<void>;
  edit(): Edit;
}

let seq = 0;

export function createRefStore(user: { readonly name: string; readonly roles: readonly string[] }, fetcher: typeof fetch): RefStore {
  const writer = openRemoteWriter({
    Pouch: BrowserPouch,
    adapter: BROWSER_ADAPTER,
    local: localName(user.name, REF_DB),
    remote: REF_DB,
    remoteBase: `${location.origin}/db`,
    user,
    validate: validateWrite,
    fetch: fetcher,
  });
  const [services, setServices] = createSignal<Stored<Service>[]>([]);
  const [counters, setCounters] = createSignal<Stored<Counter>[]>([]);
  const [branches, setBranches] = createSignal<Stored<Branch>[]>([]);
  const [institution, setInstitution] = createSignal<Stored<Institution> | null>(null);
  const [events, setEvents] = createSignal<Stored<EventType>[]>([]);
  const [documentTypes, setDocumentTypes] = createSignal<Stored<DocumentType>[]>([]);
  const [certificateTypes, setCertificateTypes] = createSignal<Stored<CertificateType>[]>([]);
  const [printerRoles, setPrinterRoles] = createSignal<Stored<PrinterRoleDefaults>[]>([]);
  const [ready, setReady] = createSignal(false);
  const [version, setVersion] = createSignal(0);
  let closed = false;

  async function load() {
    const [s, c, b, i, e, d, t, p] = await Promise.all([
      writer.allDocsByPrefix<Service>('service:'),
      writer.allDocsByPrefix<Counter>('counter:'),
      writer.allDocsByPrefix<Branch>('branch:'),
      writer.allDocsByPrefix<Institution>(INSTITUTION_ID),
      writer.allDocsByPrefix<EventType>('event:'),
      writer.allDocsByPrefix<DocumentType>('doctype:'),
      writer.allDocsByPrefix<CertificateType>('certtype:'),
      writer.allDocsByPrefix<PrinterRoleDefaults>('printer:'),
    ]);
    if (closed) return;
    setServices(s.filter((x) => x.type === 'service'));
    setCounters(c.filter((x) => x.type === 'counter'));
    setBranches(b.filter((x) => x.type === 'branch'));
    setInstitution(i.find((x) => x._id === INSTITUTION_ID && x.type === 'institution') ?? null);
    setEvents(e.filter((x) => x.type === 'event'));
    setDocumentTypes(d.filter((x) => x.type === 'document_type'));
    setCertificateTypes(t.filter((x) => x.type === 'certificate_type'));
    setPrinterRoles(p.filter((x) => x.type === 'printer_role'));
    setReady(true);
    setVersion((v) => v + 1);
  }
  // Replication (another administrator, a supervisor) and this device's own writes alike.
  const stop = writer.subscribe((doc) => {
    if (/^((service|counter|branch|refchange|event|doctype|certtype|printer):|institution$)/.test(doc._id)) void load();
  });
  void load();
  onCleanup(() => {
    closed = true;
    stop();
    void writer.close();
  });

  return {
    services,
    counters,
    branches,
    institution,
    events,
    documentTypes,
    certificateTypes,
    printerRoles,
    ready,
    version,
    async history(target) {
      const docs = await writer.allDocsByPrefix<RefChange>(refChangePrefix(target));
      return docs.filter((d) => d.type === 'ref_change').reverse();
    },
    edit: () => ({ by: user.name, at: new Date().toISOString() }),
    async save(before, after) {
      if (before && changedFields(before, after).length === 0) return;
      const creating = before === null;
      try {
        await writer.writeArbitrated(creating ? after : { ...after, _rev: before._rev });
      } catch (error) {
        throw new RefSaveError(failureOf(error, creating), error);
      }
      const log = refChangeOf(before, after, { by: after.updatedBy!, at: after.updatedAt! }, uid(Date.now(), deviceId(), ++seq));
      // The edit stands; its log entry goes to the server now, or with the next push if the link just dropped.
      await writer.writeServerFirst(log);
      await load();
    },
    async remove(doc) {
      try {
        await writer.writeArbitrated({ _id: doc._id, _rev: doc._rev, _deleted: true } as never);
      } catch (error) {
        throw new RefSaveError(failureOf(error, false), error);
      }
      await writer.writeServerFirst(refChangeOf(doc, null, { by: user.name, at: new Date().toISOString() }, uid(Date.now(), deviceId(), ++seq)));
      await load();
    },
  };
}
