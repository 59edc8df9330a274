/**
 * What an A4 certificate says, in the person's language (issue 13): the statement of its rule
 * (eligibility.ts `Certified`), place and date, validity, agent. Pure: the PDF (certificate-pdf.ts)
 * only lays these lines out.
 */
import type { PersonKind } from '../../couch-design/types/catalogue.ts';
import { formatDate, formatMoney } from '../i18n/format.ts';
import { translate, type Locale } from '../i18n/translate.ts';
import { periodLabel } from '../cash/designation.ts';
import type { Certified } from './eligibility.ts';
import type { LetterheadLogo } from '../printing/letterhead-layout.ts';

export interface CertificatePaper {
  institution: string;
  branchName: string;
  city: string;
  timeZone: string;
  typeName: string;
  number: string;
  /** For "not registered", the identity the person gave (no number). */
  person: { number?: string; name: string; kind: PersonKind };
  certified: Certified;
  issuedAt: string;
  validUntil?: string;
  agent: string;
  /** The QR's text: the verification URL with the seal. */
  qr: string;
  /** Printed under the QR: where to verify by hand. */
  verifyAt: string;
  /** A reprint: same number, marked DUPLICATA. */
  duplicate: boolean;
  currencyDecimals: number;
  /** The institution's logo for the letterhead; none: the letterhead without it. */
  logo?: LetterheadLogo | null;
}

export interface CertificateLines {
  title: string;
  number: string;
  statement: string[];
  /** Rows under the statement (benefits received: one per payment). */
  rows: string[];
  placeAndDate: string;
  validity: string;
  agent: string;
  verifyAt: string;
  duplicate: string | null;
}

const day = (d: string, locale: Locale) => formatDate(`${d}T12:00:00Z`, locale, 'UTC');

export function certificateLines(p: CertificatePaper, locale: Locale): CertificateLines {
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(locale, key, params);
  const who = { name: p.person.name, number: p.person.number ?? '', kind: t(`cert.kind.${p.person.kind}`) };
  const c = p.certified;
  let statement: string[];
  let rows: string[] = [];
  switch (c.rule) {
    case 'registered':
      statement = [t('cert.text.registered', who)];
      break;
    case 'good_standing':
      statement = [c.through ? t('cert.text.goodStanding', { ...who, period: periodLabel(c.through) }) : t('cert.text.goodStandingNoneDue', who)];
      break;
    case 'not_registered':
      statement = [t('cert.text.notRegistered', who)];
      break;
    case 'benefits_received':
      statement = [t('cert.text.benefitsReceived', { ...who, from: day(c.from, locale), to: day(c.to, locale), total: formatMoney(c.total, c.currency, p.currencyDecimals, locale) })];
      rows = c.payments.map((x) => `${day(x.paidAt.slice(0, 10), locale)}  ${x.designation}  ${formatMoney(x.amount, c.currency, p.currencyDecimals, locale)}`);
      break;
    case 'benefit_in_payment':
      statement = [t('cert.text.benefitInPayment', who)];
      rows = c.cases.map((x) => `${t(`counter.case.kind.${x.kind}`)} — ${x.caseNo}`);
      break;
  }
  return {
    title: p.typeName.toUpperCase(),
    number: t('cert.number', { number: p.number }),
    statement,
    rows,
    placeAndDate: t('cert.placeAndDate', { city: p.city, date: formatDate(p.issuedAt, locale, p.timeZone) }),
    validity: p.validUntil ? t('cert.validUntil', { date: day(p.validUntil, locale) }) : t('cert.noExpiry'),
    agent: t('cert.agent', { agent: p.agent, branch: p.branchName }),
    verifyAt: t('cert.verifyAt', { url: p.verifyAt }),
    duplicate: p.duplicate ? t('cert.duplicate') : null,
  };
}
