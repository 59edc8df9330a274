/** What the waiting room hears and reads when a ticket is called. Pure. */
import { type Locale, translate } from '../i18n/translate.ts';
import { spokenLabel } from './numbering.ts';

/** C03 → "3": counters are painted with their number. */
export function counterNumber(code: string): string {
  const digits = code.replace(/^\D+/, '');
  return digits ? String(Number(digits)) : code;
}

/** "Ticket A 12, counter 3" / "Ticket A 12, guichet 3". */
export function announcement(label: string, counter: string, locale: Locale): string {
  return translate(locale, 'queue.announce', { ticket: spokenLabel(label), counter: counterNumber(counter) });
}
