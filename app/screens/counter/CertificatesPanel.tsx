/**
 * Certificates at the counter (issue 13): from the person's file, which certificates this person
 * may receive now, and in plain words why not ("2TR 2013 unpaid: 50 980 FCFA") so the counter
 * can send them to the cash desk and issue it afterwards, in the same visit ("Check again" reads
 * the file anew, the desk's receipts included). Issuing signs with this tablet's key (offline
 * too, once certified), writes the immutable certificate, downloads the A4 PDF and prints the stub.
 */
import { For, Show, createResource, createSignal, onMount } from 'solid-js';
import type { CashEntry } from '../../../couch-design/types/cash-entry.ts';
import type { CertificateType } from '../../../couch-design/types/catalogue.ts';
import type { Certificate } from '../../../couch-design/types/certificate.ts';
import type { CertificateRevocation } from '../../../couch-design/types/certificate-revocation.ts';
import type { PaymentOrder } from '../../../couch-design/types/payment-order.ts';
import type { Person } from '../../../couch-design/types/person.ts';
import { INSTITUTION_ID, type Institution } from '../../../couch-design/types/institution.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useData } from '../../data/DataProvider.tsx';
import { readPersonFile } from '../../people/person-file.ts';
import { Button } from '../../ui/Button.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { Panel } from '../../ui/Panel.tsx';
import { StatusChip } from '../../ui/StatusChip.tsx';
import type { Locale } from '../../i18n/translate.ts';
import { periodLabel } from '../../cash/designation.ts';
import { type Refusal, eligibility, paidAtDesk } from '../../certificates/eligibility.ts';
import { personHolder } from '../../certificates/issue.ts';
import { ensureCertified } from '../../certificates/device-signer.ts';
import { certificateIssuing } from './certificate-issuing.ts';
import { CertificateTypeRow, type TypeRow } from './CertificateTypeRow.tsx';
import type { CounterController } from './counter-controller.ts';

/** The refusals of eligibility.ts in words; `decimals` for amounts owed. */
export function refusalText(t: ReturnType<typeof useI18n>['t'], money: ReturnType<typeof useI18n>['money'], decimals: number) {
  return (r: Refusal): string => {
    switch (r.code) {
      case 'unpaid_period':
        return t('certs.reason.unpaid_period', { period: periodLabel(r.period), owed: money(r.owed, r.currency, decimals) });
      case 'no_benefit_paid':
        return t('certs.reason.no_benefit_paid', { from: r.from, to: r.to });
      case 'registered':
        return t('certs.reason.registered', { number: r.number });
      case 'not_for_kind':
        return t('certs.reason.not_for_kind');
      default:
        return t(`certs.reason.${r.code}`);
    }
  };
}

export function CertificatesPanel(props: { ctl: CounterController; personId: string }) {
  const { t, locale, money, date, dateTime } = useI18n();
  const { layer } = useData();
  const queue = props.ctl.queue;
  const issuing = certificateIssuing(props.ctl, layer);
  const [paperLocale, setPaperLocale] = createSignal<Locale>(locale());
  const [issued, setIssued] = createSignal<{ number: string } | null>(null);
  onMount(() => void ensureCertified(queue.branch, queue.day()));

  const [file, { refetch }] = createResource(
    () => props.personId,
    async (id) => {
      // By key from the branch's share, the server or the device's cache (docs/PEOPLE.md).
      const { person, cases, accountLines: lines } = await readPersonFile(layer, id).catch(() => ({ person: null, cases: [], accountLines: [] }));
      if (!person) return null;
      const number = person.number;
      const branchCash = `cash:${queue.branch}:`;
      const [institution, types, orders, entries, certificates, revocations] = await Promise.all([
        layer.get<Institution>('ref', INSTITUTION_ID).catch(() => null),
        layer.allDocsByPrefix<CertificateType>('ref', 'certtype:'),
        layer.allDocsByPrefix<PaymentOrder>('branch', `payorder:${queue.branch}:`).catch(() => [] as PaymentOrder[]),
        layer.allDocsByPrefix<CashEntry>('branch', branchCash).catch(() => [] as CashEntry[]),
        layer.allDocsByPrefix<Certificate>('branch', 'cert:').catch(() => [] as Certificate[]),
        layer.allDocsByPrefix<CertificateRevocation>('branch', 'certrevocation:').catch(() => [] as CertificateRevocation[]),
      ]);
      const account = person.accountNumber ?? number;
      const paid = paidAtDesk(lines.filter((l) => l.type === 'account_line'), entries.filter((e) => e.type === 'cash_entry' && e.account === account));
      const mine = { person, cases: cases.filter((c) => c.type === 'case'), accountLines: paid, orders: orders.filter((o) => o.type === 'payment_order' && o.beneficiary === id) };
      const rows: TypeRow[] = types
        .filter((x) => x.type === 'certificate_type' && x.rule !== 'not_registered' && x.for.includes(person.kind))
        .map((type) => ({ type, verdict: eligibility(type, mine, { today: queue.day() }) }));
      const certTypes = new Map(types.map((x) => [x.code, x]));
      const revoked = new Map(revocations.filter((r) => r.type === 'certificate_revocation').map((r) => [r.number, r]));
      const issued = certificates
        .filter((c) => c.type === 'certificate' && c.person === id && certTypes.has(c.certType))
        .sort((a, b) => (a.issuedAt < b.issuedAt ? 1 : -1))
        .map((c) => ({ doc: c, type: certTypes.get(c.certType)!, revocation: revoked.get(c.number) ?? null }));
      return { person, rows, institution, issued };
    },
  );

  const reason = (r: Refusal) => refusalText(t, money, file()?.institution?.currencyDecimals ?? 0)(r);

  async function issue(row: TypeRow, person: Person, institution: Institution | null, months: number | undefined) {
    setIssued(null);
    if (!row.verdict.eligible) return null;
    const done = await issuing.issue({ type: row.type, holder: personHolder(person), certified: row.verdict.certified, locale: paperLocale(), ...(months !== undefined ? { months } : {}) }, institution);
    if ('refused' in done) return done.refused;
    setIssued(done);
    void refetch();
    return null;
  }

  return (
    <Panel title={t('certs.title')} class="certs" testId="certs">
      <Show when={file()} fallback={<p class="counter-muted">{t('counter.file.loading')}</p>}>
        {(f) => (
          <>
            <div class="certs-tools">
              <label class="certs-locale">
                {t('certs.paperLocale')}
                <select data-testid="certs-locale" value={paperLocale()} onChange={(e) => setPaperLocale(e.currentTarget.value as Locale)}>
                  <option value="fr">Français</option>
                  <option value="en">English</option>
                </select>
              </label>
              <Button size="small" variant="quiet" testId="certs-refresh" action={() => refetch()}>{t('certs.refresh')}</Button>
            </div>
            <Show when={issued()}>{(i) => <Notice tone="ok" testId="certs-issued">{t('certs.issued', { number: i().number })}</Notice>}</Show>
            <ul class="certs-list">
              <For each={f().rows}>{(row) => <CertificateTypeRow row={row} reason={reason} issue={(months) => issue(row, f().person, f().institution, months)} />}</For>
            </ul>
            <Show when={f().issued.length > 0}>
              <h3 class="counter-subtitle">{t('certs.earlier')}</h3>
              <ul class="certs-list" data-testid="certs-earlier">
                <For each={f().issued}>
                  {(c) => (
                    <li class="certs-row" data-testid="certs-earlier-item" data-number={c.doc.number} data-revoked={String(c.revocation !== null)}>
                      <span class="certs-name">{c.type.name[locale()]} · {c.doc.number}</span>
                      <span class="counter-muted">{dateTime(c.doc.issuedAt)}</span>
                      {/* A revoked paper is never printed again: its seal still verifies, only the server knows it is revoked. */}
                      <Show
                        when={c.revocation}
                        fallback={
                          <Button size="normal" testId={`certs-reprint-${c.doc.number}`} action={() => issuing.printPaper(c.doc, c.type, personHolder(f().person), f().institution, true)}>
                            {t('certs.reprint')}
                          </Button>
                        }
                      >
                        {(r) => <StatusChip tone="danger" testId={`certs-revoked-${c.doc.number}`}>{t('certs.revokedOn', { day: date(r().day) })}</StatusChip>}
                      </Show>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </>
        )}
      </Show>
    </Panel>
  );
}
