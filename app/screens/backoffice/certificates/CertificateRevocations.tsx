/**
 * The back office revokes a certificate (issue 13): find it in the branch replica by its number
 * (or its last groups) or by the holder's number, see whether it is in force, and revoke it with
 * a reason. The revocation goes to the server first when online (a second revocation made
 * elsewhere is refused there at once) and replicates to head office; offline it waits in the
 * replica. Verifiers learn it on /verify once online; the counter no longer reprints the paper.
 */
import { For, Show, createResource, createSignal, onCleanup } from 'solid-js';
import type { Certificate } from '../../../../couch-design/types/certificate.ts';
import type { CertificateRevocation } from '../../../../couch-design/types/certificate-revocation.ts';
import type { CertificateType } from '../../../../couch-design/types/catalogue.ts';
import { branchDocId, type Branch } from '../../../../couch-design/types/branch.ts';
import { personName, type Person } from '../../../../couch-design/types/person.ts';
import { readPersonFile } from '../../../people/person-file.ts';
import { useData } from '../../../data/DataProvider.tsx';
import { openBranchReplica } from '../../../data/branch-replica.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { guardedSubmit, useActionGuard } from '../../../ui/action-guard.ts';
import { Button } from '../../../ui/Button.tsx';
import { Field } from '../../../ui/Field.tsx';
import { Notice } from '../../../ui/Notice.tsx';
import { Panel } from '../../../ui/Panel.tsx';
import { StatusChip } from '../../../ui/StatusChip.tsx';
import { findCertificates, type FoundCertificate } from '../../../certificates/revocation.ts';
import { createBranchChanges } from '../branch-changes.ts';
import { RevokeForm } from './RevokeForm.tsx';

const MIN_QUERY = 3;

/** Who holds it: the person on file, or the visitor a "not registered" certificate names. */
function holderOf(c: Certificate, person: Person | null): string {
  if (person) return `${personName(person)} (${person.number})`;
  const named = c.certified as { name?: unknown; idNumber?: unknown };
  return typeof named.name === 'string' ? `${named.name} (${String(named.idNumber ?? '')})` : (c.person ?? '').replace(/^person:/, '');
}

export function CertificateRevocations() {
  const { t, locale, date } = useI18n();
  const changes = createBranchChanges();
  const { user, branch } = changes;
  const { layer } = useData();
  const guard = useActionGuard();
  const writer = openBranchReplica(user, branch, layer.fetch);
  onCleanup(() => void writer.close());

  const [query, setQuery] = createSignal('');
  const [searched, setSearched] = createSignal<string | null>(null);
  const [tooShort, setTooShort] = createSignal(false);
  const [chosen, setChosen] = createSignal<string | null>(null);
  const [done, setDone] = createSignal<string | null>(null);

  const [results] = createResource(
    () => ({ q: searched(), version: changes.version() }),
    async ({ q }) => {
      if (q === null) return null;
      const [certificates, revocations, types] = await Promise.all([
        layer.allDocsByPrefix<Certificate>('branch', 'cert:'),
        layer.allDocsByPrefix<CertificateRevocation>('branch', 'certrevocation:'),
        layer.allDocsByPrefix<CertificateType>('ref', 'certtype:').catch(() => [] as CertificateType[]),
      ]);
      const found = findCertificates(
        certificates.filter((c) => c.type === 'certificate'),
        revocations.filter((r) => r.type === 'certificate_revocation'),
        q,
      );
      // By key from the branch's share, the server or the device's cache (docs/PEOPLE.md).
      const people = await Promise.all(found.map((f) => (f.certificate.person ? readPersonFile(layer, f.certificate.person).then((file) => file.person, () => null) : null)));
      const typeNames = new Map(types.filter((x) => x.type === 'certificate_type').map((x) => [x.code, x.name]));
      return found.map((f, i) => ({
        ...f,
        typeName: typeNames.get(f.certificate.certType)?.[locale()] ?? f.certificate.certType,
        holder: holderOf(f.certificate, people[i] ?? null),
      }));
    },
  );
  const [zone] = createResource(async () => (await layer.get<Branch>('ref', branchDocId(branch)).catch(() => null))?.timeZone ?? 'UTC');

  const find = () => {
    setDone(null);
    setChosen(null);
    const q = query().trim();
    const short = q.replace(/[^A-Za-z0-9]/g, '').length < MIN_QUERY;
    setTooShort(short);
    setSearched(short ? null : q);
  };
  const chosenItem = (): FoundCertificate | null => results.latest?.find((r) => r.certificate.number === chosen() && !r.revocation) ?? null;

  return (
    <div data-testid="certrev">
      <h1>{t('certrev.title')}</h1>
      <Panel>
        <p class="counter-muted">{t('certrev.intro')}</p>
        <form class="certrev-find" onSubmit={guardedSubmit(guard, find)} novalidate>
          <Field label={t('certrev.query')} hint={t('certrev.queryHint')} error={tooShort() ? t('certrev.tooShort') : null} class="certrev-query">
            {(ids) => (
              <input
                id={ids.id}
                data-testid="certrev-query"
                autocomplete="off"
                spellcheck={false}
                aria-describedby={ids.describedBy}
                aria-invalid={ids.invalid || undefined}
                value={query()}
                onInput={(e) => setQuery(e.currentTarget.value)}
              />
            )}
          </Field>
          <Button type="submit" testId="certrev-find" disabled={guard.busy()}>{t('certrev.find')}</Button>
        </form>
        <Show when={done()}>{(n) => <Notice tone="ok" testId="certrev-done">{t('certrev.done', { number: n() })}</Notice>}</Show>
        <Show when={results.latest}>
          {(items) => (
            <Show when={items().length > 0} fallback={<p class="counter-muted" data-testid="certrev-none">{t('certrev.none')}</p>}>
              <h2 class="counter-subtitle">{t('certrev.results')}</h2>
              <ul class="certs-list" data-testid="certrev-results">
                <For each={items()}>
                  {(item) => (
                    <li class="certs-row" data-testid="certrev-item" data-number={item.certificate.number} data-revoked={String(item.revocation !== null)}>
                      <span>
                        <span class="certs-name">{item.certificate.number}</span>
                        <br />
                        <span class="counter-muted">{t('certrev.item', { type: item.typeName, person: item.holder, date: date(item.certificate.day) })}</span>
                      </span>
                      <Show
                        when={item.revocation}
                        fallback={<StatusChip tone="ok">{t('certrev.inForce')}</StatusChip>}
                      >
                        {(r) => (
                          <StatusChip tone="danger" testId={`certrev-revoked-${item.certificate.number}`}>
                            {t('certrev.revokedOn', { day: date(r().day), reason: t(`certrev.reason.${r().reason}`) })}
                          </StatusChip>
                        )}
                      </Show>
                      <Show when={!item.revocation} fallback={<span />}>
                        <Button variant="danger" testId={`certrev-choose-${item.certificate.number}`} disabled={chosen() === item.certificate.number} action={() => setChosen(item.certificate.number)}>
                          {t('certrev.choose')}
                        </Button>
                      </Show>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          )}
        </Show>
        {/* Keyed by the certificate's number, not by its search result (a new object at every re-read,
            e.g. when replication brings documents): the reason and note start empty for each
            certificate and survive a re-read. */}
        <Show when={chosenItem() ? chosen() : null} keyed>
          {(_number) => (
            <RevokeForm
              found={chosenItem()!}
              agent={user.name}
              timeZone={zone() ?? 'UTC'}
              write={(doc) => writer.writeServerFirst(doc)}
              onCancel={() => setChosen(null)}
              onDone={(number) => {
                setChosen(null);
                setDone(number);
                changes.wrote();
              }}
            />
          )}
        </Show>
      </Panel>
    </div>
  );
}
