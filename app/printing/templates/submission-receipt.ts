/** The receipt for papers handed in at a counter: what was received, for which event. */
import type { Receipt } from '../receipt-model.ts';
import type { Locale } from '../../i18n/translate.ts';
import { type ReceiptHeader, formatters, headerBlocks } from './common.ts';

export interface SubmissionReceiptData extends ReceiptHeader {
  receiptNumber: string;
  at: string;
  person: { number: string; name: string };
  /** Ticket label (A012), when the visit had one. */
  ticket?: string;
  /** The event's name in the receipt's language. */
  event: string;
  documents: { code: string; designation: string; copies: number }[];
  /** Required documents of the event still to bring (issue 10), when the counter knows them. */
  missing?: { code: string; designation: string }[];
  agent: string;
  counter: string;
  /** What the QR code holds: the submission id, to find it again. */
  qr: string;
}

export function submissionReceipt(data: SubmissionReceiptData, locale: Locale): Receipt {
  const { t, dateTime } = formatters(locale, data.timeZone);
  return {
    summary: t('print.submission.summary', { number: data.receiptNumber }),
    blocks: [
      ...headerBlocks(data),
      { kind: 'title', text: t('print.submission.title') },
      { kind: 'pair', label: t('print.number'), value: data.receiptNumber, bold: true },
      { kind: 'pair', label: t('print.date'), value: dateTime(data.at) },
      { kind: 'pair', label: t('print.person'), value: data.person.number },
      { kind: 'text', text: data.person.name, bold: true },
      ...(data.ticket ? [{ kind: 'pair', label: t('print.ticket'), value: data.ticket } as const] : []),
      { kind: 'pair', label: t('print.submission.event'), value: '' },
      { kind: 'text', text: data.event },
      { kind: 'rule' },
      {
        kind: 'table',
        columns: [{ header: t('print.submission.document') }, { header: t('print.submission.copies'), align: 'right', width: 4 }],
        rows: data.documents.map((d) => [`${d.code} ${d.designation}`, String(d.copies)]),
      },
      { kind: 'rule' },
      { kind: 'pair', label: t('print.submission.count'), value: String(data.documents.length) },
      ...missingBlocks(data, t),
      { kind: 'pair', label: t('print.agent'), value: data.agent },
      { kind: 'pair', label: t('print.counter'), value: data.counter },
      { kind: 'qr', data: data.qr },
      { kind: 'text', text: t('print.submission.notice'), align: 'center' },
      { kind: 'cut' },
    ],
  };
}

/** "Still to bring": each missing document with its code, or that nothing is missing. */
function missingBlocks(data: SubmissionReceiptData, t: ReturnType<typeof formatters>['t']): Receipt['blocks'] {
  if (!data.missing) return [];
  if (data.missing.length === 0) return [{ kind: 'text', text: t('print.submission.missingNone') }];
  return [{ kind: 'text', text: t('print.submission.missing'), bold: true }, ...data.missing.map((d) => ({ kind: 'text', text: `${d.code} ${d.designation}` }) as const)];
}
