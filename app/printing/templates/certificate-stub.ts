/** The stub of a certificate: what was issued to whom, and the code to check it. */
import type { Receipt } from '../receipt-model.ts';
import type { Locale } from '../../i18n/translate.ts';
import { formatDate } from '../../i18n/format.ts';
import { type ReceiptHeader, formatters, headerBlocks } from './common.ts';

export interface CertificateStubData extends ReceiptHeader {
  certificateName: string;
  number: string;
  issuedAt: string;
  /** YYYY-MM-DD */
  validUntil?: string;
  person: { number: string; name: string };
  /** Where a third party checks it (the verification page), printed under the QR. */
  verifyAt: string;
  /** What the QR code holds: the verification URL with the certificate's seal. */
  qr: string;
  agent: string;
  counter?: string;
}

export function certificateStub(data: CertificateStubData, locale: Locale): Receipt {
  const { t, dateTime } = formatters(locale, data.timeZone);
  return {
    summary: t('print.certificate.summary', { number: data.number }),
    blocks: [
      ...headerBlocks(data),
      { kind: 'title', text: t('print.certificate.title') },
      { kind: 'text', text: data.certificateName, align: 'center', bold: true },
      { kind: 'pair', label: t('print.number'), value: data.number, bold: true },
      { kind: 'pair', label: t('print.date'), value: dateTime(data.issuedAt) },
      ...(data.validUntil
        ? [{ kind: 'pair', label: t('print.certificate.validUntil'), value: formatDate(`${data.validUntil}T12:00:00Z`, locale, 'UTC') } as const]
        : []),
      { kind: 'pair', label: t('print.person'), value: data.person.number },
      { kind: 'text', text: data.person.name, bold: true },
      { kind: 'pair', label: t('print.agent'), value: data.agent },
      ...(data.counter ? [{ kind: 'pair', label: t('print.counter'), value: data.counter } as const] : []),
      { kind: 'qr', data: data.qr },
      { kind: 'text', text: t('print.certificate.verifyAt', { url: data.verifyAt }), align: 'center' },
      { kind: 'barcode', data: data.number },
      { kind: 'cut' },
    ],
  };
}
