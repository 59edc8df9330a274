/**
 * A visitor the counter cannot find on file (issue 13): the agent types the name and identity
 * document number the visitor shows; if nobody on file has that number or name, the only
 * certificate that can be issued is "not registered" (the catalogue's types with that rule), and
 * the panel says so plainly. Someone found must be chosen in the search instead.
 */
import { For, Show, createResource, createSignal } from 'solid-js';
import type { CertificateType } from '../../../couch-design/types/catalogue.ts';
import { IDENTITY_NUMBER } from '../../../couch-design/types/certificate.ts';
import { INSTITUTION_ID, type Institution } from '../../../couch-design/types/institution.ts';
import { personName, type Person } from '../../../couch-design/types/person.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useData } from '../../data/DataProvider.tsx';
import { findPeople } from '../../people/find-people.ts';
import { guardedSubmit, useActionGuard } from '../../ui/action-guard.ts';
import { Button } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { eligibility } from '../../certificates/eligibility.ts';
import { visitorHolder } from '../../certificates/issue.ts';
import { certificateIssuing } from './certificate-issuing.ts';
import { CertificateTypeRow, type TypeRow } from './CertificateTypeRow.tsx';
import { refusalText } from './CertificatesPanel.tsx';
import type { CounterController } from './counter-controller.ts';

type Checked = { found: Person[] } | { offline: true } | { identity: { name: string; idNumber: string }; rows: TypeRow[]; institution: Institution | null };

export function CertificatesNotOnFile(props: { ctl: CounterController }) {
  const { t, locale, money } = useI18n();
  const { layer } = useData();
  const guard = useActionGuard();
  const issuing = certificateIssuing(props.ctl, layer);
  const [name, setName] = createSignal('');
  const [idNumber, setIdNumber] = createSignal('');
  const [errors, setErrors] = createSignal<{ name?: boolean; idNumber?: boolean }>({});
  const [checked, setChecked] = createSignal<Checked | null>(null);
  const [issued, setIssued] = createSignal<string | null>(null);
  const [types] = createResource(async () => (await layer.allDocsByPrefix<CertificateType>('ref', 'certtype:')).filter((x) => x.type === 'certificate_type'));

  async function check() {
    setChecked(null);
    setIssued(null);
    const who = name().trim().replace(/\s+/g, ' ');
    const id = idNumber().toUpperCase().replace(/\s+/g, '');
    const bad = { name: who.length < 2, idNumber: !IDENTITY_NUMBER.test(id) };
    setErrors(bad);
    if (bad.name || bad.idNumber) return;
    const byNumber = await findPeople(layer, id);
    const byName = byNumber.people.length > 0 ? byNumber : await findPeople(layer, who, { limit: 10 });
    if (byName.people.length > 0) return void setChecked({ found: byName.people });
    // Nobody on this device proves nothing: a device holds its branch's share of the insurants
    // only (docs/PEOPLE.md). Non-registration is certified from the server's answer alone.
    if (byNumber.where !== 'server' || byName.where !== 'server') return void setChecked({ offline: true });
    const identity = { name: who, idNumber: id };
    const institution = await layer.get<Institution>('ref', INSTITUTION_ID).catch(() => null);
    const file = { person: null, identity, cases: [], accountLines: [], orders: [] };
    const rows = (types() ?? []).filter((x) => x.rule === 'not_registered').map((type) => ({ type, verdict: eligibility(type, file, { today: props.ctl.queue.day() }) }));
    setChecked({ identity, rows, institution });
  }

  const reason = refusalText(t, money, 0);

  return (
    <Panel title={t('certs.notOnFile.title')} class="certs" testId="certs-not-on-file">
      <p class="counter-muted">{t('certs.notOnFile.intro')}</p>
      <form class="certrev-find" onSubmit={guardedSubmit(guard, check)} novalidate>
        <Field label={t('certs.notOnFile.name')} error={errors().name ? t('certs.notOnFile.nameMissing') : null} class="certrev-query">
          {(ids) => <input id={ids.id} data-testid="certs-visitor-name" maxLength={200} autocomplete="off" aria-describedby={ids.describedBy} aria-invalid={ids.invalid || undefined} value={name()} onInput={(e) => setName(e.currentTarget.value)} />}
        </Field>
        <Field label={t('certs.notOnFile.idNumber')} hint={t('certs.notOnFile.idHint')} error={errors().idNumber ? t('certs.notOnFile.idBad') : null} class="certrev-query">
          {(ids) => <input id={ids.id} data-testid="certs-visitor-id" maxLength={40} autocomplete="off" spellcheck={false} aria-describedby={ids.describedBy} aria-invalid={ids.invalid || undefined} value={idNumber()} onInput={(e) => setIdNumber(e.currentTarget.value)} />}
        </Field>
        <Button type="submit" testId="certs-visitor-check" disabled={guard.busy()}>{t('certs.notOnFile.check')}</Button>
      </form>
      <Show when={checked() && 'offline' in checked()!}>
        <Notice tone="warn" testId="certs-visitor-offline">{t('certs.notOnFile.offline')}</Notice>
      </Show>
      <Show when={checked() && !('offline' in checked()!) ? checked() : null}>
        {(c) => (
          <Show
            when={'identity' in c() ? (c() as Extract<Checked, { identity: unknown }>) : null}
            fallback={
              <div data-testid="certs-visitor-found">
                <Notice tone="warn">{t('certs.notOnFile.found')}</Notice>
                <ul>
                  <For each={(c() as { found: Person[] }).found}>{(p) => <li>{personName(p)} ({p.number})</li>}</For>
                </ul>
              </div>
            }
          >
            {(ok) => (
              <>
                <Show when={ok().rows.length > 0} fallback={<Notice tone="warn" testId="certs-visitor-none">{t('certs.notOnFile.noType')}</Notice>}>
                  <Notice tone="info" testId="certs-visitor-only">{t('certs.notOnFile.only', { name: ok().identity.name })}</Notice>
                </Show>
                <Show when={issued()}>{(n) => <Notice tone="ok" testId="certs-issued">{t('certs.issued', { number: n() })}</Notice>}</Show>
                <ul class="certs-list">
                  <For each={ok().rows}>
                    {(row) => (
                      <CertificateTypeRow
                        row={row}
                        reason={reason}
                        issue={async (months) => {
                          if (!row.verdict.eligible) return null;
                          const done = await issuing.issue({ type: row.type, holder: visitorHolder(ok().identity), certified: row.verdict.certified, locale: locale(), ...(months !== undefined ? { months } : {}) }, ok().institution);
                          if ('refused' in done) return done.refused;
                          setIssued(done.number);
                          return null;
                        }}
                      />
                    )}
                  </For>
                </ul>
              </>
            )}
          </Show>
        )}
      </Show>
    </Panel>
  );
}
