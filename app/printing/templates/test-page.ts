/** The settings screen's test print: the characters French needs, the profile, a QR code. */
import type { Receipt } from '../receipt-model.ts';
import type { Locale } from '../../i18n/translate.ts';
import type { PrinterProfile } from '../profiles.ts';
import { formatters } from './common.ts';

export const ACCENT_SAMPLE = 'À Â Ç É È Ê Ë Î Ï Ô Œ Ù Û Ü Ÿ à â ç é è ê ë î ï ô œ ù û ü ÿ €';

export function testPage(profile: PrinterProfile, locale: Locale, at: string): Receipt {
  const { t, dateTime } = formatters(locale);
  return {
    summary: t('print.test.summary'),
    blocks: [
      { kind: 'title', text: t('print.test.title') },
      { kind: 'text', text: profile.name, align: 'center' },
      { kind: 'text', text: dateTime(at), align: 'center' },
      { kind: 'rule' },
      { kind: 'pair', label: t('print.test.paper'), value: `${profile.paper} mm` },
      { kind: 'pair', label: t('print.test.columns'), value: String(profile.columns) },
      { kind: 'pair', label: t('print.test.codepage'), value: profile.codepage },
      { kind: 'text', text: ACCENT_SAMPLE },
      { kind: 'text', text: '1234567890'.repeat(Math.ceil(profile.columns / 10)).slice(0, profile.columns) },
      { kind: 'qr', data: 'https://front-office.test/print' },
      { kind: 'cut' },
    ],
  };
}
