/** The queue ticket handed out at reception or by the kiosk. */
import type { Receipt } from '../receipt-model.ts';
import type { Locale } from '../../i18n/translate.ts';
import { type ReceiptHeader, formatters, headerBlocks } from './common.ts';
import type { WaitEstimate } from '../../queue/ranking.ts';
import { waitText } from '../../queue/wait-text.ts';

export interface QueueTicketData extends ReceiptHeader {
  serviceName: string;
  /** A012 */
  label: string;
  issuedAt: string;
  waitingAhead: number;
  /** The estimate shown on the screen when the ticket was issued (one estimate, one wording). */
  wait: WaitEstimate;
  /** What the QR code holds: the ticket id, for the counter's scanner. */
  qr: string;
}

export function queueTicket(data: QueueTicketData, locale: Locale): Receipt {
  const { t, dateTime } = formatters(locale, data.timeZone);
  return {
    summary: t('print.ticket.summary', { label: data.label }),
    blocks: [
      ...headerBlocks(data),
      { kind: 'text', text: data.serviceName, align: 'center', bold: true },
      { kind: 'text', text: t('print.ticket.yourNumber'), align: 'center' },
      { kind: 'big', text: data.label },
      { kind: 'text', text: dateTime(data.issuedAt), align: 'center' },
      { kind: 'rule' },
      { kind: 'pair', label: t('print.ticket.ahead'), value: String(data.waitingAhead) },
      { kind: 'pair', label: t('print.ticket.wait'), value: waitText(t, data.wait) },
      { kind: 'qr', data: data.qr },
      { kind: 'text', text: t('print.ticket.keep'), align: 'center' },
      { kind: 'cut' },
    ],
  };
}
